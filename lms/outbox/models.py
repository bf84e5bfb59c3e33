from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """One task to publish to the broker, written in the transaction that made
    the work necessary. ``sent_at`` is set once the broker accepted it;
    ``locked_until`` is a deliverer's lease (a deliverer that dies mid-batch
    leaves the message to the next one)."""

    task_name = models.CharField(_("tarea"), max_length=200)
    args = models.JSONField(_("argumentos"), default=list, blank=True)
    kwargs = models.JSONField(_("argumentos con nombre"), default=dict, blank=True)
    created_at = models.DateTimeField(_("creado"), auto_now_add=True)
    sent_at = models.DateTimeField(_("enviado"), null=True, blank=True)
    locked_until = models.DateTimeField(null=True, blank=True, editable=False)
    attempts = models.PositiveIntegerField(_("intentos"), default=0)
    last_error = models.TextField(_("último error"), blank=True)

    class Meta:
        verbose_name = _("mensaje pendiente de envío")
        verbose_name_plural = _("mensajes pendientes de envío")
        indexes = [
            models.Index(
                fields=["created_at"],
                condition=Q(sent_at__isnull=True),
                name="outbox_pending_idx",
            )
        ]

    def __str__(self):
        return f"{self.task_name} #{self.pk}"
