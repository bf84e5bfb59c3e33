"""The demo shows the diploma as a tutored program: graded out of 100, two
tutors sharing the open edition, and learners' work in every state."""

import pytest

from certificados.models import Certificate
from cursos.editions import tutored_enrollments
from cursos.models import AssignmentPage, CoursePage, Enrollment, Submission
from lms.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(demo_site):
    """The diploma of the demo, seeded once for the module (tests/conftest.py)."""
    return CoursePage.objects.get(slug="diplomado-gestion-municipal-transparencia")


def test_the_diploma_is_graded_with_tasks_and_one_final_project(seeded):
    assert seeded.is_graded and seeded.pass_mark == 70
    tasks = AssignmentPage.objects.live().descendant_of(seeded)
    assert tasks.count() == 6
    assert tasks.filter(is_final_project=True).count() == 1


def test_two_tutors_share_the_edition_and_every_learner_has_one(seeded):
    tutora = User.objects.get(email="tutora@infom.gob.gt")
    tutor = User.objects.get(email="tutor@infom.gob.gt")
    diploma = Enrollment.objects.filter(course=seeded)
    west = set(tutored_enrollments(tutora).filter(course=seeded))
    rest = set(tutored_enrollments(tutor).filter(course=seeded))
    assert west and rest and not west & rest
    assert west | rest == set(diploma)


def test_learners_work_is_in_every_state(seeded):
    states = set(
        Submission.objects.filter(enrollment__course=seeded).values_list(
            "state", flat=True
        )
    )
    assert states == {"entregada", "calificada", "devuelta"}
    results = dict(
        Enrollment.objects.filter(
            course=seeded, completed_at__isnull=False
        ).values_list("user__email", "result")
    )
    assert sorted(results.values()) == ["aprobado", "aprobado", "participacion"]
    kinds = Certificate.objects.filter(enrollment__course=seeded).values_list(
        "kind", flat=True
    )
    assert sorted(kinds) == ["aprobacion", "aprobacion", "participacion"]
    for enrollment in Enrollment.objects.filter(course=seeded, result="aprobado"):
        assert enrollment.final_grade >= 70
