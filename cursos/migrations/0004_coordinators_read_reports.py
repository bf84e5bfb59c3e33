"""Coordinators read course reports and may grant extra quiz attempts."""

from django.db import migrations

COORDINATORS = "Coordinadores"
CODENAMES = {"view_reports": "Puede ver los informes de cursos y evaluaciones",
             "grant_attempts": "Puede conceder intentos adicionales"}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="cursos", model="enrollment")
    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    for codename, name in CODENAMES.items():
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=COORDINATORS).first()
    if group:
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="cursos", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cursos", "0003_report_permissions"),
        ("accounts", "0003_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
