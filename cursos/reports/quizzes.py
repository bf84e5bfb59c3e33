"""Coordinator reports on quizzes: results per quiz, learners of one quiz, and the
item analysis (share of learners who answered each question right). Each is a
Wagtail ReportView (filters, CSV/XLSX export) over one aggregated query."""

import django_filters
from django.db.models import (
    Avg,
    Count,
    Max,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Substr
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn

from ..models import CoursePage, Enrollment, QuestionResult, QuizPage
from ..selectors import answers_may_have_been_seen
from .base import CoordinatorReportView, RoundedColumn, percent_of


# ---------------------------------------------------------------- per quiz
class QuizFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Curso"),
        queryset=CoursePage.objects.filter(first_published_at__isnull=False).order_by(
            "title"
        ),
        method="filter_course",
        empty_label=_("Todos"),
    )

    class Meta:
        model = QuizPage
        fields = ["course"]

    def filter_course(self, queryset, name, course):
        return queryset.filter(path__startswith=course.path) if course else queryset


def quizzes_with_results():
    submitted = Q(attempts__submitted_at__isnull=False)
    course_title = CoursePage.objects.filter(
        path=Substr(OuterRef("path"), 1, (OuterRef("depth") - 2) * 4)
    ).values("title")[:1]
    return (
        QuizPage.objects.filter(first_published_at__isnull=False)
        .annotate(
            course_title=Subquery(course_title),
            attempt_count=Count("attempts", filter=submitted),
            learner_count=Count(
                "attempts__enrollment", filter=submitted, distinct=True
            ),
            passed_count=Count(
                "attempts__enrollment",
                filter=submitted & Q(attempts__passed=True),
                distinct=True,
            ),
            average_percent=Avg("attempts__percent", filter=submitted),
        )
        .annotate(pass_rate=percent_of("passed_count", "learner_count"))
        .order_by("path")
    )


class QuizResultsReportView(CoordinatorReportView):
    page_title = _("Resultados de evaluaciones")
    header_icon = "tasks"
    index_url_name = "cursos_reports:quizzes"
    index_results_url_name = "cursos_reports:quizzes_results"
    filterset_class = QuizFilterSet
    list_export = [
        "course_title",
        "title",
        "attempt_count",
        "learner_count",
        "passed_count",
        "average_percent",
        "pass_rate",
    ]
    export_headings = {
        "course_title": _("Curso"),
        "title": _("Evaluación"),
        "attempt_count": _("Intentos"),
        "learner_count": _("Participantes"),
        "passed_count": _("Aprobaron"),
        "average_percent": _("Promedio (%)"),
        "pass_rate": _("Tasa de aprobación (%)"),
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Evaluación"),
                get_url=lambda quiz: reverse(
                    "cursos_reports:quiz_learners", args=[quiz.pk]
                ),
            ),
            Column("course_title", label=_("Curso")),
            TitleColumn(
                "items",
                label=_("Preguntas"),
                accessor=lambda quiz: _("Análisis por pregunta"),
                get_url=lambda quiz: reverse(
                    "cursos_reports:quiz_items", args=[quiz.pk]
                ),
            ),
            Column("attempt_count", label=_("Intentos")),
            Column("learner_count", label=_("Participantes")),
            Column("passed_count", label=_("Aprobaron")),
            RoundedColumn("average_percent", label=_("Promedio")),
            RoundedColumn("pass_rate", label=_("Tasa de aprobación")),
        ]

    def get_queryset(self):
        return quizzes_with_results()

    def get_filename(self):
        return "resultados-evaluaciones"


# ---------------------------------------------------------------- one quiz
class QuizScopedMixin:
    @cached_property
    def quiz(self) -> QuizPage:
        return get_object_or_404(QuizPage, pk=self.kwargs["quiz_id"])

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.quiz.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.quiz.pk])

    def get_page_subtitle(self):
        return self.quiz.title


def passed_label(enrollment) -> str:
    return _("Aprobó") if enrollment.passed_attempts else _("Sin aprobar")


class GrantColumn(Column):
    """The "Conceder un intento más" form of one row, with a warning when the
    learner may already have read the correct answers."""

    cell_template_name = "cursos/admin/grant_attempt_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["grant_url"] = reverse(
            "cursos_reports:grant_attempt",
            args=[instance.quiz_id_for_row, instance.pk],
        )
        # Wagtail renders cells from a plain dict, without the request's
        # context processors, so {% csrf_token %} would print nothing.
        request = parent_context.get("request")
        context["csrf_token"] = get_token(request) if request else ""
        context["answers_seen"] = instance.answers_seen
        return context


class QuizLearnersReportView(QuizScopedMixin, CoordinatorReportView):
    page_title = _("Participantes de la evaluación")
    header_icon = "user"
    index_url_name = "cursos_reports:quiz_learners"
    index_results_url_name = "cursos_reports:quiz_learners_results"
    list_export = [
        "user.full_name",
        "user.email",
        "user.municipality",
        "attempts_used",
        "extra_granted",
        "best_percent",
        "result",
    ]
    export_headings = {
        "user.full_name": _("Nombre"),
        "user.email": _("Correo"),
        "user.municipality": _("Municipio"),
        "attempts_used": _("Intentos usados"),
        "extra_granted": _("Intentos adicionales"),
        "best_percent": _("Mejor calificación (%)"),
        "result": _("Resultado"),
    }

    @cached_property
    def columns(self):
        return [
            Column("user.full_name", label=_("Nombre")),
            Column("user.municipality", label=_("Municipio")),
            Column("attempts_used", label=_("Intentos")),
            Column("extra_granted", label=_("Adicionales")),
            RoundedColumn("best_percent", label=_("Mejor calificación")),
            Column(
                "passed",
                label=_("Resultado"),
                accessor=passed_label,
            ),
            GrantColumn("grant", label=_("Acción")),
        ]

    def get_queryset(self):
        quiz = self.quiz
        extra = (
            Enrollment.objects.filter(pk=OuterRef("pk"))
            .annotate(n=Count("extra_attempts", filter=Q(extra_attempts__quiz=quiz)))
            .values("n")
        )
        return (
            Enrollment.objects.filter(quiz_attempts__quiz=quiz)
            .select_related("user", "user__municipality")
            .annotate(
                attempts_used=Count(
                    "quiz_attempts", filter=Q(quiz_attempts__quiz=quiz)
                ),
                best_percent=Max(
                    "quiz_attempts__percent", filter=Q(quiz_attempts__quiz=quiz)
                ),
                passed_attempts=Count(
                    "quiz_attempts",
                    filter=Q(quiz_attempts__quiz=quiz, quiz_attempts__passed=True),
                ),
                submitted_attempts=Count(
                    "quiz_attempts",
                    filter=Q(
                        quiz_attempts__quiz=quiz,
                        quiz_attempts__submitted_at__isnull=False,
                    ),
                ),
                extra_granted=Subquery(extra),
            )
            .order_by("user__full_name")
        )

    def decorate_paginated_queryset(self, object_list):
        for enrollment in object_list:
            enrollment.quiz_id_for_row = self.quiz.pk
            enrollment.answers_seen = answers_may_have_been_seen(
                quiz=self.quiz, submitted=enrollment.submitted_attempts
            )
        return object_list

    def to_row_dict(self, item):
        item.result = passed_label(item)
        return super().to_row_dict(item)

    # The export reads plain values (no model instances, one translation per
    # label for the whole file) with the same columns and text as
    # ``to_row_dict``: a 50,000-row CSV spent most of its time building
    # three model instances and translating the result for every row.
    export_values = (
        "user__full_name",
        "user__email",
        "user__municipality__name",
        "attempts_used",
        "extra_granted",
        "best_percent",
        "passed_attempts",
    )

    def export_values_rows(self, rows):
        passed, not_passed = str(_("Aprobó")), str(_("Sin aprobar"))
        for name, email, municipality, used, extra, best, passed_attempts in rows:
            yield {
                "user.full_name": name,
                "user.email": email,
                "user.municipality": municipality,
                "attempts_used": used,
                "extra_granted": extra,
                "best_percent": best,
                "result": passed if passed_attempts else not_passed,
            }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["quiz"] = self.quiz
        return context

    def get_filename(self):
        return f"evaluacion-{self.quiz.pk}-participantes"


class ItemAnalysisReportView(QuizScopedMixin, CoordinatorReportView):
    page_title = _("Análisis por pregunta")
    header_icon = "help"
    index_url_name = "cursos_reports:quiz_items"
    index_results_url_name = "cursos_reports:quiz_items_results"
    paginate_by = 200
    list_export = ["prompt", "learners", "right_learners", "right_share", "answers"]
    export_headings = {
        "prompt": _("Pregunta"),
        "learners": _("Participantes que la respondieron"),
        "right_learners": _("La acertaron"),
        "right_share": _("Porcentaje que la acertó"),
        "answers": _("Respuestas (todos los intentos)"),
    }

    @cached_property
    def columns(self):
        return [
            Column(
                "prompt",
                label=_("Pregunta"),
                accessor=lambda row: self.prompt_of(row),
            ),
            Column("learners", label=_("Participantes")),
            Column("right_learners", label=_("La acertaron")),
            RoundedColumn("right_share", label=_("Porcentaje que acertó")),
            Column("answers", label=_("Respuestas")),
        ]

    def get_queryset(self):
        return (
            QuestionResult.objects.filter(quiz=self.quiz)
            .values("question_key")
            .annotate(
                answers=Count("id"),
                learners=Count("attempt__enrollment", distinct=True),
                right_learners=Count(
                    "attempt__enrollment", filter=Q(correct=True), distinct=True
                ),
            )
            .annotate(right_share=percent_of("right_learners", "learners"))
            .order_by("right_share", "question_key")
        )

    @cached_property
    def prompts(self) -> dict[str, str]:
        return {block.id: block.value["prompt"] for block in self.quiz.questions}

    def prompt_of(self, row) -> str:
        return self.prompts.get(
            row["question_key"], _("(pregunta eliminada del banco)")
        )

    def to_row_dict(self, item):
        return super().to_row_dict({**item, "prompt": self.prompt_of(item)})

    def get_filename(self):
        return f"evaluacion-{self.quiz.pk}-preguntas"
