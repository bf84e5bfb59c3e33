"""The four campaign categories, and what coordinators may edit of the public site:
news categories (snippet) and the menus and footer (setting)."""

from django.db import migrations

COORDINATORS = "Coordinadores"
CATEGORIES = (
    ("Socialización", "socializacion"),
    ("Gobierno Abierto", "gobierno-abierto"),
    ("Capacitación", "capacitacion"),
    ("Transparencia", "transparencia"),
)
PERMISSIONS = {
    "newscategory": [
        "add_newscategory",
        "change_newscategory",
        "delete_newscategory",
        "view_newscategory",
    ],
    "navigationsettings": ["change_navigationsettings"],
}


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    NewsCategory = apps.get_model("home", "NewsCategory")
    for name, slug in CATEGORIES:
        NewsCategory.objects.get_or_create(slug=slug, defaults={"name": name})
    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    for model, codenames in PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="home", model=model)
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": codename.replace("_", " ").capitalize()},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_campaign_pages"),
        ("accounts", "0003_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
