"""Assignment races on PostgreSQL with real threads: a double click on
"Entregar", two first submissions at once, two tutors releasing one grade."""

import pytest
from django.core import mail

from cursos.models import Submission, SubmissionVersion
from cursos.services.assignments import grade, submit
from tests.cursos.assignments_support import (
    add_assignment,
    edition_course,
    enrolled,
    tutor_of,
    upload,
)
from tests.integration.test_course_races import run_concurrently

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _world():
    course, cohort = edition_course()
    assignment = add_assignment(course)
    return cohort, assignment, enrolled(course, cohort)


def test_ten_posts_with_one_token_make_one_version(postgresql):
    _cohort, assignment, enrollment = _world()
    results, errors = run_concurrently(
        lambda _: submit(
            enrollment=enrollment,
            assignment=assignment,
            files=[upload()],
            text="Doble clic",
            token="mismo",
        ),
        count=10,
    )
    assert errors == []
    assert Submission.objects.count() == 1
    assert SubmissionVersion.objects.count() == 1
    assert len({s.pk for s in results}) == 1


def test_concurrent_versions_are_numbered_without_gaps(postgresql):
    _cohort, assignment, enrollment = _world()
    results, errors = run_concurrently(
        lambda n: submit(
            enrollment=enrollment,
            assignment=assignment,
            files=[],
            text=f"Versión {n}",
            token=f"t{n}",
        ),
        count=6,
    )
    assert errors == []
    numbers = sorted(SubmissionVersion.objects.values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4, 5, 6]
    assert Submission.objects.get().versions_count == 6


def test_two_releases_of_one_grade_send_one_email(postgresql):
    cohort, assignment, enrollment = _world()
    tutor = tutor_of(cohort)
    submission = submit(
        enrollment=enrollment, assignment=assignment, files=[], text="x", token="a"
    )
    _results, errors = run_concurrently(
        lambda _: grade(submission=submission, grader=tutor, points=90), count=5
    )
    assert errors == []
    assert Submission.objects.get().state == Submission.State.GRADED
    assert len(mail.outbox) == 1
