"""Certificates on PostgreSQL, Redis and real Celery workers."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings

from certificados.models import Certificate, CertificateVersion
from certificados.services import issue_for
from certificados.tasks import render_certificate
from cursos.models import Enrollment
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from tests.factories import UserFactory, build_course, course_lessons
from tests.integration.conftest import broker_url
from tests.integration.test_course_races import run_concurrently

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def completed_enrollment():
    course = build_course(modules=1, lessons=1)
    enrollment = enroll(user=UserFactory(), course=course)
    complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    return Enrollment.objects.select_related("course", "user", "cohort").get(
        pk=enrollment.pk
    )


def test_concurrent_completion_events_make_one_certificate(postgresql):
    enrollment = completed_enrollment()
    Certificate.objects.filter(enrollment=enrollment).delete()
    results, errors = run_concurrently(lambda _: issue_for(enrollment), count=10)
    assert errors == []
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
    assert len({c.pk for c in results}) == 1


def test_running_the_task_twice_keeps_one_file(postgresql):
    certificate = Certificate.objects.get(enrollment=completed_enrollment())
    render_certificate.apply(args=[certificate.pk])
    render_certificate.apply(args=[certificate.pk])
    run_concurrently(lambda _: render_certificate.apply(args=[certificate.pk]), count=4)
    assert CertificateVersion.objects.filter(certificate=certificate).count() == 1
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.ISSUED


def start_worker(queue: str, log_path, delay: float):
    from django.db import connection

    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.dev",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}",
        "CELERY_BROKER_URL": broker_url(),
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "CELERY_VISIBILITY_TIMEOUT": "2",
        "CERTIFICATE_RENDER_DELAY_SECONDS": str(delay),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
        "EMAIL_URL": "dummymail://",
    }
    log = open(log_path, "a")  # noqa: SIM115
    process = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "worker",
            "--concurrency=1",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=INFO",
            "-Q",
            queue,
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return process, log


def wait_for(predicate, timeout, message):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    pytest.fail(message)


def test_a_worker_killed_while_rendering_leaves_one_issued_certificate(
    postgresql, tmp_path
):
    """SIGKILL the whole worker mid-render; a new worker picks the message up
    again (acks_late + reject_on_worker_lost + visibility timeout) and the
    certificate ends issued, exactly once."""
    from lms.celery import app

    queue = f"{settings.CELERY_TASK_DEFAULT_QUEUE}-durabilidad"
    log_path = tmp_path / "worker.log"
    enrollment = completed_enrollment()
    certificate = Certificate.objects.get(enrollment=enrollment)
    CertificateVersion.objects.filter(certificate=certificate).delete()
    Certificate.objects.filter(pk=certificate.pk).update(
        status=Certificate.Status.PENDING, sha256="", pdf=""
    )
    slow, log = start_worker(queue, log_path, delay=30)
    try:
        app.conf.task_always_eager = False
        render_certificate.apply_async(args=[certificate.pk], queue=queue)
        wait_for(
            lambda: "Task certificados.render" in log_path.read_text(),
            60,
            "El worker no recibió la tarea:\n" + log_path.read_text()[-2000:],
        )
        os.killpg(slow.pid, signal.SIGKILL)
        slow.wait(timeout=10)
    finally:
        app.conf.task_always_eager = True
        log.close()
    certificate.refresh_from_db()
    assert certificate.status == Certificate.Status.PENDING

    time.sleep(3)  # past the visibility timeout: the message is restored
    fresh, log = start_worker(queue, log_path, delay=0)
    try:
        wait_for(
            lambda: (
                Certificate.objects.get(pk=certificate.pk).status
                == Certificate.Status.ISSUED
            ),
            90,
            "El certificado no se emitió tras reiniciar el worker:\n"
            + log_path.read_text()[-3000:],
        )
    finally:
        fresh.send_signal(signal.SIGTERM)
        try:
            fresh.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(fresh.pid, signal.SIGKILL)
        log.close()
    assert CertificateVersion.objects.filter(certificate=certificate).count() == 1
    assert Certificate.objects.filter(enrollment=enrollment).count() == 1
