"""Certificates: a template coordinators design, and one certificate per completed
enrollment, with a public verification code and every rendered version kept."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, PreviewableMixin

from cursos.storage import get_private_storage

PLACEHOLDERS = ("nombre", "curso", "horas", "fecha", "edicion")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def validate_placeholders(text: str) -> None:
    unknown = sorted(set(_PLACEHOLDER.findall(text)) - set(PLACEHOLDERS))
    if unknown:
        raise ValidationError(
            _("Marcadores desconocidos: %(lista)s. Use solo: %(validos)s.")
            % {
                "lista": ", ".join(f"{{{name}}}" for name in unknown),
                "validos": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
            }
        )


def validate_jpeg(image) -> None:
    if image and image.file and not image.filename.lower().endswith((".jpg", ".jpeg")):
        raise ValidationError(_("El fondo debe ser una imagen JPEG."))


class CertificateTemplate(PreviewableMixin, ClusterableModel):
    """The design of a course's certificate, edited by coordinators as a snippet."""

    class Orientation(models.TextChoices):
        LANDSCAPE = "horizontal", _("Horizontal")
        PORTRAIT = "vertical", _("Vertical")

    name = models.CharField(_("nombre de la plantilla"), max_length=100, unique=True)
    title = models.CharField(_("título"), max_length=100, default="Certificado")
    body = models.TextField(
        _("texto"),
        validators=[validate_placeholders],
        default=(
            "por haber completado satisfactoriamente «{curso}», con una duración "
            "de {horas} horas, en la {edicion}. Guatemala, {fecha}."
        ),
        help_text=_(
            "Marcadores: {nombre}, {curso}, {horas}, {fecha}, {edicion}. Se "
            "reemplazan al emitir cada certificado."
        ),
    )
    orientation = models.CharField(
        _("orientación"),
        max_length=20,
        choices=Orientation.choices,
        default=Orientation.LANDSCAPE,
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logotipo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    background = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("fondo (JPEG, opcional)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accent_color = models.CharField(
        _("color de acento"),
        max_length=7,
        default="#0B3D6E",
        validators=[
            RegexValidator(r"^#[0-9A-Fa-f]{6}$", _("Use un color como #0B3D6E."))
        ],
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("orientation"), FieldPanel("accent_color")]),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("background")], heading=_("Imágenes")
        ),
        InlinePanel(
            "signatories", heading=_("Firmas"), label=_("firma"), max_num=3, min_num=0
        ),
    ]

    class Meta:
        verbose_name = _("plantilla de certificado")
        verbose_name_plural = _("plantillas de certificado")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.background_id:
            validate_jpeg(self.background)

    # Admin preview: a sample certificate rendered with this template.
    def get_preview_template(self, request, mode_name):
        return "certificados/template_preview.html"

    def serve_preview(self, request, mode_name):
        from django.http import HttpResponse

        from .pdf import render_certificate_pdf
        from .services import sample_certificate

        pdf = render_certificate_pdf(sample_certificate(self))
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = 'inline; filename="vista-previa.pdf"'
        return response


class Signatory(Orderable):
    template = ParentalKey(
        CertificateTemplate, on_delete=models.CASCADE, related_name="signatories"
    )
    name = models.CharField(_("nombre"), max_length=100)
    post = models.CharField(_("cargo"), max_length=150)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("imagen de la firma"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("post"), FieldPanel("signature")]

    def __str__(self):
        return self.name


class VerificationCodeMixin:
    """How a certificate's code is shown and where it is verified."""

    code: str

    @property
    def display_code(self) -> str:
        """The code in groups of four, easy to read aloud and to type."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    @property
    def verification_path(self) -> str:
        return reverse("certificados:verify_code", args=[self.display_code])

    @property
    def verification_url(self) -> str:
        return f"{settings.SITE_URL}{self.verification_path}"


class Certificate(VerificationCodeMixin, models.Model):
    """One certificate per completed enrollment, with snapshots of what it says."""

    # Registering the admin registry (a ModelViewSet) puts the model in
    # Wagtail's reference index, which then rewrites a certificate's rows on
    # every save: a fifth of the bulk issue's worker time, to record that
    # thousands of certificates point at their template, enrollment and
    # revoker. Nobody reads that: no usage count of a template or a person is
    # about certificates, and the template is protected by its foreign key.
    wagtail_reference_index_ignore = True

    class Status(models.TextChoices):
        PENDING = "pendiente", _("En preparación")
        ISSUED = "emitido", _("Emitido")
        REVOKED = "revocado", _("Revocado")

    class Kind(models.TextChoices):
        APPROVAL = "aprobacion", _("Certificado de aprobación")
        PARTICIPATION = "participacion", _("Constancia de participación")

    enrollment = models.OneToOneField(
        "cursos.Enrollment",
        on_delete=models.PROTECT,
        related_name="certificate",
        verbose_name=_("inscripción"),
    )
    code = models.CharField(_("código de verificación"), max_length=40, unique=True)
    template = models.ForeignKey(
        CertificateTemplate,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    holder_name = models.CharField(_("nombre"), max_length=150)
    course_title = models.CharField(_("curso"), max_length=255)
    hours = models.PositiveSmallIntegerField(_("horas"))
    cohort_name = models.CharField(_("edición"), max_length=100, blank=True)
    completed_on = models.DateField(_("fecha de finalización"))
    kind = models.CharField(
        _("tipo"), max_length=20, choices=Kind.choices, default=Kind.APPROVAL
    )
    grade = models.DecimalField(
        _("nota final"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    valid_until = models.DateField(
        _("válido hasta"),
        null=True,
        blank=True,
        help_text=_("Vacío: no vence (el curso no fija una vigencia)."),
    )
    # The certificate's position in the published Bitstring Status List
    # (certificados/credentials.py); given once at issue, never reused.
    status_index = models.PositiveIntegerField(
        _("posición en la lista de estado"), null=True, blank=True, unique=True
    )
    status = models.CharField(
        _("estado"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    version = models.PositiveSmallIntegerField(_("versión"), default=1)
    # Private storage: the PDF leaves only through certificados.views.download_view
    # (its holder), never by a media URL.
    pdf = models.FileField(
        _("PDF"), upload_to="certificados/", blank=True, storage=get_private_storage
    )
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    issued_at = models.DateTimeField(_("emitido el"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revocado el"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revocado por"),
    )
    revoke_reason = models.TextField(_("motivo de la revocación"), blank=True)

    class Meta:
        verbose_name = _("certificado")
        verbose_name_plural = _("certificados")
        indexes = [models.Index(fields=["status", "created_at"])]
        permissions = [
            ("manage_certificates", _("Puede revocar y volver a emitir certificados"))
        ]

    def __str__(self):
        return f"{self.holder_name} · {self.course_title}"

    def verdict(self, on=None) -> str | None:
        """What verification says about this certificate on a day (today by
        default): "revocado", "vencido" (past ``valid_until``) or "valido";
        None while it is still being prepared. The one rule the PDF check, the
        code check and the credential check share."""
        from django.utils import timezone

        if self.status == self.Status.REVOKED:
            return "revocado"
        if self.status != self.Status.ISSUED:
            return None
        on = on or timezone.localdate()
        if self.valid_until is not None and self.valid_until < on:
            return "vencido"
        return "valido"


class CertificateVersion(models.Model):
    """A rendered PDF of a certificate; reissuing keeps the earlier ones."""

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, related_name="versions"
    )
    version = models.PositiveSmallIntegerField()
    holder_name = models.CharField(max_length=150)
    pdf = models.FileField(
        upload_to="certificados/versiones/", storage=get_private_storage
    )
    sha256 = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("versión de certificado")
        verbose_name_plural = _("versiones de certificado")
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "version"], name="one_file_per_version"
            )
        ]

    def __str__(self):
        return f"{self.certificate_id} v{self.version}"


class BulkIssueJob(models.Model):
    """A coordinator's bulk issue or reissue for a cohort, done in chunks by
    Celery; ``done`` grows as chunks finish, so the admin shows the progress."""

    class Kind(models.TextChoices):
        ISSUE = "emitir", _("Emitir")
        REISSUE = "reemitir", _("Volver a emitir")

    cohort = models.ForeignKey(
        "cursos.Cohort", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("emisión masiva")
        verbose_name_plural = _("emisiones masivas")

    def __str__(self):
        return f"{self.get_kind_display()} · {self.cohort}"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


class CertificateBundle(models.Model):
    """All the certificates of an edition in one file for printing (a merged PDF
    or a ZIP), built by Celery; ``done`` grows as it works, so the admin shows
    progress. The file is private (coordinators only) and kept for a while."""

    class Format(models.TextChoices):
        PDF = "pdf", _("Un PDF con todos")
        ZIP = "zip", _("Un ZIP con un PDF por persona")

    class Status(models.TextChoices):
        PENDING = "pendiente", _("En preparación")
        READY = "listo", _("Listo")
        FAILED = "fallido", _("No se pudo preparar")

    cohort = models.ForeignKey(
        "cursos.Cohort",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("edición"),
    )
    format = models.CharField(_("formato"), max_length=10, choices=Format.choices)
    status = models.CharField(
        _("estado"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    # Private storage (never under MEDIA_URL): served only by the admin view
    # that checks who asks (certificados.wagtail_hooks.bundle_file_view).
    file = models.FileField(
        _("archivo"), blank=True, max_length=255, storage=get_private_storage
    )
    # Why it failed, in Spanish, for the coordinator (empty unless FAILED).
    error = models.CharField(_("motivo"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("descarga de certificados de una edición")
        verbose_name_plural = _("descargas de certificados de ediciones")
        constraints = [
            # A second request while one is being prepared gets that one
            # (certificados.bundles.start_bundle).
            models.UniqueConstraint(
                fields=["cohort", "format"],
                condition=models.Q(status="pendiente"),
                name="one_pending_bundle_per_edition_and_format",
            )
        ]

    def __str__(self):
        return f"{self.get_format_display()} · {self.cohort}"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100
