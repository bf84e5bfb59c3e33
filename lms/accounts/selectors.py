"""Reads on accounts."""

from allauth.account.models import EmailAddress

from .models import User


def personal_data(*, user: User) -> dict:
    """Everything the platform holds about ``user`` as a person, for their own
    download. Later capabilities (enrollments, certificates) add their sections."""
    user = User.objects.select_related("department", "municipality").get(pk=user.pk)
    return {
        "correo": user.email,
        "nombre_completo": user.full_name,
        "tipo_de_institucion": user.get_institution_type_display(),
        "institucion": user.institution_name,
        "departamento": user.department.name if user.department else "",
        "municipio": user.municipality.name if user.municipality else "",
        "codigo_ine_municipio": user.municipality.code if user.municipality else "",
        "cargo": user.post_display,
        "telefono": user.phone,
        "fecha_de_registro": user.date_joined.isoformat(),
        "ultimo_ingreso": user.last_login.isoformat() if user.last_login else None,
        "grupos": sorted(user.groups.values_list("name", flat=True)),
        "correos": [
            {"correo": e.email, "verificado": e.verified, "principal": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("email")
        ],
    }
