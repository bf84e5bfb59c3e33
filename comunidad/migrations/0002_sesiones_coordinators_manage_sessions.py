"""Coordinators program live sessions in the Wagtail admin ("Sesiones en vivo")."""

from django.db import migrations

COORDINATORS = "Coordinadores"
CODENAMES = [
    "add_livesession",
    "change_livesession",
    "delete_livesession",
    "view_livesession",
]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    content_type, _ = ContentType.objects.get_or_create(
        app_label="comunidad", model="livesession"
    )
    for codename in CODENAMES:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )
        coordinators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("comunidad", "0001_initial"),
        ("accounts", "0003_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
