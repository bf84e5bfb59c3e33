"""Adding content never undoes a learner's progress (issue 12).

The rule (``cursos.selectors``): an item first published after a learner
completed its module, a later module or the course is new for them, offered and
not required; anything else not done is required. Completed modules and courses
(and certificates) are never taken back.
"""

import pytest

from certificados.models import Certificate
from cursos.models import (
    Enrollment,
    LessonPage,
    ModuleCompletion,
    ModulePage,
    QuizPage,
)
from cursos.reports.courses import course_learners
from cursos.selectors import (
    course_outline,
    learner_dashboard,
    progress_for,
    publication_impact,
)
from cursos.services.enrollment import enroll
from cursos.services.progress import complete_lesson
from cursos.services.quizzes import start_attempt, submit_attempt
from tests.factories import (
    UserFactory,
    _publish,
    add_quiz,
    build_course,
    course_lessons,
    right_answers,
)

pytestmark = pytest.mark.django_db


def modules_of(course):
    return list(ModulePage.objects.child_of(course).order_by("path"))


def publish_lesson(module, title="Lección agregada"):
    return _publish(
        module,
        LessonPage(
            title=title,
            slug=title.lower().replace(" ", "-"),
            estimated_minutes=5,
            body=[("paragraph", "<p>Contenido agregado después.</p>")],
        ),
    )


def progress_of(enrollment):
    enrollment.refresh_from_db()
    return progress_for(enrollment=enrollment, course=enrollment.course)


def complete(enrollment, lessons):
    for lesson in lessons:
        complete_lesson(enrollment=enrollment, lesson=lesson)


@pytest.fixture
def course():
    """Sequential: three modules of two lessons."""
    return build_course(modules=3, lessons=2, sequential=True)


# ------------------------------------------------------------------ the cases
def test_learner_mid_module_gets_the_new_lesson_as_required(course, participant):
    enrollment = enroll(user=participant, course=course)
    lessons = course_lessons(course)
    complete(enrollment, lessons[:1])

    added = publish_lesson(modules_of(course)[0])

    progress = progress_of(enrollment)
    assert added.pk not in progress.new_ids
    assert (progress.done, progress.required) == (1, 7)
    assert progress.next_item().id == lessons[1].pk
    assert not ModuleCompletion.objects.filter(enrollment=enrollment).exists()


def test_learner_past_the_module_keeps_module_locks_count_and_place(
    course, participant
):
    enrollment = enroll(user=participant, course=course)
    lessons = course_lessons(course)
    complete(enrollment, lessons[:3])  # module 1 and half of module 2
    first, second, _third = modules_of(course)
    assert ModuleCompletion.objects.filter(enrollment=enrollment, module=first).exists()
    before = progress_of(enrollment)

    added = publish_lesson(first)

    progress = progress_of(enrollment)
    assert progress.new_ids == {added.pk}
    assert (progress.done, progress.required, progress.percent) == (
        before.done,
        before.required,
        before.percent,
    )
    assert progress.module_is_complete(progress.outline.module(first.pk))
    # Nothing locks that was open (module 3 stays locked until module 2 is done).
    for lesson in lessons:
        item = progress.outline.item(lesson.pk)
        assert progress.locked_reason(item) == before.locked_reason(item)
    assert progress.locked_reason(progress.outline.item(lessons[3].pk)) is None
    # "Continuar donde lo dejé" goes on, not back to the new lesson.
    assert progress.next_item().id == lessons[3].pk
    # The new lesson is offered: the learner may do it, and then it counts.
    complete_lesson(enrollment=enrollment, lesson=added)
    progress = progress_of(enrollment)
    assert (progress.done, progress.required) == (before.done + 1, before.required + 1)


def test_learner_who_completed_the_course_keeps_it_and_the_certificate(
    completed_enrollment, django_capture_on_commit_callbacks, client
):
    enrollment = completed_enrollment
    course = enrollment.course
    certificate = Certificate.objects.get(enrollment=enrollment)
    completed_at = enrollment.completed_at
    (module,) = modules_of(course)

    with django_capture_on_commit_callbacks(execute=True):
        added = publish_lesson(module)
        new_module = _publish(course, ModulePage(title="Módulo nuevo", slug="nuevo"))
        later = publish_lesson(new_module, "Lección del módulo nuevo")

    enrollment.refresh_from_db()
    assert enrollment.completed_at == completed_at
    assert enrollment.status == Enrollment.Status.COMPLETED
    progress = progress_of(enrollment)
    assert progress.is_complete and progress.percent == 100
    assert (progress.done, progress.required) == (1, 1)  # "1 de 1", as before
    assert progress.new_ids == {added.pk, later.pk}
    assert progress.next_item() is None
    fresh = Certificate.objects.get(enrollment=enrollment)
    assert (fresh.pk, fresh.status, fresh.code, fresh.completed_on) == (
        certificate.pk,
        certificate.status,
        certificate.code,
        certificate.completed_on,
    )
    # The learner sees it: course still complete, the new items marked "Nuevo".
    client.force_login(enrollment.user)
    html = client.get(course.url).content.decode()
    assert "Completó este curso el" in html
    assert "1 de 1 completadas" in html
    assert html.count('<span class="tag" title="contenido nuevo') == 2
    # The module's own page marks it too.
    html = client.get(module.url).content.decode()
    assert html.count('<span class="tag" title="contenido nuevo') == 1
    dashboard = learner_dashboard(user=enrollment.user)
    assert [e.enrollment.pk for e in dashboard["completed"]] == [enrollment.pk]
    assert dashboard["completed"][0].progress.new_count == 2


def test_new_learner_has_the_new_lesson_as_required(course, participant):
    veteran = enroll(user=UserFactory(), course=course)
    complete(veteran, course_lessons(course)[:2])
    added = publish_lesson(modules_of(course)[0])

    newcomer = enroll(user=participant, course=course)

    progress = progress_of(newcomer)
    assert added.pk not in progress.new_ids
    assert progress.required == 7
    assert added.pk in progress.required_ids
    # Module 2 stays locked for the newcomer until module 1 (with it) is done.
    second_module_lesson = course_lessons(course)[3]
    assert progress.locked_reason(progress.outline.item(second_module_lesson.pk))


def test_module_inserted_before_where_the_learner_works_does_not_lock_them(
    course, participant
):
    enrollment = enroll(user=participant, course=course)
    lessons = course_lessons(course)
    complete(enrollment, lessons[:3])  # working in module 2
    first, second, _third = modules_of(course)
    inserted = _publish(course, ModulePage(title="Módulo intermedio", slug="medio"))
    inserted.move(second, pos="left")
    added = publish_lesson(ModulePage.objects.get(pk=inserted.pk))

    progress = progress_of(enrollment)
    # Not passed yet (module 2 is not complete): required, but it does not
    # lock the module the learner is working in, and they continue forward.
    assert added.pk in progress.required_ids
    assert progress.locked_reason(progress.outline.item(lessons[3].pk)) is None
    assert progress.next_item().id == lessons[3].pk
    complete(enrollment, lessons[3:4])
    assert progress_of(enrollment).next_item().id == lessons[4].pk


def test_module_inserted_before_a_completed_module_is_new(course, participant):
    enrollment = enroll(user=participant, course=course)
    lessons = course_lessons(course)
    complete(enrollment, lessons[:4])  # modules 1 and 2 complete
    first, second, _third = modules_of(course)
    inserted = _publish(course, ModulePage(title="Módulo intermedio", slug="medio"))
    inserted.move(second, pos="left")
    added = publish_lesson(ModulePage.objects.get(pk=inserted.pk))

    progress = progress_of(enrollment)
    assert progress.new_ids == {added.pk}
    assert (progress.done, progress.required) == (4, 6)
    assert progress.locked_reason(progress.outline.item(lessons[4].pk)) is None
    assert progress.next_item().id == lessons[4].pk


def test_passing_a_quiz_that_ends_a_module_records_the_module(participant):
    course = build_course(modules=2, lessons=1)
    quiz = add_quiz(course, module=0)
    enrollment = enroll(user=participant, course=course)
    complete(enrollment, course_lessons(course)[:1])
    assert not ModuleCompletion.objects.filter(enrollment=enrollment).exists()

    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    submit_attempt(attempt=attempt, answers=right_answers(attempt))

    first = modules_of(course)[0]
    assert list(
        ModuleCompletion.objects.filter(enrollment=enrollment).values_list(
            "module_id", flat=True
        )
    ) == [first.pk]


def test_module_completion_is_written_once(course, participant):
    enrollment = enroll(user=participant, course=course)
    lessons = course_lessons(course)
    complete(enrollment, lessons[:2])
    row = ModuleCompletion.objects.get(enrollment=enrollment)
    complete(enrollment, lessons[:2])  # again: nothing new
    assert ModuleCompletion.objects.get(enrollment=enrollment) == row
    assert ModuleCompletion.objects.get().completed_at == row.completed_at


# ------------------------------------------------------------------ unpublishing
def test_unpublishing_the_last_missing_item_completes_the_course(
    participant, django_capture_on_commit_callbacks
):
    """Rule: an unpublished item stops counting for everyone. Whoever had done
    everything else completes the module and the course, and gets the
    certificate, without having to come back."""
    course = build_course(modules=1, lessons=3)
    lessons = course_lessons(course)
    enrollment = enroll(user=participant, course=course)
    other = enroll(user=UserFactory(), course=course)
    complete(enrollment, lessons[:2])
    complete(other, lessons[:1])

    with django_capture_on_commit_callbacks(execute=True):
        lessons[2].unpublish()

    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    assert ModuleCompletion.objects.filter(enrollment=enrollment).count() == 1
    assert Certificate.objects.filter(enrollment=enrollment).exists()
    other.refresh_from_db()
    assert other.completed_at is None
    assert (progress_of(other).done, progress_of(other).required) == (1, 2)


def test_unpublishing_an_item_done_keeps_completion_and_shrinks_counts(
    completed_enrollment, django_capture_on_commit_callbacks
):
    enrollment = completed_enrollment
    course = enrollment.course
    publish_lesson(modules_of(course)[0])  # a second, new lesson
    lesson = course_lessons(course)[0]

    with django_capture_on_commit_callbacks(execute=True):
        lesson.unpublish()

    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None
    assert Certificate.objects.get(enrollment=enrollment).status != "revocado"
    progress = progress_of(enrollment)
    assert progress.is_complete and progress.percent == 100
    assert (progress.done, progress.required) == (0, 0)


# ------------------------------------------------------------------ editor
@pytest.fixture
def crowd(course):
    """Learners of ``course``: two finished module 1 (one of them the whole
    course), one is half-way through module 1, one has not started."""
    lessons = course_lessons(course)
    finished = enroll(user=UserFactory(), course=course)
    complete(finished, lessons)
    past = enroll(user=UserFactory(), course=course)
    complete(past, lessons[:3])
    mid = enroll(user=UserFactory(), course=course)
    complete(mid, lessons[:1])
    fresh = enroll(user=UserFactory(), course=course)
    return {"finished": finished, "past": past, "mid": mid, "fresh": fresh}


def test_publication_impact_counts(course, crowd):
    first, second, _third = modules_of(course)
    impact = publication_impact(module=first)
    assert (impact.enrolled, impact.past, impact.finished_course, impact.ahead) == (
        4,
        2,
        1,
        2,
    )
    impact = publication_impact(module=second)
    assert (impact.past, impact.ahead) == (1, 3)  # only who finished the course


def test_editor_warns_before_publishing_a_lesson(client, coordinator, course, crowd):
    first = modules_of(course)[0]
    client.force_login(coordinator)
    response = client.get(f"/admin/pages/add/cursos/lessonpage/{first.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Esta lección será nueva para 2 participantes que ya completaron" in html
    assert "1 de ellos ya terminó el curso" in html
    assert "2 participantes que aún no completan este módulo la tendrán" in html


def test_editor_warns_for_a_quiz_and_not_once_published(
    client, coordinator, course, crowd
):
    first = modules_of(course)[0]
    client.force_login(coordinator)
    html = client.get(f"/admin/pages/add/cursos/quizpage/{first.pk}/").content
    assert "Esta evaluación será nueva para 2 participantes" in html.decode()
    published = course_lessons(course)[0]
    html = client.get(f"/admin/pages/{published.pk}/edit/").content.decode()
    assert "data-publication-impact" not in html


def test_editor_says_when_nobody_is_enrolled(client, coordinator, course):
    client.force_login(coordinator)
    first = modules_of(course)[0]
    html = client.get(f"/admin/pages/add/cursos/lessonpage/{first.pk}/").content
    assert "no cambia el avance de nadie" in html.decode()


def test_editor_warning_matches_what_learners_get(course, crowd):
    first = modules_of(course)[0]
    impact = publication_impact(module=first)
    added = publish_lesson(first)
    new_for = [
        name
        for name, enrollment in crowd.items()
        if added.pk in progress_of(enrollment).new_ids
    ]
    assert sorted(new_for) == ["finished", "past"]
    assert impact.past == len(new_for)


# ------------------------------------------------------------------ reports
def test_report_progress_matches_the_learner_view(course, crowd):
    publish_lesson(modules_of(course)[0])
    quiz = add_quiz(course, module=1)
    assert isinstance(quiz, QuizPage)
    rows = {
        e.pk: round(e.progress) for e in course_learners(course, course_outline(course))
    }
    for enrollment in crowd.values():
        assert rows[enrollment.pk] == progress_of(enrollment).percent, enrollment
    # Past module 1 with the new lesson optional: 3 of 7 (quiz in module 2 counts).
    assert rows[crowd["past"].pk] == round(100 * 3 / 7)
    assert rows[crowd["mid"].pk] == round(100 * 1 / 8)
    assert rows[crowd["finished"].pk] == 100


def test_report_rows_of_a_page_count_as_the_whole_report(course, crowd):
    """The report's page reads only its own rows (``among``): each with the
    same progress and quizzes passed as in the whole course, and nobody else's
    row."""
    from tests.cursos.grades_factories import quiz_score

    publish_lesson(modules_of(course)[0])
    quiz = add_quiz(course, module=1)
    # Passed twice: one quiz passed.
    quiz_score(crowd["past"], quiz, 100, passed=True)
    quiz_score(crowd["past"], quiz, 100, passed=True)
    whole = {
        e.pk: (e.progress, e.lessons_done, e.quizzes_passed)
        for e in course_learners(course)
    }
    page = [crowd["past"].pk, crowd["finished"].pk]
    rows = {
        e.pk: (e.progress, e.lessons_done, e.quizzes_passed)
        for e in course_learners(course, among=page)
    }
    assert rows == {pk: whole[pk] for pk in page}
    assert len(set(whole.values())) > 1
    assert whole[crowd["past"].pk][2] == 1


def test_report_counts_a_new_item_once_done(course, crowd):
    added = publish_lesson(modules_of(course)[0])
    complete_lesson(enrollment=crowd["past"], lesson=added)
    rows = {e.pk: e.progress for e in course_learners(course)}
    assert round(rows[crowd["past"].pk]) == progress_of(crowd["past"]).percent == 57
