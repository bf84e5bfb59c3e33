"""After the load run: every answer the server confirmed is in the database,
and every submitted attempt has exactly one result (run by bench/load/run.py
with the production settings and the load database; see README.md).

    python bench/load/verify.py <folder with confirmadas-*.jsonl>

Prints the figures and exits with 1 when an answer was lost or an attempt
does not have exactly one result.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
for folder in (ROOT, HERE):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.production")


def stored_attempts() -> dict:
    """Every quiz attempt of the database as ``confirmed.StoredAttempt``: its
    answers, whether it is submitted, its QuestionResult rows and whether its
    score is its stored answers graded against its snapshot."""
    from confirmed import StoredAttempt
    from django.db.models import Count

    from cursos.models import QuizAttempt
    from cursos.services.quizzes import grade

    attempts = {}
    rows = (
        QuizAttempt.objects.annotate(results=Count("question_results"))
        .values_list(
            "pk",
            "enrollment_id",
            "answers",
            "submitted_at",
            "status",
            "snapshot",
            "results",
            "score",
            "percent",
        )
        .order_by("pk")
    )
    for row in rows.iterator():
        pk, enrollment, answers, submitted_at, status, snapshot, results = row[:7]
        score, percent = row[7:]
        graded = False
        if submitted_at is not None and score is not None:
            expected = grade(snapshot, answers)
            graded = expected.score == score and expected.percent == percent
        attempts[pk] = StoredAttempt(
            enrollment=enrollment,
            answers=answers or {},
            submitted=submitted_at is not None,
            status=status,
            questions=len(snapshot),
            results=results,
            graded=graded,
        )
    return attempts


def main() -> int:
    import django

    django.setup()
    from confirmed import check, read_journals, summary

    report = check(read_journals(sys.argv[1]), stored_attempts())
    for line in summary(report):
        print(line)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
