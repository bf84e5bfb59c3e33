"""Open data: seconds to build and suppress the published dataset (the daily
beat task's work) for synthetic populations of officials spread at random over
Guatemala's 340 municipalities. Pure computation, no database writes: the
geography is read from the migrated tables, the counts are generated."""

import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from home.opendata.aggregate import (  # noqa: E402
    Counts,
    CubeRow,
    Geography,
    build_dataset,
    publish,
)
from lms.accounts.models import Department, Municipality, User  # noqa: E402

SIZES = [int(n) for n in os.environ.get("OPENDATA_BENCH_SIZES", "200,1000").split(",")]


def population(geography: Geography, people: int, seed: int) -> Counts:
    rng = random.Random(seed)
    posts = [p for p, _label in User.Post.choices]
    institutions = [i for i, _label in User.InstitutionType.choices]
    cells: dict = {}
    for _person in range(people):
        code, _name, department = rng.choice(geography.municipalities)
        key = (department, code, rng.choice(institutions), rng.choice(posts))
        # nested measures: enrolled >= active >= completed >= approved >= certified
        depth = rng.choice([1, 2, 3, 4, 5, 5])
        counts = cells.get(key, [0] * 5)
        for i in range(depth):
            counts[i] += 1
        cells[key] = counts
    cube = tuple(
        CubeRow(d, m, i, p, tuple(c)) for (d, m, i, p), c in sorted(cells.items())
    )
    return Counts(geography, cube, (), (), timezone.now())


def main() -> None:
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    call_command("migrate", verbosity=0)
    geography = Geography(
        tuple(Department.objects.order_by("code").values_list("code", "name")),
        tuple(
            Municipality.objects.order_by("code").values_list(
                "code", "name", "department__code"
            )
        ),
    )
    print(
        f"geography: {len(geography.departments)} departments, "
        f"{len(geography.municipalities)} municipalities"
    )
    for people in SIZES:
        counts = population(geography, people, seed=people)
        start = time.perf_counter()
        dataset = publish(build_dataset(counts))
        seconds = time.perf_counter() - start
        hidden = sum(1 for state in dataset.status.values() if state != "publicado")
        print(
            f"{people:>6} officials: {seconds:7.2f} s to build and suppress "
            f"({hidden} cells not published)"
        )


if __name__ == "__main__":
    main()
