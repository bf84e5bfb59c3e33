"""The common life of an edition: notifications ("Avisos"), announcements,
forums per module, live sessions with attendance and the personal calendar.

Who may read what is decided in ``comunidad.access`` (the edition's learners,
its tutors and coordinators); writes live in ``comunidad.services``.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cursos.storage import get_private_storage, submission_upload_to


# ------------------------------------------------------------ notifications
class Notification(models.Model):
    """Something that happened for one person, listed in "Avisos"."""

    class Kind(models.TextChoices):
        REPLY = "respuesta", _("Respuestas en el foro")
        GRADE = "calificacion", _("Calificaciones y tareas devueltas")
        ANNOUNCEMENT = "anuncio", _("Anuncios de la edición")
        SESSION = "sesion", _("Sesiones en vivo")
        REMINDER = "recordatorio", _("Recordatorios de plazos")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("persona"),
    )
    kind = models.CharField(_("tipo"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("título"), max_length=200)
    body = models.TextField(_("texto"), blank=True)
    url = models.CharField(_("enlace"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("fecha"), auto_now_add=True)
    read_at = models.DateTimeField(_("leído el"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("enviado por correo el"), null=True, blank=True)

    class Meta:
        verbose_name = _("aviso")
        verbose_name_plural = _("avisos")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["user", "read_at"]),
            models.Index(fields=["user", "-created_at"]),
        ]

    def __str__(self):
        return self.title


# Reminders of duties (deadlines) are always e-mailed: they cannot be turned off.
DUTY_KINDS = frozenset({Notification.Kind.REMINDER})


class NotificationPreference(models.Model):
    """How one person wants e-mail for one kind of notification (the default,
    with no row, is right away)."""

    class Email(models.TextChoices):
        NOW = "inmediato", _("Un correo en el momento")
        DIGEST = "resumen", _("Un resumen diario")
        NEVER = "nunca", _("Solo en «Avisos», sin correo")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("tipo"), max_length=20, choices=Notification.Kind.choices)
    email = models.CharField(
        _("correo"), max_length=20, choices=Email.choices, default=Email.NOW
    )

    class Meta:
        verbose_name = _("preferencia de avisos")
        verbose_name_plural = _("preferencias de avisos")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"], name="one_preference_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.user_id} · {self.kind}: {self.email}"


# ------------------------------------------------------------ announcements
class Announcement(models.Model):
    cohort = models.ForeignKey(
        "cursos.Cohort",
        on_delete=models.CASCADE,
        related_name="announcements",
        verbose_name=_("edición"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("autor"),
    )
    title = models.CharField(_("título"), max_length=200)
    body = models.TextField(_("texto"))
    attachment = models.FileField(
        _("adjunto"),
        storage=get_private_storage,
        upload_to=submission_upload_to,
        blank=True,
    )
    attachment_name = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(_("publicado el"), auto_now_add=True)
    edited_at = models.DateTimeField(_("editado el"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("retirado el"), null=True, blank=True)

    class Meta:
        verbose_name = _("anuncio")
        verbose_name_plural = _("anuncios")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class AnnouncementRead(models.Model):
    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="reads"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["announcement", "user"], name="one_read_per_announcement"
            )
        ]

    def __str__(self):
        return f"{self.announcement_id} · {self.user_id}"


# ------------------------------------------------------------ forums
class Thread(models.Model):
    """A question or discussion in the forum of one module of one edition."""

    cohort = models.ForeignKey(
        "cursos.Cohort",
        on_delete=models.CASCADE,
        related_name="threads",
        verbose_name=_("edición"),
    )
    module = models.ForeignKey(
        "cursos.ModulePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("módulo"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("autor"),
    )
    title = models.CharField(_("título"), max_length=200)
    created_at = models.DateTimeField(_("creado el"), auto_now_add=True)
    last_post_at = models.DateTimeField(_("última respuesta"))
    posts_count = models.PositiveIntegerField(_("mensajes"), default=0)
    resolved_at = models.DateTimeField(_("resuelta el"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("hilo del foro")
        verbose_name_plural = _("hilos del foro")
        ordering = ["-last_post_at", "-pk"]
        indexes = [models.Index(fields=["cohort", "module", "-last_post_at"])]

    def __str__(self):
        return self.title


class Post(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="forum_posts",
        verbose_name=_("autor"),
    )
    body = models.TextField(_("mensaje"))
    by_tutor = models.BooleanField(_("respuesta de la tutoría"), default=False)
    created_at = models.DateTimeField(_("publicado el"), auto_now_add=True)
    edited_at = models.DateTimeField(_("editado el"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("oculto el"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    hidden_reason = models.CharField(_("motivo"), max_length=300, blank=True)
    # The form's one-time token: a double click makes one post.
    client_token = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("mensaje del foro")
        verbose_name_plural = _("mensajes del foro")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "client_token"], name="one_post_per_form"
            )
        ]
        indexes = [models.Index(fields=["thread", "created_at"])]

    def __str__(self):
        return f"{self.thread_id} · {self.pk}"


class PostAttachment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(storage=get_private_storage, upload_to=submission_upload_to)
    original_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    kind = models.CharField(max_length=10)

    class Meta:
        verbose_name = _("adjunto del foro")
        verbose_name_plural = _("adjuntos del foro")

    def __str__(self):
        return self.original_name


class PostReport(models.Model):
    """A post reported to the tutor by someone who reads it."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("motivo"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mensaje reportado")
        verbose_name_plural = _("mensajes reportados")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"], name="one_report_per_person"
            )
        ]

    def __str__(self):
        return f"{self.post_id} · {self.reporter_id}"


class ThreadSubscription(models.Model):
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="subscriptions"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["thread", "user"], name="one_subscription_per_thread"
            )
        ]

    def __str__(self):
        return f"{self.thread_id} · {self.user_id}"


# ------------------------------------------------------------ live sessions
class LiveSession(models.Model):
    """A live session of an edition, virtual or in person; for one department
    when the edition is split by territory (else for everyone)."""

    class Mode(models.TextChoices):
        VIRTUAL = "virtual", _("Virtual")
        IN_PERSON = "presencial", _("Presencial")

    cohort = models.ForeignKey(
        "cursos.Cohort",
        on_delete=models.CASCADE,
        related_name="live_sessions",
        verbose_name=_("edición"),
    )
    topic = models.CharField(_("tema"), max_length=200)
    starts_at = models.DateTimeField(_("inicio (hora de Guatemala)"))
    ends_at = models.DateTimeField(_("fin (hora de Guatemala)"))
    mode = models.CharField(
        _("modalidad"), max_length=20, choices=Mode.choices, default=Mode.VIRTUAL
    )
    place = models.CharField(_("lugar"), max_length=300, blank=True)
    link = models.URLField(_("enlace de la reunión"), blank=True)
    department = models.ForeignKey(
        "accounts.Department",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("departamento"),
        help_text=_("Vacío: para todas las personas de la edición."),
    )
    counts_for_attendance = models.BooleanField(
        _("cuenta para la asistencia"), default=True
    )

    class Meta:
        verbose_name = _("sesión en vivo")
        verbose_name_plural = _("sesiones en vivo")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["cohort", "starts_at"])]

    def __str__(self):
        return self.topic


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "presente", _("Presente")
        ABSENT = "ausente", _("Ausente")
        EXCUSED = "justificada", _("Ausencia justificada")

    session = models.ForeignKey(
        LiveSession, on_delete=models.CASCADE, related_name="attendance"
    )
    enrollment = models.ForeignKey(
        "cursos.Enrollment", on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(_("asistencia"), max_length=20, choices=Status.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("asistencia")
        verbose_name_plural = _("asistencias")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrollment"], name="one_attendance_per_session"
            )
        ]

    def __str__(self):
        return f"{self.session_id} · {self.enrollment_id}: {self.status}"


# ------------------------------------------------------------ calendar
def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret of one person's private .ics subscription; revoking it makes
    a new one (the old address stops working)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_calendar_token)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendario privado")
        verbose_name_plural = _("calendarios privados")

    def __str__(self):
        return f"{self.user_id}"
