"""Required training: which group must complete which course by when, the
assignment of each member, and the reminders sent to them."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class RequiredTraining(models.Model):
    """A course every member of a group must complete, with its due-date rule."""

    class DueRule(models.TextChoices):
        FIXED = "fecha", _("Una fecha fija")
        AFTER_JOINING = "dias", _("N días después de unirse al grupo")

    course = models.ForeignKey(
        "cursos.CoursePage",
        on_delete=models.PROTECT,
        related_name="requirements",
        verbose_name=_("curso"),
    )
    group = models.ForeignKey(
        "auth.Group",
        on_delete=models.SET_NULL,  # deleting the group deactivates the rule
        null=True,
        related_name="required_trainings",
        verbose_name=_("grupo"),
        help_text=_("Por ejemplo, «Personal INFOM»."),
    )
    due_rule = models.CharField(
        _("cómo se fija la fecha límite"),
        max_length=10,
        choices=DueRule.choices,
        default=DueRule.FIXED,
    )
    due_on = models.DateField(_("fecha fija"), null=True, blank=True)
    due_days = models.PositiveSmallIntegerField(
        _("días después de unirse"),
        null=True,
        blank=True,
        help_text=_(
            "Quien ya está en el grupo cuenta los días desde que se crea la regla."
        ),
    )
    renew_days_before = models.PositiveSmallIntegerField(
        _("renovar días antes del vencimiento"),
        default=30,
        validators=[MaxValueValidator(365)],
        help_text=_(
            "Solo para cursos cuyo certificado vence: tantos días antes de que venza "
            "lo completado, la capacitación se asigna de nuevo."
        ),
    )
    active = models.BooleanField(
        _("activa"),
        default=True,
        help_text=_("Si la desactiva, se retiran las asignaciones pendientes."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("capacitación obligatoria")
        verbose_name_plural = _("capacitaciones obligatorias")
        constraints = [
            models.UniqueConstraint(
                fields=["course", "group"], name="one_requirement_per_course_and_group"
            )
        ]

    def __str__(self):
        group = self.group.name if self.group_id else _("(grupo eliminado)")
        return f"{self.course.title} · {group}"

    def clean(self):
        super().clean()
        if self.pk and self.course_id:
            saved = RequiredTraining.objects.filter(pk=self.pk).values("course")
            if saved and saved[0]["course"] != self.course_id:
                raise ValidationError(
                    {
                        "course": _(
                            "El curso de una regla no se cambia: desactívela y cree "
                            "otra para el nuevo curso."
                        )
                    }
                )
        if self.due_rule == self.DueRule.FIXED and not self.due_on:
            raise ValidationError({"due_on": _("Indique la fecha límite.")})
        if self.due_rule == self.DueRule.AFTER_JOINING and not self.due_days:
            raise ValidationError(
                {"due_days": _("Indique cuántos días hay para completarla (1 o más).")}
            )

    def due_date_for(self, joined_on: datetime.date) -> datetime.date:
        if self.due_rule == self.DueRule.FIXED:
            return self.due_on
        return joined_on + datetime.timedelta(days=self.due_days)


class TrainingAssignmentQuerySet(models.QuerySet):
    def current(self):
        """The person's present duty: neither withdrawn nor replaced by its
        renewal (the one the unique constraint allows per person and course)."""
        return self.filter(withdrawn_at__isnull=True, renewed_at__isnull=True)


class TrainingAssignment(models.Model):
    """One person's duty to complete a required training. Leaving the group
    withdraws it (``withdrawn_at``) without deleting it; renewal (a completion
    about to expire) replaces it by a new one (``renewal_of``, ``renewed_at``);
    at most one assignment per person and course is current (neither withdrawn
    nor renewed)."""

    class Status(models.TextChoices):
        PENDING = "pendiente", _("Pendiente")
        IN_PROGRESS = "en-curso", _("En curso")
        COMPLETED = "completada", _("Completada")
        OVERDUE = "vencida", _("Vencida")

    requirement = models.ForeignKey(
        RequiredTraining,
        on_delete=models.PROTECT,  # history stays; deactivate a rule instead
        related_name="assignments",
        verbose_name=_("capacitación obligatoria"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="training_assignments",
        verbose_name=_("persona"),
    )
    course = models.ForeignKey(
        "cursos.CoursePage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("curso"),
    )
    assigned_on = models.DateField(_("asignada el"))
    due_on = models.DateField(_("fecha límite"))
    withdrawn_at = models.DateTimeField(_("retirada el"), null=True, blank=True)
    # Renewal: this duty was done and its completion is about to expire; the
    # assignment that renews it (``renewal``) is the current one from then on.
    renewed_at = models.DateTimeField(_("renovada el"), null=True, blank=True)
    renewal_of = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renewal",
        verbose_name=_("renueva la asignación"),
    )

    objects = TrainingAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("asignación de capacitación")
        verbose_name_plural = _("asignaciones de capacitación")
        constraints = [
            # One current duty per person and course, even when two groups the
            # person belongs to require the same course (the first rule applies).
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=Q(withdrawn_at__isnull=True, renewed_at__isnull=True),
                name="one_current_assignment_per_course",
            )
        ]
        indexes = [models.Index(fields=["due_on"])]

    def __str__(self):
        return f"{self.user} · {self.course_id}"


class TrainingReminder(models.Model):
    """A reminder e-mail about one assignment. The row is written before the
    e-mail is sent, and the (assignment, kind) pair is unique: each reminder is
    sent at most once."""

    assignment = models.ForeignKey(
        TrainingAssignment,
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("asignación"),
    )
    kind = models.CharField(_("recordatorio"), max_length=20)
    due_on = models.DateField(_("fecha límite recordada"))
    created_at = models.DateTimeField(_("registrado el"), auto_now_add=True)
    run = models.UUIDField(_("ejecución"), db_index=True)
    sent_at = models.DateTimeField(_("enviado el"), null=True, blank=True)

    class Meta:
        verbose_name = _("recordatorio enviado")
        verbose_name_plural = _("recordatorios enviados")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "kind", "due_on"],
                name="one_reminder_of_each_kind_per_due_date",
            )
        ]

    def __str__(self):
        return self.kind

    @property
    def label(self) -> str:
        """What the reminder said, as the learner sees it in "Mi aprendizaje"."""
        from django.utils import timezone

        sent_on = timezone.localtime(self.sent_at or self.created_at).date()
        return due_phrase(self.due_on, sent_on, past=True)


def due_phrase(due_on: datetime.date, on: datetime.date, *, past: bool = False) -> str:
    """ "faltan 3 días", "vence hoy", "vencida hace 8 días" (in the past tense
    for a reminder already sent)."""
    days = (due_on - on).days
    if days > 1:
        text = _("faltaban %(dias)s días") if past else _("faltan %(dias)s días")
        return str(text % {"dias": days})
    if days == 1:
        return str(_("faltaba 1 día") if past else _("falta 1 día"))
    if days == 0:
        return str(_("vencía ese día") if past else _("vence hoy"))
    late = -days
    if late == 1:
        return str(_("vencida hacía 1 día") if past else _("vencida hace 1 día"))
    text = _("vencida hacía %(dias)s días") if past else _("vencida hace %(dias)s días")
    return str(text % {"dias": late})
