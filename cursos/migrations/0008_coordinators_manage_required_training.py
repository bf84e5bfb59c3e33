"""Coordinators add and edit required-training rules (they deactivate a rule
instead of deleting it, so assignment history stays)."""

from django.db import migrations

COORDINATORS = "Coordinadores"
CODENAMES = ["add_requiredtraining", "change_requiredtraining", "view_requiredtraining"]


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    content_type, _ = ContentType.objects.get_or_create(
        app_label="cursos", model="requiredtraining"
    )
    for codename in CODENAMES:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("cursos", "0007_required_training"),
        ("accounts", "0003_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
