from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .validators import FULL_NAME_MAX, validate_full_name, validate_phone


def _private_storage():
    # Imported late: cursos imports this app's models.
    from cursos.storage import private_storage

    return private_storage


STAFF_GROUP = "Personal INFOM"
COORDINATORS_GROUP = "Coordinadores"


class Department(models.Model):
    """One of Guatemala's 22 departments, with its INE code ("01".."22")."""

    code = models.CharField(_("código INE"), max_length=2, unique=True)
    name = models.CharField(_("nombre"), max_length=60, unique=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("departamento")
        verbose_name_plural = _("departamentos")

    def __str__(self):
        return self.name


class Municipality(models.Model):
    """One of Guatemala's 340 municipalities, with its 4-digit INE code."""

    code = models.CharField(_("código INE"), max_length=4, unique=True)
    name = models.CharField(_("nombre"), max_length=80)
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("departamento"),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("municipio")
        verbose_name_plural = _("municipios")
        constraints = [
            models.UniqueConstraint(
                fields=["department", "name"], name="unique_municipality_name"
            )
        ]

    def __str__(self):
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in with an e-mail address.

    ``full_name`` is printed on certificates exactly as written here.
    """

    class InstitutionType(models.TextChoices):
        MUNICIPALITY = "municipalidad", _("Municipalidad")
        INFOM = "infom", _("INFOM")
        OTHER = "otra", _("Otra institución")

    class Post(models.TextChoices):
        # Labels name women and men; the stored values stay as they were.
        MAYOR = "alcalde", _("Alcaldesa o alcalde municipal")
        COUNCILLOR = "concejal", _("Concejala o concejal")
        TRUSTEE = "sindico", _("Síndica o síndico")
        SECRETARY = "secretario", _("Secretaria o secretario municipal")
        DAFIM = (
            "dafim",
            _(
                "Directora o director de la DAFIM "
                "(Administración Financiera Integrada Municipal)"
            ),
        )
        DMP = (
            "dmp",
            _("Directora o director de la DMP (Dirección Municipal de Planificación)"),
        )
        UIP = "uip", _("Encargada o encargado de la Unidad de Información Pública")
        DMM = (
            "dmm",
            _("Directora o director de la DMM (Dirección Municipal de la Mujer)"),
        )
        JUDGE = "juez", _("Jueza o juez de asuntos municipales")
        AUDITOR = "auditor", _("Auditora o auditor interno municipal")
        TREASURER = "tesorero", _("Tesorera o tesorero, o responsable de finanzas")
        TECHNICIAN = "tecnico", _("Técnica, técnico o asistente municipal")
        INFOM_STAFF = "personal_infom", _("Personal del INFOM")
        OTHER = "otro", _("Otro cargo")

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("correo electrónico"), unique=True)
    full_name = models.CharField(
        _("nombre completo"),
        max_length=FULL_NAME_MAX,
        validators=[validate_full_name],
        help_text=_("Tal como debe aparecer en sus certificados."),
    )
    institution_type = models.CharField(
        _("tipo de institución"),
        max_length=20,
        choices=InstitutionType.choices,
        default=InstitutionType.MUNICIPALITY,
    )
    institution_name = models.CharField(
        _("nombre de la institución"),
        max_length=150,
        blank=True,
        help_text=_("Solo si trabaja en otra institución."),
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("departamento"),
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("municipio"),
    )
    post = models.CharField(_("cargo"), max_length=20, choices=Post.choices)
    post_other = models.CharField(
        _("otro cargo"),
        max_length=100,
        blank=True,
        help_text=_("Escriba su cargo si eligió «Otro cargo»."),
    )
    phone = models.CharField(
        _("teléfono"), max_length=20, blank=True, validators=[validate_phone]
    )
    # Set once by lms.accounts.privacy.erasure.erase_user: the row stays (so
    # counts keep their numbers) but holds nothing that names the person.
    erased_at = models.DateTimeField(
        _("datos personales eliminados el"), null=True, blank=True, editable=False
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("usuario")
        verbose_name_plural = _("usuarios")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="unique_user_email_ci")
        ]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def post_display(self) -> str:
        if self.post == self.Post.OTHER and self.post_other:
            return self.post_other
        return self.get_post_display()


class DataExport(models.Model):
    """A copy of everything the platform holds about one person, built by a
    task into private storage and downloadable by that person, signed in,
    until ``expires_at`` (lms.accounts.privacy.exports)."""

    class Status(models.TextChoices):
        PENDING = "pendiente", _("En preparación")
        READY = "lista", _("Lista para descargar")
        FAILED = "fallida", _("No se pudo preparar")

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="data_exports",
        verbose_name=_("persona"),
    )
    token = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        _("estado"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    json_file = models.FileField(
        _("archivo JSON"),
        storage=_private_storage,
        upload_to="mis-datos/",
        blank=True,
        max_length=255,
    )
    html_file = models.FileField(
        _("página"),
        storage=_private_storage,
        upload_to="mis-datos/",
        blank=True,
        max_length=255,
    )
    created_at = models.DateTimeField(_("solicitada el"), auto_now_add=True)
    finished_at = models.DateTimeField(_("preparada el"), null=True, blank=True)
    expires_at = models.DateTimeField(_("vence el"), null=True, blank=True)

    class Meta:
        verbose_name = _("descarga de datos personales")
        verbose_name_plural = _("descargas de datos personales")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A second click while one is being prepared finds the first.
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="pendiente"),
                name="one_pending_data_export_per_user",
            )
        ]

    def __str__(self):
        return f"{self.user_id} · {self.created_at:%Y-%m-%d}"


class NameCorrectionRequest(models.Model):
    """A person holding certificates asks to change the name printed on them; a
    coordinator approves it (the name changes and every certificate is
    reissued, earlier versions kept) or rejects it with a reason."""

    class Status(models.TextChoices):
        PENDING = "pendiente", _("Pendiente")
        APPROVED = "aprobada", _("Aprobada")
        REJECTED = "rechazada", _("Rechazada")

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="name_corrections",
        verbose_name=_("persona"),
    )
    current_name = models.CharField(_("nombre actual"), max_length=FULL_NAME_MAX)
    requested_name = models.CharField(_("nombre solicitado"), max_length=FULL_NAME_MAX)
    status = models.CharField(
        _("estado"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("solicitada el"), auto_now_add=True)
    decided_at = models.DateTimeField(_("resuelta el"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resuelta por"),
    )
    reason = models.CharField(_("motivo del rechazo"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("corrección de nombre")
        verbose_name_plural = _("correcciones de nombre")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="pendiente"),
                name="one_pending_name_correction_per_user",
            )
        ]

    def __str__(self):
        return f"{self.current_name} → {self.requested_name}"
