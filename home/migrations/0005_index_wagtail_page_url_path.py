"""An index on wagtailcore_page.url_path, which Wagtail leaves unindexed and
HomePage.route looks deep pages up by (a lesson or quiz page is one lookup by
URL path instead of two queries per level: issue 17). On PostgreSQL a hash
index, which has no size limit on the value (a b-tree entry must stay under
about 2.7 kB) and serves the equality lookup; on SQLite a plain index."""

from django.db import migrations

NAME = "home_wagtailcore_page_url_path"


def create(apps, schema_editor):
    using = "USING hash " if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {NAME} ON wagtailcore_page {using}(url_path)"
    )


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_categories_and_coordinators"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
