"""Data for the tutor area tests: an edition, its tutors and learners, an
assignment (with or without rubric) and work handed in."""

from datetime import date, timedelta

from django.utils import timezone

from cursos.models import (
    TUTORS_GROUP,
    AssignmentPage,
    EditionTutor,
    Enrollment,
    ModulePage,
    Submission,
    SubmissionVersion,
)
from cursos.models.assignments import RubricBlock
from tests.factories import UserFactory, build_course, municipality

GUATEMALA = "0101"  # department 01, Guatemala
TOTONICAPAN = "0801"  # department 08, Totonicapán


def edition(*, starts_on=None, ends_on=None, grace=14, title=None):
    """A published course with one edition that started ten days ago."""
    today = timezone.localdate()
    starts_on = starts_on or today - timedelta(days=10)
    ends_on = ends_on if ends_on is not None else today + timedelta(days=60)
    course = build_course(
        modules=1,
        lessons=2,
        title=title,
        cohorts=[
            {
                "name": "Primera edición",
                "enrollment_opens": timezone.now() - timedelta(days=30),
                "enrollment_closes": timezone.now() + timedelta(days=30),
                "starts_on": starts_on,
                "ends_on": ends_on,
                "grading_grace_days": grace,
            }
        ],
    )
    return course, course.cohorts.get()


def tutor(cohort=None, *, departments=(), **fields):
    user = UserFactory(groups_by_name=(TUTORS_GROUP,), **fields)
    if cohort is not None:
        assignment = EditionTutor.objects.create(cohort=cohort, tutor=user)
        if departments:
            assignment.departments.set(
                [municipality(code).department for code in departments]
            )
    return user


def learner(cohort, *, code=GUATEMALA, tutor=None, **fields):
    user = UserFactory(municipality=municipality(code), **fields)
    return Enrollment.objects.create(
        user=user, course=cohort.course, cohort=cohort, tutor=tutor
    )


RUBRIC = [
    {
        "type": "criterion",
        "value": {
            "criterion": "Diagnóstico",
            "description": "Describe la situación del municipio.",
            "levels": [
                {"name": "Insuficiente", "points": "0", "description": "No hay"},
                {"name": "Bueno", "points": "30", "description": "Con datos"},
                {"name": "Excelente", "points": "50", "description": "Completo"},
            ],
        },
    },
    {
        "type": "criterion",
        "value": {
            "criterion": "Propuesta",
            "description": "",
            "levels": [
                {"name": "Débil", "points": "10", "description": ""},
                {"name": "Sólida", "points": "50", "description": "Viable"},
            ],
        },
    },
]


def assignment(course, *, rubric=False, title="Plan de transparencia"):
    module = ModulePage.objects.child_of(course).order_by("path").first()
    page = AssignmentPage(
        title=title,
        slug=f"tarea-{AssignmentPage.objects.count() + 1}",
        instructions="<p>Redacte un plan de transparencia para su municipio.</p>",
        accepted_formats=["pdf"],
        max_points=100,
        rubric=RubricBlock().to_python(RUBRIC) if rubric else [],
    )
    module.add_child(instance=page)
    page.save_revision().publish()
    return page


def hand_in(enrollment, assignment, *, days_ago=1, text="Mi plan.", versions=1):
    """Work handed in ``days_ago`` days ago (rows written directly, as the
    submit service leaves them)."""
    when = timezone.now() - timedelta(days=days_ago)
    submission = Submission.objects.create(
        enrollment=enrollment,
        assignment=assignment,
        versions_count=versions,
        first_submitted_at=when - timedelta(hours=versions - 1),
        submitted_at=when,
    )
    for number in range(1, versions + 1):
        SubmissionVersion.objects.create(
            submission=submission,
            number=number,
            text=f"{text} (versión {number})",
            submitted_at=when - timedelta(hours=versions - number),
            client_token=f"token-{submission.pk}-{number}",
        )
    return submission


def days_ago(n: int) -> date:
    return timezone.localdate() - timedelta(days=n)
