"""The tutor area, /tutoria/: a tutor's editions, learners, queue of work to
grade and the grading page. Coordinators see every edition.

Views are thin: every object comes from the ``cursos.tutoria.selectors`` reads,
which start from the learners the person follows (anything else is a 404), and
every write goes through ``cursos.services.assignments``.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cursos.editions import grading_is_open, is_coordinator, is_tutor
from cursos.models import Submission

from . import selectors
from .forms import ChangeGradeForm, GradeForm, ReturnForm

PER_PAGE = 25
CHANGE_RELEASED_PERMISSION = "cursos.change_released_grade"


def tutor_required(view):
    """Signed in, and a tutor (group "Tutores", active) or a coordinator."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not (is_tutor(request.user) or is_coordinator(request.user)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _int(value, default=None):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if 0 < number < 2**31 else default


def _page(request, items):
    return Paginator(items, PER_PAGE).get_page(request.GET.get("pagina"))


def gradebook_url(cohort_id: int) -> str | None:
    """The edition's gradebook, once that part of the site is installed."""
    try:
        return reverse("tutoria:gradebook", kwargs={"cohort_id": cohort_id})
    except NoReverseMatch:
        return None


# ------------------------------------------------------------------ pages
@tutor_required
def home_view(request):
    rows = selectors.tutor_editions(request.user)
    for row in rows:
        row.gradebook_url = gradebook_url(row.cohort.pk)
    return render(
        request,
        "tutoria/home.html",
        {
            "editions": rows,
            "pending_total": sum(row.pending for row in rows),
            "is_coordinator": is_coordinator(request.user),
        },
    )


@tutor_required
def edition_view(request, cohort_id: int):
    cohort = selectors.edition_for(request.user, cohort_id)
    if cohort is None:
        raise Http404
    order = request.GET.get("orden", "nombre")
    if order not in selectors.SORTS:
        order = "nombre"
    department_id = _int(request.GET.get("departamento"))
    rows, departments = selectors.edition_learners(
        user=request.user,
        cohort=cohort,
        order=selectors.SORTS[order],
        department_id=department_id,
    )
    page = _page(request, rows)
    page.object_list = selectors.learner_rows(cohort, list(page.object_list))
    outline = page.object_list[0].progress.outline if page.object_list else None
    quiz_total = (
        sum(1 for item in outline.items if item.kind == "evaluacion") if outline else 0
    )
    selectors.fill_learner_figures(list(page.object_list), quiz_total=quiz_total)
    extra = f"orden={order}"
    if department_id:
        extra += f"&departamento={department_id}"
    return render(
        request,
        "tutoria/edition.html",
        {
            "cohort": cohort,
            "course": cohort.course,
            "page_obj": page,
            "rows": page.object_list,
            "learner_total": page.paginator.count,
            "order": order,
            "departments": departments,
            "department_id": department_id,
            "extra": extra,
            "sort_options": [
                ("nombre", _("Nombre")),
                ("avance", _("Avance")),
                ("actividad", _("Última actividad")),
            ],
            "gradebook_url": gradebook_url(cohort.pk),
            "state": selectors.edition_state(cohort),
            "grading_until": selectors.grading_last_day(cohort),
        },
    )


@tutor_required
def learner_view(request, cohort_id: int, enrollment_id: int):
    enrollment = selectors.learner_for(
        request.user, cohort_id=cohort_id, enrollment_id=enrollment_id
    )
    if enrollment is None:
        raise Http404
    context = selectors.learner_detail(enrollment)
    context.update(
        {
            "enrollment": enrollment,
            "learner": enrollment.user,
            "cohort": enrollment.cohort,
            "course": enrollment.course,
        }
    )
    return render(request, "tutoria/learner.html", context)


@tutor_required
def queue_view(request):
    """The page's 25 rows in two steps: their ids, sorted on the narrow
    (date, id) pairs, then those rows with their learner, edition, course and
    assignment. Sorting every pending row joined wide to keep 25 took 0.3 s
    for an edition of 50,000 with 16,667 pending."""
    queue = selectors.pending_queue(request.user)
    page = _page(request, queue.values_list("pk", flat=True))
    page.object_list = list(queue.filter(pk__in=list(page.object_list)))
    return render(
        request,
        "tutoria/queue.html",
        {"page_obj": page, "submissions": page.object_list},
    )


# ------------------------------------------------------------------ grading
ACTIONS = ("publicar", "borrador", "devolver", "cambiar")


def _grading_closed_message(enrollment) -> str:
    last_day = selectors.grading_last_day(enrollment.cohort)
    return _("La calificación de esta edición cerró el %(fecha)s.") % {
        "fecha": formats.date_format(last_day, r"j \d\e F \d\e Y")
    }


@tutor_required
@require_http_methods(["GET", "POST"])
def submission_view(request, submission_id: int):
    submission = selectors.submission_for(request.user, submission_id)
    if submission is None:
        raise Http404
    enrollment = submission.enrollment
    assignment = submission.assignment
    may_change_released = request.user.has_perm(CHANGE_RELEASED_PERMISSION)
    is_open = grading_is_open(enrollment)
    released = submission.released_at is not None
    forms = {
        "grade_form": None,
        "return_form": None,
        "change_form": None,
    }
    if is_open and not released:
        initial = _grade_initial(submission)
        forms["grade_form"] = GradeForm(assignment=assignment, initial=initial)
        if submission.state != Submission.State.RETURNED:
            forms["return_form"] = ReturnForm(prefix="devolver")
    # Corrections of a released grade are allowed after the grading period.
    if released and may_change_released:
        forms["change_form"] = ChangeGradeForm(
            assignment=assignment, prefix="cambiar", initial=_grade_initial(submission)
        )
    status = 200
    if request.method == "POST":
        action = request.POST.get("accion")
        if not is_open and action != "cambiar":
            messages.error(request, _grading_closed_message(enrollment))
            status = 403
        elif action not in ACTIONS or _form_for(action, forms) is None:
            messages.error(
                request, _("Esta acción no está disponible para esta entrega.")
            )
            status = 400
        else:
            done, bound = _apply(request, action, submission, forms)
            if done:
                return redirect("tutoria:submission", submission_id=submission.pk)
            forms[_form_for(action, forms)] = bound
            status = 400
    context = {
        "submission": submission,
        "enrollment": enrollment,
        "learner": enrollment.user,
        "assignment": assignment,
        "versions": selectors.submission_versions(submission),
        "grading_open": is_open,
        "grading_closed_message": None
        if is_open
        else _grading_closed_message(enrollment),
        "next_pending": selectors.next_pending(request.user, after=submission),
        "is_draft": submission.points is not None and not released,
        "rubric": assignment.rubric_criteria(),
        "scored_levels": _scored_levels(submission),
        **forms,
    }
    return render(request, "tutoria/submission.html", context, status=status)


def _form_for(action: str, forms: dict) -> str | None:
    key = {
        "publicar": "grade_form",
        "borrador": "grade_form",
        "devolver": "return_form",
        "cambiar": "change_form",
    }.get(action)
    return key if key and forms.get(key) is not None else None


def _grade_initial(submission: Submission) -> dict:
    initial = {"feedback": submission.feedback}
    if submission.points is not None:
        initial["points"] = submission.points
    for index, level in enumerate(submission.rubric_scores or []):
        if isinstance(level, int):
            initial[f"criterio_{index}"] = str(level)
    return initial


def _scored_levels(submission: Submission) -> list:
    """The level chosen in each criterion of a graded submission, for display."""
    rows = []
    criteria = submission.assignment.rubric_criteria()
    for criterion, level in zip(criteria, submission.rubric_scores or [], strict=False):
        if isinstance(level, int) and 0 <= level < len(criterion["levels"]):
            rows.append((criterion, criterion["levels"][level]))
    return rows


def _apply(request, action: str, submission: Submission, forms: dict):
    """Validate the posted form and call the service. Returns (done, bound form)."""
    from cursos.services import assignments as service

    assignment = submission.assignment
    if action in ("publicar", "borrador"):
        form = GradeForm(request.POST, assignment=assignment)
    elif action == "devolver":
        form = ReturnForm(request.POST, prefix="devolver")
    else:
        form = ChangeGradeForm(request.POST, assignment=assignment, prefix="cambiar")
    if not form.is_valid():
        return False, form
    try:
        if action in ("publicar", "borrador"):
            service.grade(
                submission=submission,
                grader=request.user,
                release=action == "publicar",
                **form.grade_arguments(),
            )
            message = (
                _("Calificación publicada: la persona participante ya la puede ver.")
                if action == "publicar"
                else _("Borrador guardado: la persona participante aún no lo ve.")
            )
        elif action == "devolver":
            service.return_for_revision(
                submission=submission,
                grader=request.user,
                feedback=form.cleaned_data["feedback"],
            )
            message = _("Entrega devuelta para corregir.")
        else:
            service.change_released_grade(
                submission=submission,
                by=request.user,
                reason=form.cleaned_data["reason"],
                **form.grade_arguments(),
            )
            message = _("Calificación publicada cambiada.")
    except service.AssignmentError as error:
        form.add_error(None, str(error))
        return False, form
    messages.success(request, message)
    return True, form
