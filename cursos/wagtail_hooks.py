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
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from . import dashboard
from .models import CoursePage, EditionTutor, Enrollment, QuizPage, RequiredTraining
from .reports import (
    REPORTS_PERMISSION,
    ComplianceByUnitReportView,
    ComplianceReportView,
    CourseLearnersReportView,
    CoursesReportView,
    GradebookReportView,
    ItemAnalysisReportView,
    QuizLearnersReportView,
    QuizResultsReportView,
    TerritoryReportView,
)
from .services.quizzes import QuizError, grant_extra_attempt


def _has_learners(pages) -> bool:
    paths = [page.path for page in pages if isinstance(page, Page)]
    courses = CoursePage.objects.none()
    for path_prefix in paths:
        courses = courses | CoursePage.objects.filter(path__startswith=path_prefix)
    return (
        Enrollment.objects.filter(course__in=courses).exists()
        or RequiredTraining.objects.filter(course__in=courses).exists()
    )


REFUSAL = gettext_lazy(
    "No se puede eliminar un curso con personas inscritas o que es una capacitación "
    "obligatoria: su historial y sus certificados dependen de él. Despublíquelo "
    "para retirarlo del catálogo."
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


def _report_urls(view, name, prefix=""):
    """The report page and its results-only fragment (filters refresh it)."""
    return [
        path(prefix, view.as_view(), name=name),
        path(
            f"{prefix}resultados/",
            view.as_view(results_only=True),
            name=f"{name}_results",
        ),
    ]


course_report_urls = [
    *_report_urls(CoursesReportView, "courses"),
    *_report_urls(CourseLearnersReportView, "learners", "<int:course_id>/"),
]
compliance_urls = [
    *_report_urls(ComplianceReportView, "people"),
    *_report_urls(ComplianceByUnitReportView, "units", "unidades/"),
]
territory_urls = _report_urls(TerritoryReportView, "municipalities")
gradebook_urls = _report_urls(GradebookReportView, "gradebook")


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("informes/evaluaciones/", include((report_urls, "cursos_reports"))),
        path(
            "informes/cursos/", include((course_report_urls, "cursos_course_reports"))
        ),
        path("informes/cumplimiento/", include((compliance_urls, "cursos_compliance"))),
        path("informes/territorio/", include((territory_urls, "cursos_territory"))),
        path("informes/calificaciones/", include((gradebook_urls, "cursos_gradebook"))),
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


@hooks.register("register_reports_menu_item")
def register_course_report_menu_item():
    return CoordinatorMenuItem(
        gettext_lazy("Avance por curso"),
        reverse("cursos_course_reports:courses"),
        icon_name="doc-full-inverse",
        order=90,
    )


@hooks.register("register_reports_menu_item")
def register_compliance_menu_item():
    return CoordinatorMenuItem(
        gettext_lazy("Cumplimiento de capacitaciones"),
        reverse("cursos_compliance:people"),
        icon_name="calendar-check",
        order=95,
    )


@hooks.register("register_reports_menu_item")
def register_territory_menu_item():
    return CoordinatorMenuItem(
        gettext_lazy("Diplomado por territorio"),
        reverse("cursos_territory:municipalities"),
        icon_name="site",
        order=96,
    )


@hooks.register("register_reports_menu_item")
def register_gradebook_menu_item():
    return CoordinatorMenuItem(
        gettext_lazy("Libro de calificaciones"),
        reverse("cursos_gradebook:gradebook"),
        icon_name="table",
        order=97,
    )


class RequiredTrainingViewSet(ModelViewSet):
    """Coordinators mark courses as required for a group, with the due-date rule."""

    model = RequiredTraining
    icon = "calendar-check"
    menu_label = gettext_lazy("Capacitaciones obligatorias")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "capacitaciones-obligatorias"
    name = "capacitaciones_obligatorias"
    form_fields = ["course", "group", "due_rule", "due_on", "due_days", "active"]
    list_display = ["course", "group", "due_rule", "due_on", "due_days", "active"]
    list_filter = ["group", "active"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_required_training_viewset():
    return RequiredTrainingViewSet()


# Documents: served only to people who may read a page that uses them
# (lms.documents, issue 11).
@hooks.register("before_serve_document")
def check_document_access(document, request):
    from lms.documents import check_document_access

    return check_document_access(document, request)


# ---------------------------------------------------------------- dashboard
# The admin home is the coordinator's dashboard (issue 12): what needs doing,
# each panel linking to the report or page where it is done. Reads in
# cursos.dashboard; one or two queries a panel, whatever the number of learners.
class DashboardPanel(Component):
    """One panel of the admin home. Subclasses name their template, heading and
    the rule that decides what they list, and return their rows."""

    name = ""
    order = 100
    icon = ""
    heading = ""
    rule = ""
    more_label = gettext_lazy("Ver todos")

    def get_more_url(self, data) -> str:
        return ""

    def get_data(self):
        raise NotImplementedError

    def get_rows(self, data):
        return data

    def get_context_data(self, parent_context=None):
        data = self.get_data()
        rows = self.get_rows(data)
        return {
            "panel": self,
            "data": data,
            "rows": rows,
            "has_rows": bool(rows),
            "more_url": self.get_more_url(data),
            "more_label": self.more_label,
            "inactive_days": dashboard.INACTIVE_DAYS,
        }


class EditionsPanel(DashboardPanel):
    name = "ediciones-en-curso"
    order = 100
    icon = "group"
    template_name = "cursos/admin/dashboard_editions.html"
    heading = gettext_lazy("Ediciones en curso")

    @property
    def rule(self):
        return _(
            "Activos esta semana: con actividad en los últimos %(dias)s días. Cada "
            "edición lleva al avance de sus participantes."
        ) % {"dias": dashboard.ACTIVE_DAYS}

    def get_data(self):
        return dashboard.editions_in_progress()

    def get_more_url(self, data):
        return reverse("cursos_course_reports:courses")


class AtRiskPanel(DashboardPanel):
    name = "participantes-en-riesgo"
    order = 110
    icon = "warning"
    template_name = "cursos/admin/dashboard_at_risk.html"
    heading = gettext_lazy("Participantes en riesgo")

    @property
    def rule(self):
        return _(
            "Sin actividad desde hace %(dias)s días o más, o reprobaron una "
            "evaluación y no les quedan intentos (en ediciones que no han terminado)."
        ) % {"dias": dashboard.INACTIVE_DAYS}

    def get_data(self):
        return dashboard.learners_at_risk()

    def get_rows(self, data):
        return data.rows


class OverduePanel(DashboardPanel):
    name = "capacitaciones-vencidas"
    order = 120
    icon = "calendar-check"
    template_name = "cursos/admin/dashboard_overdue.html"
    heading = gettext_lazy("Personal del INFOM con capacitaciones vencidas")
    rule = gettext_lazy(
        "Capacitaciones obligatorias cuya fecha límite pasó sin completarse."
    )
    more_label = gettext_lazy("Ver todas")

    def get_data(self):
        return dashboard.overdue_trainings()

    def get_rows(self, data):
        return data.rows

    def get_more_url(self, data):
        return data.url if data.total else ""


class QuizzesPanel(DashboardPanel):
    name = "evaluaciones-para-revisar"
    order = 130
    icon = "tasks"
    template_name = "cursos/admin/dashboard_quizzes.html"
    heading = gettext_lazy("Evaluaciones para revisar")
    more_label = gettext_lazy("Ver todas las evaluaciones")

    @property
    def rule(self):
        return _(
            "Aprobadas por menos del %(tasa)s %% de sus participantes, o con una "
            "pregunta que acierta menos del %(facilidad)s %%; solo cuentan las que "
            "respondieron al menos %(minimo)s participantes."
        ) % {
            "tasa": dashboard.LOW_PASS_RATE,
            "facilidad": dashboard.LOW_FACILITY,
            "minimo": dashboard.MIN_LEARNERS,
        }

    def get_data(self):
        return dashboard.quizzes_needing_review()

    def get_more_url(self, data):
        return reverse("cursos_reports:quizzes")


class CertificatesPanel(DashboardPanel):
    name = "certificados-pendientes"
    order = 140
    icon = "doc-full-inverse"
    template_name = "cursos/admin/dashboard_certificates.html"
    heading = gettext_lazy("Certificados pendientes")

    @property
    def rule(self):
        return _(
            "Si uno lleva más de %(minutos)s minutos en preparación, su generación "
            "falló; el sistema lo reintenta solo."
        ) % {"minutos": dashboard.STUCK_MINUTES}

    def get_data(self):
        return dashboard.pending_certificates()

    def get_rows(self, data):
        return data.rows

    def get_more_url(self, data):
        return data.url if data.pending else ""


class DraftsPanel(DashboardPanel):
    name = "borradores-por-revisar"
    order = 150
    icon = "edit"
    template_name = "cursos/admin/dashboard_drafts.html"
    heading = gettext_lazy("Borradores por revisar")
    rule = gettext_lazy(
        "Páginas en revisión y cambios sin publicar en el contenido del diplomado."
    )
    more_label = gettext_lazy("Ver flujos de revisión")

    def get_data(self):
        return dashboard.drafts_waiting()

    def get_more_url(self, data):
        return reverse("wagtailadmin_reports:workflow")


DASHBOARD_PANELS = (
    EditionsPanel,
    AtRiskPanel,
    OverduePanel,
    QuizzesPanel,
    CertificatesPanel,
    DraftsPanel,
)
# Wagtail's own panels that say nothing a coordinator acts on: "your pages in
# moderation" is covered by "Borradores por revisar", "your locked pages" is
# noise. "Awaiting your review" (approve/reject) and "Your most recent edits"
# stay, below ours.
WAGTAIL_PANELS_DROPPED = {"user_objects_in_workflow_moderation", "locked_pages"}


@hooks.register("construct_homepage_panels")
def coordinator_dashboard_panels(request, panels):
    if not request.user.has_perm(REPORTS_PERMISSION):
        return
    panels[:] = [
        panel
        for panel in panels
        if getattr(panel, "name", "") not in WAGTAIL_PANELS_DROPPED
    ]
    panels.extend(panel() for panel in DASHBOARD_PANELS)


@hooks.register("construct_homepage_summary_items", order=100)
def coordinator_dashboard_summary(request, summary_items):
    # "65 Páginas · 12 Imágenes" tells a coordinator nothing to do; the panels
    # replace it.
    if request.user.has_perm(REPORTS_PERMISSION):
        summary_items.clear()


# --- Authoring with autosave (issue 12) -----------------------------------------
# Wagtail 8 autosaves a new page by posting the create form as JSON: the first
# autosave creates the page, and only when its answer arrives does the editor
# point the form at the page's edit view. A "Publicar" pressed before that answer
# posts the create form a second time: the page the autosave has just created
# holds the slug ("ya está en uso"), the publication fails and the draft stays
# behind, orphaned. Such a post is sent on to the edit view of that draft (307:
# same method, same body), so it publishes, saves or submits the page the
# coordinator is in fact editing.
AUTOSAVE_RACE_WINDOW_MINUTES = 10


def _autosaved_draft(request, parent_page, page_class):
    """The draft that this user's autosave created under ``parent_page`` from
    this same form a moment ago: same type and slug, never published, last
    saved by them within the window, not locked and not in moderation."""
    import datetime

    from django.conf import settings
    from django.utils import timezone
    from django.utils.text import slugify
    from wagtail.models import WorkflowState

    allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    slug = slugify(
        request.POST.get("slug") or request.POST.get("title") or "",
        allow_unicode=allow_unicode,
    )
    if not slug:
        return None
    since = timezone.now() - datetime.timedelta(minutes=AUTOSAVE_RACE_WINDOW_MINUTES)
    draft = (
        page_class.objects.child_of(parent_page)
        .exact_type(page_class)
        .filter(
            slug=slug,
            owner=request.user,
            live=False,
            first_published_at__isnull=True,
            locked=False,
            latest_revision__user=request.user,
            latest_revision_created_at__gte=since,
        )
        .first()
    )
    if draft is None:
        return None
    in_moderation = (
        WorkflowState.objects.active()
        .filter(base_content_type_id=draft.content_type_id, object_id=str(draft.pk))
        .exists()
    )
    return None if in_moderation else draft


@hooks.register("before_create_page")
def continue_autosaved_draft(request, parent_page, page_class):
    from django.http import HttpResponseRedirect

    if request.method != "POST":
        return None
    if "application/json" in request.headers.get("Accept", ""):
        # An autosave: Wagtail answers it (the editor never sends a second
        # autosave before the first one's answer).
        return None
    draft = _autosaved_draft(request, parent_page, page_class)
    if draft is None:
        return None
    return HttpResponseRedirect(
        reverse("wagtailadmin_pages:edit", args=(draft.pk,)), preserve_request=True
    )


# --- Optional review before publishing (issue 12) ---------------------------------
# Wagtail shows "Publicar" to anyone with publish permission even when the page has
# a workflow, and coordinators have it on the whole tree. A workflow assigned to a
# course (or any page below the tree root, where Wagtail's own default workflow
# sits) therefore takes "Publicar" away from coordinators for that part of the
# tree: they send the page to review and it is published when the workflow's task
# is approved. Superusers keep "Publicar" (urgent corrections).
def _review_assignment(page):
    """The workflow a coordinator assigned to ``page`` or an ancestor (nearest
    first), ignoring the one on the tree root; None when there is none."""
    from wagtail.models import WorkflowPage

    if page is None or not page.pk:
        return None
    return (
        WorkflowPage.objects.filter(
            page__in=page.get_ancestors(inclusive=True),
            page__depth__gt=1,
            workflow__active=True,
        )
        .select_related("workflow")
        .order_by("-page__depth")
        .first()
    )


def _must_be_reviewed(page, user) -> bool:
    return not user.is_superuser and _review_assignment(page) is not None


def _review_refusal(request, page):
    assignment = _review_assignment(page)
    messages.error(
        request,
        _(
            "Esta página pasa por el flujo «%(workflow)s» antes de publicarse: se "
            "guardó como borrador. Use «Enviar a %(workflow)s» para que otra "
            "persona coordinadora la apruebe."
        )
        % {"workflow": assignment.workflow.name},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("construct_page_action_menu")
def hide_publish_where_review_is_required(menu_items, request, context):
    page = context.get("page") if context.get("view") != "create" else None
    target = page or context.get("parent_page")
    if _must_be_reviewed(target, request.user):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_publish_page")
def require_review_before_publishing(request, page):
    if not _must_be_reviewed(page, request.user):
        return None
    if page.live and page.first_published_at is None:
        # The create view adds a page to be published as live before this hook
        # runs: keep it as the draft it still is.
        type(page).objects.filter(pk=page.pk).update(
            live=False, has_unpublished_changes=True
        )
    return _review_refusal(request, page)


@hooks.register("before_bulk_action")
def require_review_in_bulk(request, action_type, objects, action_class_instance):
    if action_type == "publish" and any(
        _must_be_reviewed(page, request.user)
        for page in objects
        if isinstance(page, Page)
    ):
        messages.error(
            request,
            _(
                "Algunas páginas pasan por un flujo de revisión antes de publicarse: "
                "envíelas a revisión una por una."
            ),
        )
        return redirect("wagtailadmin_explore_root")
    return None


@hooks.register("register_log_actions")
def register_assignment_log_actions(actions):
    """A released grade changed by a coordinator (cursos.services.assignments)."""
    from wagtail.log_actions import LogFormatter

    @actions.register_action("cursos.grade_changed")
    class GradeChanged(LogFormatter):
        label = gettext_lazy("Nota publicada cambiada")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Nota cambiada de %(antes)s a %(despues)s. Motivo: %(motivo)s") % {
                "antes": (data.get("before") or {}).get("points", "—"),
                "despues": (data.get("after") or {}).get("points", "—"),
                "motivo": data.get("reason", "—"),
            }


# Editions: coordinators enroll, move and assign tutors (cursos.views_admin_enrollment)
def _edition_urls():
    from . import views_admin_enrollment as views

    return [
        path("", views.editions_view, name="editions"),
        path("<int:cohort_id>/", views.participants_view, name="participants"),
        path("<int:cohort_id>/inscribir/", views.enroll_people_view, name="enroll"),
        path(
            "<int:cohort_id>/importar/",
            views.import_preview_view,
            name="import_preview",
        ),
        path(
            "<int:cohort_id>/importar/confirmar/",
            views.import_confirm_view,
            name="import_confirm",
        ),
        path(
            "inscripciones/<int:enrollment_id>/trasladar/",
            views.move_view,
            name="move",
        ),
        path(
            "inscripciones/<int:enrollment_id>/tutoria/",
            views.tutor_view,
            name="tutor",
        ),
    ]


@hooks.register("register_admin_urls")
def register_edition_urls():
    return [path("ediciones/", include((_edition_urls(), "cursos_editions")))]


class EnrollmentManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("cursos.manage_enrollments")


@hooks.register("register_reports_menu_item")
def register_editions_menu_item():
    return EnrollmentManagerMenuItem(
        gettext_lazy("Ediciones y participantes"),
        reverse("cursos_editions:editions"),
        icon_name="group",
        order=80,
    )


class EditionTutorViewSet(ModelViewSet):
    """ "Tutorías de ediciones": who tutors which edition (and departments).
    Coordinators hold the model's permissions (migration 0013)."""

    model = EditionTutor
    icon = "user"
    menu_label = gettext_lazy("Tutorías de ediciones")
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "tutorias-ediciones"
    name = "tutorias_ediciones"
    form_fields = ["cohort", "tutor", "departments"]
    list_display = ["tutor", "cohort", "assigned_at"]
    list_filter = ["cohort"]
    copy_view_enabled = False
    inspect_view_enabled = False


@hooks.register("register_admin_viewset")
def register_edition_tutor_viewset():
    return EditionTutorViewSet()


@hooks.register("register_log_actions")
def register_edition_log_actions(actions):
    """Moves and tutor assignments (cursos.services.editions)."""
    from wagtail.log_actions import LogFormatter

    @actions.register_action("cursos.enrollment.move")
    class EnrollmentMoved(LogFormatter):
        label = gettext_lazy("Traslado a otra edición")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Trasladada de «%(desde)s» a «%(hacia)s»") % {
                "desde": data.get("from") or "—",
                "hacia": data.get("to") or "—",
            }

    @actions.register_action("cursos.enrollment.tutor")
    class TutorAssigned(LogFormatter):
        label = gettext_lazy("Tutoría asignada")

        def format_message(self, log_entry):
            tutor = (log_entry.data or {}).get("tutor")
            if tutor:
                return _("Tutoría asignada a mano: %(tutor)s") % {"tutor": tutor}
            return _("Tutoría según la edición")
