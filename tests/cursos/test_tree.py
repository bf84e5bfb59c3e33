import pytest
from wagtail.test.utils import WagtailPageTestCase

from cursos.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from home.models import HomePage


class TestTreeRules(WagtailPageTestCase):
    def test_course_tree(self):
        self.assertAllowedParentPageTypes(CourseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CourseIndexPage, {CoursePage})
        self.assertAllowedParentPageTypes(CoursePage, {CourseIndexPage})
        self.assertAllowedSubpageTypes(CoursePage, {ModulePage})
        self.assertAllowedParentPageTypes(ModulePage, {CoursePage})
        self.assertAllowedParentPageTypes(LessonPage, {ModulePage})
        self.assertAllowedSubpageTypes(LessonPage, set())

    def test_lessons_cannot_hang_from_the_course_or_the_catalog(self):
        self.assertCanNotCreateAt(CoursePage, LessonPage)
        self.assertCanNotCreateAt(CourseIndexPage, LessonPage)
        self.assertCanNotCreateAt(HomePage, CoursePage)


@pytest.mark.django_db
def test_cohort_dates_are_validated():
    from datetime import date, datetime, timedelta

    from django.core.exceptions import ValidationError
    from django.utils import timezone

    from cursos.models import Cohort

    now = timezone.make_aware(datetime(2026, 11, 1, 8, 0))
    cohort = Cohort(
        name="Edición",
        enrollment_opens=now,
        enrollment_closes=now - timedelta(days=1),
        starts_on=date(2026, 12, 1),
        ends_on=date(2026, 11, 1),
    )
    with pytest.raises(ValidationError) as error:
        cohort.clean()
    assert set(error.value.message_dict) == {"enrollment_closes", "ends_on"}
