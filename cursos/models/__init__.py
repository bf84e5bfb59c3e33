from .assignments import (
    AssignmentPage,
    Submission,
    SubmissionFile,
    SubmissionVersion,
)
from .editions import TUTORS_GROUP, EditionTutor, WaitlistEntry
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
from .reminders import GradingReminder
from .required import RequiredTraining, TrainingAssignment, TrainingReminder

__all__ = [
    "TUTORS_GROUP",
    "AssignmentPage",
    "EditionTutor",
    "Submission",
    "SubmissionFile",
    "SubmissionVersion",
    "WaitlistEntry",
    "Cohort",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "ExtraAttempt",
    "GradingReminder",
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
