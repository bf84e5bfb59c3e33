from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from cursos.models import Enrollment, LessonCompletion
from cursos.selectors import progress_for
from cursos.services.enrollment import EnrollmentError, enroll
from cursos.services.progress import ProgressError, complete_lesson, course_completed
from lms.accounts.models import STAFF_GROUP, User
from tests.factories import UserFactory, build_course, course_lessons

pytestmark = pytest.mark.django_db


def window(opens_days: int, closes_days: int, capacity=None, name="Edición 2026"):
    now = timezone.now()
    return {
        "name": name,
        "enrollment_opens": now + timedelta(days=opens_days),
        "enrollment_closes": now + timedelta(days=closes_days),
        "starts_on": (now + timedelta(days=closes_days + 1)).date(),
        "ends_on": (now + timedelta(days=closes_days + 90)).date(),
        "capacity": capacity,
    }


def test_self_paced_course_enrolls_without_cohort(participant):
    course = build_course()
    enrollment = enroll(user=participant, course=course)
    assert enrollment.cohort is None
    assert enrollment.status == Enrollment.Status.ACTIVE


def test_enrolling_twice_gives_one_enrollment(participant):
    course = build_course()
    first = enroll(user=participant, course=course)
    second = enroll(user=participant, course=course)
    assert first.pk == second.pk
    assert Enrollment.objects.count() == 1


def test_open_cohort_is_picked(participant):
    course = build_course(
        cohorts=[window(-30, -10, name="Cerrada"), window(-1, 10, name="Abierta")]
    )
    assert enroll(user=participant, course=course).cohort.name == "Abierta"


@pytest.mark.parametrize(
    ("cohort", "message"),
    [
        (window(-30, -1), "están cerradas"),
        (window(5, 30), "abren el"),
        (window(-1, 10, capacity=0), "cupo"),
    ],
)
def test_closed_upcoming_or_full_cohort_is_refused(participant, cohort, message):
    course = build_course(cohorts=[cohort])
    with pytest.raises(EnrollmentError, match=message):
        enroll(user=participant, course=course)
    assert not Enrollment.objects.exists()


def test_full_cohort_refuses_the_next_person(participant):
    course = build_course(cohorts=[window(-1, 10, capacity=1)])
    enroll(user=UserFactory(), course=course)
    with pytest.raises(EnrollmentError, match="está lleno"):
        enroll(user=participant, course=course)


def test_cohort_of_another_course_is_refused(participant):
    course = build_course(cohorts=[window(-1, 10)])
    other = build_course(cohorts=[window(-1, 10)])
    with pytest.raises(EnrollmentError, match="no pertenece"):
        enroll(user=participant, course=course, cohort=other.cohorts.get())


def test_staff_only_course_refuses_a_municipal_official(participant):
    course = build_course(audience="infom")
    with pytest.raises(EnrollmentError, match="solo para el personal del INFOM"):
        enroll(user=participant, course=course)


def test_staff_only_course_accepts_personal_infom():
    course = build_course(audience="infom")
    staff = UserFactory(institution_type=User.InstitutionType.INFOM)
    staff.groups.add(Group.objects.get(name=STAFF_GROUP))
    assert enroll(user=staff, course=course)


def test_municipal_course_refuses_other_institutions():
    course = build_course(audience="municipal")
    other = UserFactory(institution_type=User.InstitutionType.OTHER)
    with pytest.raises(EnrollmentError, match="funcionarios municipales"):
        enroll(user=other, course=course)


def test_unpublished_course_refuses(participant):
    course = build_course()
    course.unpublish()
    course.refresh_from_db()
    with pytest.raises(EnrollmentError):
        enroll(user=participant, course=course)


def test_completing_is_idempotent_and_moves_progress(participant):
    course = build_course(modules=1, lessons=4)
    enrollment = enroll(user=participant, course=course)
    lesson = course_lessons(course)[0]
    first = complete_lesson(enrollment=enrollment, lesson=lesson)
    second = complete_lesson(enrollment=enrollment, lesson=lesson)
    assert first.pk == second.pk
    assert LessonCompletion.objects.count() == 1
    assert progress_for(enrollment=enrollment, course=course).percent == 25


def test_a_lesson_of_another_course_is_refused(participant):
    course = build_course()
    other = build_course()
    enrollment = enroll(user=participant, course=course)
    with pytest.raises(ProgressError, match="no forma parte"):
        complete_lesson(enrollment=enrollment, lesson=course_lessons(other)[0])
    assert not LessonCompletion.objects.exists()


def test_sequential_course_locks_later_modules(participant):
    course = build_course(modules=2, lessons=2, sequential=True)
    enrollment = enroll(user=participant, course=course)
    lessons = course_lessons(course)
    with pytest.raises(
        ProgressError, match="Se abre cuando complete el módulo «Módulo 1»"
    ):
        complete_lesson(enrollment=enrollment, lesson=lessons[2])
    assert not LessonCompletion.objects.exists()
    complete_lesson(enrollment=enrollment, lesson=lessons[0])
    complete_lesson(enrollment=enrollment, lesson=lessons[1])
    assert complete_lesson(enrollment=enrollment, lesson=lessons[2])


def test_free_course_does_not_lock(participant):
    course = build_course(modules=2, lessons=1)
    enrollment = enroll(user=participant, course=course)
    assert complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[1])


def test_course_completes_once_and_sends_the_signal_once(participant):
    course = build_course(modules=1, lessons=2)
    enrollment = enroll(user=participant, course=course)
    received = []

    def receiver(sender, enrollment, **kwargs):
        received.append(enrollment.pk)

    course_completed.connect(receiver)
    try:
        for lesson in course_lessons(course):
            complete_lesson(enrollment=enrollment, lesson=lesson)
        complete_lesson(enrollment=enrollment, lesson=course_lessons(course)[0])
    finally:
        course_completed.disconnect(receiver)
    enrollment.refresh_from_db()
    assert received == [enrollment.pk]
    assert enrollment.completed_at is not None
    assert enrollment.status == Enrollment.Status.COMPLETED


def test_unpublished_lessons_are_not_required(participant):
    course = build_course(modules=1, lessons=3)
    lessons = course_lessons(course)
    lessons[2].unpublish()
    enrollment = enroll(user=participant, course=course)
    complete_lesson(enrollment=enrollment, lesson=lessons[0])
    complete_lesson(enrollment=enrollment, lesson=lessons[1])
    enrollment.refresh_from_db()
    assert enrollment.completed_at is not None


def test_outline_is_purged_when_a_lesson_is_published(participant):
    from cursos.models import LessonPage, ModulePage
    from cursos.selectors import course_outline

    course = build_course(modules=1, lessons=1)
    assert len(course_outline(course).items) == 1
    module = ModulePage.objects.child_of(course).get()
    lesson = LessonPage(title="Nueva", slug="nueva", body=[])
    module.add_child(instance=lesson)
    assert len(course_outline(course).items) == 1  # a draft is not required
    lesson.save_revision().publish()
    assert len(course_outline(course).items) == 2
    lesson.unpublish()
    assert len(course_outline(course).items) == 1


def test_outline_is_purged_when_a_module_moves_or_is_deleted(participant):
    from cursos.models import ModulePage
    from cursos.selectors import course_outline

    course = build_course(modules=2, lessons=1)
    other = build_course(modules=1, lessons=1)
    assert len(course_outline(course).items) == 2
    module = ModulePage.objects.child_of(course).last()
    module.move(other, pos="last-child")
    assert len(course_outline(course).items) == 1
    assert len(course_outline(other).items) == 2
    ModulePage.objects.child_of(other).first().delete()
    assert len(course_outline(other).items) == 1
