from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Enrollment(models.Model):
    """A learner in a course, in one edition (cohort) when the course has them.

    One enrollment per person per edition: someone who failed or dropped out
    enrolls in a later edition and starts fresh; the earlier enrollment stays in
    their history and in reports. A course without editions has one enrollment
    per person at a time: when required training renews (a course whose
    completion expires), a new enrollment is opened as the renewal of the
    completed one (``renewal_of``), which is marked ``superseded_at`` and stays
    in the history with its progress and certificate.
    """

    class Status(models.TextChoices):
        ACTIVE = "activa", _("En curso")
        COMPLETED = "completada", _("Completada")

    class Result(models.TextChoices):
        APPROVED = "aprobado", _("Aprobado")
        PARTICIPATION = "participacion", _("Constancia de participación")
        NOT_APPROVED = "no_aprobado", _("No aprobado")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="enrollments",
        verbose_name=_("participante"),
    )
    course = models.ForeignKey(
        "cursos.CoursePage",
        on_delete=models.PROTECT,
        related_name="enrollments",
        verbose_name=_("curso"),
    )
    cohort = models.ForeignKey(
        "cursos.Cohort",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="enrollments",
        verbose_name=_("edición"),
    )
    status = models.CharField(
        _("estado"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    enrolled_at = models.DateTimeField(_("inscripción"), auto_now_add=True)
    last_activity_at = models.DateTimeField(
        _("última actividad"), null=True, blank=True
    )
    last_item = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("último contenido visto"),
    )
    completed_at = models.DateTimeField(_("completado el"), null=True, blank=True)
    tutor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tutored_enrollments",
        verbose_name=_("tutor asignado a mano"),
    )
    final_grade = models.DecimalField(
        _("nota final"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    result = models.CharField(
        _("resultado"), max_length=20, choices=Result.choices, blank=True
    )
    # The last day the completion counts (course.validity_months after it,
    # cursos.validity); None: it does not expire. A snapshot, as the
    # certificate's: changing the course's validity later changes no one's.
    valid_until = models.DateField(_("válido hasta"), null=True, blank=True)
    # Renewal of required training (cursos.services.required.renew_due): the
    # completed enrollment this one renews (each is renewed at most once), and
    # when this one was replaced by its renewal.
    renewal_of = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renewal",
        verbose_name=_("renueva la inscripción"),
    )
    superseded_at = models.DateTimeField(
        _("reemplazada por su renovación el"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("inscripción")
        verbose_name_plural = _("inscripciones")
        permissions = [
            ("view_reports", _("Puede ver los informes de cursos y evaluaciones")),
            ("grant_attempts", _("Puede conceder intentos adicionales")),
            ("manage_enrollments", _("Puede inscribir y trasladar participantes")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "cohort"],
                condition=models.Q(cohort__isnull=False),
                name="one_enrollment_per_edition",
            ),
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=models.Q(cohort__isnull=True, superseded_at__isnull=True),
                name="one_current_enrollment_per_course_without_editions",
            ),
        ]
        indexes = [models.Index(fields=["course", "cohort", "status"])]

    def __str__(self):
        return f"{self.user} · {self.course_id}"

    @property
    def due_date(self):
        return self.cohort.ends_on if self.cohort_id else None


class LessonCompletion(models.Model):
    """One required item of a course done by one enrollment: a lesson marked as
    completed, or a quiz passed (the quiz service records it here too)."""

    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="completions"
    )
    lesson = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    completed_at = models.DateTimeField(_("completada el"), auto_now_add=True)

    class Meta:
        verbose_name = _("lección completada")
        verbose_name_plural = _("lecciones completadas")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "lesson"], name="one_completion_per_item"
            )
        ]

    def __str__(self):
        return f"{self.enrollment_id} · {self.lesson_id}"


class ModuleCompletion(models.Model):
    """The moment one enrollment completed one module (every item it required
    done). Written once by the progress service and never taken back: what is
    published into this module, or before it, afterwards is new and optional
    for this learner (see ``cursos.selectors.Progress``)."""

    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="module_completions"
    )
    module = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    completed_at = models.DateTimeField(_("completado el"))

    class Meta:
        verbose_name = _("módulo completado")
        verbose_name_plural = _("módulos completados")
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "module"], name="one_completion_per_module"
            )
        ]

    def __str__(self):
        return f"{self.enrollment_id} · {self.module_id}"
