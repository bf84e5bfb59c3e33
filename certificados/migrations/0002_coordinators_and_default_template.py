"""Coordinators manage certificates and their templates; a default template."""

from django.db import migrations

COORDINATORS = "Coordinadores"
PERMISSIONS = {
    "certificate": ["view_certificate", "manage_certificates"],
    "certificatetemplate": [
        "add_certificatetemplate",
        "change_certificatetemplate",
        "view_certificatetemplate",
    ],
}
DEFAULT_BODY = (
    "por haber completado satisfactoriamente «{curso}», con una duración de "
    "{horas} horas, en la {edicion}. Guatemala, {fecha}."
)


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Template = apps.get_model("certificados", "CertificateTemplate")
    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    for model, codenames in PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="certificados", model=model)
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": codename.replace("_", " ").capitalize()},
            )
            group.permissions.add(permission)
    Template.objects.get_or_create(
        name="Certificado INFOM (predeterminado)",
        defaults={"title": "Certificado", "body": DEFAULT_BODY, "accent_color": "#0B3D6E"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("certificados", "0001_initial"),
        ("accounts", "0003_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
