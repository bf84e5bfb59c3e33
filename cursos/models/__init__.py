from .pages import (
    Cohort,
    CourseIndexPage,
    CoursePage,
    LessonPage,
    ModulePage,
    QuizPage,
)
from .progress import Enrollment, LessonCompletion, ModuleCompletion
from .quizzes import ExtraAttempt, QuestionResult, QuizAttempt
from .required import RequiredTraining, TrainingAssignment, TrainingReminder

__all__ = [
    "Cohort",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "ExtraAttempt",
    "LessonCompletion",
    "LessonPage",
    "ModuleCompletion",
    "ModulePage",
    "QuestionResult",
    "QuizAttempt",
    "QuizPage",
    "RequiredTraining",
    "TrainingAssignment",
    "TrainingReminder",
]
