"""Reminders about assignments and grading, each sent once."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GradingReminder(models.Model):
    """One reminder e-mail sent to one person. ``key`` says what it was about
    (``<enrollment>:<assignment>:<due date>`` for a learner, the day for a
    tutor's digest); the (user, kind, key) triple is unique, so a second run of
    the task finds the row and sends nothing."""

    class Kind(models.TextChoices):
        DUE_SOON = "tarea_por_vencer", _("Tarea por vencer")
        OVERDUE = "tarea_vencida", _("Tarea vencida")
        TUTOR_DIGEST = "pendientes_tutor", _("Resumen de entregas por calificar")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="grading_reminders",
        verbose_name=_("destinatario"),
    )
    kind = models.CharField(_("recordatorio"), max_length=20, choices=Kind.choices)
    key = models.CharField(_("sobre qué"), max_length=64)
    sent_at = models.DateTimeField(_("enviado el"), auto_now_add=True)

    class Meta:
        verbose_name = _("recordatorio de tareas")
        verbose_name_plural = _("recordatorios de tareas")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "key"], name="one_grading_reminder_per_key"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.key}"
