"""Demo accounts for `manage.py seed_demo` (idempotent)."""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from .models import COORDINATORS_GROUP, Municipality, User
from .services import sync_staff_group

# cursos.models.TUTORS_GROUP (accounts does not import cursos).
TUTORS_GROUP = "Tutores"

DEMO_PASSWORD = "Demo-INFOM-2026"  # noqa: S105  (published in the README)


@dataclass(frozen=True)
class DemoAccount:
    role: str
    email: str
    full_name: str
    municipality_code: str
    institution_type: str
    post: str
    post_other: str = ""
    groups: tuple[str, ...] = ()
    superuser: bool = False


DEMO_ACCOUNTS = (
    DemoAccount(
        role="Participante (funcionaria municipal)",
        email="participante@ejemplo.gt",
        full_name="María José Tzul Batz",
        municipality_code="0801",  # Totonicapán, Totonicapán
        institution_type=User.InstitutionType.MUNICIPALITY,
        post=User.Post.UIP,
    ),
    DemoAccount(
        role="Personal INFOM",
        email="personal@infom.gob.gt",
        full_name="José Alberto Pérez Xicará",
        municipality_code="0101",
        institution_type=User.InstitutionType.INFOM,
        post=User.Post.INFOM_STAFF,
    ),
    DemoAccount(
        role="Coordinadora de cursos",
        email="coordinadora@infom.gob.gt",
        full_name="Ana Lucía Méndez Ordóñez",
        municipality_code="0101",
        institution_type=User.InstitutionType.INFOM,
        post=User.Post.OTHER,
        post_other="Coordinadora de formación",
        groups=(COORDINATORS_GROUP,),
    ),
    DemoAccount(
        role="Tutora del diplomado (occidente)",
        email="tutora@infom.gob.gt",
        full_name="Sofía Alejandra Herrera Juárez",
        municipality_code="0901",
        institution_type=User.InstitutionType.INFOM,
        post=User.Post.OTHER,
        post_other="Tutora del diplomado",
        groups=(TUTORS_GROUP,),
    ),
    DemoAccount(
        role="Tutor del diplomado (resto del país)",
        email="tutor@infom.gob.gt",
        full_name="Daniel Estuardo Cux Tol",
        municipality_code="1601",
        institution_type=User.InstitutionType.INFOM,
        post=User.Post.OTHER,
        post_other="Tutor del diplomado",
        groups=(TUTORS_GROUP,),
    ),
    DemoAccount(
        role="Administrador",
        email="admin@infom.gob.gt",
        full_name="Carlos Enrique Ramírez Chávez",
        municipality_code="0101",
        institution_type=User.InstitutionType.INFOM,
        post=User.Post.OTHER,
        post_other="Administrador de la plataforma",
        superuser=True,
    ),
)


def seed_accounts() -> list[tuple[DemoAccount, User, bool]]:
    """Create the demo accounts with verified e-mails; never touch existing ones."""
    municipalities = {
        m.code: m
        for m in Municipality.objects.select_related("department").filter(
            code__in={a.municipality_code for a in DEMO_ACCOUNTS}
        )
    }
    results = []
    for account in DEMO_ACCOUNTS:
        municipality = municipalities[account.municipality_code]
        user, created = User.objects.get_or_create(
            email=account.email,
            defaults={
                "full_name": account.full_name,
                "institution_type": account.institution_type,
                "department": municipality.department,
                "municipality": municipality,
                "post": account.post,
                "post_other": account.post_other,
                "is_superuser": account.superuser,
                "is_staff": account.superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            user.groups.add(*Group.objects.filter(name__in=account.groups))
        EmailAddress.objects.get_or_create(
            user=user,
            email=account.email,
            defaults={"verified": True, "primary": True},
        )
        sync_staff_group(user=user)
        results.append((account, user, created))
    return results
