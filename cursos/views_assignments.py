"""A learner hands in an assignment; a learner, their tutor or a coordinator
downloads a submitted file.

The submit view refuses an oversized request from its declared length and
installs an upload handler that stops a single file over the assignment's
limit, both BEFORE the body is read. Django's CSRF check reads the body (the
token is a form field), so it runs after those two steps (``csrf_protect`` on
the inner view), never skipped.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from cursos.storage import private_file_response
from lms.security import reads_body_after_own_checks

from . import editions
from .assignment_files import (
    KIND_MIME,
    MB,
    SUBMIT_OVERHEAD_BYTES,
    AssignmentUploadLimit,
)
from .models import AssignmentPage, SubmissionFile
from .selectors import enrollment_for
from .services.assignments import AssignmentError, submit


def request_limit(assignment: AssignmentPage) -> int:
    """The largest request this assignment's form can honestly make."""
    files = (
        assignment.max_files * assignment.max_file_mb * MB
        if assignment.allow_files
        else 0
    )
    return files + SUBMIT_OVERHEAD_BYTES


def _page_with_error(request, assignment, message: str, *, status: int, text=""):
    """The assignment page again, with the message and what the person wrote
    (files must be chosen again: no browser can keep them)."""
    text = (text or "").replace("\x00", "")
    response = assignment.serve(request, submit_error=message, typed_text=text)
    response.status_code = status
    return response


@csrf_exempt  # checked by _submit below, once the upload limits are in place
@login_required
@require_POST
def submit_view(request, page_id: int):
    assignment = get_object_or_404(AssignmentPage.objects.live(), pk=page_id)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0  # RequestSizeLimitMiddleware already answered such a request
    if length > request_limit(assignment):
        return _page_with_error(
            request,
            assignment,
            _(
                "Lo que envió pesa más de lo que esta tarea recibe (%(n)s archivos "
                "de %(mb)s MB como máximo). No se guardó nada."
            )
            % {"n": assignment.max_files, "mb": assignment.max_file_mb},
            status=413,
        )
    handler = AssignmentUploadLimit(request, max_mb=assignment.max_file_mb)
    request.upload_handlers.insert(0, handler)
    request.POST  # noqa: B018 (parse now, through the handler above)
    if handler.exceeded_name:
        # Nothing is saved, so the answer needs no CSRF check (the token may
        # come after the file and have been cut off with it).
        return _page_with_error(
            request,
            assignment,
            handler.too_large_message(),
            status=413,
            text=request.POST.get("texto", ""),
        )
    return _submit(request, assignment)


reads_body_after_own_checks(submit_view)  # the service refuses NUL in the text


@csrf_protect
def _submit(request, assignment):
    files = request.FILES.getlist("archivos")
    text = request.POST.get("texto", "")
    enrollment = enrollment_for(
        user=request.user, course=assignment_course_id(assignment)
    )
    if enrollment is None:
        messages.error(request, _("Inscríbase en el curso para entregar sus tareas."))
        return redirect(assignment.url)
    try:
        submission = submit(
            enrollment=enrollment,
            assignment=assignment,
            files=files,
            text=text,
            token=request.POST.get("token", ""),
        )
    except AssignmentError as error:
        return _page_with_error(request, assignment, str(error), status=400, text=text)
    messages.success(
        request,
        _("Su entrega quedó registrada (versión %(n)s).")
        % {"n": submission.versions_count},
    )
    return redirect(assignment.url)


def assignment_course_id(assignment: AssignmentPage) -> int:
    from wagtail.models import Page

    from .models import CoursePage

    course = CoursePage.objects.filter(
        path=assignment.path[: -2 * Page.steplen]
    ).values_list("pk", flat=True)
    first = course.first()
    if first is None:
        raise Http404
    return first


@login_required
@require_GET
def submission_file_view(request, file_id: int):
    """The file to its owner, a tutor of that learner or a coordinator; 404 to
    anyone else (the file's existence is not revealed)."""
    stored = get_object_or_404(
        SubmissionFile.objects.select_related("version__submission__enrollment"),
        pk=file_id,
    )
    enrollment = stored.version.submission.enrollment
    if enrollment.user_id != request.user.pk and not editions.may_tutor(
        request.user, enrollment
    ):
        raise Http404
    return private_file_response(
        stored.file,
        filename=stored.original_name,
        content_type=KIND_MIME.get(stored.kind, "application/octet-stream"),
        sandbox=True,
    )
