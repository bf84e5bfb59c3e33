"""Registry entries of Wagtail's own models that hold a user.

Decision: what a coordinator or editor does in the CMS (pages they own or
revised, comments on drafts, workflow steps, documents and images they
uploaded, the audit log) is the institution's record of its own content, not
the person's private data. These are ``AUTHORING`` entries: exported minimally
(what and when), kept on erasure linked to the anonymized account (shown as
"Participante"), with the person's name and e-mail scrubbed from log labels
and log data. Preferences, editing sessions, unsaved form states, API tokens,
page subscriptions and temporary uploads are the person's own and are deleted.
"""

from . import AUTHORING, Entry, iso, register


# ------------------------------------------------------------------ personal
def export_profile(user):
    from wagtail.users.models import UserProfile

    return [
        {
            "idioma": p.preferred_language,
            "zona_horaria": p.current_time_zone,
            "avisos_de_revision": p.submitted_notifications,
            "avisos_de_aprobacion": p.approved_notifications,
            "avisos_de_rechazo": p.rejected_notifications,
            "avisos_de_comentarios": p.updated_comments_notifications,
            "tiene_foto": bool(p.avatar),
            "tema": p.theme,
        }
        for p in UserProfile.objects.filter(user=user)
    ]


def erase_profile(user, erasure):
    from wagtail.users.models import UserProfile

    for profile in UserProfile.objects.filter(user=user):
        erasure.delete_files([profile.avatar])
    UserProfile.objects.filter(user=user).delete()


register(
    Entry(
        "wagtailusers.UserProfile",
        "Preferencias del administrador",
        export=export_profile,
        erase=erase_profile,
        order=80,
    )
)


def _simple(model_path, title, fields, order):
    """An entry for a small model of the person's own that is deleted on
    erasure; ``fields`` maps Spanish keys to attribute names."""
    app_label, name = model_path.split(".")

    def model():
        from django.apps import apps

        return apps.get_model(app_label, name)

    def export(user):
        rows = []
        related = sorted({a.split(".")[0] for a in fields.values() if "." in a})
        queryset = model().objects.filter(user=user).select_related(*related)
        for obj in queryset.order_by("pk"):
            row = {}
            for key, attribute in fields.items():
                value = obj
                for part in attribute.split("."):
                    value = getattr(value, part, None) if value is not None else None
                row[key] = (
                    iso(value)
                    if hasattr(value, "isoformat")
                    else (str(value) if value is not None else None)
                )
            rows.append(row)
        return rows

    def erase(user, erasure):
        model().objects.filter(user=user).delete()

    register(Entry(model_path, title, export=export, erase=erase, order=order))


_simple(
    "wagtailadmin.EditingSession",
    "Sesiones de edición en el administrador",
    {"contenido": "object_id", "visto_por_ultima_vez": "last_seen_at"},
    81,
)
_simple(
    "wagtailadmin.FormState",
    "Formularios sin guardar en el administrador",
    {"contenido": "object_id", "actualizado": "last_updated_at"},
    82,
)
_simple(
    "wagtailcore.APIToken",
    "Claves de acceso a la API",
    {"nombre": "name", "prefijo": "prefix", "creada": "created"},
    83,
)
_simple(
    "wagtailcore.PageSubscription",
    "Suscripciones a comentarios de páginas",
    {"pagina": "page.title", "avisos_de_comentarios": "comment_notifications"},
    84,
)


def export_uploads(user):
    from wagtail.models import UploadedFile

    return [
        {"archivo": u.file.name}
        for u in UploadedFile.objects.filter(uploaded_by_user=user).order_by("pk")
    ]


def erase_uploads(user, erasure):
    from wagtail.models import UploadedFile

    uploads = list(UploadedFile.objects.filter(uploaded_by_user=user))
    erasure.delete_files([u.file for u in uploads])
    UploadedFile.objects.filter(uploaded_by_user=user).delete()


register(
    Entry(
        "wagtailcore.UploadedFile",
        "Archivos subidos sin terminar",
        export=export_uploads,
        erase=erase_uploads,
        order=85,
    )
)


# ------------------------------------------------------------------ authoring
def _authoring(model_path, title, rows, *, erase=None, order=200):
    register(
        Entry(model_path, title, kind=AUTHORING, export=rows, erase=erase, order=order)
    )


def export_pages(user):
    from wagtail.models import Page

    return [
        {"pagina": p.title, "ruta": p.url_path, "creada": iso(p.first_published_at)}
        for p in Page.objects.filter(owner=user).order_by("path")
    ]


def export_revisions(user):
    from wagtail.models import Revision

    return [
        {"contenido": r.object_str, "fecha": iso(r.created_at)}
        for r in Revision.objects.filter(user=user).order_by("pk")
    ]


def _log_rows(model, user):
    return [
        {"accion": e.action, "objeto": e.label, "fecha": iso(e.timestamp)}
        for e in model.objects.filter(user=user).order_by("pk")
    ]


def export_model_log(user):
    from wagtail.models import ModelLogEntry

    return _log_rows(ModelLogEntry, user)


def export_page_log(user):
    from wagtail.models import PageLogEntry

    return _log_rows(PageLogEntry, user)


def _scrub_log(model, user, erasure):
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Q

    from lms.accounts.models import User

    from .erasure import ANONYMOUS_NAME

    about = Q(pk__in=[])
    if model.__name__ == "ModelLogEntry":
        about = Q(
            content_type=ContentType.objects.get_for_model(User),
            object_id=str(user.pk),
        )
    for needle in erasure.needles:
        about |= Q(label__icontains=needle)
    erasure.scrub_rows(model.objects.filter(about), ["label", "data"])
    if model.__name__ == "ModelLogEntry":
        # Entries about the person keep no name at all, only "Participante".
        model.objects.filter(
            content_type=ContentType.objects.get_for_model(User),
            object_id=str(user.pk),
        ).update(label=ANONYMOUS_NAME)


def erase_model_log(user, erasure):
    from wagtail.models import ModelLogEntry

    _scrub_log(ModelLogEntry, user, erasure)


def erase_page_log(user, erasure):
    from wagtail.models import PageLogEntry

    _scrub_log(PageLogEntry, user, erasure)


def export_comments(user):
    from wagtail.models import Comment

    return [
        {"pagina": c.page.title, "comentario": c.text, "fecha": iso(c.created_at)}
        for c in Comment.objects.filter(user=user).select_related("page")
    ]


def export_replies(user):
    from wagtail.models import CommentReply

    return [
        {"respuesta": r.text, "fecha": iso(r.created_at)}
        for r in CommentReply.objects.filter(user=user).order_by("pk")
    ]


def export_workflow_states(user):
    from wagtail.models import WorkflowState

    return [
        {"estado": s.status, "fecha": iso(s.created_at)}
        for s in WorkflowState.objects.filter(requested_by=user).order_by("pk")
    ]


def export_task_states(user):
    from wagtail.models import TaskState

    return [
        {"estado": s.status, "fecha": iso(s.finished_at)}
        for s in TaskState.objects.filter(finished_by=user).order_by("pk")
    ]


def export_documents(user):
    from wagtail.documents import get_document_model

    return [
        {"documento": d.title, "subido": iso(d.created_at)}
        for d in get_document_model()
        .objects.filter(uploaded_by_user=user)
        .order_by("pk")
    ]


def export_images(user):
    from wagtail.images import get_image_model

    return [
        {"imagen": i.title, "subida": iso(i.created_at)}
        for i in get_image_model().objects.filter(uploaded_by_user=user).order_by("pk")
    ]


def erase_pages(user, erasure):
    from wagtail.models import Page

    # A page locked by someone who can no longer sign in would stay locked.
    Page.objects.filter(locked_by=user).update(
        locked=False, locked_by=None, locked_at=None
    )


_authoring(
    "wagtailcore.Page",
    "Páginas a su cargo en el sitio",
    export_pages,
    erase=erase_pages,
)
_authoring("wagtailcore.Revision", "Revisiones de contenido", export_revisions)
_authoring(
    "wagtailcore.ModelLogEntry",
    "Registro de acciones en el administrador",
    export_model_log,
    erase=erase_model_log,
)
_authoring(
    "wagtailcore.PageLogEntry",
    "Registro de acciones en páginas",
    export_page_log,
    erase=erase_page_log,
)
_authoring("wagtailcore.Comment", "Comentarios en borradores", export_comments)
_authoring("wagtailcore.CommentReply", "Respuestas a comentarios", export_replies)
_authoring(
    "wagtailcore.WorkflowState", "Flujos de revisión iniciados", export_workflow_states
)
_authoring("wagtailcore.TaskState", "Pasos de revisión resueltos", export_task_states)
_authoring("wagtaildocs.Document", "Documentos subidos", export_documents)
_authoring("wagtailimages.Image", "Imágenes subidas", export_images)
