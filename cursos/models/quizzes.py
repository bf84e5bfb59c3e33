from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class QuizAttempt(models.Model):
    """One attempt at a quiz. ``snapshot`` holds the drawn questions with their
    correct answers and points (server side only); ``answers`` maps question
    keys to the chosen choice keys."""

    class Status(models.TextChoices):
        IN_PROGRESS = "en_curso", _("En curso")
        SUBMITTED = "enviado", _("Enviado")
        EXPIRED = "vencido", _("Cerrado por tiempo")

    enrollment = models.ForeignKey(
        "cursos.Enrollment", on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz = models.ForeignKey(
        "cursos.QuizPage", on_delete=models.CASCADE, related_name="attempts"
    )
    number = models.PositiveSmallIntegerField(_("intento número"))
    status = models.CharField(
        _("estado"), max_length=20, choices=Status.choices, default=Status.IN_PROGRESS
    )
    started_at = models.DateTimeField(_("inicio"), auto_now_add=True)
    deadline = models.DateTimeField(_("hora límite"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("enviado"), null=True, blank=True)
    snapshot = models.JSONField(_("preguntas del intento"))
    answers = models.JSONField(_("respuestas"), default=dict, blank=True)
    score = models.DecimalField(
        _("puntos"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    max_score = models.DecimalField(
        _("puntos posibles"), max_digits=7, decimal_places=2
    )
    percent = models.DecimalField(
        _("porcentaje"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    passed = models.BooleanField(_("aprobado"), default=False)

    class Meta:
        verbose_name = _("intento de evaluación")
        verbose_name_plural = _("intentos de evaluación")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "quiz", "number"], name="unique_attempt_number"
            ),
            models.UniqueConstraint(
                fields=["enrollment", "quiz"],
                condition=Q(submitted_at__isnull=True),
                name="one_open_attempt_per_quiz",
            ),
        ]
        indexes = [
            models.Index(fields=["quiz", "passed"]),
            models.Index(fields=["status", "deadline"]),
        ]

    def __str__(self):
        return f"{self.quiz_id} · {self.enrollment_id} · {self.number}"

    @property
    def is_open(self) -> bool:
        return self.submitted_at is None


class QuestionResult(models.Model):
    """Whether one question of one submitted attempt was answered right; the
    item analysis aggregates these rows in the database."""

    attempt = models.ForeignKey(
        QuizAttempt, on_delete=models.CASCADE, related_name="question_results"
    )
    quiz = models.ForeignKey(
        "cursos.QuizPage", on_delete=models.CASCADE, related_name="+"
    )
    question_key = models.CharField(max_length=64)
    correct = models.BooleanField()
    points = models.DecimalField(max_digits=7, decimal_places=2)
    max_points = models.DecimalField(max_digits=7, decimal_places=2)

    class Meta:
        verbose_name = _("resultado por pregunta")
        verbose_name_plural = _("resultados por pregunta")
        constraints = [
            models.UniqueConstraint(
                fields=["attempt", "question_key"], name="one_result_per_question"
            )
        ]
        indexes = [models.Index(fields=["quiz", "question_key"])]

    def __str__(self):
        return f"{self.attempt_id} · {self.question_key}"


class ExtraAttempt(models.Model):
    """One more attempt granted by a coordinator to one learner for one quiz."""

    enrollment = models.ForeignKey(
        "cursos.Enrollment", on_delete=models.CASCADE, related_name="extra_attempts"
    )
    quiz = models.ForeignKey(
        "cursos.QuizPage", on_delete=models.CASCADE, related_name="+"
    )
    granted_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("intento adicional")
        verbose_name_plural = _("intentos adicionales")

    def __str__(self):
        return f"{self.quiz_id} · {self.enrollment_id}"
