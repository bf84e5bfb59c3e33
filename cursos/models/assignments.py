"""Assignments and the final project: the page a coordinator authors, and what
learners hand in (every version kept) and tutors grade.

States of a learner's work: no ``Submission`` row is "sin entregar"; then
``entregada`` → ``calificada`` (grade released) or ``devuelta`` (returned for a
new version, which makes it ``entregada`` again).
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from cursos.forms import AssignmentPageForm
from cursos.panels import PublicationImpactPanel
from cursos.storage import get_private_storage, submission_upload_to

from .pages import COURSE_RICH_TEXT, AsciiSlugMixin, LearnerPageMixin

# Formats a coordinator may accept, and what the file's content must be.
FORMATS = {
    "pdf": _("PDF"),
    "docx": _("Word (DOCX)"),
    "odt": _("OpenDocument (ODT)"),
    "jpg": _("Imagen JPG"),
    "png": _("Imagen PNG"),
}
FORMAT_CHOICES = list(FORMATS.items())


class RubricLevelBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("nivel"), max_length=60)
    points = blocks.DecimalBlock(
        label=_("puntos"), min_value=0, max_digits=6, decimal_places=2
    )
    description = blocks.TextBlock(label=_("descripción"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Nivel")


class RubricCriterionBlock(blocks.StructBlock):
    criterion = blocks.CharBlock(label=_("criterio"), max_length=120)
    description = blocks.TextBlock(label=_("qué se evalúa"), required=False)
    levels = blocks.ListBlock(RubricLevelBlock(), label=_("niveles"), min_num=2)

    class Meta:
        icon = "tasks"
        label = _("Criterio")
        form_classname = "rubric-criterion"


class RubricBlock(blocks.StreamBlock):
    criterion = RubricCriterionBlock()

    class Meta:
        block_counts = {"criterion": {"max_num": 12}}


def rubric_max_points(rubric) -> Decimal:
    """The points of a rubric's best level in every criterion, summed."""
    total = Decimal(0)
    for child in rubric or []:
        levels = child.value["levels"]
        if levels:
            total += max(Decimal(level["points"]) for level in levels)
    return total


class AssignmentPage(AsciiSlugMixin, LearnerPageMixin, Page):
    """A task learners hand in (files and/or text) and a tutor grades."""

    intro = models.CharField(_("resumen"), max_length=255, blank=True)
    instructions = RichTextField(_("instrucciones"), features=COURSE_RICH_TEXT)
    estimated_minutes = models.PositiveSmallIntegerField(
        _("minutos estimados"), default=60
    )
    due_at = models.DateTimeField(
        _("fecha de entrega fija"),
        null=True,
        blank=True,
        help_text=_("Hora de Guatemala. Use esta o la siguiente, no ambas."),
    )
    due_days_after_start = models.PositiveSmallIntegerField(
        _("días después del inicio de la edición"),
        null=True,
        blank=True,
        help_text=_("La entrega vence a las 23:59 de ese día en cada edición."),
    )
    hard_close = models.BooleanField(
        _("no recibir entregas tardías"),
        default=False,
        help_text=_("Sin marcar, las entregas tardías se reciben marcadas «tarde»."),
    )
    max_points = models.DecimalField(
        _("puntos máximos"),
        max_digits=6,
        decimal_places=2,
        default=100,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Con rúbrica, debe ser la suma del mejor nivel de cada criterio."),
    )
    rubric = StreamField(
        RubricBlock(), verbose_name=_("rúbrica"), blank=True, use_json_field=True
    )
    allow_files = models.BooleanField(_("se entregan archivos"), default=True)
    accepted_formats = models.JSONField(
        _("formatos aceptados"), default=list, blank=True
    )
    max_file_mb = models.PositiveSmallIntegerField(
        _("tamaño máximo por archivo (MB)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    max_files = models.PositiveSmallIntegerField(
        _("archivos por entrega"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    allow_text = models.BooleanField(_("se puede responder con texto"), default=True)
    allow_resubmission = models.BooleanField(
        _("permitir nuevas versiones antes de calificar"), default=True
    )
    is_final_project = models.BooleanField(_("es el proyecto final"), default=False)

    content_panels = [
        PublicationImpactPanel(),
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("instructions"),
        FieldPanel("rubric"),
    ]
    settings_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("max_points"), FieldPanel("is_final_project")]
                ),
                FieldRowPanel(
                    [FieldPanel("due_at"), FieldPanel("due_days_after_start")]
                ),
                FieldRowPanel(
                    [FieldPanel("hard_close"), FieldPanel("estimated_minutes")]
                ),
                FieldRowPanel([FieldPanel("allow_files"), FieldPanel("allow_text")]),
                FieldPanel("accepted_formats"),
                FieldRowPanel([FieldPanel("max_file_mb"), FieldPanel("max_files")]),
                FieldPanel("allow_resubmission"),
            ],
            heading=_("Reglas de la tarea"),
        ),
        *Page.settings_panels,
    ]
    parent_page_types = ["cursos.ModulePage"]
    subpage_types: list[str] = []
    base_form_class = AssignmentPageForm

    class Meta:
        verbose_name = _("tarea")
        verbose_name_plural = _("tareas")

    def get_context(self, request, *args, **kwargs):
        from cursos.selectors import item_page_context
        from cursos.selectors_assignments import assignment_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(item_page_context(item=self, user=request.user))
        context.update(
            assignment_page_context(
                assignment=self,
                enrollment=context["enrollment"],
                locked_reason=context["locked_reason"],
            )
        )
        # Set by the submit view when it shows the page again with an error.
        context["submit_error"] = kwargs.get("submit_error", "")
        context["typed_text"] = kwargs.get("typed_text", "")
        return context

    def clean(self):
        super().clean()
        errors = {}
        if self.due_at and self.due_days_after_start is not None:
            errors["due_days_after_start"] = _(
                "Indique una fecha fija o un número de días, no ambos."
            )
        if not self.allow_files and not self.allow_text:
            errors["allow_text"] = _("La tarea debe recibir archivos, texto o ambos.")
        if self.allow_files:
            unknown = set(self.accepted_formats or []) - set(FORMATS)
            if unknown or not self.accepted_formats:
                errors["accepted_formats"] = _(
                    "Elija al menos un formato: %(formatos)s."
                ) % {"formatos": ", ".join(FORMATS)}
        if self.rubric:
            best = rubric_max_points(self.rubric)
            if best != Decimal(self.max_points or 0):
                errors["max_points"] = _(
                    "La rúbrica suma %(suma)s puntos con el mejor nivel de cada "
                    "criterio; los puntos máximos deben ser iguales."
                ) % {"suma": best.normalize()}
        if errors:
            raise ValidationError(errors)

    def rubric_criteria(self) -> list[dict]:
        """The rubric as plain data: [{criterion, description, levels: [...]}]."""
        return [
            {
                "criterion": child.value["criterion"],
                "description": child.value["description"],
                "levels": [
                    {
                        "name": level["name"],
                        "points": Decimal(level["points"]),
                        "description": level["description"],
                    }
                    for level in child.value["levels"]
                ],
            }
            for child in self.rubric or []
        ]


class Submission(models.Model):
    """One learner's work on one assignment in one edition (its versions below)."""

    class State(models.TextChoices):
        SUBMITTED = "entregada", _("Entregada")
        GRADED = "calificada", _("Calificada")
        RETURNED = "devuelta", _("Devuelta para corregir")

    enrollment = models.ForeignKey(
        "cursos.Enrollment",
        on_delete=models.CASCADE,
        related_name="submissions",
        verbose_name=_("inscripción"),
    )
    assignment = models.ForeignKey(
        AssignmentPage,
        on_delete=models.CASCADE,
        related_name="submissions",
        verbose_name=_("tarea"),
    )
    state = models.CharField(
        _("estado"), max_length=20, choices=State.choices, default=State.SUBMITTED
    )
    versions_count = models.PositiveSmallIntegerField(_("versiones"), default=0)
    first_submitted_at = models.DateTimeField(_("primera entrega"))
    submitted_at = models.DateTimeField(_("última entrega"))
    late = models.BooleanField(_("tarde"), default=False)
    points = models.DecimalField(
        _("puntos"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    rubric_scores = models.JSONField(_("niveles de la rúbrica"), default=list)
    feedback = models.TextField(_("comentarios"), blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("calificada por"),
    )
    graded_at = models.DateTimeField(_("calificada el"), null=True, blank=True)
    released_at = models.DateTimeField(_("nota publicada el"), null=True, blank=True)

    class Meta:
        verbose_name = _("entrega")
        verbose_name_plural = _("entregas")
        permissions = [
            ("change_released_grade", _("Puede cambiar una nota ya publicada")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "assignment"],
                name="one_submission_per_assignment",
            )
        ]
        indexes = [models.Index(fields=["assignment", "state", "submitted_at"])]

    def __str__(self):
        return f"{self.enrollment_id} · {self.assignment_id}"

    @property
    def percent(self) -> Decimal | None:
        """The released grade as a percentage of the assignment's points."""
        if self.released_at is None or self.points is None:
            return None
        return self.points * 100 / self.assignment.max_points


class SubmissionVersion(models.Model):
    """What the learner handed in at one time; versions are never changed."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("versión"))
    text = models.TextField(_("respuesta"), blank=True)
    submitted_at = models.DateTimeField(_("entregada el"))
    late = models.BooleanField(_("tarde"), default=False)
    # The form's one-time token: a double click posts the same token twice and
    # the second post finds the version the first one made.
    client_token = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("versión de una entrega")
        verbose_name_plural = _("versiones de entregas")
        ordering = ["submission", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "number"], name="one_version_number"
            ),
            models.UniqueConstraint(
                fields=["submission", "client_token"], name="one_version_per_post"
            ),
        ]

    def __str__(self):
        return f"{self.submission_id} · v{self.number}"


class SubmissionFile(models.Model):
    version = models.ForeignKey(
        SubmissionVersion, on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(
        _("archivo"), storage=get_private_storage, upload_to=submission_upload_to
    )
    original_name = models.CharField(_("nombre del archivo"), max_length=255)
    size = models.PositiveIntegerField(_("tamaño (bytes)"))
    kind = models.CharField(_("formato"), max_length=10, choices=FORMAT_CHOICES)

    class Meta:
        verbose_name = _("archivo entregado")
        verbose_name_plural = _("archivos entregados")

    def __str__(self):
        return self.original_name
