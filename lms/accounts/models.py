from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .validators import FULL_NAME_MAX, validate_full_name, validate_phone

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
