"""Registry entries of lms.accounts, allauth, the outbox and Django's own
models that hold a person (see lms.accounts.privacy)."""

from django.urls import reverse

from . import AUTHORING, NOT_PERSONAL, Entry, iso, register
from .erasure import anonymize_account


# ------------------------------------------------------------------ the account
def export_account(user):
    from lms.accounts.models import User

    user = User.objects.select_related("department", "municipality").get(pk=user.pk)
    return [
        {
            "correo": user.email,
            "nombre_completo": user.full_name,
            "tipo_de_institucion": user.get_institution_type_display(),
            "institucion": user.institution_name,
            "departamento": user.department.name if user.department else "",
            "municipio": user.municipality.name if user.municipality else "",
            "codigo_ine_municipio": (
                user.municipality.code if user.municipality else ""
            ),
            "cargo": user.post_display,
            "telefono": user.phone,
            "fecha_de_registro": iso(user.date_joined),
            "ultimo_ingreso": iso(user.last_login),
            "cuenta_activa": user.is_active,
            "grupos": sorted(user.groups.values_list("name", flat=True)),
        }
    ]


register(
    Entry(
        "accounts.User",
        "Perfil",
        export=export_account,
        erase=anonymize_account,
        order=0,
    )
)


# ------------------------------------------------------------------ allauth
def export_emails(user):
    from allauth.account.models import EmailAddress

    return [
        {"correo": e.email, "verificado": e.verified, "principal": e.primary}
        for e in EmailAddress.objects.filter(user=user).order_by("email")
    ]


def erase_emails(user, erasure):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=user).delete()


register(
    Entry(
        "account.EmailAddress",
        "Correos electrónicos",
        export=export_emails,
        erase=erase_emails,
        order=1,
    )
)


def export_confirmations(user):
    from allauth.account.models import EmailConfirmation

    return [
        {"correo": c.email_address.email, "enviada": iso(c.sent)}
        for c in EmailConfirmation.objects.filter(email_address__user=user)
        .select_related("email_address")
        .order_by("pk")
    ]


def erase_confirmations(user, erasure):
    from allauth.account.models import EmailConfirmation

    EmailConfirmation.objects.filter(email_address__user=user).delete()


register(
    Entry(
        "account.EmailConfirmation",
        "Confirmaciones de correo enviadas",
        export=export_confirmations,
        erase=erase_confirmations,
        order=1,
    )
)


def export_authenticators(user):
    from allauth.mfa.models import Authenticator

    # The secrets themselves are never exported: only what kind and since when.
    return [
        {
            "tipo": a.get_type_display(),
            "creado": iso(a.created_at),
            "ultimo_uso": iso(a.last_used_at),
        }
        for a in Authenticator.objects.filter(user=user).order_by("pk")
    ]


def erase_authenticators(user, erasure):
    from allauth.mfa.models import Authenticator

    Authenticator.objects.filter(user=user).delete()


register(
    Entry(
        "mfa.Authenticator",
        "Verificación en dos pasos",
        export=export_authenticators,
        erase=erase_authenticators,
        order=2,
    )
)


# ------------------------------------------------------------------ requests
def export_data_exports(user):
    from lms.accounts.models import DataExport

    return [
        {
            "solicitada": iso(e.created_at),
            "estado": e.get_status_display(),
            "vence": iso(e.expires_at),
        }
        for e in DataExport.objects.filter(user=user).order_by("pk")
    ]


def erase_data_exports(user, erasure):
    """Locked, so an export being built now (``build_export`` holds its row
    until its files are written) is read once it is done, with its files,
    and one not yet started finds its row gone."""
    from lms.accounts.models import DataExport

    exports = list(DataExport.objects.select_for_update().filter(user=user))
    for export in exports:
        erasure.delete_files([export.json_file, export.html_file])
    DataExport.objects.filter(user=user).delete()


register(
    Entry(
        "accounts.DataExport",
        "Descargas de mis datos",
        export=export_data_exports,
        erase=erase_data_exports,
        order=3,
    )
)


def export_name_corrections(user):
    from lms.accounts.models import NameCorrectionRequest

    return [
        {
            "nombre_anterior": r.current_name,
            "nombre_solicitado": r.requested_name,
            "estado": r.get_status_display(),
            "solicitada": iso(r.created_at),
            "resuelta": iso(r.decided_at),
            "motivo_del_rechazo": r.reason,
        }
        for r in NameCorrectionRequest.objects.filter(user=user).order_by("pk")
    ]


def erase_name_corrections(user, erasure):
    from lms.accounts.models import NameCorrectionRequest

    NameCorrectionRequest.objects.filter(user=user).delete()
    # Requests this person decided as a coordinator keep who asked what.
    erasure.scrub_rows(
        NameCorrectionRequest.objects.filter(decided_by=user), ["reason"]
    )


register(
    Entry(
        "accounts.NameCorrectionRequest",
        "Solicitudes de corrección de nombre",
        export=export_name_corrections,
        erase=erase_name_corrections,
        order=4,
    )
)


# ------------------------------------------------------------------ the outbox
def export_outbox(user):
    """E-mails to this person still queued or sent in the last days (the outbox
    keeps sent messages a week: lms.outbox.services.KEEP_SENT_DAYS)."""
    return [
        {"asunto": kwargs.get("subject", ""), "creado": iso(created)}
        for created, kwargs in _outbox_rows(user)
    ]


def _outbox_rows(user, *, with_pk=False):
    from lms.outbox.models import OutboxMessage

    rows = []
    for pk, created, _args, kwargs in OutboxMessage.objects.values_list(
        "pk", "created_at", "args", "kwargs"
    ).order_by("pk"):
        recipients = [
            *(kwargs.get("to") or []),
            *(kwargs.get("cc") or []),
            *(kwargs.get("bcc") or []),
        ]
        if user.email in recipients:
            rows.append((pk, created, kwargs) if with_pk else (created, kwargs))
    return rows


def erase_outbox(user, erasure):
    from lms.outbox.models import OutboxMessage

    # Mail to a person who asked to be forgotten is never sent; other queued
    # tasks (ids only) stay, any text naming the person scrubbed.
    OutboxMessage.objects.filter(
        pk__in=[pk for pk, _c, _k in _outbox_rows(user, with_pk=True)]
    ).delete()
    erasure.scrub_rows(OutboxMessage.objects.all(), ["args", "kwargs", "last_error"])


register(
    Entry(
        "outbox.OutboxMessage",
        "Correos en cola de envío",
        export=export_outbox,
        erase=erase_outbox,
        order=90,
    )
)


# ------------------------------------------------------------------ Django
def export_admin_log(user):
    from django.contrib.admin.models import LogEntry

    return [
        {"fecha": iso(e.action_time), "objeto": e.object_repr}
        for e in LogEntry.objects.filter(user=user).order_by("pk")
    ]


def erase_admin_log(user, erasure):
    from django.contrib.admin.models import LogEntry

    erasure.scrub_rows(LogEntry.objects.all(), ["object_repr", "change_message"])


register(
    Entry(
        "admin.LogEntry",
        "Registro de cambios del administrador de Django",
        kind=AUTHORING,
        export=export_admin_log,
        erase=erase_admin_log,
        order=95,
    )
)

register(
    Entry(
        "sessions.Session",
        "Sesiones",
        kind=NOT_PERSONAL,
        reason=(
            "Una sesión guarda solo el identificador de la cuenta; al eliminarla, "
            "la contraseña deja de ser utilizable y Django invalida sus sesiones."
        ),
    )
)


def profile_url() -> str:
    return reverse("accounts:profile")
