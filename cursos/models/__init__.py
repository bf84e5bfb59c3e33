from .pages import Cohort, CourseIndexPage, CoursePage, LessonPage, ModulePage
from .progress import Enrollment, LessonCompletion

__all__ = [
    "Cohort",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "LessonCompletion",
    "LessonPage",
    "ModulePage",
]
