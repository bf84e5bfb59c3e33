"""What comunidad holds about a person, for lms.accounts.privacy.

On erasure, forum threads and posts stay (a discussion loses its sense with
holes in it) and show their author as "Participante" (the anonymized account's
name); their attachments are deleted. Notifications, preferences, reports,
subscriptions and the private calendar token are deleted. Attendance and
announcement reads stay, counted for the anonymized account."""

from lms.accounts.privacy import AUTHORING, Entry, iso, register


def export_notifications(user):
    from comunidad.models import Notification

    return [
        {
            "tipo": n.get_kind_display(),
            "titulo": n.title,
            "texto": n.body,
            "enlace": n.url,
            "fecha": iso(n.created_at),
            "leido": iso(n.read_at),
            "enviado_por_correo": iso(n.emailed_at),
        }
        for n in Notification.objects.filter(user=user).order_by("created_at", "pk")
    ]


def erase_notifications(user, erasure):
    from comunidad.models import Notification

    Notification.objects.filter(user=user).delete()


register(
    Entry(
        "comunidad.Notification",
        "Avisos recibidos",
        export=export_notifications,
        erase=erase_notifications,
        order=40,
    )
)


def export_preferences(user):
    from comunidad.models import NotificationPreference

    return [
        {"tipo": p.get_kind_display(), "correo": p.get_email_display()}
        for p in NotificationPreference.objects.filter(user=user).order_by("kind")
    ]


def erase_preferences(user, erasure):
    from comunidad.models import NotificationPreference

    NotificationPreference.objects.filter(user=user).delete()


register(
    Entry(
        "comunidad.NotificationPreference",
        "Preferencias de avisos",
        export=export_preferences,
        erase=erase_preferences,
        order=41,
    )
)


def export_announcements(user):
    from comunidad.models import Announcement

    return [
        {"edicion": a.cohort.name, "titulo": a.title, "publicado": iso(a.created_at)}
        for a in Announcement.objects.filter(author=user)
        .select_related("cohort")
        .order_by("pk")
    ]


register(
    Entry(
        "comunidad.Announcement",
        "Anuncios publicados",
        kind=AUTHORING,
        export=export_announcements,
        order=42,
    )
)


def export_reads(user):
    from comunidad.models import AnnouncementRead

    return [
        {"anuncio": r.announcement.title, "leido": iso(r.read_at)}
        for r in AnnouncementRead.objects.filter(user=user)
        .select_related("announcement")
        .order_by("pk")
    ]


register(
    Entry(
        "comunidad.AnnouncementRead",
        "Anuncios leídos",
        export=export_reads,
        order=43,
    )
)


def export_threads(user):
    from comunidad.models import Thread

    return [
        {
            "edicion": t.cohort.name,
            "modulo": t.module.title,
            "titulo": t.title,
            "creado": iso(t.created_at),
            "resuelto": iso(t.resolved_at),
        }
        for t in Thread.objects.filter(author=user)
        .select_related("cohort", "module")
        .order_by("pk")
    ]


def erase_threads(user, erasure):
    from comunidad.models import Thread

    erasure.scrub_rows(Thread.objects.filter(author=user), ["title"])


register(
    Entry(
        "comunidad.Thread",
        "Hilos del foro iniciados",
        export=export_threads,
        erase=erase_threads,
        order=44,
    )
)


def export_posts(user):
    from comunidad.models import Post

    return [
        {
            "hilo": p.thread.title,
            "mensaje": p.body,
            "publicado": iso(p.created_at),
            "editado": iso(p.edited_at),
            "oculto": iso(p.hidden_at),
        }
        for p in Post.objects.filter(author=user)
        .select_related("thread")
        .order_by("pk")
    ]


def erase_posts(user, erasure):
    from comunidad.models import Post

    erasure.scrub_rows(Post.objects.filter(author=user), ["body", "hidden_reason"])


register(
    Entry(
        "comunidad.Post",
        "Mensajes del foro",
        export=export_posts,
        erase=erase_posts,
        order=45,
    )
)


def export_attachments(user):
    from comunidad.models import PostAttachment

    return [
        {"hilo": a.post.thread.title, "archivo": a.original_name, "tamano": a.size}
        for a in PostAttachment.objects.filter(post__author=user)
        .select_related("post__thread")
        .order_by("pk")
    ]


def erase_attachments(user, erasure):
    from comunidad.models import PostAttachment

    attachments = PostAttachment.objects.filter(post__author=user)
    erasure.delete_files([a.file for a in attachments])
    attachments.delete()


register(
    Entry(
        "comunidad.PostAttachment",
        "Adjuntos del foro",
        export=export_attachments,
        erase=erase_attachments,
        order=46,
    )
)


def export_reports(user):
    from comunidad.models import PostReport

    return [
        {"hilo": r.post.thread.title, "motivo": r.reason, "fecha": iso(r.created_at)}
        for r in PostReport.objects.filter(reporter=user)
        .select_related("post__thread")
        .order_by("pk")
    ]


def erase_reports(user, erasure):
    from comunidad.models import PostReport

    PostReport.objects.filter(reporter=user).delete()


register(
    Entry(
        "comunidad.PostReport",
        "Mensajes reportados",
        export=export_reports,
        erase=erase_reports,
        order=47,
    )
)


def export_subscriptions(user):
    from comunidad.models import ThreadSubscription

    return [
        {"hilo": s.thread.title}
        for s in ThreadSubscription.objects.filter(user=user)
        .select_related("thread")
        .order_by("pk")
    ]


def erase_subscriptions(user, erasure):
    from comunidad.models import ThreadSubscription

    ThreadSubscription.objects.filter(user=user).delete()


register(
    Entry(
        "comunidad.ThreadSubscription",
        "Hilos que sigue",
        export=export_subscriptions,
        erase=erase_subscriptions,
        order=48,
    )
)


def export_attendance(user):
    from comunidad.models import Attendance

    return [
        {
            "sesion": a.session.topic,
            "fecha": iso(a.session.starts_at),
            "asistencia": a.get_status_display(),
        }
        for a in Attendance.objects.filter(enrollment__user=user)
        .select_related("session")
        .order_by("session__starts_at", "pk")
    ]


register(
    Entry(
        "comunidad.Attendance",
        "Asistencia a sesiones en vivo",
        export=export_attendance,
        order=49,
    )
)


def export_calendar(user):
    from comunidad.models import CalendarFeed

    # The secret address itself is not written into the file.
    return [
        {"calendario_privado": True, "creado": iso(f.created_at)}
        for f in CalendarFeed.objects.filter(user=user)
    ]


def erase_calendar(user, erasure):
    from comunidad.models import CalendarFeed

    CalendarFeed.objects.filter(user=user).delete()


register(
    Entry(
        "comunidad.CalendarFeed",
        "Calendario privado",
        export=export_calendar,
        erase=erase_calendar,
        order=50,
    )
)
