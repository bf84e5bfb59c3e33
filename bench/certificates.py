"""Certificate costs:
1. median ms to render one certificate with reportlab over 200 renders (budget
   ≤ 15 ms, goal ≤ 8 ms);
2. median ms to render and sign it (PAdES B-B, certificados.signing, a throwaway
   EC P-256 demo key as in `make demo`), the signature alone, and the ratio
   signed / unsigned, in the same run;
3. the same certificate with WeasyPrint (HTML + CSS), in the same run, and the
   ratio between the two;
4. seconds to issue 1,000 signed certificates through Celery with two worker
   processes on Redis (budget ≤ 10 s; the exam-day goal is 5 s), and the same
   1,000 unsigned for comparison — needs PostgreSQL and Redis (`make bench`
   sets them).
"""

import base64
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

from certificados.demo_signing import write_demo_credentials  # noqa: E402

# A throwaway demo key, for this process and the workers it starts.
SIGNING_DIR = tempfile.TemporaryDirectory(prefix="bench-firma-")
os.environ.update(write_demo_credentials(SIGNING_DIR.name)[0].environment())
if os.environ.get("CELERY_BENCH_BROKER_URL"):
    # The test settings run tasks eagerly; the broker is set from the start so
    # the producer pool points at Redis once eager mode is switched off.
    os.environ["CELERY_TEST_BROKER_URL"] = os.environ["CELERY_BENCH_BROKER_URL"]

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402

RENDERS = 200
ISSUES = 1_000


def median_ms(action, runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def weasyprint_renderer(certificate):
    import segno
    from weasyprint import HTML

    svg = segno.make(certificate.verification_url, error="m").svg_inline(scale=4)
    html = render_to_string(
        "certificados/bench/weasyprint.html",
        {
            "certificate": certificate,
            "signatories": list(certificate.template.signatories.all()),
            "qr_svg": base64.b64encode(svg.encode()).decode(),
        },
    )
    return lambda: HTML(string=html).write_pdf()


def issue_through_celery(cohort, *, signed: bool = True) -> float | None:
    broker = os.environ.get("CELERY_BENCH_BROKER_URL")
    if connection.vendor != "postgresql" or not broker:
        print("emisión de 1.000 por Celery: omitida (requiere PostgreSQL y Redis)")
        return None
    from certificados.models import BulkIssueJob, Certificate
    from certificados.tasks import start_bulk_job
    from lms.celery import app

    db = connection.settings_dict
    queue = f"bench-{os.getpid()}"
    env = {
        **os.environ,
        # Production-like: DEBUG off (no query log), persistent connections.
        "DJANGO_SETTINGS_MODULE": "lms.settings.base",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "CELERY_BROKER_URL": broker,
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "EMAIL_URL": "dummymail://",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
        "LOG_LEVEL": "WARNING",
        "CONN_MAX_AGE": "60",  # as in production: no new connection per task
    }
    if not signed:
        env.update(CERTIFICATE_SIGNING_KEY="", CERTIFICATE_SIGNING_CERT="")
    worker = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "lms",
            "worker",
            "--concurrency=2",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
            "-Q",
            queue,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    app.conf.update(task_always_eager=False, task_default_queue=queue)
    app.amqp.queues.select_add(queue)
    try:
        time.sleep(3)  # let the worker connect
        start = time.perf_counter()
        job = start_bulk_job(
            cohort=cohort, kind=BulkIssueJob.Kind.ISSUE, created_by=None
        )
        issued = Certificate.objects.filter(enrollment__cohort=cohort, status="emitido")
        while issued.count() < job.total:
            if time.perf_counter() - start > 300:
                raise RuntimeError(
                    f"no terminó en 300 s ({issued.count()} de {job.total} emitidos)"
                )
            time.sleep(0.05)
        return time.perf_counter() - start
    finally:
        app.conf.task_always_eager = True
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a loaded machine: do not lose the figure
            worker.kill()
            worker.wait()


def main() -> None:
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from django.utils import timezone

        from certificados.models import Certificate, CertificateTemplate, Signatory
        from certificados.pdf import render_certificate_pdf
        from certificados.services import issue_for
        from certificados.signing import sign_certificate_pdf
        from cursos.models import Cohort, Enrollment
        from cursos.services.enrollment import enroll
        from lms.celery import app
        from tests.factories import UserFactory, build_course

        template = CertificateTemplate.objects.order_by("pk").first()
        for n, post in enumerate(("Gerencia General", "Coordinación de Formación")):
            Signatory.objects.create(
                template=template, sort_order=n, name=post, post="INFOM"
            )
        course = build_course(
            modules=1, lessons=1, title="Diplomado Gestión Municipal y Transparencia"
        )
        enrollment = enroll(
            user=UserFactory(full_name="María José Tzul Batz"), course=course
        )
        Enrollment.objects.filter(pk=enrollment.pk).update(completed_at=timezone.now())
        enrollment.refresh_from_db()
        app.conf.task_always_eager = True
        certificate = issue_for(enrollment) or Certificate.objects.get(
            enrollment=enrollment
        )
        certificate = Certificate.objects.select_related("template").get(
            pk=certificate.pk
        )

        reportlab_ms = median_ms(lambda: render_certificate_pdf(certificate), RENDERS)
        signed_ms = median_ms(
            lambda: sign_certificate_pdf(render_certificate_pdf(certificate)), RENDERS
        )
        unsigned = render_certificate_pdf(certificate)
        signature_ms = median_ms(lambda: sign_certificate_pdf(unsigned), RENDERS)
        print(f"razón firmado / sin firmar: {signed_ms / reportlab_ms:.2f}×")
        print(
            f"reportlab: mediana {reportlab_ms:.2f} ms por certificado "
            f"({RENDERS} renders; presupuesto ≤ 15 ms, meta ≤ 8 ms)"
        )
        print(
            f"reportlab + firma PAdES B-B: mediana {signed_ms:.2f} ms por certificado "
            f"(la firma sola: {signature_ms:.2f} ms; {RENDERS} veces)"
        )
        try:
            render = weasyprint_renderer(certificate)
            weasy_ms = median_ms(render, 20)
            print(f"WeasyPrint: mediana {weasy_ms:.2f} ms por certificado (20 renders)")
            print(f"razón WeasyPrint / reportlab: {weasy_ms / reportlab_ms:.1f}×")
        except (ImportError, OSError) as error:
            print(f"WeasyPrint no disponible en esta máquina: {error}")

        for signed, label in ((True, "firmados"), (False, "sin firma")):
            users = UserFactory.create_batch(ISSUES)
            now = timezone.now()
            cohort = Cohort.objects.create(
                course=course,
                name=f"Edición de prueba ({label})",
                enrollment_opens=now,
                enrollment_closes=now,
                starts_on=now.date(),
            )
            Enrollment.objects.bulk_create(
                [
                    Enrollment(
                        user=u,
                        course=course,
                        cohort=cohort,
                        completed_at=now,
                        status="completada",
                    )
                    for u in users
                ]
            )
            seconds = issue_through_celery(cohort, signed=signed)
            if seconds is None:
                break
            print(
                f"emitir {ISSUES} certificados {label} por Celery "
                f"(2 procesos, Redis, lotes de 50): "
                f"{seconds:.1f} s (presupuesto ≤ 10 s, meta del día de examen 5 s)"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
