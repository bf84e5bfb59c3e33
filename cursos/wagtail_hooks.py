"""Admin wiring for courses: protection of courses with learners, quiz reports,
extra attempts."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from .models import CoursePage, Enrollment, QuizPage
from .reports import (
    REPORTS_PERMISSION,
    ItemAnalysisReportView,
    QuizLearnersReportView,
    QuizResultsReportView,
)
from .services.quizzes import QuizError, grant_extra_attempt


def _has_learners(pages) -> bool:
    paths = [page.path for page in pages if isinstance(page, Page)]
    courses = CoursePage.objects.none()
    for path_prefix in paths:
        courses = courses | CoursePage.objects.filter(path__startswith=path_prefix)
    return Enrollment.objects.filter(course__in=courses).exists()


REFUSAL = gettext_lazy(
    "No se puede eliminar un curso con personas inscritas: su historial y sus "
    "certificados dependen de él. Despublíquelo para retirarlo del catálogo."
)


@hooks.register("before_delete_page")
def keep_courses_with_learners(request, page):
    if _has_learners([page]):
        messages.error(request, REFUSAL)
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_bulk_action")
def keep_courses_with_learners_in_bulk(
    request, action_type, objects, action_class_instance
):
    if action_type == "delete" and _has_learners(objects):
        messages.error(request, REFUSAL)
        return redirect("wagtailadmin_explore_root")
    return None


@require_POST
def grant_attempt_view(request, quiz_id: int, enrollment_id: int):
    if not request.user.has_perm("cursos.grant_attempts"):
        raise PermissionDenied
    quiz = get_object_or_404(QuizPage, pk=quiz_id)
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("user"), pk=enrollment_id
    )
    try:
        grant_extra_attempt(enrollment=enrollment, quiz=quiz, granted_by=request.user)
    except QuizError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(nombre)s tiene un intento más en «%(evaluacion)s».")
            % {"nombre": enrollment.user.full_name, "evaluacion": quiz.title},
        )
    return redirect("cursos_reports:quiz_learners", quiz.pk)


report_urls = [
    path("", QuizResultsReportView.as_view(), name="quizzes"),
    path(
        "resultados/",
        QuizResultsReportView.as_view(results_only=True),
        name="quizzes_results",
    ),
    path("<int:quiz_id>/", QuizLearnersReportView.as_view(), name="quiz_learners"),
    path(
        "<int:quiz_id>/resultados/",
        QuizLearnersReportView.as_view(results_only=True),
        name="quiz_learners_results",
    ),
    path(
        "<int:quiz_id>/preguntas/", ItemAnalysisReportView.as_view(), name="quiz_items"
    ),
    path(
        "<int:quiz_id>/preguntas/resultados/",
        ItemAnalysisReportView.as_view(results_only=True),
        name="quiz_items_results",
    ),
    path(
        "<int:quiz_id>/conceder/<int:enrollment_id>/",
        grant_attempt_view,
        name="grant_attempt",
    ),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("informes/evaluaciones/", include((report_urls, "cursos_reports"))),
    ]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORTS_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_quiz_report_menu_item():
    return CoordinatorMenuItem(
        gettext_lazy("Resultados de evaluaciones"),
        reverse("cursos_reports:quizzes"),
        icon_name="tasks",
        order=100,
    )
