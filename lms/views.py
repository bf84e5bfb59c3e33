import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Count, Q
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache


def _error(request, status, template):
    return render(request, template, status=status)


def bad_request(request, exception=None):
    return _error(request, 400, "400.html")


def permission_denied(request, exception=None):
    return _error(request, 403, "403.html")


def page_not_found(request, exception=None):
    return _error(request, 404, "404.html")


def server_error(request):
    # No context processors that may touch the database: it may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())


logger = logging.getLogger(__name__)

HEALTH_TIMEOUT_SECONDS = 1


def _check_database() -> tuple[bool, dict]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        logger.error("Health: database unreachable: %s", error)
        return False, {}
    from lms.outbox.services import MAX_ATTEMPTS, pending

    counts = pending().aggregate(
        total=Count("pk"), failed=Count("pk", filter=Q(attempts__gte=MAX_ATTEMPTS))
    )
    return True, {
        "envios_pendientes": counts["total"],
        "envios_fallidos": counts["failed"],
    }


def _check_cache() -> bool:
    ping = getattr(cache, "ping", None)
    if ping is not None:  # lms.cache.ResilientRedisCache: a real round trip
        return ping()
    return True  # a process-local cache cannot be unreachable


def _check_broker() -> bool | None:
    """None when there is no broker (eager mode: tasks run in the request)."""
    from lms.celery import app

    if app.conf.task_always_eager:
        return None
    try:
        with app.connection_for_write(connect_timeout=HEALTH_TIMEOUT_SECONDS) as broker:
            broker.ensure_connection(
                max_retries=1, timeout=HEALTH_TIMEOUT_SECONDS, interval_start=0
            )
    except Exception as error:  # noqa: BLE001 (kombu raises per transport)
        logger.warning("Health: broker unreachable: %s", error)
        return False
    return True


def _state(ok: bool | None) -> str:
    return {True: "ok", False: "caido", None: "no se usa"}[ok]


@never_cache
def health(request):
    """For the load balancer and the operator: each dependency's state.

    200 while the database answers (the platform can serve: without the cache it
    reads from the database, without the broker work waits in the outbox); 503
    only when the database is down."""
    database_ok, outbox = _check_database()
    cache_ok = _check_cache()
    broker_ok = _check_broker()
    body = {
        "estado": "ok"
        if database_ok and cache_ok and broker_ok is not False
        else ("degradado" if database_ok else "caido"),
        "base_de_datos": _state(database_ok),
        "cache": _state(cache_ok),
        "broker_de_tareas": _state(broker_ok),
        **outbox,
    }
    return JsonResponse(
        body,
        status=200 if database_ok else 503,
        json_dumps_params={"ensure_ascii": False},
    )
