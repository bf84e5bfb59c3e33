"""Quiz costs: grading throughput in process (submissions graded per second) and
the cost of a submit request relative to a bare Django view through the same
middleware. Run with `make bench`.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402

SUBMITS = 100


def grading_throughput() -> float:
    from cursos.services.quizzes import grade

    snapshot = [
        {
            "key": f"q{n}",
            "type": ("single", "multiple", "true_false")[n % 3],
            "points": "1",
            "scoring": "parcial" if n % 2 else "todo",
            "choices": [{"key": f"q{n}c{i}", "correct": i in (0, 2)} for i in range(4)]
            if n % 3 == 1
            else [{"key": f"q{n}c{i}", "correct": i == 1} for i in range(4)],
        }
        for n in range(20)
    ]
    answers = {q["key"]: [q["choices"][1]["key"]] for q in snapshot}
    rounds = 5_000
    start = time.perf_counter()
    for _ in range(rounds):
        grade(snapshot, answers)
    return rounds / (time.perf_counter() - start)


def median_ms(action, runs) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


@override_settings(ROOT_URLCONF="_bench_urls")
def main() -> None:
    throughput = grading_throughput()
    print(f"calificación en proceso: {throughput:,.0f} envíos/s (20 preguntas)")
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        from cursos.services.enrollment import enroll
        from cursos.services.quizzes import start_attempt
        from tests.factories import UserFactory, add_quiz, build_course, right_answers

        course = build_course(modules=1, lessons=1)
        quiz = add_quiz(course)
        client = Client()
        bare = median_ms(lambda: client.get("/bench/bare/"), 300)
        posts = []
        for _ in range(SUBMITS):
            learner = UserFactory()
            enrollment = enroll(user=learner, course=course)
            attempt = start_attempt(enrollment=enrollment, quiz=quiz)
            data = {f"q-{k}": v for k, v in right_answers(attempt).items()}
            data["accion"] = "enviar"
            posts.append((learner, attempt, data))
        timings = []
        for learner, attempt, data in posts:
            client.force_login(learner)
            client.get(quiz.url)  # warm the outline and session caches
            url = f"/mi-aprendizaje/evaluaciones/intentos/{attempt.pk}/"
            start = time.perf_counter()
            response = client.post(url, data)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 302
        submit = statistics.median(timings)
        print(
            f"envío de una evaluación: {submit / bare:.1f}× la vista mínima · "
            f"mediana {submit:.2f} ms (vista mínima {bare:.3f} ms, {SUBMITS} envíos)"
        )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
