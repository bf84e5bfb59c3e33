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
   sets them) — with the workers' CPU time per certificate (user + system of
   the worker and its pool processes over the run), which a machine shared
   with other work disturbs less than the wall clock.

Options: ``--solo-celery`` runs part 4 only; ``--rondas N`` repeats it N
times; ``--perfil N`` profiles (cProfile) one bulk chunk of N signed
certificates in this process, as a worker runs it, and prints the top entries.
"""

import argparse
import base64
import cProfile
import logging
import os
import pstats
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
# WeasyPrint and fontTools log every subset step at INFO.
for noisy in ("weasyprint", "fontTools"):
    logging.getLogger(noisy).setLevel(logging.WARNING)


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


def worker_cpu_seconds(pid: int) -> float:
    """User + system CPU of the worker and its pool processes so far."""
    import psutil

    worker = psutil.Process(pid)
    total = 0.0
    for process in [worker, *worker.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def issue_through_celery(cohort, *, signed: bool = True) -> tuple[float, float] | None:
    """Wall seconds and worker CPU seconds to issue the cohort's certificates."""
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
        cpu_before = worker_cpu_seconds(worker.pid)
        start = time.perf_counter()
        job = start_bulk_job(
            cohort=cohort, kind=BulkIssueJob.Kind.ISSUE, created_by=None
        )
        # Polled as the admin's progress bar reads it: the job's own row. (A
        # count of the cohort's issued certificates every 50 ms cost PostgreSQL
        # up to half a second per poll once earlier rounds had grown the tables,
        # and took a core from the workers being measured.)
        progress = BulkIssueJob.objects.filter(pk=job.pk).values_list("done", flat=True)
        while progress.get() < job.total:
            if time.perf_counter() - start > 300:
                raise RuntimeError(
                    f"no terminó en 300 s ({progress.get()} de {job.total} hechos)"
                )
            time.sleep(0.05)
        wall = time.perf_counter() - start
        cpu = worker_cpu_seconds(worker.pid) - cpu_before
        issued = Certificate.objects.filter(enrollment__cohort=cohort, status="emitido")
        if issued.count() != job.total:
            raise RuntimeError(f"{issued.count()} de {job.total} emitidos")
        return wall, cpu
    finally:
        app.conf.task_always_eager = True
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a loaded machine: do not lose the figure
            worker.kill()
            worker.wait()


def completed_cohort(course, label: str, size: int):
    """A cohort of ``size`` completed enrollments without certificates."""
    from django.utils import timezone

    from cursos.models import Cohort, Enrollment
    from tests.factories import UserFactory

    users = UserFactory.create_batch(size)
    now = timezone.now()
    cohort = Cohort.objects.create(
        course=course,
        name=f"Edición de prueba ({label})",
        enrollment_opens=now,
        enrollment_closes=now,
        starts_on=timezone.localdate(now),
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
    # What autovacuum would have done long before an edition's certificates
    # are issued (this machine's PostgreSQL may run with it off): without
    # statistics the planner takes the grown tables for empty.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return cohort


def profile_chunk(course, size: int) -> None:
    """cProfile of one bulk chunk of ``size`` signed certificates in this
    process: what a worker does per message, without the broker."""
    from certificados.models import BulkIssueJob
    from certificados.tasks import bulk_chunk
    from cursos.models import Enrollment

    # Warm-up as a running worker is: URLconf, fonts, signer, one chunk.
    warm = completed_cohort(course, "calentamiento", 5)
    job = BulkIssueJob.objects.create(cohort=warm, kind="emitir", total=5)
    bulk_chunk(
        job.pk,
        list(Enrollment.objects.filter(cohort=warm).values_list("pk", flat=True)),
    )

    def chunk_cpu(label: str, run) -> float:
        cohort = completed_cohort(course, label, size)
        ids = list(
            Enrollment.objects.filter(cohort=cohort).values_list("pk", flat=True)
        )
        job = BulkIssueJob.objects.create(cohort=cohort, kind="emitir", total=size)
        cpu = time.process_time()
        run(bulk_chunk, job.pk, ids)
        return time.process_time() - cpu

    # cProfile multiplies the cost of small Python calls: the same chunk
    # without it first, for the figure to compare with the workers'.
    cpu = chunk_cpu("sin perfilador", lambda task, *args: task(*args))
    profiler = cProfile.Profile()
    profiled = chunk_cpu("perfil", profiler.runcall)
    print(
        f"perfil: {size} certificados firmados en un lote, en proceso: "
        f"{cpu * 1000 / size:.1f} ms de CPU por certificado "
        f"({profiled * 1000 / size:.1f} ms con cProfile)"
    )
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(35)
    stats.sort_stats("tottime").print_stats(20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--solo-celery", action="store_true")
    parser.add_argument("--rondas", type=int, default=1)
    parser.add_argument("--perfil", type=int, default=0, metavar="N")
    options = parser.parse_args()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from django.utils import timezone

        from certificados.models import Certificate, CertificateTemplate, Signatory
        from certificados.services import issue_for
        from certificados.tasks import CHUNK
        from cursos.models import Enrollment
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
        if options.perfil:
            profile_chunk(course, options.perfil)
            return
        if not options.solo_celery:
            enrollment = enroll(
                user=UserFactory(full_name="María José Tzul Batz"), course=course
            )
            Enrollment.objects.filter(pk=enrollment.pk).update(
                completed_at=timezone.now()
            )
            enrollment.refresh_from_db()
            app.conf.task_always_eager = True
            certificate = issue_for(enrollment) or Certificate.objects.get(
                enrollment=enrollment
            )
            certificate = Certificate.objects.select_related("template").get(
                pk=certificate.pk
            )
            print_render_costs(certificate)

        for round_number in range(1, options.rondas + 1):
            for signed, label in ((True, "firmados"), (False, "sin firma")):
                cohort = completed_cohort(course, f"{label} {round_number}", ISSUES)
                measured = issue_through_celery(cohort, signed=signed)
                if measured is None:
                    return
                seconds, cpu = measured
                print(
                    f"emitir {ISSUES} certificados {label} por Celery "
                    f"(2 procesos, Redis, lotes de {CHUNK}): {seconds:.1f} s "
                    f"(presupuesto ≤ 10 s, meta del día de examen 5 s); CPU de los "
                    f"workers {cpu:.1f} s, {cpu * 1000 / ISSUES:.1f} ms por certificado"
                )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def print_render_costs(certificate) -> None:
    from certificados.pdf import render_certificate_pdf
    from certificados.signing import sign_certificate_pdf

    reportlab_ms = median_ms(lambda: render_certificate_pdf(certificate), RENDERS)
    signed_ms = median_ms(
        lambda: sign_certificate_pdf(render_certificate_pdf(certificate)), RENDERS
    )
    unsigned = render_certificate_pdf(certificate)
    signature_ms = median_ms(lambda: sign_certificate_pdf(unsigned), RENDERS)
    print(f"razón firmado / sin firmar: {signed_ms / reportlab_ms:.2f}×")
    print(
        f"reportlab: mediana {reportlab_ms:.2f} ms por certificado "
        f"({RENDERS} renders; presupuesto ≤ 15 ms, meta ≤ 8 ms; "
        f"{len(unsigned) / 1024:.1f} KB sin firma)"
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


if __name__ == "__main__":
    main()
