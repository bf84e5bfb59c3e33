"""Announcements and forums of an edition (thin views: parse, call the service,
render or redirect). Every id is looked up inside the editions the person may
read, so another edition's ids are a 404; anonymous people are sent to log in.

The views that receive files (a new thread, a reply, an announcement) refuse an
oversized request from its declared length and install an upload handler that
stops a file over the limit before the body is read; the CSRF check runs after
that (``csrf_protect`` on the inner function), never skipped — the pattern of
``cursos.views_assignments.submit_view``.
"""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from comunidad import selectors_foros as sel
from comunidad.access import may_moderate
from comunidad.services import announcements as announcement_services
from comunidad.services import forums
from cursos.assignment_files import KIND_MIME, MB, AssignmentUploadLimit
from cursos.storage import private_file_response
from lms.security import reads_body_after_own_checks

FORUM_REQUEST_LIMIT = forums.MAX_FILES * forums.MAX_FILE_MB * MB + 256 * 1024
ANNOUNCEMENT_REQUEST_LIMIT = announcement_services.MAX_FILE_MB * MB + 256 * 1024


def new_token() -> str:
    return secrets.token_urlsafe(24)


def _thread_url(thread, *, page=None, anchor="") -> str:
    url = reverse("comunidad:foro-hilo", args=[thread.cohort_id, thread.pk])
    if page:
        url += f"?pagina={page}"
    return url + (f"#{anchor}" if anchor else "")


def _guard_upload(request, *, limit: int, max_mb: int) -> str | None:
    """The Spanish refusal of an oversized upload, or None (body parsed)."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > limit:
        return _(
            "Lo que envió pesa más de lo permitido (%(mb)s MB por archivo). "
            "No se publicó nada."
        ) % {"mb": max_mb}
    handler = AssignmentUploadLimit(request, max_mb=max_mb)
    request.upload_handlers.insert(0, handler)
    request.POST  # noqa: B018 (parse now, through the handler above)
    if handler.exceeded_name:
        return handler.too_large_message()
    return None


def _private_file(field, name: str, kind: str):
    return private_file_response(
        field,
        filename=name,
        content_type=KIND_MIME.get(kind, "application/octet-stream"),
        sandbox=True,
    )


# ------------------------------------------------------------------ forums
@login_required
@require_GET
def forum_modules_view(request, cohort_id: int):
    cohort = sel.cohort_for(request.user, cohort_id)
    return render(
        request,
        "comunidad/foros/modules.html",
        {
            "cohort": cohort,
            "course": cohort.course,
            "rows": sel.forum_modules(cohort),
            "moderator": may_moderate(request.user, cohort),
        },
    )


def _module_page(request, cohort, module, *, error="", typed=None, status=200):
    typed = typed or {}
    response = render(
        request,
        "comunidad/foros/module.html",
        {
            "cohort": cohort,
            "course": cohort.course,
            "module": module,
            "threads": sel.module_threads(cohort, module, request.GET.get("pagina")),
            "token": new_token(),
            "error": error,
            "typed_title": (typed.get("titulo") or "").replace("\x00", ""),
            "typed_body": (typed.get("texto") or "").replace("\x00", ""),
            "max_files": forums.MAX_FILES,
            "max_mb": forums.MAX_FILE_MB,
        },
        status=status,
    )
    return response


@login_required
@require_GET
def forum_module_view(request, cohort_id: int, module_id: int):
    cohort = sel.cohort_for(request.user, cohort_id)
    module = sel.module_for(cohort, module_id)
    return _module_page(request, cohort, module)


@csrf_exempt  # checked by _start_thread below, once the upload limits are in place
@login_required
@require_POST
def start_thread_view(request, cohort_id: int, module_id: int):
    cohort = sel.cohort_for(request.user, cohort_id)
    module = sel.module_for(cohort, module_id)
    refusal = _guard_upload(
        request, limit=FORUM_REQUEST_LIMIT, max_mb=forums.MAX_FILE_MB
    )
    if refusal:
        return _module_page(request, cohort, module, error=refusal, status=413)
    return _start_thread(request, cohort, module)


reads_body_after_own_checks(start_thread_view)  # the service refuses NUL


@csrf_protect
def _start_thread(request, cohort, module):
    try:
        thread = forums.start_thread(
            cohort=cohort,
            module=module,
            author=request.user,
            title=request.POST.get("titulo", ""),
            body=request.POST.get("texto", ""),
            files=request.FILES.getlist("archivos"),
            token=request.POST.get("token", ""),
        )
    except forums.ForumError as error:
        return _module_page(
            request, cohort, module, error=str(error), typed=request.POST, status=400
        )
    messages.success(request, _("Su pregunta quedó publicada."))
    return redirect(_thread_url(thread))


def _thread_page(request, cohort, thread, *, error="", typed="", status=200):
    moderator = may_moderate(request.user, cohort)
    posts = sel.thread_posts(thread, request.GET.get("pagina"))
    for post in posts:
        post.editable = forums.may_edit(post, request.user)
    return render(
        request,
        "comunidad/foros/thread.html",
        {
            "cohort": cohort,
            "course": cohort.course,
            "thread": thread,
            "module": thread.module,
            "posts": posts,
            "moderator": moderator,
            "may_resolve": moderator or thread.author_id == request.user.pk,
            "subscribed": sel.is_subscribed(thread, request.user),
            "token": new_token(),
            "error": error,
            "typed_body": (typed or "").replace("\x00", ""),
            "max_files": forums.MAX_FILES,
            "max_mb": forums.MAX_FILE_MB,
            "edit_minutes": forums.edit_minutes(),
        },
        status=status,
    )


@login_required
@require_GET
def thread_view(request, cohort_id: int, thread_id: int):
    cohort = sel.cohort_for(request.user, cohort_id)
    thread = sel.thread_for(request.user, cohort, thread_id)
    return _thread_page(request, cohort, thread)


@csrf_exempt  # checked by _reply below, once the upload limits are in place
@login_required
@require_POST
def reply_view(request, cohort_id: int, thread_id: int):
    cohort = sel.cohort_for(request.user, cohort_id)
    thread = sel.thread_for(request.user, cohort, thread_id)
    refusal = _guard_upload(
        request, limit=FORUM_REQUEST_LIMIT, max_mb=forums.MAX_FILE_MB
    )
    if refusal:
        return _thread_page(request, cohort, thread, error=refusal, status=413)
    return _reply(request, cohort, thread)


reads_body_after_own_checks(reply_view)  # the service refuses NUL


@csrf_protect
def _reply(request, cohort, thread):
    try:
        post = forums.reply(
            thread=thread,
            author=request.user,
            body=request.POST.get("texto", ""),
            files=request.FILES.getlist("archivos"),
            token=request.POST.get("token", ""),
        )
    except forums.ForumError as error:
        return _thread_page(
            request,
            cohort,
            thread,
            error=str(error),
            typed=request.POST.get("texto", ""),
            status=400,
        )
    messages.success(request, _("Su respuesta quedó publicada."))
    return redirect(_thread_url(thread, page="ultima", anchor=f"mensaje-{post.pk}"))


@login_required
@require_POST
def resolve_view(request, cohort_id: int, thread_id: int):
    cohort = sel.cohort_for(request.user, cohort_id)
    thread = sel.thread_for(request.user, cohort, thread_id)
    resolved = request.POST.get("accion") != "reabrir"
    forums.resolve(thread=thread, user=request.user, resolved=resolved)
    messages.success(
        request,
        _("La pregunta quedó marcada como resuelta.")
        if resolved
        else _("La pregunta quedó abierta de nuevo."),
    )
    return redirect(_thread_url(thread))


@login_required
@require_POST
def subscribe_view(request, cohort_id: int, thread_id: int):
    cohort = sel.cohort_for(request.user, cohort_id)
    thread = sel.thread_for(request.user, cohort, thread_id)
    on = request.POST.get("accion") != "dejar"
    forums.subscribe(thread=thread, user=request.user, on=on)
    messages.success(
        request,
        _("Recibirá un aviso con cada respuesta.")
        if on
        else _("Ya no recibirá avisos de esta conversación."),
    )
    return redirect(_thread_url(thread))


def _post_form(request, cohort, post, template, *, error="", status=200, **extra):
    return render(
        request,
        template,
        {
            "cohort": cohort,
            "course": cohort.course,
            "post": post,
            "thread": post.thread,
            "error": error,
            **extra,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_post_view(request, cohort_id: int, post_id: int):
    cohort = sel.cohort_for(request.user, cohort_id)
    post = sel.post_for(cohort, post_id)
    if post.author_id != request.user.pk:
        raise Http404
    template = "comunidad/foros/edit_post.html"
    if request.method == "GET":
        if not forums.may_edit(post, request.user):
            messages.error(
                request,
                _("Los mensajes se pueden corregir solo durante %(n)s minutos.")
                % {"n": forums.edit_minutes()},
            )
            return redirect(_thread_url(post.thread))
        return _post_form(request, cohort, post, template, typed=post.body)
    body = request.POST.get("texto", "")
    try:
        forums.edit_post(post=post, user=request.user, body=body)
    except forums.ForumError as error:
        return _post_form(
            request, cohort, post, template, error=str(error), typed=body, status=400
        )
    messages.success(request, _("Su mensaje quedó corregido."))
    return redirect(_thread_url(post.thread, anchor=f"mensaje-{post.pk}"))


@login_required
@require_http_methods(["GET", "POST"])
def report_post_view(request, cohort_id: int, post_id: int):
    cohort = sel.cohort_for(request.user, cohort_id)
    post = sel.post_for(cohort, post_id)
    template = "comunidad/foros/report_post.html"
    if request.method == "GET":
        return _post_form(request, cohort, post, template)
    reason = request.POST.get("motivo", "")
    try:
        forums.report(post=post, user=request.user, reason=reason)
    except forums.ForumError as error:
        return _post_form(
            request, cohort, post, template, error=str(error), typed=reason, status=400
        )
    messages.success(request, _("Gracias: la tutoría revisará el mensaje que reportó."))
    return redirect(_thread_url(post.thread, anchor=f"mensaje-{post.pk}"))


@login_required
@require_http_methods(["GET", "POST"])
def hide_post_view(request, cohort_id: int, post_id: int):
    cohort = sel.moderated_cohort_for(request.user, cohort_id)
    post = sel.post_for(cohort, post_id)
    template = "comunidad/foros/hide_post.html"
    if request.method == "GET":
        return _post_form(request, cohort, post, template)
    reason = request.POST.get("motivo", "")
    try:
        forums.hide_post(post=post, user=request.user, reason=reason)
    except forums.ForumError as error:
        return _post_form(
            request, cohort, post, template, error=str(error), typed=reason, status=400
        )
    messages.success(request, _("El mensaje quedó oculto."))
    return redirect(_thread_url(post.thread, anchor=f"mensaje-{post.pk}"))


@login_required
@require_POST
def dismiss_reports_view(request, cohort_id: int, post_id: int):
    cohort = sel.moderated_cohort_for(request.user, cohort_id)
    post = sel.post_for(cohort, post_id)
    forums.dismiss_reports(post=post, user=request.user)
    messages.success(request, _("El mensaje sigue visible; el reporte quedó atendido."))
    return redirect("comunidad:foro-reportes", cohort.pk)


@login_required
@require_GET
def reports_view(request, cohort_id: int):
    cohort = sel.moderated_cohort_for(request.user, cohort_id)
    return render(
        request,
        "comunidad/foros/reports.html",
        {
            "cohort": cohort,
            "course": cohort.course,
            "reports": sel.open_reports(cohort),
        },
    )


@login_required
@require_GET
def attachment_view(request, cohort_id: int, attachment_id: int):
    """A forum file to the people who read the edition; 404 to anyone else
    (and to learners when its post is hidden)."""
    cohort = sel.cohort_for(request.user, cohort_id)
    stored = sel.attachment_for(cohort, attachment_id)
    if stored.post.hidden_at is not None and not may_moderate(request.user, cohort):
        raise Http404
    return _private_file(stored.file, stored.original_name, stored.kind)


# ------------------------------------------------------------------ announcements
def _announcements_page(request, cohort, *, error="", typed=None, status=200):
    moderator = may_moderate(request.user, cohort)
    typed = typed or {}
    return render(
        request,
        "comunidad/anuncios/list.html",
        {
            "cohort": cohort,
            "course": cohort.course,
            "announcements": sel.cohort_announcements(
                cohort, request.user, moderator=moderator
            ),
            "moderator": moderator,
            "error": error,
            "typed_title": (typed.get("titulo") or "").replace("\x00", ""),
            "typed_body": (typed.get("texto") or "").replace("\x00", ""),
            "max_mb": announcement_services.MAX_FILE_MB,
        },
        status=status,
    )


@login_required
@require_GET
def announcements_view(request, cohort_id: int):
    cohort = sel.cohort_for(request.user, cohort_id)
    return _announcements_page(request, cohort)


@csrf_exempt  # checked by _post_announcement below, once the limits are in place
@login_required
@require_POST
def post_announcement_view(request, cohort_id: int):
    cohort = sel.cohort_for(request.user, cohort_id)
    if not may_moderate(request.user, cohort):
        raise PermissionDenied
    refusal = _guard_upload(
        request,
        limit=ANNOUNCEMENT_REQUEST_LIMIT,
        max_mb=announcement_services.MAX_FILE_MB,
    )
    if refusal:
        return _announcements_page(request, cohort, error=refusal, status=413)
    return _post_announcement(request, cohort)


reads_body_after_own_checks(post_announcement_view)  # the service refuses NUL


@csrf_protect
def _post_announcement(request, cohort):
    try:
        announcement_services.post_announcement(
            cohort=cohort,
            author=request.user,
            title=request.POST.get("titulo", ""),
            body=request.POST.get("texto", ""),
            attachment=request.FILES.get("adjunto"),
        )
    except announcement_services.AnnouncementError as error:
        return _announcements_page(
            request, cohort, error=str(error), typed=request.POST, status=400
        )
    messages.success(
        request, _("El anuncio quedó publicado y se avisó a las personas inscritas.")
    )
    return redirect("comunidad:foro-anuncios", cohort.pk)


@login_required
@require_http_methods(["GET", "POST"])
def edit_announcement_view(request, cohort_id: int, announcement_id: int):
    cohort = sel.moderated_cohort_for(request.user, cohort_id)
    announcement = sel.announcement_for(cohort, announcement_id, moderator=True)
    context = {"cohort": cohort, "course": cohort.course, "announcement": announcement}
    if request.method == "GET":
        context |= {"typed_title": announcement.title, "typed_body": announcement.body}
        return render(request, "comunidad/anuncios/edit.html", context)
    title = request.POST.get("titulo", "")
    body = request.POST.get("texto", "")
    try:
        announcement_services.edit_announcement(
            announcement=announcement, user=request.user, title=title, body=body
        )
    except announcement_services.AnnouncementError as error:
        context |= {"error": str(error), "typed_title": title, "typed_body": body}
        return render(request, "comunidad/anuncios/edit.html", context, status=400)
    messages.success(request, _("El anuncio quedó corregido."))
    return redirect("comunidad:foro-anuncios", cohort.pk)


@login_required
@require_POST
def withdraw_announcement_view(request, cohort_id: int, announcement_id: int):
    cohort = sel.moderated_cohort_for(request.user, cohort_id)
    announcement = sel.announcement_for(cohort, announcement_id, moderator=True)
    announcement_services.withdraw_announcement(
        announcement=announcement, user=request.user
    )
    messages.success(request, _("El anuncio quedó retirado."))
    return redirect("comunidad:foro-anuncios", cohort.pk)


@login_required
@require_POST
def mark_read_view(request, cohort_id: int, announcement_id: int):
    cohort = sel.cohort_for(request.user, cohort_id)
    announcement = sel.announcement_for(cohort, announcement_id, moderator=False)
    announcement_services.mark_read(announcement=announcement, user=request.user)
    next_url = request.POST.get("siguiente", "")
    if next_url.startswith("/") and not next_url.startswith("//"):
        return redirect(next_url)
    return redirect("comunidad:foro-anuncios", cohort.pk)


@login_required
@require_GET
def announcement_file_view(request, cohort_id: int, announcement_id: int):
    cohort = sel.cohort_for(request.user, cohort_id)
    announcement = sel.announcement_for(
        cohort, announcement_id, moderator=may_moderate(request.user, cohort)
    )
    if not announcement.attachment:
        raise Http404
    name = announcement.attachment_name or "adjunto"
    kind = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    kind = "jpg" if kind == "jpeg" else kind
    return _private_file(announcement.attachment, name, kind)
