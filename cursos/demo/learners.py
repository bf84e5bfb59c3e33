"""Demo people and their progress for `manage.py seed_demo` (idempotent): the
demo participant part-way through the diploma, officials with varied progress
for the reports, and INFOM staff in every state of their required training."""

import uuid
from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Page

from lms.accounts.models import User

from ..models import AssignmentPage, CoursePage, LessonPage, ModulePage, QuizPage
from ..services.enrollment import enroll
from ..services.progress import complete_lesson
from .tutoring import grade_demo_work, return_demo_work, submit_demo_work


def pass_quiz(enrollment, quiz: QuizPage) -> None:
    """Answer every question of a new attempt right and submit it."""
    from ..services.quizzes import start_attempt, submit_attempt

    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    answers = {
        q["key"]: [c["key"] for c in q["choices"] if c["correct"]]
        for q in attempt.snapshot
    }
    submit_attempt(attempt=attempt, answers=answers)


def seed_participant_progress(course: CoursePage) -> None:
    """The demo participant has done module 1 (its three lessons, its quiz and
    its task, graded by her tutor) and the first lesson of module 2."""
    participant = User.objects.get(email="participante@ejemplo.gt")
    enrollment = enroll(user=participant, course=course)
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    first, second = modules[0], modules[1]
    for lesson in LessonPage.objects.child_of(first).live().order_by("path"):
        complete_lesson(enrollment=enrollment, lesson=lesson)
    quiz = QuizPage.objects.child_of(first).live().first()
    if quiz and not enrollment.quiz_attempts.filter(quiz=quiz, passed=True).exists():
        pass_quiz(enrollment, quiz)
    for task in AssignmentPage.objects.child_of(first).live():
        submit_demo_work(enrollment, task)
    grade_demo_work(enrollment, level="alto")
    lesson = LessonPage.objects.child_of(second).live().order_by("path").first()
    complete_lesson(enrollment=enrollment, lesson=lesson)


def seed_staff_completion(course: CoursePage) -> None:
    """The demo staff member completed the induction training (lessons and quiz),
    so they hold its certificate."""
    staff = User.objects.get(email="personal@infom.gob.gt")
    _complete_items(enroll(user=staff, course=course), course)


# ------------------------------------------------------------------ reports demo
# People for the reports (no password: they cannot sign in). Names are invented;
# each line: e-mail, full name, municipality (INE code), post, lessons to complete
# ("all" = the whole diploma with its quizzes and tasks), or how many items of the
# outline (lessons, quizzes and tasks, in order) are done.
DIPLOMA_LEARNERS = (
    ("ana.tzul@ejemplo.gt", "Ana Tzul Batz", "0801", "uip", "all"),
    ("mario.coc@ejemplo.gt", "Mario Coc Caal", "1601", "dmp", "all"),
    ("lucia.mendez@ejemplo.gt", "Lucía Méndez Orozco", "0901", "secretario", "all"),
    ("jose.pop@ejemplo.gt", "José Pop Xol", "1601", "uip", 9),
    ("rosa.ajanel@ejemplo.gt", "Rosa Ajanel Chox", "0701", "concejal", 6),
    ("pedro.lopez@ejemplo.gt", "Pedro López Recinos", "1301", "dafim", 4),
    ("carmen.ical@ejemplo.gt", "Carmen Ical Choc", "1701", "uip", 2),
    ("luis.estrada@ejemplo.gt", "Luis Estrada Morales", "0501", "sindico", 1),
    ("marta.vasquez@ejemplo.gt", "Marta Vásquez Pérez", "2001", "uip", 0),
    ("julio.ramirez@ejemplo.gt", "Julio Ramírez Cifuentes", "1201", "dmp", 0),
)
# Staff for the compliance report: e-mail, name, unit, state of the induction.
STAFF_LEARNERS = (
    ("eva.garcia@infom.gob.gt", "Eva García Solís", "Recursos Humanos", "vencida"),
    (
        "hugo.castillo@infom.gob.gt",
        "Hugo Castillo Ruiz",
        "Asesoría Jurídica",
        "pendiente",
    ),
    (
        "ines.morales@infom.gob.gt",
        "Inés Morales Díaz",
        "Unidad de Información Pública",
        "completa",
    ),
)
# What the tutors did with their work: graded at a rubric level ("alto": approved
# with a high grade; "medio": approved; "bajo": finished below the pass mark, a
# constancia de participación), returned for a new version, or left waiting.
WORK_OUTCOME = {
    "ana.tzul@ejemplo.gt": "alto",
    "mario.coc@ejemplo.gt": "medio",
    "lucia.mendez@ejemplo.gt": "bajo",
    "rosa.ajanel@ejemplo.gt": "devuelta",
    # jose.pop@ejemplo.gt: his first task waits in his tutor's queue.
}
INDUCTION_DAYS = 30
REQUESTS_DAYS = 45


def _demo_person(email, full_name, code, post, *, institution_type, unit=""):
    from lms.accounts.models import Municipality

    municipality = Municipality.objects.select_related("department").get(code=code)
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "full_name": full_name,
            "institution_type": institution_type,
            "institution_name": unit,
            "municipality": municipality,
            "department": municipality.department,
            "post": post,
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user, created


def _complete_items(enrollment, course, count: int | None = None) -> None:
    """Complete the first ``count`` items of the course (all when None) in their
    order: lessons are marked done, quizzes are passed, tasks handed in."""
    from ..selectors import course_outline

    items = course_outline(course).items[:count]
    quizzes = QuizPage.objects.in_bulk([i.id for i in items if i.kind == "evaluacion"])
    tasks = AssignmentPage.objects.in_bulk([i.id for i in items if i.kind == "tarea"])
    lessons = LessonPage.objects.in_bulk([i.id for i in items if i.kind == "leccion"])
    for item in items:
        if item.id in tasks:
            submit_demo_work(enrollment, tasks[item.id])
        elif item.id in quizzes:
            quiz = quizzes[item.id]
            if not enrollment.quiz_attempts.filter(quiz=quiz, passed=True).exists():
                pass_quiz(enrollment, quiz)
        else:
            complete_lesson(enrollment=enrollment, lesson=lessons[item.id])


def seed_diploma_learners(course: CoursePage) -> None:
    """Officials from several departments with varied progress; three finished:
    two approved (certificates) and one below the pass mark (a constancia)."""
    for email, name, code, post, done in DIPLOMA_LEARNERS:
        user, created = _demo_person(
            email, name, code, post, institution_type=User.InstitutionType.MUNICIPALITY
        )
        enrollment = enroll(user=user, course=course)
        _complete_items(enrollment, course, None if done == "all" else done)
        outcome = WORK_OUTCOME.get(email)
        if outcome == "devuelta":
            return_demo_work(enrollment)
        elif outcome:
            grade_demo_work(enrollment, level=outcome)
        if created:
            _seed_risk(enrollment, course)
    _seed_pending_draft(course)


# For the dashboard's "Participantes en riesgo": days since their last activity
# (None: enrolled that many days ago and never started), and who failed the first
# quiz with every attempt.
INACTIVE_LEARNERS = {
    "marta.vasquez@ejemplo.gt": 20,
    "julio.ramirez@ejemplo.gt": 16,
    "luis.estrada@ejemplo.gt": 18,
}
OUT_OF_ATTEMPTS = ("carmen.ical@ejemplo.gt",)


def _seed_risk(enrollment, course: CoursePage) -> None:
    from ..models import Enrollment
    from ..services.quizzes import start_attempt, submit_attempt

    email = enrollment.user.email
    if email in OUT_OF_ATTEMPTS:
        quiz = QuizPage.objects.live().descendant_of(course).order_by("path").first()
        for _attempt in range(quiz.max_attempts or 1):
            attempt = start_attempt(enrollment=enrollment, quiz=quiz)
            answers = {
                q["key"]: [next(c["key"] for c in q["choices"] if not c["correct"])]
                for q in attempt.snapshot
            }
            submit_attempt(attempt=attempt, answers=answers)
    if email in INACTIVE_LEARNERS:
        since = timezone.now() - timedelta(days=INACTIVE_LEARNERS[email])
        Enrollment.objects.filter(pk=enrollment.pk).update(
            enrolled_at=since - timedelta(days=3),
            last_activity_at=since if enrollment.last_activity_at else None,
        )


def _seed_pending_draft(course: CoursePage) -> None:
    """A change to a diploma lesson saved but not published, for the dashboard's
    "Borradores por revisar"."""
    if Page.objects.descendant_of(course).filter(has_unpublished_changes=True):
        return
    lesson = LessonPage.objects.live().descendant_of(course).order_by("-path").first()
    if lesson is not None:
        lesson.save_revision()


def seed_required_training(staff_courses: list[CoursePage]) -> None:
    """Both staff trainings are required for "Personal INFOM" (30 and 45 days
    after joining). Staff in every state: the demo account completed the
    induction and is taking the second training; one colleague is overdue (with
    the reminders she was sent), one has not started, one has finished."""
    from django.contrib.auth.models import Group

    from lms.accounts.models import STAFF_GROUP

    from ..models import RequiredTraining, TrainingAssignment, TrainingReminder

    induction, requests = staff_courses
    group = Group.objects.get(name=STAFF_GROUP)
    today = timezone.localdate()
    people = []
    for email, name, unit, state in STAFF_LEARNERS:
        user, created = _demo_person(
            email, name, "0101", User.Post.OTHER, institution_type="infom", unit=unit
        )
        if created:
            user.post_other = "Personal técnico"
            user.save(update_fields=["post_other"])
            user.groups.add(group)
        people.append((user, state, created))
    for course, days in ((induction, INDUCTION_DAYS), (requests, REQUESTS_DAYS)):
        RequiredTraining.objects.get_or_create(
            course=course,
            group=group,
            defaults={
                "due_rule": RequiredTraining.DueRule.AFTER_JOINING,
                "due_days": days,
            },
        )
    for user, state, created in people:
        if state == "completa":
            _complete_items(enroll(user=user, course=induction), induction)
        if state == "vencida" and created:
            # She joined 40 days ago: the induction was due ten days ago.
            joined = today - timedelta(days=40)
            assignment = TrainingAssignment.objects.current().get(
                user=user, course=induction
            )
            assignment.assigned_on = joined
            assignment.due_on = joined + timedelta(days=INDUCTION_DAYS)
            assignment.save(update_fields=["assigned_on", "due_on"])
            TrainingReminder.objects.bulk_create(
                TrainingReminder(
                    assignment=assignment,
                    kind=kind,
                    due_on=assignment.due_on,
                    run=uuid.uuid4(),
                    sent_at=timezone.make_aware(
                        datetime.combine(
                            assignment.due_on - timedelta(days=before), time(7)
                        )
                    ),
                )
                for kind, before in (("antes-7", 7), ("antes-1", 1), ("dia", 0))
            )
    staff = User.objects.get(email="personal@infom.gob.gt")
    enrollment = enroll(user=staff, course=requests)
    first = LessonPage.objects.live().descendant_of(requests).order_by("path").first()
    complete_lesson(enrollment=enrollment, lesson=first)
