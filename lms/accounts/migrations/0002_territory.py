"""Load Guatemala's 22 departments and 340 municipalities (INE codes)."""

from django.db import migrations

from lms.accounts.territory_data import DEPARTMENTS, MUNICIPALITIES


def load_territory(apps, schema_editor):
    Department = apps.get_model("accounts", "Department")
    Municipality = apps.get_model("accounts", "Municipality")
    departments = {}
    for code, name in DEPARTMENTS:
        departments[code], _ = Department.objects.update_or_create(
            code=code, defaults={"name": name}
        )
    for code, name in MUNICIPALITIES:
        Municipality.objects.update_or_create(
            code=code, defaults={"name": name, "department": departments[code[:2]]}
        )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(load_territory, migrations.RunPython.noop)]
