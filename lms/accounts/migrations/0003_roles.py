"""Create the groups "Coordinadores" and "Personal INFOM".

Coordinators enter the Wagtail admin, author and moderate every page, manage
images and documents, and manage users (to place staff in "Personal INFOM").
Later capabilities add their own permissions (reports, certificates) to the
group in their own migrations.
"""

from django.db import migrations

COORDINATORS = "Coordinadores"
STAFF = "Personal INFOM"
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
COLLECTION_PERMISSIONS = {
    ("wagtailimages", "image"): ("add_image", "change_image", "choose_image"),
    ("wagtaildocs", "document"): ("add_document", "change_document", "choose_document"),
}
MODEL_PERMISSIONS = {
    ("wagtailadmin", "admin"): ("access_admin",),
    ("accounts", "user"): ("view_user", "change_user"),
}


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    Group.objects.get_or_create(name=STAFF)
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)

    for (app_label, model), codenames in MODEL_PERMISSIONS.items():
        for codename in codenames:
            coordinators.permissions.add(_permission(apps, app_label, model, codename))

    root_page = Page.objects.filter(depth=1).first()
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=coordinators,
            page=root_page,
            permission=_permission(apps, "wagtailcore", "page", codename),
        )

    root_collection = Collection.objects.filter(depth=1).first()
    for (app_label, model), codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=coordinators,
                collection=root_collection,
                permission=_permission(apps, app_label, model, codename),
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[COORDINATORS, STAFF]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_territory"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
