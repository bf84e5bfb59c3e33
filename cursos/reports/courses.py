"""Course and cohort reports: every course with its totals, and each learner of
one course with progress, last activity, quizzes, completion and certificate."""

import django_filters
from django.core.cache import cache
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    Func,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Least, NullIf, Substr
from django.db.models.sql.constants import LOUTER
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_cte import CTE, with_cte
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn

from lms.accounts.models import Department, User

from ..charts import stacked_chart
from ..models import (
    Cohort,
    CoursePage,
    Enrollment,
    LessonCompletion,
    ModuleCompletion,
    QuizAttempt,
)
from ..selectors import course_outline
from .base import CoordinatorReportView, DayColumn, RoundedColumn, percent_of

# Ranges 25 points wide, the last one exactly 100: a row's range is
# min(floor(progress / 25), 4) (see ``progress_chart``).
PROGRESS_RANGES = (
    (_("0–24 %"), Q(progress__lt=25)),
    (_("25–49 %"), Q(progress__gte=25, progress__lt=50)),
    (_("50–74 %"), Q(progress__gte=50, progress__lt=75)),
    (_("75–99 %"), Q(progress__gte=75, progress__lt=100)),
    (_("100 %"), Q(progress__gte=100)),
)
ISSUED = "emitido"
# A course's progress chart is counted live up to this many (filtered)
# learners; above it (about 10 ms of counting at 5,000, 100 ms at 50,000) the
# counts are kept for CHART_CACHE_SECONDS and the chart says when they were
# taken.
LIVE_CHART_MAX_LEARNERS = 5000
CHART_CACHE_SECONDS = 5 * 60


# ---------------------------------------------------------------- all courses
class CourseFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Tipo"), choices=CoursePage.Kind.choices, empty_label=_("Todos")
    )

    class Meta:
        model = CoursePage
        fields = ["kind"]


class CoursesReportView(CoordinatorReportView):
    page_title = _("Avance por curso")
    header_icon = "doc-full-inverse"
    index_url_name = "cursos_course_reports:courses"
    index_results_url_name = "cursos_course_reports:courses_results"
    filterset_class = CourseFilterSet
    list_export = ["title", "kind", "enrolled", "completed", "certified", "rate"]
    export_headings = {
        "title": _("Curso"),
        "kind": _("Tipo"),
        "enrolled": _("Inscritos"),
        "completed": _("Completaron"),
        "certified": _("Certificados"),
        "rate": _("Porcentaje que completó"),
    }

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=_("Curso"),
                get_url=lambda course: reverse(
                    "cursos_course_reports:learners", args=[course.pk]
                ),
            ),
            Column("kind", label=_("Tipo"), accessor="get_kind_display"),
            Column("enrolled", label=_("Inscritos")),
            Column("completed", label=_("Completaron")),
            Column("certified", label=_("Certificados")),
            RoundedColumn("rate", label=_("Completó")),
        ]

    def get_queryset(self):
        return (
            CoursePage.objects.filter(first_published_at__isnull=False)
            .annotate(
                enrolled=Count("enrollments", distinct=True),
                completed=Count(
                    "enrollments",
                    filter=Q(enrollments__completed_at__isnull=False),
                    distinct=True,
                ),
                certified=Count(
                    "enrollments",
                    filter=Q(enrollments__certificate__status=ISSUED),
                    distinct=True,
                ),
            )
            .annotate(rate=percent_of("completed", "enrolled"))
            .order_by("path")
        )

    def to_row_dict(self, item):
        item.kind = item.get_kind_display()
        return super().to_row_dict(item)

    def get_filename(self):
        return "avance-por-curso"


# ---------------------------------------------------------------- one course
def _optional_items_left(course: CoursePage, item_ids: list[int]):
    """SQL: how many live items are new, and not done, for the enrollment: first
    published after it completed the item's module or a later one (the rule in
    ``cursos.selectors``). Modules are siblings, so "that module or a later
    one" is a module whose tree path is not smaller than the item's parent's."""
    from wagtail.models import Page

    module_path_length = (course.depth + 1) * Page.steplen
    enrollment = OuterRef(OuterRef("pk"))
    passed_before = ModuleCompletion.objects.filter(
        enrollment=enrollment,
        module__path__gte=Substr(OuterRef("path"), 1, module_path_length),
        completed_at__lt=OuterRef("first_published_at"),
    )
    lesson_done = LessonCompletion.objects.filter(
        enrollment=enrollment, lesson=OuterRef("pk")
    )
    quiz_passed = QuizAttempt.objects.filter(
        enrollment=enrollment, quiz=OuterRef("pk"), passed=True
    )
    return Coalesce(
        Subquery(
            Page.objects.filter(pk__in=item_ids)
            .filter(Exists(passed_before))
            .exclude(Exists(lesson_done))
            .exclude(Exists(quiz_passed))
            .order_by()
            .annotate(n=Func(F("pk"), function="COUNT"))
            .values("n")[:1]
        ),
        0,
    )


def _with_items_done(learners, item_ids: list[int], quiz_ids: list[int], among=None):
    """``learners`` annotated with ``lessons_done`` (its completions of the
    live items) and ``quizzes_passed`` (the live quizzes it passed).

    Each is counted per enrollment in its own common table expression before
    it meets the enrollments, so the report joins one row per enrollment
    instead of grouping completions × attempts per enrollment (the export's
    query at 50,000 enrollments: 0.3 s instead of 0.8 s). The items are the
    course's own, so the counts need no join to the enrollments. A completion
    is unique per enrollment and lesson; a quiz may be passed more than once,
    hence its ``DISTINCT``. No items (or no quizzes): a plain 0 and no table
    expression to count nothing. ``among`` (ids of enrollments, or a
    subquery of them) counts only theirs: a page of 50 rows, or one
    department, does not count for 50,000."""
    ctes, done = [], {}
    for name, cte_name, rows, column, ids, distinct in (
        (
            "lessons_done",
            "lesson_counts",
            LessonCompletion.objects.all(),
            "lesson_id",
            item_ids,
            False,
        ),
        (
            "quizzes_passed",
            "quiz_counts",
            QuizAttempt.objects.filter(passed=True),
            "quiz_id",
            quiz_ids,
            True,
        ),
    ):
        if not ids:
            done[name] = Value(0)
            continue
        if among is not None:
            rows = rows.filter(enrollment_id__in=among)
        cte = CTE(
            rows.filter(**{f"{column}__in": ids})
            .values("enrollment_id")
            .annotate(done=Count(column, distinct=distinct))
            .order_by(),
            name=cte_name,
        )
        learners = cte.join(learners, pk=cte.col.enrollment_id, _join_type=LOUTER)
        ctes.append(cte)
        done[name] = Coalesce(cte.col.done, 0)
    return with_cte(*ctes, select=learners).annotate(**done)


def may_have_optional_items(course: CoursePage, outline) -> bool:
    """Whether any learner of the course can have optional items: only one
    who passed a module before the newest item was published. Usually nobody
    has, and then the optional items' subquery (and its cost estimate, which
    turns on PostgreSQL's JIT for seconds) stays out of the SQL."""
    newest = max(
        (item.first_published_at for item in outline.items if item.first_published_at),
        default=None,
    )
    return newest is not None and (
        ModuleCompletion.objects.filter(
            enrollment__course=course, completed_at__lt=newest
        ).exists()
    )


def course_learners(
    course: CoursePage, outline=None, among=None, optional_items: bool | None = None
):
    """Enrollments of the course with their progress in SQL, the figure the
    learner sees: live items done (lessons completed + quizzes passed) over the
    items that count for them (the new ones they have not done do not); 100
    once complete. ``among``: only these enrollments (ids, or a subquery of
    them).
    ``optional_items``: ``may_have_optional_items``, when the caller knows it.

    Lessons done and quizzes passed are counted once per enrollment
    (``_with_items_done``), not by a correlated subquery per enrollment and
    per mention; the optional items only exist for an
    enrollment that has passed a module, so their subquery runs only when
    someone passed one before the newest item, and then only behind an
    ``EXISTS`` on the enrollment's module completions."""
    outline = outline or course_outline(course)
    item_ids = [item.id for item in outline.items]
    quiz_ids = [item.id for item in outline.items if item.kind == "evaluacion"]
    if optional_items is None:
        optional_items = may_have_optional_items(course, outline)
    optional_left = (
        Case(
            When(
                Exists(ModuleCompletion.objects.filter(enrollment=OuterRef("pk"))),
                then=_optional_items_left(course, item_ids),
            ),
            default=Value(0),
        )
        if optional_items
        else Value(0)
    )
    learners = Enrollment.objects.filter(course=course)
    if among is not None:
        learners = learners.filter(pk__in=among)
    return (
        _with_items_done(learners, item_ids, quiz_ids, among)
        .select_related(
            "user", "user__department", "user__municipality", "cohort", "certificate"
        )
        .alias(counted=Value(len(item_ids)) - optional_left)
        .annotate(
            progress=Case(
                When(completed_at__isnull=False, then=Value(100.0)),
                # counted is 0 when every item is a new one: no progress.
                default=Coalesce(
                    Least(
                        Value(100.0),
                        (F("lessons_done") + F("quizzes_passed"))
                        * Value(100.0)
                        / NullIf(F("counted"), 0),
                    ),
                    Value(0.0),
                ),
                output_field=FloatField(),
            )
        )
    )


def progress_bands(learners) -> list[tuple[str | None, int, int]]:
    """(cohort name, range index in ``PROGRESS_RANGES``, learners) for a
    ``values_list("cohort_label", "progress")`` of ``course_learners``, in one
    query: the ranges are counted over the learners' query as a derived
    table, so each row's progress (an expression over the counts joined to
    it) is computed once and not once per range."""
    from django.db import connections

    sql, params = learners.query.sql_with_params()
    bands = " ".join(
        f'WHEN learners."progress" < {25 * (index + 1)} THEN {index}'
        for index in range(len(PROGRESS_RANGES) - 1)
    )
    # Only the ORM's own SQL (with its parameters) and figures from
    # PROGRESS_RANGES are put in the text.
    last = len(PROGRESS_RANGES) - 1
    query = f'SELECT learners."cohort_label", CASE {bands} ELSE {last} END, COUNT(*) FROM ({sql}) learners GROUP BY 1, 2'  # noqa: E501, S608
    with connections[learners.db].cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchall()


class CourseLearnerFilterSet(WagtailFilterSet):
    cohort = django_filters.ModelChoiceFilter(
        label=_("Edición"), queryset=Cohort.objects.none(), empty_label=_("Todas")
    )
    department = django_filters.ModelChoiceFilter(
        label=_("Departamento"),
        field_name="user__department",
        queryset=Department.objects.order_by("code"),
        empty_label=_("Todos"),
    )
    state = django_filters.ChoiceFilter(
        label=_("Estado"),
        choices=[
            ("sin-avance", _("Sin avance")),
            ("en-curso", _("En curso")),
            ("completado", _("Completado")),
            ("en-riesgo", _("En riesgo")),
        ],
        method="filter_state",
        empty_label=_("Todos"),
    )

    class Meta:
        model = Enrollment
        fields = ["cohort", "department", "state"]

    def __init__(self, *args, course=None, **kwargs):
        super().__init__(*args, **kwargs)
        if course is not None:
            self.filters["cohort"].queryset = course.cohorts.order_by("sort_order")

    def filter_state(self, queryset, name, value):
        if value == "en-riesgo":
            # Same rule as the dashboard's "Participantes en riesgo" panel.
            from ..dashboard import at_risk

            return queryset.filter(at_risk())
        if value == "completado":
            return queryset.filter(completed_at__isnull=False)
        if value == "en-curso":
            return queryset.filter(completed_at__isnull=True, progress__gt=0)
        return queryset.filter(progress=0)


class CourseLearnersReportView(CoordinatorReportView):
    page_title = _("Avance de participantes")
    header_icon = "user"
    index_url_name = "cursos_course_reports:learners"
    index_results_url_name = "cursos_course_reports:learners_results"
    results_template_name = "cursos/admin/report_results_with_summary.html"
    filterset_class = CourseLearnerFilterSet
    list_export = [
        "user.full_name",
        "user.email",
        "institution",
        "user.department",
        "user.municipality",
        "post",
        "cohort",
        "progress",
        "last_activity_at",
        "quizzes",
        "completed_at",
        "certificate_status",
    ]
    export_headings = {
        "user.full_name": _("Nombre"),
        "user.email": _("Correo"),
        "institution": _("Institución"),
        "user.department": _("Departamento"),
        "user.municipality": _("Municipio"),
        "post": _("Cargo"),
        "cohort": _("Edición"),
        "progress": _("Avance (%)"),
        "last_activity_at": _("Última actividad"),
        "quizzes": _("Evaluaciones aprobadas"),
        "completed_at": _("Completado el"),
        "certificate_status": _("Certificado"),
    }

    @cached_property
    def course(self) -> CoursePage:
        return get_object_or_404(CoursePage, pk=self.kwargs["course_id"])

    @cached_property
    def outline(self):
        return course_outline(self.course)

    @cached_property
    def quiz_count(self) -> int:
        return sum(1 for item in self.outline.items if item.kind == "evaluacion")

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.course.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.course.pk])

    def get_page_subtitle(self):
        return self.course.title

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "course": self.course}

    @cached_property
    def columns(self):
        return [
            Column("user.full_name", label=_("Nombre")),
            Column("institution", label=_("Institución"), accessor=self.institution_of),
            Column("user.department", label=_("Departamento")),
            Column("user.municipality", label=_("Municipio")),
            Column("post", label=_("Cargo"), accessor=self.post_of),
            Column("cohort", label=_("Edición")),
            RoundedColumn("progress", label=_("Avance")),
            DayColumn("last_activity_at", label=_("Última actividad")),
            Column("quizzes", label=_("Evaluaciones"), accessor=self.quizzes_of),
            DayColumn("completed_at", label=_("Completado")),
            Column("certificate", label=_("Certificado"), accessor=self.certificate_of),
        ]

    # Choice labels looked up once per request (get_FOO_display() translates
    # every choice on every call: seconds for a 5,000-row export).
    @cached_property
    def post_labels(self) -> dict[str, str]:
        return {value: str(label) for value, label in User.Post.choices}

    @cached_property
    def institution_labels(self) -> dict[str, str]:
        return {value: str(label) for value, label in User.InstitutionType.choices}

    def institution_of(self, enrollment) -> str:
        user = enrollment.user
        kind = self.institution_labels.get(user.institution_type, "")
        return f"{kind}: {user.institution_name}" if user.institution_name else kind

    def post_of(self, enrollment) -> str:
        user = enrollment.user
        return user.post_other or self.post_labels.get(user.post, "")

    @cached_property
    def certificate_labels(self) -> dict[str, str]:
        from certificados.models import Certificate

        return {value: str(label) for value, label in Certificate.Status.choices}

    def certificate_of(self, enrollment) -> str:
        certificate = getattr(enrollment, "certificate", None)
        return self.certificate_labels[certificate.status] if certificate else "—"

    def quizzes_of(self, enrollment) -> str:
        return f"{enrollment.quizzes_passed} / {self.quiz_count}"

    @cached_property
    def optional_items(self) -> bool:
        return may_have_optional_items(self.course, self.outline)

    @cached_property
    def chosen_filters(self) -> dict:
        """The filters as the form read them ({} when it refused them)."""
        form = self.filters.form if self.filters else None
        return form.cleaned_data if form is not None and form.is_valid() else {}

    def filtered_scope(self):
        """The enrollments the edition and department filters keep (a
        subquery), so the lessons and quizzes are counted for them alone and
        not for the whole course; None without either filter."""
        cohort = self.chosen_filters.get("cohort")
        department = self.chosen_filters.get("department")
        if cohort is None and department is None:
            return None
        scope = Enrollment.objects.filter(course=self.course)
        if cohort is not None:
            scope = scope.filter(cohort=cohort)
        if department is not None:
            scope = scope.filter(user__department=department)
        return scope.values("pk")

    @cached_property
    def learners(self):
        return course_learners(
            self.course,
            self.outline,
            among=self.filtered_scope(),
            optional_items=self.optional_items,
        )

    def get_base_queryset(self):
        return self.learners.all()

    def get_queryset(self):
        return self.get_base_queryset().order_by("user__full_name", "pk")

    def paginate_queryset(self, queryset, page_size):
        """The page's rows in two steps: the ids of the page, sorted on the
        narrow (name, id) pairs, then those rows with everything they show.
        Sorting the wide joined rows of 50,000 enrollments to keep 50 was most
        of the page's time."""
        if self.request.GET.get("state"):
            ids = queryset.values_list("pk", flat=True)
        else:  # no progress needed to choose the page's rows
            ids = (
                self.filter_queryset(Enrollment.objects.filter(course=self.course))
                .order_by("user__full_name", "pk")
                .values_list("pk", flat=True)
            )
        paginator, page, ids, is_paginated = super().paginate_queryset(ids, page_size)
        ids = list(ids)
        position = {pk: index for index, pk in enumerate(ids)}
        rows = sorted(
            course_learners(
                self.course,
                self.outline,
                among=ids,
                optional_items=self.optional_items,
            ),
            key=lambda row: position[row.pk],
        )
        page.object_list = rows
        return paginator, page, rows, is_paginated

    # The export reads plain values (no model instances) with the same
    # columns and text as ``to_row_dict``.
    export_values = (
        "user__full_name",
        "user__email",
        "user__institution_type",
        "user__institution_name",
        "user__department__name",
        "user__municipality__name",
        "user__post",
        "user__post_other",
        "cohort__name",
        "progress",
        "last_activity_at",
        "quizzes_passed",
        "completed_at",
        "certificate__status",
    )

    def export_values_rows(self, rows):
        institutions, posts = self.institution_labels, self.post_labels
        certificates = self.certificate_labels
        quiz_count = self.quiz_count
        for (
            name,
            email,
            institution_type,
            institution_name,
            department,
            municipality,
            post,
            post_other,
            cohort,
            progress,
            last_activity_at,
            quizzes_passed,
            completed_at,
            certificate_status,
        ) in rows:
            kind = institutions.get(institution_type, "")
            yield {
                "user.full_name": name,
                "user.email": email,
                "institution": (
                    f"{kind}: {institution_name}" if institution_name else kind
                ),
                "user.department": department,
                "user.municipality": municipality,
                "post": post_other or posts.get(post, ""),
                "cohort": cohort,
                "progress": round(progress),
                "last_activity_at": last_activity_at,
                "quizzes": f"{quizzes_passed} / {quiz_count}",
                "completed_at": completed_at,
                "certificate_status": (
                    certificates[certificate_status] if certificate_status else "—"
                ),
            }

    def to_row_dict(self, item):
        item.institution = self.institution_of(item)
        item.post = self.post_of(item)
        item.quizzes = self.quizzes_of(item)
        item.certificate_status = self.certificate_of(item)
        item.progress = round(item.progress)
        return super().to_row_dict(item)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = context.get("paginator")
        learner_count = paginator.count if paginator else 0
        context["summary_chart"], context["summary_chart_note"] = self.progress_chart(
            cached=learner_count > LIVE_CHART_MAX_LEARNERS
        )
        context["summary_links"] = [
            (
                item.title,
                reverse("cursos_reports:quiz_items", args=[item.id]),
            )
            for item in self.outline.items
            if item.kind == "evaluacion"
        ]
        context["summary_links_title"] = _("Análisis por pregunta de las evaluaciones")
        return context

    def chart_bands(self) -> list[tuple[str | None, int, int]]:
        learners = (
            self.filter_queryset(self.get_base_queryset())
            .order_by()
            .annotate(cohort_label=F("cohort__name"))
            .values_list("cohort_label", "progress")
        )
        return progress_bands(learners)

    def chart_cache_key(self) -> str:
        """The course and the filters as the form read them: the same chart
        for the same filters, whatever the order or spelling of the query."""
        chosen = self.chosen_filters
        filters = ",".join(
            f"{name}={getattr(chosen.get(name), 'pk', chosen.get(name)) or ''}"
            for name in ("cohort", "department", "state")
        )
        return f"informe-avance:{self.course.pk}:{filters}"

    def progress_chart(self, *, cached: bool = False):
        """Progress ranges per cohort of the filtered learners (one query),
        and a note on when they were counted. ``cached``: a large course's
        counts are kept for a few minutes (the chart says from when) instead
        of counting every enrollment on every visit."""
        note = ""
        if cached:
            bands, counted_at = cache.get_or_set(
                self.chart_cache_key(),
                lambda: (self.chart_bands(), timezone.now()),
                CHART_CACHE_SECONDS,
            )
            note = _(
                "Distribución calculada a las %(time)s: con más de %(learners)s "
                "participantes en el informe se vuelve a calcular cada %(minutes)s "
                "minutos."
            ) % {
                "time": date_format(timezone.localtime(counted_at), "H:i"),
                "learners": number_format(LIVE_CHART_MAX_LEARNERS, force_grouping=True),
                "minutes": CHART_CACHE_SECONDS // 60,
            }
        else:
            bands = self.chart_bands()
        counts: dict = {}
        for cohort_name, band, n in bands:
            counts.setdefault(cohort_name, [0] * len(PROGRESS_RANGES))[band] = n
        data = [
            (name or _("Sin edición"), counts[name])
            for name in sorted(counts, key=lambda name: (name is None, name or ""))
        ]
        chart = stacked_chart(
            chart_id="avance-por-edicion",
            title=_("Distribución del avance por edición"),
            data=data,
            series=[str(label) for label, _condition in PROGRESS_RANGES],
        )
        return chart, note

    def get_filename(self):
        return f"curso-{self.course.pk}-participantes"
