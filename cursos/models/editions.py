"""Who tutors an edition, and who waits for a seat in a full one."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

TUTORS_GROUP = "Tutores"


class EditionTutor(models.Model):
    """A tutor assigned to an edition. With departments, the tutor follows the
    edition's learners from those departments; without, all of them. A learner
    assigned by hand (``Enrollment.tutor``) follows that tutor only."""

    cohort = models.ForeignKey(
        "cursos.Cohort",
        on_delete=models.CASCADE,
        related_name="tutors",
        verbose_name=_("edición"),
    )
    tutor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="tutored_editions",
        verbose_name=_("tutor o tutora"),
        limit_choices_to={"groups__name": TUTORS_GROUP, "is_active": True},
    )
    departments = models.ManyToManyField(
        "accounts.Department",
        blank=True,
        related_name="+",
        verbose_name=_("departamentos que atiende"),
        help_text=_("Vacío: atiende a todas las personas de la edición."),
    )
    assigned_at = models.DateTimeField(_("asignado el"), auto_now_add=True)

    class Meta:
        verbose_name = _("tutoría de una edición")
        verbose_name_plural = _("tutorías de ediciones")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "tutor"], name="one_assignment_per_tutor_edition"
            )
        ]

    def __str__(self):
        return f"{self.tutor} · {self.cohort}"


class WaitlistEntry(models.Model):
    """A person waiting for a seat in a full edition, first come, first served.
    A freed seat is offered to the first in line by e-mail; the offer holds a
    seat for ``WAITLIST_OFFER_HOURS`` and then passes to the next person."""

    class Status(models.TextChoices):
        WAITING = "esperando", _("En espera")
        OFFERED = "ofrecido", _("Cupo ofrecido")
        ENROLLED = "inscrito", _("Inscrito")
        EXPIRED = "vencido", _("Oferta vencida")
        LEFT = "retirado", _("Salió de la lista")

    cohort = models.ForeignKey(
        "cursos.Cohort",
        on_delete=models.CASCADE,
        related_name="waitlist",
        verbose_name=_("edición"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="waitlist_entries",
        verbose_name=_("persona"),
    )
    status = models.CharField(
        _("estado"), max_length=20, choices=Status.choices, default=Status.WAITING
    )
    created_at = models.DateTimeField(_("en la lista desde"), auto_now_add=True)
    offered_at = models.DateTimeField(_("cupo ofrecido el"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(
        _("la oferta vence el"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("lugar en lista de espera")
        verbose_name_plural = _("lista de espera")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "user"],
                condition=Q(status__in=["esperando", "ofrecido"]),
                name="one_place_in_line_per_edition",
            )
        ]
        indexes = [models.Index(fields=["cohort", "status", "created_at"])]

    def __str__(self):
        return f"{self.user} · {self.cohort}"
