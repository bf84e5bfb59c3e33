"""The diploma as a tutored program in the demo (idempotent): its grade out of
100, two tutors sharing the open edition by department, and learners' work in
every state (handed in and waiting, returned, graded; a final grade that
approves and one that earns a constancia de participación)."""

from django.db import transaction

from lms.accounts.models import Department, User

from ..models import AssignmentPage, Cohort, CoursePage, EditionTutor, Submission

# The diploma's grade: quizzes 40 %, module tasks 30 %, final project 30 %; 70 to
# pass; who finishes below it receives a constancia de participación.
DIPLOMA_GRADING = {
    "pass_mark": 70,
    "weight_quizzes": 40,
    "weight_assignments": 30,
    "weight_final_project": 30,
    "grants_participation": True,
}
# The tutor of the western departments (Sololá, Totonicapán, Quetzaltenango, San
# Marcos, Huehuetenango, Quiché); the other tutor attends every other department.
WEST = ("07", "08", "09", "12", "13", "14")
TUTORS = (("tutora@infom.gob.gt", WEST), ("tutor@infom.gob.gt", None))

DEMO_ANSWER = (
    "Respuesta de demostración: en nuestra municipalidad revisamos la información "
    "pública de oficio que se publica y proponemos mejoras concretas, con la "
    "dependencia responsable y una fecha para cada una."
)
FEEDBACK = {
    "alto": "Buen trabajo: el análisis es claro y las propuestas son concretas.",
    "medio": "Cumple lo pedido; precise responsables y fechas en sus propuestas.",
    "bajo": "Faltan ejemplos de su municipalidad; revise las lecciones del módulo.",
}
RETURN_FEEDBACK = (
    "Gracias por su entrega. Le falta identificar qué dependencia se encargaría de "
    "cada propuesta: complétela y envíe una nueva versión."
)


def seed_diploma_grading(course: CoursePage) -> None:
    """The diploma is graded out of 100 (only set on a course not graded yet)."""
    if course.pass_mark is not None:
        return
    for field, value in DIPLOMA_GRADING.items():
        setattr(course, field, value)
    course.save_revision().publish()


def seed_tutors(cohort: Cohort) -> None:
    departments = {d.code: d for d in Department.objects.all()}
    for email, codes in TUTORS:
        tutor = User.objects.get(email=email)
        assignment, created = EditionTutor.objects.get_or_create(
            cohort=cohort, tutor=tutor
        )
        if not created:
            continue
        wanted = codes if codes is not None else sorted(set(departments) - set(WEST))
        assignment.departments.set([departments[code] for code in wanted])


def submit_demo_work(enrollment, assignment: AssignmentPage) -> None:
    """Hand in a text answer once (the demo never uploads files)."""
    from ..services.assignments import submit

    if Submission.objects.filter(enrollment=enrollment, assignment=assignment):
        return
    submit(
        enrollment=enrollment,
        assignment=assignment,
        files=[],
        text=DEMO_ANSWER,
        token=f"demo-{enrollment.pk}-{assignment.pk}",
    )


def _tutor_of(enrollment) -> User:
    from ..editions import tutored_enrollments

    for email, _codes in TUTORS:
        tutor = User.objects.get(email=email)
        if tutored_enrollments(tutor).filter(pk=enrollment.pk).exists():
            return tutor
    raise LookupError(f"Nadie sigue a {enrollment.user.email}")


def _level_scores(assignment: AssignmentPage, level: str) -> list[int]:
    """Per criterion, a level index: "alto" the best everywhere; "medio" one
    below the best in the first criterion; "bajo" the lowest everywhere but the
    first criterion, one above it."""
    scores = []
    for index, criterion in enumerate(assignment.rubric_criteria()):
        top = len(criterion["levels"]) - 1
        if level == "alto":
            scores.append(top)
        elif level == "medio":
            scores.append(top - 1 if index == 0 else top)
        else:
            scores.append(1 if index == 0 else 0)
    return scores


@transaction.atomic
def grade_demo_work(enrollment, *, level: str, release: bool = True) -> None:
    """The learner's tutor grades every submission waiting (rubric levels)."""
    from ..services.assignments import grade

    waiting = Submission.objects.filter(
        enrollment=enrollment, state=Submission.State.SUBMITTED
    ).select_related("assignment")
    for submission in waiting:
        grade(
            submission=submission,
            grader=_tutor_of(enrollment),
            rubric_scores=_level_scores(submission.assignment, level),
            feedback=FEEDBACK[level],
            release=release,
        )


def return_demo_work(enrollment) -> None:
    from ..services.assignments import return_for_revision

    for submission in Submission.objects.filter(
        enrollment=enrollment, state=Submission.State.SUBMITTED
    ):
        return_for_revision(
            submission=submission,
            grader=_tutor_of(enrollment),
            feedback=RETURN_FEEDBACK,
        )
