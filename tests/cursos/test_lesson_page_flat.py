"""The lesson page's context (``cursos.selectors_lesson``) costs the same for a
course of 10 and of 100 lessons and gives the answers of the whole-course
reference (``selectors.item_page_context``, still used by quiz and assignment
pages): progress, previous/next, the short outline, new content and locks."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cursos.models import Cohort, CoursePage, LessonPage, ModulePage, Submission
from cursos.selectors import item_page_context, progress_records
from cursos.selectors_lesson import (
    CourseMap,
    course_map_at,
    learner_records,
    lesson_page_context,
)
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from cursos.services.quizzes import start_attempt, submit_attempt
from tests.cursos.assignments_support import add_assignment
from tests.factories import (
    UserFactory,
    _publish,
    add_quiz,
    build_course,
    course_lessons,
    right_answers,
    wrong_answers,
)

pytestmark = pytest.mark.django_db


def items_of(course):
    from wagtail.models import Page

    return [
        page.specific
        for page in Page.objects.live()
        .descendant_of(course)
        .filter(depth=course.depth + 2)
        .order_by("path")
    ]


def modules_of(course):
    return list(ModulePage.objects.child_of(course).order_by("path"))


def publish_lesson(module, title):
    return _publish(
        module,
        LessonPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            estimated_minutes=5,
            body=[("paragraph", "<p>Contenido.</p>")],
        ),
    )


def shown(item):
    if item is None:
        return None
    return (item.id, item.title, item.url, item.kind, item.minutes, item.module_id)


def comparable(context: dict, *, next_item) -> dict:
    """What a page shows from its context, whatever objects carry it."""
    nav = context["course_nav"]
    progress = context["progress"]
    module = context["module"]
    return {
        "course": context["course"],
        "module": module and (module.id, module.title, module.url),
        "enrollment": context["enrollment"],
        "progress": (progress.done, progress.required, progress.percent),
        "next_in_progress": shown(next_item),
        "new_ids": set(progress.new_ids),
        "nav_module": nav["module"] and (nav["module"].id, nav["module"].url),
        "nav": {
            key: value
            for key, value in nav.items()
            if key not in ("module", "items", "modules")
        },
        "nav_items": [
            {**entry, "item": shown(entry["item"])} for entry in nav["items"]
        ],
        "nav_modules": [
            {**row, "module": (row["module"].id, row["module"].title)}
            for row in nav["modules"]
        ],
        "previous_item": shown(context["previous_item"]),
        "next_item": shown(context["next_item"]),
        "edition_notice": context["edition_notice"],
        **{k: context[k] for k in ("is_done", "is_new", "blocked", "locked_reason")},
    }


def assert_same_as_reference(course, user):
    """Every item of the course: the lesson page's context equals the
    reference's (the lesson builder answers for any item of the map)."""
    for item in items_of(course):
        fast = lesson_page_context(lesson=item, user=user)
        reference = item_page_context(item=item, user=user)
        assert comparable(fast, next_item=fast["progress"].next_item) == comparable(
            reference, next_item=reference["progress"].next_item()
        ), item.title


# --------------------------------------------------------------- same answers
def test_sequential_course_with_quiz_and_assignment_locks_like_the_reference(
    participant,
):
    course = build_course(modules=3, lessons=3, sequential=True)
    quiz = add_quiz(course, module=0)
    add_assignment(course, module=1)
    enrollment = enroll(user=participant, course=course)
    lessons = course_lessons(course)
    assert_same_as_reference(course, participant)  # nothing done: 2 and 3 locked
    for lesson in lessons[:3]:
        complete_lesson(enrollment=enrollment, lesson=lesson)
    assert_same_as_reference(course, participant)  # the quiz still closes module 2
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    submit_attempt(attempt=attempt, answers=right_answers(attempt))
    complete_lesson(enrollment=enrollment, lesson=lessons[4])
    assert_same_as_reference(course, participant)

    locked = lesson_page_context(lesson=lessons[7], user=participant)
    assert locked["blocked"] == "bloqueado"
    assert "Módulo 2" in locked["locked_reason"]
    assert locked["progress"].next_item.id == lessons[5].pk
    assert [row["locked"] for row in locked["course_nav"]["modules"]] == [
        False,
        False,
        True,
    ]


def test_new_content_after_a_completed_module_and_course_like_the_reference(
    participant,
):
    course = build_course(modules=3, lessons=2, sequential=True)
    enrollment = enroll(user=participant, course=course)
    lessons = course_lessons(course)
    for lesson in lessons[:3]:
        complete_lesson(enrollment=enrollment, lesson=lesson)
    first, second, third = modules_of(course)
    added = publish_lesson(first, "Lección agregada")
    publish_lesson(third, "Lección agregada al final")
    assert_same_as_reference(course, participant)
    context = lesson_page_context(lesson=added, user=participant)
    assert context["is_new"] and not context["blocked"]
    assert (context["progress"].done, context["progress"].required) == (3, 7)

    for lesson in course_lessons(course):
        if lesson.pk != added.pk:
            complete_lesson(enrollment=enrollment, lesson=lesson)
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    publish_lesson(second, "Lección posterior al curso")
    assert_same_as_reference(course, participant)
    assert (
        lesson_page_context(lesson=added, user=participant)["progress"].percent == 100
    )


def test_empty_module_first_and_last_items_like_the_reference(participant):
    course = build_course(modules=2, lessons=2)
    _publish(course, ModulePage(title="Módulo vacío", slug="vacio"))
    last = _publish(course, ModulePage(title="Módulo final", slug="final"))
    publish_lesson(last, "Lección final")
    enroll(user=participant, course=course)
    assert_same_as_reference(course, participant)
    items = items_of(course)
    first = lesson_page_context(lesson=items[0], user=participant)
    final = lesson_page_context(lesson=items[-1], user=participant)
    assert first["previous_item"] is None and first["next_item"].id == items[1].pk
    assert final["next_item"] is None and final["previous_item"].id == items[-2].pk
    assert final["course_nav"]["module_number"] == 4
    assert final["module"].title == "Módulo final"


def test_edition_not_started_anonymous_and_not_enrolled_like_the_reference(
    participant,
):
    course = build_course(modules=2, lessons=2, sequential=True)
    today = timezone.localdate()
    now = timezone.now()
    cohort = Cohort.objects.create(
        course=course,
        name="Edición 2027",
        enrollment_opens=now - timedelta(days=3),
        enrollment_closes=now + timedelta(days=3),
        starts_on=today + timedelta(days=5),
        ends_on=today + timedelta(days=60),
    )
    enroll(user=participant, course=course, cohort=cohort)
    assert_same_as_reference(course, participant)
    context = lesson_page_context(lesson=course_lessons(course)[0], user=participant)
    assert context["blocked"] == "bloqueado"
    assert context["locked_reason"].startswith("El contenido se abre el")

    from django.contrib.auth.models import AnonymousUser

    assert_same_as_reference(course, AnonymousUser())
    CoursePage.objects.filter(pk=course.pk).update(
        visibility=CoursePage.Visibility.ENROLLED
    )
    course.refresh_from_db()
    course.save_revision().publish()
    assert_same_as_reference(course, UserFactory())
    assert (
        lesson_page_context(lesson=course_lessons(course)[0], user=UserFactory())[
            "blocked"
        ]
        == "inscripcion"
    )


def test_learner_records_are_the_progress_records_without_item_dates(participant):
    """Lessons completed, quizzes passed or (graded course) failed with every
    attempt used, assignments handed in and not returned, modules completed."""
    course = build_course(modules=2, lessons=2)
    CoursePage.objects.filter(pk=course.pk).update(
        pass_mark=70, weight_quizzes=100, grants_participation=True
    )
    passed = add_quiz(course, module=0)
    exhausted = add_quiz(course, module=1, max_attempts=1)
    failed_once = add_quiz(course, module=1, max_attempts=2)
    handed_in = add_assignment(course, module=0)
    returned = add_assignment(course, module=1)
    enrollment = enroll(user=participant, course=course)
    now = timezone.now()
    for assignment, state in (
        (handed_in, Submission.State.SUBMITTED),
        (returned, Submission.State.RETURNED),
    ):
        Submission.objects.create(
            enrollment=enrollment,
            assignment=assignment,
            state=state,
            first_submitted_at=now,
            submitted_at=now,
        )

    for lesson in course_lessons(course)[:2]:
        complete_lesson(enrollment=enrollment, lesson=lesson)
    attempt = start_attempt(enrollment=enrollment, quiz=passed)
    submit_attempt(attempt=attempt, answers=right_answers(attempt))
    for quiz in (exhausted, failed_once):
        attempt = start_attempt(enrollment=enrollment, quiz=quiz)
        submit_attempt(attempt=attempt, answers=wrong_answers(attempt))
    ours = learner_records(enrollment)
    reference = progress_records(enrollment)
    assert ours.item_ids == reference.item_ids
    assert exhausted.pk in ours.item_ids and failed_once.pk not in ours.item_ids
    assert handed_in.pk in ours.item_ids and returned.pk not in ours.item_ids
    assert set(ours.module_completed_at) == set(reference.module_completed_at) != set()
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    assert ours.module_completed_at == {
        module: (when - epoch) // timedelta(microseconds=1)
        for module, when in reference.module_completed_at.items()
    }


# ------------------------------------------------------------------ flat cost
def lesson_in_the_middle(user, *, modules, per_module):
    course = build_course(modules=modules, lessons=per_module)
    lessons = course_lessons(course)
    enrollment = enroll(user=user, course=course)
    middle = len(lessons) // 2
    for lesson in lessons[:middle]:
        complete_lesson(enrollment=enrollment, lesson=lesson)
    lesson_page_context(lesson=lessons[middle], user=user)  # warm the caches
    return lessons, middle


def test_context_queries_and_outline_size_are_flat_from_10_to_100_lessons():
    """Two queries (enrollment, records) and at most five items and five
    modules in the outline, whatever the length of the course."""
    for modules, per_module in ((2, 5), (10, 10)):
        user = UserFactory()
        lessons, middle = lesson_in_the_middle(
            user, modules=modules, per_module=per_module
        )
        with CaptureQueriesContext(connection) as captured:
            context = lesson_page_context(lesson=lessons[middle], user=user)
        assert len(captured) == 2, [q["sql"] for q in captured]
        nav = context["course_nav"]
        assert len(nav["items"]) <= 5 and len(nav["modules"]) <= 5
        assert [e["current"] for e in nav["items"]].count(True) == 1
        assert context["previous_item"].id == lessons[middle - 1].pk
        assert context["next_item"].id == lessons[middle + 1].pk
        progress = context["progress"]
        assert (progress.done, progress.required, progress.percent) == (
            middle,
            len(lessons),
            50,
        )


def test_outline_window_around_the_lesson_in_a_long_module(participant):
    lessons, _middle = lesson_in_the_middle(participant, modules=3, per_module=12)
    context = lesson_page_context(lesson=lessons[12 + 6], user=participant)
    nav = context["course_nav"]
    assert [e["item"].title for e in nav["items"]] == [
        f"Lección 2.{n}" for n in range(5, 10)
    ]
    assert (nav["items_before"], nav["items_after"]) == (4, 3)
    assert nav["items"][2]["current"]
    assert [row["done"] for row in nav["modules"]] == [12, 6, 0]
    assert [row["complete"] for row in nav["modules"]] == [True, False, False]


def test_course_map_is_built_once_and_purged_on_publish(participant):
    course = build_course(modules=2, lessons=2)
    lessons = course_lessons(course)
    built = course_map_at(course.path)
    assert course_map_at(course.path) == built
    assert isinstance(built, CourseMap) and len(built.item_ids) == 4

    added = publish_lesson(modules_of(course)[1], "Lección nueva")
    lessons[0].title = "Lección renombrada"
    lessons[0].save_revision().publish()

    rebuilt = course_map_at(course.path)
    assert rebuilt.item_ids[-1] == added.pk
    assert rebuilt.item_titles[0] == "Lección renombrada"


def test_lesson_page_shows_the_outline_window_and_locks(client, participant):
    course = build_course(modules=2, lessons=7, sequential=True)
    lessons = course_lessons(course)
    enrollment = enroll(user=participant, course=course)
    for lesson in lessons[:6]:
        complete_lesson(enrollment=enrollment, lesson=lesson)
    client.force_login(participant)
    html = client.get(lessons[5].url).content.decode()
    assert '<span class="meta">Módulo 1 de 2</span>' in html
    assert ">2 contenidos anteriores en este módulo</a>" in html
    assert html.count('<li class="outline__item is-done') == 4
    assert '<span class="meta">6 de 7</span>' in html
    # Module 2 is locked until module 1 is complete: its lock shows.
    assert '<span class="visually-hidden"> · bloqueado</span>' in html
    assert "6 de 14 completadas" in html
    locked = client.get(lessons[8].url).content.decode()
    assert "Esta lección todavía está bloqueada." in locked
    assert "Se abre cuando complete el módulo «Módulo 1»." in locked
    assert f'href="{lessons[6].url}">Ir a lo que sigue' in locked
