"""The "Tutores" group, and what coordinators may do with editions.

Tutors work in /tutoria/ (no Wagtail admin access): the group carries no admin
permission; which learners a tutor sees is decided by ``EditionTutor`` rows.
Coordinators enroll and move learners, assign tutors to editions, read the
waiting lists and may change a released grade (with a reason).
"""

from django.db import migrations

TUTORS = "Tutores"
COORDINATORS = "Coordinadores"
COORDINATOR_CODENAMES = {
    "enrollment": ["manage_enrollments"],
    "editiontutor": [
        "add_editiontutor",
        "change_editiontutor",
        "delete_editiontutor",
        "view_editiontutor",
    ],
    "waitlistentry": ["view_waitlistentry"],
    "submission": ["view_submission", "change_released_grade"],
}


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=TUTORS)
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    for model, codenames in COORDINATOR_CODENAMES.items():
        content_type, _ = ContentType.objects.get_or_create(
            app_label="cursos", model=model
        )
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": codename.replace("_", " ").capitalize()},
            )
            coordinators.permissions.add(permission)


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=TUTORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cursos", "0012_editions_tutors_assignments_grades"),
        ("accounts", "0003_roles"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
