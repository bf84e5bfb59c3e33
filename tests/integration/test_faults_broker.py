"""Broker down during real requests (PostgreSQL, Redis, a real Celery worker).

With the broker at a closed loopback port, signing up, resetting a password and
completing a course succeed and leave their work in the outbox; with the real
broker back, the deliverer hands it to the worker: every e-mail arrives once,
the certificate is rendered, and delivering again sends nothing twice."""

import time
from contextlib import contextmanager

import pytest
from django.test import Client

from certificados.models import Certificate
from cursos.services.enrollment import enroll
from lms.accounts.models import User
from lms.celery import app as celery_app
from lms.outbox.models import OutboxMessage
from lms.outbox.services import deliver_pending
from tests.accounts.test_signup import signup_data
from tests.factories import UserFactory, build_course, course_lessons
from tests.forms import post_form
from tests.integration.test_certificate_durability import wait_for

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DEAD_BROKER_URL = "redis://127.0.0.1:1/0"


@contextmanager
def broker_at(url: str):
    """Publish to ``url`` for a while (the web process's producer pools are
    rebuilt for it, and again for the configured broker afterwards)."""

    def switch(to):
        # Not closed: kombu keeps one pool per URL and hands the same one back.
        celery_app.conf.broker_url = to
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    configured = celery_app.conf.broker_url
    switch(url)
    try:
        yield
    finally:
        switch(configured)


def test_nothing_is_lost_nor_sent_twice_when_the_broker_is_down(
    postgresql, celery_worker_process
):
    learner = UserFactory(email="aprendiz@municipalidad.example")
    forgetful = UserFactory(email="olvido@municipalidad.example")
    course = build_course(modules=1, lessons=1)
    lesson = course_lessons(course)[0]
    enrollment = enroll(user=learner, course=course)

    with broker_at(DEAD_BROKER_URL):
        signup = post_form(
            Client(enforce_csrf_checks=True), "/cuentas/signup/", signup_data()
        )
        reset = post_form(
            Client(enforce_csrf_checks=True),
            "/cuentas/password/reset/",
            {"email": forgetful.email},
        )
        client = Client(enforce_csrf_checks=True)
        client.force_login(learner)
        completed = post_form(
            client, lesson.url, action=f"/mi-aprendizaje/completar/{lesson.pk}/"
        )

    assert (signup.status_code, reset.status_code, completed.status_code) == (
        302,
        302,
        302,
    )
    assert User.objects.filter(email=signup_data()["email"]).exists()
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.status == Certificate.Status.PENDING
    pending = OutboxMessage.objects.filter(sent_at__isnull=True)
    assert sorted(pending.values_list("task_name", flat=True)) == [
        "certificados.render",
        "lms.send_email",
        "lms.send_email",
    ]
    assert all(message.attempts == 1 and message.last_error for message in pending)

    # The broker is back: the deliverer publishes what was left pending.
    delivered = deliver_pending(min_age_seconds=0)
    assert delivered == {"sent": 3, "failed": 0}, list(
        OutboxMessage.objects.values_list("last_error", flat=True)
    )
    mails = celery_worker_process.wait_for_mail(3)
    wait_for(
        lambda: (
            Certificate.objects.get(pk=certificate.pk).status
            == Certificate.Status.ISSUED
        ),
        60,
        "the certificate was not rendered by the worker",
    )
    recipients = sorted(
        line.split(":", 1)[1].strip()
        for mail in mails
        for line in mail.splitlines()
        if line.startswith("To:")
    )
    assert recipients == sorted(
        [signup_data()["email"], forgetful.email, learner.email]
    )

    # Delivering again sends nothing twice.
    wait_for(
        lambda: not OutboxMessage.objects.filter(sent_at__isnull=True).exists(),
        30,
        "the worker's own e-mail (certificate issued) stayed in the outbox",
    )
    assert deliver_pending(min_age_seconds=0) == {"sent": 0, "failed": 0}
    time.sleep(3)
    assert len(list(celery_worker_process.mail_dir.glob("*.log"))) == 3
