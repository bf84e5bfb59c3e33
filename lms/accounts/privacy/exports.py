"""«Descargar mis datos»: everything the registry knows about a person, as
JSON and as a readable page, built by a task into private storage and
downloaded by its owner, signed in, through a link that expires."""

from __future__ import annotations

import json
import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.models import DataExport, User

from . import NOT_PERSONAL, entries, iso

FORMAT_VERSION = 1
STUCK_AFTER_HOURS = 1


def export_expiry_days() -> int:
    return getattr(settings, "DATA_EXPORT_EXPIRY_DAYS", 7)


def personal_data(*, user: User) -> dict:
    """Everything the platform holds about ``user``: one section per registry
    entry, in the registry's order (each section's rows come from one or two
    queries, never one per row)."""
    sections = []
    for entry in entries():
        if entry.kind == NOT_PERSONAL or entry.export is None:
            continue
        sections.append(
            {
                "modelo": entry.model,
                "titulo": entry.title,
                "tipo": "autoria" if entry.kind != "personal" else "personal",
                "filas": entry.export(user),
            }
        )
    return {
        "formato": FORMAT_VERSION,
        "plataforma": settings.SITE_URL,
        "generado": iso(timezone.now()),
        "secciones": sections,
    }


def render_json(data: dict) -> bytes:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode(
        "utf-8"
    )


# The JSON's keys are plain ASCII (``codigo_ine_municipio``); the page's
# column headings are Spanish with its accents ("Código INE municipio").
_HEADING_WORDS = {
    "accion": "acción",
    "aprobacion": "aprobación",
    "codigo": "código",
    "edicion": "edición",
    "evaluacion": "evaluación",
    "finalizacion": "finalización",
    "ine": "INE",
    "inscripcion": "inscripción",
    "institucion": "institución",
    "leido": "leído",
    "limite": "límite",
    "modulo": "módulo",
    "pagina": "página",
    "revision": "revisión",
    "revocacion": "revocación",
    "sesion": "sesión",
    "sha256": "SHA-256",
    "tamano": "tamaño",
    "telefono": "teléfono",
    "titulo": "título",
    "ultima": "última",
    "ultimo": "último",
    "url": "URL",
    "valido": "válido",
    "verificacion": "verificación",
    "version": "versión",
}


def _heading(key: str) -> str:
    return " ".join(_HEADING_WORDS.get(word, word) for word in key.split("_"))


def render_html(data: dict) -> bytes:
    sections = []
    for section in data["secciones"]:
        rows = section["filas"]
        columns = []
        for row in rows:
            for key in row:
                if key not in columns:
                    columns.append(key)
        sections.append(
            {
                **section,
                "columns": [_heading(c) for c in columns],
                "cells": [[_cell(row.get(c)) for c in columns] for row in rows],
            }
        )
    return render_to_string(
        "accounts/privacy/export.html",
        {
            "data": data,
            "generated": _cell(data["generado"]),
            "sections": [s for s in sections if s["cells"]],
            "empty_sections": [s for s in sections if not s["cells"]],
        },
    ).encode("utf-8")


_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})[^ ]*)?$")


def _cell(value) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, str) and (match := _ISO.match(value)):
        year, month, day, hour, minute = match.groups()
        date = f"{day}/{month}/{year}"
        return f"{date} {hour}:{minute}" if hour else date
    if value is True:
        return _("Sí")
    if value is False:
        return _("No")
    if isinstance(value, list | dict):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
    return str(value)


# ------------------------------------------------------------------ requests
def request_export(*, user: User) -> DataExport:
    """Ask for a new export; a second request while one is being prepared
    returns the one in preparation (a unique constraint, not a check). One
    stuck in preparation for over an hour (its task failed every retry) is
    marked failed, so it never blocks a new request."""
    from lms.outbox.services import enqueue

    DataExport.objects.filter(
        user=user,
        status=DataExport.Status.PENDING,
        created_at__lt=timezone.now() - timedelta(hours=STUCK_AFTER_HOURS),
    ).update(status=DataExport.Status.FAILED)
    try:
        with transaction.atomic():
            export = DataExport.objects.create(
                user=user, token=secrets.token_urlsafe(32)
            )
            enqueue("accounts.build_data_export", export.pk)
    except IntegrityError:
        return DataExport.objects.get(user=user, status=DataExport.Status.PENDING)
    return export


def build_export(export_id: int) -> DataExport | None:
    """Build the files of one export and tell its owner; idempotent (an export
    already built, or gone, is left alone). Only the export's row is locked
    (not its owner's): an erasure waits for it in ``erase_data_exports``."""
    with transaction.atomic():
        export = (
            DataExport.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=export_id)
            .first()
        )
        if export is None or export.status != DataExport.Status.PENDING:
            return export
        data = personal_data(user=export.user)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        prefix = f"mis-datos-{export.pk}-{secrets.token_hex(8)}-{stamp}"
        export.json_file.save(f"{prefix}.json", ContentFile(render_json(data)), False)
        export.html_file.save(f"{prefix}.html", ContentFile(render_html(data)), False)
        export.status = DataExport.Status.READY
        export.finished_at = timezone.now()
        export.expires_at = export.finished_at + timedelta(days=export_expiry_days())
        export.save()
        # Queued in this transaction (the outbox publishes after the commit):
        # an erasure waiting for this row then finds the message and deletes
        # it, instead of a row with the address left behind after it.
        _tell_owner(export)
    return export


def _tell_owner(export: DataExport) -> None:
    from lms.outbox.mail import send_mail

    link = settings.SITE_URL + reverse("accounts:profile") + "#mis-datos"
    send_mail(
        subject=_("Sus datos personales están listos para descargar"),
        message=render_to_string(
            "accounts/privacy/email_export_ready.txt",
            {"export": export, "link": link, "days": export_expiry_days()},
        ),
        from_email=None,
        recipient_list=[export.user.email],
    )


def downloadable(*, user: User, token: str) -> DataExport | None:
    """The owner's export with this token, or None (someone else's, unknown)."""
    return DataExport.objects.filter(user=user, token=token).first()


def purge_expired_exports(*, now=None) -> int:
    """Delete the files and rows of exports past their expiry."""
    now = now or timezone.now()
    expired = list(DataExport.objects.filter(expires_at__lt=now))
    for export in expired:
        for fieldfile in (export.json_file, export.html_file):
            if fieldfile:
                fieldfile.storage.delete(fieldfile.name)
    DataExport.objects.filter(pk__in=[e.pk for e in expired]).delete()
    return len(expired)
