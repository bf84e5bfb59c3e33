"""Required-training compliance: each person's assignments (overdue first), and
totals per unit."""

import copy

import django_filters
from django.db.models import (
    Case,
    Count,
    F,
    FilteredRelation,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column

from ..charts import bar_chart
from ..models import CoursePage, Enrollment, TrainingAssignment
from ..selectors import assignment_status, status_rank, valid_completion
from .base import CoordinatorReportView, DayColumn, RoundedColumn, percent_of

STATUS_LABELS = dict(TrainingAssignment.Status.choices)
NO_UNIT = _("(sin unidad)")


def completion_columns(today) -> dict:
    """``completed_at`` and ``valid_until`` of the completion that counts today,
    if any (the same rule as ``assignment_status``: valid on ``today``, not
    replaced by a renewal); an expired one leaves both columns empty and the
    status "vencida" once the renewal's due date has passed."""
    completion = (
        Enrollment.objects.filter(user=OuterRef("user"), course=OuterRef("course"))
        .filter(valid_completion(today))
        .order_by(F("completed_at").desc())
    )
    return {
        "completed_at": Subquery(completion.values("completed_at")[:1]),
        "valid_until": Subquery(completion.values("valid_until")[:1]),
    }


def assignments_with_status(today):
    return (
        TrainingAssignment.objects.current()
        .filter(
            requirement__active=True,
            # A course never published is nobody's duty yet.
            course__first_published_at__isnull=False,
        )
        .annotate(status=assignment_status(today))
        .annotate(rank=status_rank(), **completion_columns(today))
    )


def _on(relation: str, condition: Q) -> Q:
    """``condition`` (a filter on Enrollment) as a filter on ``relation``."""
    prefixed = copy.copy(condition)
    prefixed.children = [
        _on(relation, child)
        if isinstance(child, Q)
        else (f"{relation}__{child[0]}", child[1])
        for child in condition.children
    ]
    return prefixed


def assignments_ranked(today):
    """Current assignments with ``status`` and ``rank`` on ``today``, the same
    rule as ``assignment_status``, counted over one join on the person's
    enrollments in the course instead of two ``EXISTS`` per row.

    The ``EXISTS`` form is right for a handful of rows, but sorting 10,000
    assignments on it costs PostgreSQL's estimate of an index probe per row and
    per ``EXISTS`` (the rank repeats the status four times): the estimate went
    past ``jit_above_cost`` and compiling the query took longer than running
    it. One hash join and a count per assignment is estimated, and runs, in
    proportion to the table."""
    Status = TrainingAssignment.Status
    valid = Count("mine", filter=_on("mine", valid_completion(today)))
    started = Count(
        "mine",
        filter=_on(
            "mine",
            Q(superseded_at__isnull=True)
            & ~Q(renewal_of__isnull=False, last_activity_at__isnull=True),
        ),
    )
    status = Case(
        When(valid_completions__gt=0, then=Value(Status.COMPLETED.value)),
        When(due_on__lt=today, then=Value(Status.OVERDUE.value)),
        When(started_enrollments__gt=0, then=Value(Status.IN_PROGRESS.value)),
        default=Value(Status.PENDING.value),
    )
    return (
        TrainingAssignment.objects.current()
        .filter(
            requirement__active=True,
            course__first_published_at__isnull=False,
        )
        .annotate(
            mine=FilteredRelation(
                "user__enrollments",
                condition=Q(user__enrollments__course=F("course")),
            )
        )
        .alias(valid_completions=valid, started_enrollments=started)
        .annotate(status=status)
        .annotate(rank=status_rank())
    )


def assignments_by_unit(today):
    """Current assignments counted per unit and status on ``today`` (the rule
    of ``assignment_status``), grouped once.

    Each assignment is joined to the person's valid completions of the course
    and, separately, to their started enrollments in it: a LEFT JOIN leaves
    the columns empty only when nothing matches, so every joined row of one
    assignment says the same about both, and the status is read from any of
    them (counted once per assignment, ``distinct``). The ``EXISTS`` form put
    eight subqueries in each row's counts; PostgreSQL estimated them at an
    index probe each, 742,000 for 10,000 assignments, and spent 2.6 s of 2.9
    compiling the query (JIT) before running it."""
    Status = TrainingAssignment.Status
    same_course = Q(user__enrollments__course=F("course"))
    started = Q(superseded_at__isnull=True) & ~Q(
        renewal_of__isnull=False, last_activity_at__isnull=True
    )
    status = Case(
        When(valid_mine__isnull=False, then=Value(Status.COMPLETED.value)),
        When(due_on__lt=today, then=Value(Status.OVERDUE.value)),
        When(started_mine__isnull=False, then=Value(Status.IN_PROGRESS.value)),
        default=Value(Status.PENDING.value),
    )

    def counted(status_value=None):
        condition = None if status_value is None else Q(row_status=status_value)
        return Count("pk", filter=condition, distinct=True)

    return (
        TrainingAssignment.objects.current()
        .filter(requirement__active=True, course__first_published_at__isnull=False)
        .annotate(
            valid_mine=FilteredRelation(
                "user__enrollments",
                condition=same_course
                & _on("user__enrollments", valid_completion(today)),
            ),
            started_mine=FilteredRelation(
                "user__enrollments",
                condition=same_course & _on("user__enrollments", started),
            ),
        )
        .alias(row_status=status)
        .order_by()
        .values("user__institution_name")
        .annotate(
            assigned=counted(),
            completed=counted(Status.COMPLETED.value),
            in_progress=counted(Status.IN_PROGRESS.value),
            pending=counted(Status.PENDING.value),
            overdue=counted(Status.OVERDUE.value),
        )
    )


class CountedQuerySet:
    """A queryset whose count is already known, for the paginator (``model``
    names the rows in Wagtail's "10000 asignaciones de capacitación")."""

    def __init__(self, queryset, count: int):
        self.queryset, self._count = queryset, count
        self.model = queryset.model

    def count(self) -> int:
        return self._count

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        return self.queryset[index]


class ComplianceFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Estado"),
        choices=TrainingAssignment.Status.choices,
        empty_label=_("Todos"),
    )
    course = django_filters.ModelChoiceFilter(
        label=_("Capacitación"),
        queryset=CoursePage.objects.filter(
            requirements__isnull=False, first_published_at__isnull=False
        )
        .distinct()
        .order_by("title"),
        empty_label=_("Todas"),
    )
    unit = django_filters.CharFilter(
        label=_("Unidad"), field_name="user__institution_name", lookup_expr="icontains"
    )

    class Meta:
        model = TrainingAssignment
        fields = ["status", "course", "unit"]


class ComplianceReportView(CoordinatorReportView):
    page_title = _("Cumplimiento de capacitaciones obligatorias")
    header_icon = "calendar-check"
    index_url_name = "cursos_compliance:people"
    index_results_url_name = "cursos_compliance:people_results"
    results_template_name = "cursos/admin/report_results_with_summary.html"
    filterset_class = ComplianceFilterSet
    list_export = [
        "user.full_name",
        "user.email",
        "unit",
        "course.title",
        "due_on",
        "status_label",
        "completed_at",
        "valid_until",
        "reminders_sent",
    ]
    export_headings = {
        "user.full_name": _("Nombre"),
        "user.email": _("Correo"),
        "unit": _("Unidad"),
        "course.title": _("Capacitación"),
        "due_on": _("Fecha límite"),
        "status_label": _("Estado"),
        "completed_at": _("Completada el"),
        "valid_until": _("Válida hasta"),
        "reminders_sent": _("Recordatorios enviados"),
    }

    @cached_property
    def today(self):
        return timezone.localdate()

    @cached_property
    def columns(self):
        return [
            Column("user.full_name", label=_("Nombre")),
            Column("unit", label=_("Unidad"), accessor=unit_of),
            Column("course.title", label=_("Capacitación")),
            DayColumn("due_on", label=_("Fecha límite")),
            Column("status", label=_("Estado"), accessor=status_label),
            DayColumn("completed_at", label=_("Completada")),
            DayColumn("valid_until", label=_("Válida hasta")),
            Column("reminders_sent", label=_("Recordatorios")),
        ]

    def get_base_queryset(self):
        return assignments_ranked(self.today)

    def get_queryset(self):
        return self.get_base_queryset().order_by(
            "rank", "due_on", "user__full_name", "pk"
        )

    REMINDERS_SENT = Count(
        "reminders", filter=Q(reminders__sent_at__isnull=False), distinct=True
    )

    def paginate_queryset(self, queryset, page_size):
        """The page's rows in two steps: the ids (and status) of the page,
        sorted on status, due date and name, then those 50 assignments with
        their person, course, completion and reminders."""
        ids = CountedQuerySet(
            queryset.values_list("pk", "status"), self.totals["total"]
        )
        paginator, page, ids, is_paginated = super().paginate_queryset(ids, page_size)
        status = dict(ids)
        position = {pk: index for index, pk in enumerate(status)}
        rows = sorted(
            TrainingAssignment.objects.filter(pk__in=status)
            .select_related("user", "course")
            .annotate(
                reminders_sent=self.REMINDERS_SENT, **completion_columns(self.today)
            ),
            key=lambda row: position[row.pk],
        )
        for row in rows:
            row.status = status[row.pk]
        page.object_list = rows
        return paginator, page, rows, is_paginated

    # The export reads plain values (no model instances) with the same
    # columns and text as ``to_row_dict``.
    export_values = (
        "user__full_name",
        "user__email",
        "user__institution_name",
        "course__title",
        "due_on",
        "status",
        "completed_at",
        "valid_until",
        "reminders_sent",
    )

    def export_values_queryset(self, queryset):
        return queryset.annotate(
            reminders_sent=self.REMINDERS_SENT, **completion_columns(self.today)
        )

    def export_values_rows(self, rows):
        no_unit = str(NO_UNIT)
        labels = {status: str(label) for status, label in STATUS_LABELS.items()}
        for (
            name,
            email,
            unit,
            course,
            due_on,
            status,
            completed_at,
            valid_until,
            reminders_sent,
        ) in rows:
            yield {
                "user.full_name": name,
                "user.email": email,
                "unit": unit or no_unit,
                "course.title": course,
                "due_on": due_on,
                "status_label": labels[status],
                "completed_at": completed_at,
                "valid_until": valid_until,
                "reminders_sent": reminders_sent,
            }

    def to_row_dict(self, item):
        item.unit = unit_of(item)
        item.status_label = status_label(item)
        return super().to_row_dict(item)

    @cached_property
    def totals(self) -> dict:
        """How many filtered assignments, and how many in each status (one
        query, which also gives the paginator its count)."""
        return (
            self.filter_queryset(self.get_base_queryset())
            .order_by()
            .aggregate(
                total=Count("pk"),
                **{
                    status: Count("pk", filter=Q(status=status))
                    for status in STATUS_LABELS
                },
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        totals = dict(self.totals)
        context["summary_totals_title"] = _("Totales:")
        context["summary_totals"] = [(_("Asignadas"), totals.pop("total"))] + [
            (STATUS_LABELS[status], value) for status, value in totals.items()
        ]
        context["summary_links_title"] = _("Ver también")
        context["summary_links"] = [
            (_("Cumplimiento por unidad"), reverse("cursos_compliance:units"))
        ]
        return context

    def get_filename(self):
        return "cumplimiento-por-persona"


def unit_of(assignment) -> str:
    return assignment.user.institution_name or str(NO_UNIT)


def status_label(assignment) -> str:
    return str(STATUS_LABELS[assignment.status])


class UnitFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Capacitación"),
        queryset=CoursePage.objects.filter(
            requirements__isnull=False, first_published_at__isnull=False
        )
        .distinct()
        .order_by("title"),
        empty_label=_("Todas"),
    )

    class Meta:
        model = TrainingAssignment
        fields = ["course"]


class ComplianceByUnitReportView(CoordinatorReportView):
    page_title = _("Cumplimiento por unidad")
    header_icon = "group"
    index_url_name = "cursos_compliance:units"
    index_results_url_name = "cursos_compliance:units_results"
    results_template_name = "cursos/admin/report_results_with_summary.html"
    filterset_class = UnitFilterSet
    list_export = [
        "unit",
        "assigned",
        "completed",
        "in_progress",
        "pending",
        "overdue",
        "compliance",
    ]
    export_headings = {
        "unit": _("Unidad"),
        "assigned": _("Asignadas"),
        "completed": _("Completadas"),
        "in_progress": _("En curso"),
        "pending": _("Pendientes"),
        "overdue": _("Vencidas"),
        "compliance": _("Cumplimiento (%)"),
    }

    @cached_property
    def columns(self):
        return [
            Column("unit", label=_("Unidad"), accessor=self.unit_name),
            Column("assigned", label=_("Asignadas")),
            Column("completed", label=_("Completadas")),
            Column("in_progress", label=_("En curso")),
            Column("pending", label=_("Pendientes")),
            Column("overdue", label=_("Vencidas")),
            RoundedColumn("compliance", label=_("Cumplimiento")),
        ]

    def get_queryset(self):
        return (
            assignments_by_unit(timezone.localdate())
            .annotate(compliance=percent_of("completed", "assigned"))
            .order_by("-overdue", "user__institution_name")
        )

    @staticmethod
    def unit_name(row) -> str:
        return row["user__institution_name"] or str(NO_UNIT)

    def to_row_dict(self, item):
        return super().to_row_dict({**item, "unit": self.unit_name(item)})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary_chart"] = bar_chart(
            chart_id="vencidas-por-unidad",
            title=_("Capacitaciones vencidas por unidad (las 15 con más)"),
            data=[(self.unit_name(r), r["overdue"]) for r in self.object_list[:15]],
            series=str(_("Vencidas")),
        )
        return context

    def get_filename(self):
        return "cumplimiento-por-unidad"
