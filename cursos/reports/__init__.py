"""Coordinator reports (Wagtail ReportViews with filters and CSV/XLSX export):
quizzes, course and cohort progress, required-training compliance and territory."""

from .base import REPORTS_PERMISSION, CoordinatorReportView
from .compliance import ComplianceByUnitReportView, ComplianceReportView
from .courses import CourseLearnersReportView, CoursesReportView
from .gradebook import GradebookReportView
from .quizzes import (
    ItemAnalysisReportView,
    QuizLearnersReportView,
    QuizResultsReportView,
)
from .territory import TerritoryReportView

__all__ = [
    "REPORTS_PERMISSION",
    "CoordinatorReportView",
    "ComplianceByUnitReportView",
    "ComplianceReportView",
    "CourseLearnersReportView",
    "CoursesReportView",
    "GradebookReportView",
    "ItemAnalysisReportView",
    "QuizLearnersReportView",
    "QuizResultsReportView",
    "TerritoryReportView",
]
