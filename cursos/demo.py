"""Demo courses for `manage.py seed_demo` (idempotent): the diploma, two staff
trainings, an open cohort and the demo participant part-way through."""

import uuid
from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.models import Page

from home.models import HomePage
from lms.accounts.models import User

from .blocks import LessonStreamBlock
from .demo_content import DIPLOMA, STAFF_COURSES
from .models import (
    Cohort,
    CourseIndexPage,
    CoursePage,
    LessonPage,
    ModulePage,
    QuizPage,
)
from .quiz_blocks import QuizQuestionsBlock
from .services.enrollment import enroll
from .services.progress import complete_lesson

KINDS = {"diplomado": "diplomado", "obligatoria": "obligatoria", "libre": "libre"}


def _child(parent: Page, model, slug: str):
    return model.objects.child_of(parent).filter(slug=slug).first()


def _add(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def lesson_body(blocks: list) -> list[dict]:
    """Demo block tuples → StreamField raw data."""
    raw = []
    for block_type, value in blocks:
        if block_type == "table":
            value = {
                "caption": value["caption"],
                "table": {
                    "data": [value["header"], *value["rows"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": value["caption"],
                },
            }
        elif block_type == "legal_reference":
            value = {
                "law": value["law"],
                "article": value.get("article", ""),
                "quote": value["quote"],
                "is_paraphrase": bool(value.get("is_paraphrase")),
            }
        raw.append({"type": block_type, "value": value})
    return raw


QUESTION_TYPES = {
    "single": "single_choice",
    "multiple": "multiple_choice",
    "true_false": "true_false",
}


def quiz_questions(questions: list[dict]) -> list[dict]:
    """Demo questions → the quiz StreamField's raw data."""
    raw = []
    for question in questions:
        value = {
            "prompt": question["prompt"],
            "points": question.get("points", 1),
            "explanation": question.get("explanation", ""),
        }
        if question["type"] == "true_false":
            by_text = {c["text"].lower(): c for c in question["choices"]}
            true, false = by_text["verdadero"], by_text["falso"]
            value["answer"] = "verdadero" if true["correct"] else "falso"
            value["feedback_true"] = true.get("feedback", "")
            value["feedback_false"] = false.get("feedback", "")
        else:
            value["choices"] = [
                {
                    "text": c["text"],
                    "correct": c["correct"],
                    "feedback": c.get("feedback", ""),
                }
                for c in question["choices"]
            ]
            if question["type"] == "multiple":
                value["scoring"] = question.get("scoring", "parcial")
        raw.append({"type": QUESTION_TYPES[question["type"]], "value": value})
    return raw


def seed_quiz(module: ModulePage, data: dict, **rules) -> QuizPage:
    quiz = _child(module, QuizPage, data["slug"])
    if quiz is not None:
        return quiz
    return _add(
        module,
        QuizPage(
            title=data["title"],
            slug=data["slug"],
            instructions=f"<p>{data.get('instructions', '')}</p>",
            questions=QuizQuestionsBlock().to_python(quiz_questions(data["questions"])),
            **rules,
        ),
    )


def seed_catalog() -> CourseIndexPage:
    home = HomePage.objects.get()
    catalog = CourseIndexPage.objects.first()
    if catalog is None:
        catalog = _add(
            home,
            CourseIndexPage(
                title="Cursos",
                slug="cursos",
                intro=(
                    "<p>Formación en línea del INFOM para funcionarios municipales y "
                    "para su personal. Las lecciones se leen en el teléfono, con poca "
                    "conexión y sin instalar nada.</p>"
                ),
            ),
        )
    return catalog


NUMBER_WORDS = (
    "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce".split()
)


def module_counts(data: dict = DIPLOMA) -> dict[str, str]:
    """How many modules a course's data has, in the words its texts use: the
    syllabus counts the final exam as a module, so the texts do too."""
    themed = len(data["modules"])
    total = themed + (1 if data.get("final_exam") else 0)
    return {
        "modulos": NUMBER_WORDS[total],
        "Modulos": NUMBER_WORDS[total].capitalize(),
        "modulos_n": str(total),
        "modulos_tematicos": NUMBER_WORDS[themed],
    }


def with_counts(value, counts: dict[str, str] | None = None):
    """``value`` (text, or lists/tuples/dicts of text) with the placeholders
    ``{modulos}``, ``{Modulos}``, ``{modulos_n}`` and ``{modulos_tematicos}``
    filled in from the diploma's data, so no text states a count by hand."""
    counts = counts or module_counts()
    if isinstance(value, str):
        for key, word in counts.items():
            value = value.replace(f"{{{key}}}", word)
        return value
    if isinstance(value, dict):
        return {key: with_counts(item, counts) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(with_counts(item, counts) for item in value)
    return value


def seed_course(catalog: CourseIndexPage, data: dict) -> CoursePage:
    course = _child(catalog, CoursePage, data["slug"])
    if course is not None:
        return course
    data = with_counts(data, module_counts(data))
    course = _add(
        catalog,
        CoursePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            description=data["description"],
            objectives=[("objetivo", text) for text in data["objectives"]],
            kind=KINDS[data["kind"]],
            audience=data["audience"],
            estimated_hours=data["hours"],
            visibility=CoursePage.Visibility.OPEN,
            sequential=data["kind"] == "diplomado",
            grants_certificate=True,
        ),
    )
    stream = LessonStreamBlock()
    for module_data in data["modules"]:
        module = _add(
            course,
            ModulePage(
                title=module_data["title"],
                slug=module_data["slug"],
                summary=module_data.get("summary", ""),
            ),
        )
        for lesson_data in module_data["lessons"]:
            _add(
                module,
                LessonPage(
                    title=lesson_data["title"],
                    slug=lesson_data["slug"],
                    estimated_minutes=lesson_data["minutes"],
                    body=stream.to_python(lesson_body(lesson_data["body"])),
                ),
            )
        if module_data.get("quiz"):
            seed_quiz(
                module,
                module_data["quiz"],
                pass_mark=70,
                max_attempts=3,
                estimated_minutes=15,
                shuffle_choices=True,
                review=QuizPage.Review.FULL,
                reveal=QuizPage.Reveal.PASSED_OR_EXHAUSTED,
            )
    if data.get("final_exam"):
        exam = data["final_exam"]
        module = _add(
            course,
            ModulePage(
                title="Examen final",
                slug="examen-final",
                summary=with_counts(
                    "Evaluación integradora de los {modulos_tematicos} módulos "
                    "temáticos del diplomado.",
                    module_counts(data),
                ),
            ),
        )
        seed_quiz(
            module,
            exam,
            pass_mark=70,
            max_attempts=2,
            time_limit_minutes=45,
            wait_minutes=60,
            draw_count=min(15, len(exam["questions"])),
            shuffle_questions=True,
            shuffle_choices=True,
            estimated_minutes=45,
            review=QuizPage.Review.WHICH_RIGHT,
            reveal=QuizPage.Reveal.PASSED_OR_EXHAUSTED,
        )
    return course


def seed_open_cohort(course: CoursePage) -> Cohort:
    cohort = course.cohorts.first()
    if cohort is None:
        now = timezone.now()
        cohort = Cohort.objects.create(
            course=course,
            name=f"Primera edición {now.year}",
            enrollment_opens=now - timedelta(days=14),
            enrollment_closes=now + timedelta(days=60),
            starts_on=(now - timedelta(days=7)).date(),
            ends_on=(now + timedelta(days=150)).date(),
            capacity=500,
        )
    return cohort


def pass_quiz(enrollment, quiz: QuizPage) -> None:
    """Answer every question of a new attempt right and submit it."""
    from .services.quizzes import start_attempt, submit_attempt

    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    answers = {
        q["key"]: [c["key"] for c in q["choices"] if c["correct"]]
        for q in attempt.snapshot
    }
    submit_attempt(attempt=attempt, answers=answers)


def seed_participant_progress(course: CoursePage) -> None:
    """The demo participant has done module 1 (its three lessons and its quiz)
    and the first lesson of module 2."""
    participant = User.objects.get(email="participante@ejemplo.gt")
    enrollment = enroll(user=participant, course=course)
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    first, second = modules[0], modules[1]
    for lesson in LessonPage.objects.child_of(first).live().order_by("path"):
        complete_lesson(enrollment=enrollment, lesson=lesson)
    quiz = QuizPage.objects.child_of(first).live().first()
    if quiz and not enrollment.quiz_attempts.filter(quiz=quiz, passed=True).exists():
        pass_quiz(enrollment, quiz)
    lesson = LessonPage.objects.child_of(second).live().order_by("path").first()
    complete_lesson(enrollment=enrollment, lesson=lesson)


def seed_staff_completion(course: CoursePage) -> None:
    """The demo staff member completed the induction training (lessons and quiz),
    so they hold its certificate."""
    staff = User.objects.get(email="personal@infom.gob.gt")
    _complete_items(enroll(user=staff, course=course), course)


def seed_courses() -> dict:
    catalog = seed_catalog()
    diploma = seed_course(catalog, DIPLOMA)
    seed_open_cohort(diploma)
    staff_courses = [seed_course(catalog, data) for data in STAFF_COURSES]
    seed_participant_progress(diploma)
    seed_certificate_signatories()
    seed_staff_completion(staff_courses[0])
    seed_diploma_learners(diploma)
    seed_required_training(staff_courses)
    return {"catalog": catalog, "diploma": diploma, "staff_courses": staff_courses}


def seed_certificate_signatories() -> None:
    """Give the default certificate template two signature lines (posts only;
    no real person's name is invented)."""
    from certificados.models import CertificateTemplate, Signatory

    template = CertificateTemplate.objects.order_by("pk").first()
    if template is None or template.signatories.exists():
        return
    Signatory.objects.create(
        template=template, sort_order=0, name="Gerencia General", post="INFOM"
    )
    Signatory.objects.create(
        template=template,
        sort_order=1,
        name="Coordinación de Formación",
        post="Estrategia de Gobierno Abierto, INFOM",
    )


# ------------------------------------------------------------------ reports demo
# People for the reports (no password: they cannot sign in). Names are invented;
# each line: e-mail, full name, municipality (INE code), post, lessons to complete
# ("all" = the whole diploma with its quizzes, so a certificate is issued), or how
# many items of the outline (lessons and quizzes, in order) are done.
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
    order: lessons are marked done, quizzes are passed."""
    from .selectors import course_outline

    items = course_outline(course).items[:count]
    quizzes = QuizPage.objects.in_bulk([i.id for i in items if i.kind == "evaluacion"])
    lessons = LessonPage.objects.in_bulk(
        [i.id for i in items if i.kind != "evaluacion"]
    )
    for item in items:
        if item.id in quizzes:
            quiz = quizzes[item.id]
            if not enrollment.quiz_attempts.filter(quiz=quiz, passed=True).exists():
                pass_quiz(enrollment, quiz)
        else:
            complete_lesson(enrollment=enrollment, lesson=lessons[item.id])


def seed_diploma_learners(course: CoursePage) -> None:
    """Officials from several departments with varied progress; three finished
    (with certificates)."""
    for email, name, code, post, done in DIPLOMA_LEARNERS:
        user, created = _demo_person(
            email, name, code, post, institution_type=User.InstitutionType.MUNICIPALITY
        )
        enrollment = enroll(user=user, course=course)
        _complete_items(enrollment, course, None if done == "all" else done)
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
    from .models import Enrollment
    from .services.quizzes import start_attempt, submit_attempt

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

    from .models import RequiredTraining, TrainingAssignment, TrainingReminder

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
            assignment = TrainingAssignment.objects.get(
                user=user, course=induction, withdrawn_at__isnull=True
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
