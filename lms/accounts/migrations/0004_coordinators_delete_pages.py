"""Coordinators may delete pages too (courses with learners are protected by a
hook in cursos.wagtail_hooks)."""

from django.db import migrations

COORDINATORS = "Coordinadores"
# Deleting a page with children (a course, a module) needs bulk_delete as well.
CODENAMES = ("delete_page", "bulk_delete_page")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    coordinators = Group.objects.filter(name=COORDINATORS).first()
    root = Page.objects.filter(depth=1).first()
    if not (coordinators and root):
        return
    for codename in CODENAMES:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": codename.replace("_", " ").capitalize()},
        )
        GroupPagePermission.objects.get_or_create(
            group=coordinators, page=root, permission=permission
        )


def revoke(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name=COORDINATORS, permission__codename__in=CODENAMES
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0003_roles")]

    operations = [migrations.RunPython(grant, revoke)]
