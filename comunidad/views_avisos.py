""" "Avisos" (my notifications), e-mail preferences, the one-click unsubscribe
link and the personal calendar with its private .ics subscription."""

from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from comunidad.models import DUTY_KINDS, Notification, NotificationPreference
from comunidad.services import calendar as calendar_service
from comunidad.services import notifications as service

PER_PAGE = 20
CALENDAR_PAGE_DAYS = 180


@login_required
@require_http_methods(["GET", "POST"])
def avisos(request):
    """My notifications, newest first, 20 a page; POST marks them all read."""
    if request.method == "POST":
        changed = service.mark_all_read(user=request.user)
        if changed:
            messages.success(
                request, _("Todos sus avisos quedaron marcados como leídos.")
            )
        return redirect("comunidad:avisos")
    paginator = Paginator(
        Notification.objects.filter(user=request.user).only(
            "pk", "kind", "title", "body", "created_at", "read_at", "url"
        ),
        PER_PAGE,
    )
    page_obj = paginator.get_page(request.GET.get("pagina"))
    return render(
        request,
        "comunidad/avisos/list.html",
        {
            "page_obj": page_obj,
            "notifications": page_obj.object_list,
            "has_unread": any(n.read_at is None for n in page_obj.object_list)
            or service.unread_count(request.user) > 0,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def open_notification(request, notification_id: int):
    """Mark one of my notifications read and go to its page: only a path on
    this site (an external or malformed link goes to "Avisos" instead)."""
    try:
        notification = service.mark_read(
            user=request.user, notification_id=notification_id
        )
    except Notification.DoesNotExist as missing:
        raise Http404 from missing
    target = notification.url
    if (
        target
        and target.startswith("/")
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts=set(), require_https=request.is_secure()
        )
    ):
        return redirect(target)
    return redirect("comunidad:avisos")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    """For each optional kind: an e-mail now, in the daily digest, or never.
    Duty kinds are shown as always e-mailed."""
    current = service.preferences_of(request.user)
    status = 200
    if request.method == "POST":
        choices = {kind: request.POST.get(kind, "") for kind in current}
        try:
            service.set_preferences(user=request.user, choices=choices)
        except service.NotificationError as error:
            messages.error(request, str(error))
            status = 400
        else:
            messages.success(request, _("Sus preferencias quedaron guardadas."))
            return redirect("comunidad:avisos-preferencias")
    kinds = [
        {"value": kind.value, "label": kind.label, "choice": current[kind.value]}
        for kind in service.OPTIONAL_KINDS
    ]
    duties = [
        {"value": kind.value, "label": kind.label}
        for kind in Notification.Kind
        if kind in DUTY_KINDS
    ]
    return render(
        request,
        "comunidad/avisos/preferences.html",
        {
            "kinds": kinds,
            "duties": duties,
            "options": NotificationPreference.Email.choices,
        },
        status=status,
    )


# The one-click unsubscribe of RFC 8058: mail clients POST
# "List-Unsubscribe=One-Click" to the link in the List-Unsubscribe header,
# without a session and without any CSRF token. The exemption is safe here
# because the signed token in the URL is the authorization (a forged one
# changes nothing), and the only thing the POST can do is turn off one kind of
# e-mail for the person the token names.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET: a confirmation page with a button; POST: turn that kind off."""
    try:
        user_id, kind = service.read_unsubscribe_token(token)
    except service.NotificationError as error:
        return render(
            request,
            "comunidad/avisos/unsubscribe.html",
            {"error": str(error)},
            status=400,
        )
    kind_label = Notification.Kind(kind).label
    if request.method == "POST":
        try:
            service.unsubscribe(token=token)
        except service.NotificationError as error:
            return render(
                request,
                "comunidad/avisos/unsubscribe.html",
                {"error": str(error)},
                status=400,
            )
        return render(
            request,
            "comunidad/avisos/unsubscribe.html",
            {"done": True, "kind_label": kind_label},
        )
    return render(
        request,
        "comunidad/avisos/unsubscribe.html",
        {"kind_label": kind_label, "token": token},
    )


def _month_label(event) -> str:
    return date_format(event.local_start, "F \\d\\e Y").capitalize()


@login_required
@require_http_methods(["GET", "POST"])
def calendar_page(request):
    """Upcoming events by month and the private subscription address; POST
    makes a new address (the old one stops working)."""
    if request.method == "POST":
        calendar_service.renew_feed(user=request.user)
        messages.success(
            request,
            _(
                "Su calendario tiene una dirección nueva; la anterior ya no "
                "funciona. Vuelva a suscribirse en su teléfono con la nueva."
            ),
        )
        return redirect("comunidad:avisos-calendario")
    now = timezone.now()
    events = calendar_service.events_for(
        request.user,
        since=now,
        until=now + timezone.timedelta(days=CALENDAR_PAGE_DAYS),
    )
    months = [
        {"label": label, "events": list(items)}
        for label, items in groupby(events, key=_month_label)
    ]
    feed = calendar_service.feed_for(request.user)
    feed_path = reverse("comunidad:avisos-calendario-ics", args=[feed.token])
    feed_url = settings.SITE_URL + feed_path
    return render(
        request,
        "comunidad/avisos/calendar.html",
        {
            "months": months,
            "feed_url": feed_url,
            "webcal_url": "webcal://" + feed_url.split("://", 1)[-1],
        },
    )


def calendar_feed(request, token: str):
    """The private .ics: no session (calendar apps have none); the secret
    token in the address is the key."""
    user = calendar_service.feed_owner(token)
    if user is None:
        raise Http404
    response = HttpResponse(
        calendar_service.ics_for(user, site_url=settings.SITE_URL),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="mi-calendario-infom.ics"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    patch_cache_control(response, private=True, max_age=900)
    return response
