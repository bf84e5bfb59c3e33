"""Give every existing certificate a random free position in the credential
status list (new ones get theirs in ``issue_for``)."""

import secrets
from collections import Counter

from django.db import migrations

LIST_SIZE = 131_072  # certificados.credentials.LIST_SIZE when this was written


def backfill(apps, schema_editor):
    Certificate = apps.get_model("certificados", "Certificate")
    used = set(
        Certificate.objects.exclude(status_index=None).values_list(
            "status_index", flat=True
        )
    )
    missing = list(
        Certificate.objects.filter(status_index=None).values_list("pk", flat=True)
    )
    per_list = Counter(index // LIST_SIZE for index in used)
    draw = secrets.SystemRandom()
    list_number = 0
    for pk in missing:
        while per_list[list_number] >= LIST_SIZE // 2:
            list_number += 1  # keep lists at most half full (cheap draws)
        while True:
            candidate = list_number * LIST_SIZE + draw.randrange(LIST_SIZE)
            if candidate not in used:
                break
        used.add(candidate)
        per_list[list_number] += 1
        Certificate.objects.filter(pk=pk).update(status_index=candidate)


class Migration(migrations.Migration):
    dependencies = [("certificados", "0004_validity_renewal")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
