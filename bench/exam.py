"""Exam day, in process: what each request of an exam-taker costs.

For "Mi aprendizaje", the quiz page, start (POST), the attempt page, autosave
(POST, as static/js/evaluacion.js sends it), the plain form submit (no
JavaScript) and the result page: SQL queries (and writes) per request, and the
median in-process time as a ratio to a bare Django view served through the same
middleware (the yardstick of bench/pages.py). Then a cProfile of autosave and of
the attempt page, top 15 by cumulative time (``EXAM_BENCH_PROFILE`` names
others, comma-separated: "mi aprendizaje", "página de la evaluación",
"resultado").

Production is PostgreSQL + Redis: set DATABASE_URL and CACHE_URL to measure
against them (a throwaway test database is created and dropped); without them,
SQLite and the local-memory cache. CSRF is enforced as in a browser.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/exam_bench \
    CACHE_URL=redis://127.0.0.1:6379/13 .venv/bin/python bench/exam.py
"""

import cProfile
import os
import pstats
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

RUNS = int(os.environ.get("EXAM_BENCH_RUNS", "100"))
QUESTIONS = 20
PROFILED = 300
WRITES = ("INSERT", "UPDATE", "DELETE")


def median_ms(action, runs: int = RUNS) -> tuple[float, float]:
    """Median wall time and median CPU time of this process, in ms. On a
    shared, loaded machine the CPU time is the steadier figure (it leaves out
    waiting for PostgreSQL, Redis and other processes)."""
    action()  # warm caches
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        cpu.append((time.process_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return statistics.median(wall), statistics.median(cpu)


CACHE_CALLS = [0]


def count_cache_round_trips() -> None:
    """Count the calls that reach Redis (each is one round trip), by wrapping
    the methods of Django's Redis client; with locmem nothing is counted."""
    from django.core.cache import cache
    from django.core.cache.backends.redis import RedisCacheClient

    if not hasattr(cache, "_cache"):
        return
    for name in (
        "get",
        "set",
        "add",
        "delete",
        "get_many",
        "set_many",
        "touch",
        "has_key",
        "incr",
        "delete_many",
    ):
        original = getattr(RedisCacheClient, name)

        def wrapper(self, *args, _original=original, **kwargs):
            CACHE_CALLS[0] += 1
            return _original(self, *args, **kwargs)

        setattr(RedisCacheClient, name, wrapper)


def database_cpu_ticks() -> int | None:
    """CPU clock ticks (user + system) used so far by this connection's
    PostgreSQL backend process, read from /proc on the same machine; None on
    SQLite or when the server runs elsewhere."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[11]) + int(fields[12])  # utime, stime


def database_cpu_ms(action, runs: int) -> float | None:
    """Mean CPU of the PostgreSQL backend per request, in ms, over ``runs``
    requests (ticks are 10 ms, so only a mean over many requests says much)."""
    before = database_cpu_ticks()
    if before is None:
        return None
    for _ in range(runs):
        action()
    ticks = database_cpu_ticks() - before
    return ticks * 1000 / os.sysconf("SC_CLK_TCK") / runs


def counted(action) -> tuple[int, int, int]:
    before = CACHE_CALLS[0]
    with CaptureQueriesContext(connection) as captured:
        action()
    round_trips = CACHE_CALLS[0] - before
    if os.environ.get("EXAM_BENCH_SQL"):
        for query in captured.captured_queries:
            print("    SQL:", query["sql"][:300])
    sql = [q["sql"].lstrip().upper() for q in captured.captured_queries]
    return len(sql), sum(1 for s in sql if s.startswith(WRITES)), round_trips


def exam_course():
    from tests.factories import add_quiz, build_course, question

    course = build_course(modules=3, lessons=5)
    questions = [
        question(
            kind=("single", "multiple", "true_false")[n % 3],
            prompt=f"Pregunta {n} del examen final",
            correct=(0, 2) if n % 3 == 1 else (n % 2,),
            choices=4,
        )
        for n in range(QUESTIONS)
    ]
    quiz = add_quiz(
        course, questions=questions, module=2, time_limit_minutes=60, max_attempts=3
    )
    return course, quiz


def learner_in(course):
    from cursos.services.enrollment import enroll
    from tests.factories import UserFactory

    learner = UserFactory()
    enroll(user=learner, course=course)
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    client.get("/mi-aprendizaje/")  # sets the CSRF cookie
    return learner, client


def token(client: Client) -> str:
    return client.cookies["csrftoken"].value


def form_body(client: Client, attempt, answered: int) -> dict:
    """The whole form with the first ``answered`` questions answered."""
    from tests.factories import right_answers

    answers = right_answers(attempt)
    data = {f"q-{k}": answers[k] for k in list(answers)[:answered]}
    data.update(csrfmiddlewaretoken=token(client), accion="guardar")
    return data


def post_as_fetch(client: Client, url: str, body: dict):
    """POST ``body`` form-encoded, as evaluacion.js's fetch sends its
    URLSearchParams (the test client would send multipart)."""
    return client.post(
        url,
        urlencode(body, doseq=True),
        content_type="application/x-www-form-urlencoded;charset=UTF-8",
        HTTP_X_REQUESTED_WITH="fetch",
    )


def autosave_body(client: Client, attempt, changed: int) -> dict:
    """What static/js/evaluacion.js posts when one answer changes: the question
    (``pregunta``) and its chosen choices; before issue 17 it posted the form."""
    from tests.factories import right_answers

    if os.environ.get("EXAM_BENCH_WHOLE_FORM"):
        return form_body(client, attempt, changed + 1)
    answers = right_answers(attempt)
    key = list(answers)[changed]
    return {
        "csrfmiddlewaretoken": token(client),
        "accion": "guardar",
        "pregunta": key,
        f"q-{key}": answers[key],
    }


# Frames every request passes through (the test client, each middleware's
# wrapper): they top any cumulative list and say nothing.
_WRAPPERS = re.compile(
    r"django/test/client\.py|exception\.py:\d+\(inner\)|deprecation\.py"
    r"|\(__call__\)|bench/exam\.py|\(get_response\)|builtins\.exec"
)


def profile(label: str, action) -> None:
    action()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(PROFILED):
        action()
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = max(entry[3] for entry in stats.stats.values())
    entries = []
    for (filename, line, name), (
        _cc,
        calls,
        tottime,
        cumtime,
        _,
    ) in stats.stats.items():
        where = f"{filename.replace(str(ROOT) + '/', '').split('site-packages/')[-1]}"
        where = f"{where}:{line}({name})"
        if _WRAPPERS.search(where):
            continue
        entries.append((cumtime, tottime, calls, where))
    print(f"\ncProfile, {label} ({PROFILED} peticiones), 15 primeras por acumulado:")
    print("  % del total  acum. ms/pet  propio ms/pet  llamadas/pet  función")
    entries.sort(reverse=True)
    for cumtime, tottime, calls, where in entries[:15]:
        print(
            f"  {cumtime / total:10.0%}  {cumtime * 1000 / PROFILED:12.2f}"
            f"  {tottime * 1000 / PROFILED:13.2f}  {calls / PROFILED:12.1f}  {where}"
        )
    print("  … y las 10 primeras por tiempo propio:")
    entries.sort(key=lambda entry: entry[1], reverse=True)
    for cumtime, tottime, calls, where in entries[:10]:
        print(
            f"  {tottime / total:10.0%}  {cumtime * 1000 / PROFILED:12.2f}"
            f"  {tottime * 1000 / PROFILED:13.2f}  {calls / PROFILED:12.1f}  {where}"
        )


@override_settings(ROOT_URLCONF="_bench_urls")
def main() -> None:
    from cursos.models import QuizAttempt

    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        vendor = connection.vendor
        from django.conf import settings

        count_cache_round_trips()
        cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
        print(f"base de datos: {vendor} · caché: {cache}")
        course, quiz = exam_course()
        anonymous = Client()
        bare, bare_cpu = median_ms(lambda: anonymous.get("/bench/bare/"), RUNS * 3)
        print(
            f"vista Django mínima: mediana {bare:.3f} ms, CPU {bare_cpu:.3f} ms"
            " (las unidades de las razones)"
        )

        def row(label, action, runs=RUNS):
            cost, cpu = median_ms(action, runs)  # warms the caches first
            n, writes, trips = counted(action)
            database = database_cpu_ms(action, runs)
            print(
                f"{label}: {cost / bare:.1f}× (CPU {cpu / bare_cpu:.1f}×)"
                f" · {n} consultas ({writes} escrituras) · {trips} idas a la caché"
                f" · mediana {cost:.2f} ms, CPU {cpu:.2f} ms"
                + ("" if database is None else f", CPU de PostgreSQL {database:.2f} ms")
            )

        learner, client = learner_in(course)

        def get_ok(path):
            def action():
                response = client.get(path)
                assert response.status_code == 200, (path, response.status_code)

            return action

        row("mi aprendizaje", get_ok("/mi-aprendizaje/"))
        row("página de la evaluación", get_ok(quiz.url))

        # Start: each measured request is a fresh learner starting (POST → 302).
        starters = [learner_in(course) for _ in range(2 * RUNS + 3)]
        start_url = f"/mi-aprendizaje/evaluaciones/{quiz.pk}/comenzar/"

        def start_one():
            _learner, c = starters.pop()
            response = c.post(start_url, {"csrfmiddlewaretoken": token(c)})
            assert response.status_code == 302, response.status_code

        row("comenzar (POST)", start_one)

        client.post(start_url, {"csrfmiddlewaretoken": token(client)})
        attempt = QuizAttempt.objects.get(enrollment__user=learner, quiz=quiz)
        attempt_url = f"/mi-aprendizaje/evaluaciones/intentos/{attempt.pk}/"
        row("página del intento", get_ok(attempt_url))

        turn = iter(range(10**9))

        def autosave():
            body = autosave_body(client, attempt, next(turn) % QUESTIONS)
            response = post_as_fetch(client, attempt_url, body)
            assert response.status_code == 200, response.content

        row("autoguardado (POST, JS)", autosave)

        # Submit without JavaScript: a fresh attempt per measured request.
        submitters = []
        for _ in range(2 * RUNS + 3):
            lrn, c = starters.pop() if starters else learner_in(course)
            c.post(start_url, {"csrfmiddlewaretoken": token(c)})
            a = QuizAttempt.objects.get(enrollment__user=lrn, quiz=quiz)
            submitters.append((c, a))

        def submit_one():
            c, a = submitters.pop()
            body = form_body(c, a, QUESTIONS)
            body["accion"] = "enviar"
            response = c.post(f"/mi-aprendizaje/evaluaciones/intentos/{a.pk}/", body)
            assert response.status_code == 302, response.status_code

        row("enviar sin JavaScript (POST)", submit_one)
        client.post(
            attempt_url,
            {**form_body(client, attempt, QUESTIONS), "accion": "enviar"},
        )
        row("resultado", get_ok(f"{attempt_url}resultado/"))

        # Profiles: autosave on a fresh open attempt, and its page.
        lrn, c2 = learner_in(course)
        c2.post(start_url, {"csrfmiddlewaretoken": token(c2)})
        a2 = QuizAttempt.objects.get(enrollment__user=lrn, quiz=quiz)
        url2 = f"/mi-aprendizaje/evaluaciones/intentos/{a2.pk}/"

        def autosave2():
            body = autosave_body(c2, a2, next(turn) % QUESTIONS)
            assert post_as_fetch(c2, url2, body).status_code == 200

        profiles = {
            "autoguardado": autosave2,
            "página del intento": lambda: c2.get(url2),
            "mi aprendizaje": get_ok("/mi-aprendizaje/"),
            "página de la evaluación": get_ok(quiz.url),
            "resultado": get_ok(f"{attempt_url}resultado/"),
        }
        chosen = os.environ.get("EXAM_BENCH_PROFILE", "autoguardado,página del intento")
        for label in chosen.split(","):
            profile(label, profiles[label])
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
