"""Suppression (home.opendata.suppression): unit cases and a property test on
random populations, checked on the files as published and parsed back."""

import csv
import datetime
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from home.opendata import files
from home.opendata.aggregate import (
    MEASURES,
    Counts,
    CubeRow,
    Geography,
    SeriesRow,
    build_dataset,
    publish,
)
from home.opendata.suppression import (
    PUBLISHED,
    RESERVED,
    SMALL,
    Relations,
    intervals,
    published_view,
    recovered,
    single_unknowns,
    suppress,
)

CUTOFF = datetime.datetime(2026, 11, 27, 12, 0, tzinfo=datetime.UTC)


def view_of(values, relations):
    return published_view(values, suppress(values, relations))


# ------------------------------------------------------------------ unit cases
def test_cells_from_1_to_4_are_hidden_and_zero_is_published():
    relations = Relations(equations=[("T", ("a", "b", "c", "d"))])
    view = view_of({"T": 15, "a": 0, "b": 1, "c": 4, "d": 10}, relations)
    assert view["a"] == 0
    assert view["b"] == SMALL and view["c"] == SMALL
    assert view["T"] == 15 and view["d"] == 10


def test_a_lone_small_cell_gets_a_complement_the_smallest_nonzero_part():
    relations = Relations(equations=[("T", ("a", "b", "c", "d"))])
    view = view_of({"T": 32, "a": 2, "b": 0, "c": 9, "d": 21}, relations)
    # without the complement, a = 32 - 0 - 9 - 21
    assert view == {"T": 32, "a": SMALL, "b": 0, "c": RESERVED, "d": 21}
    assert not single_unknowns(view, relations)


def test_two_small_cells_that_sum_to_8_are_pinned_and_get_a_third():
    relations = Relations(equations=[("T", ("a", "b", "c"))])
    values = {"T": 8, "a": 4, "b": 4, "c": 0}
    naive = published_view(
        values, {"T": PUBLISHED, "a": SMALL, "b": SMALL, "c": PUBLISHED}
    )
    assert set(recovered(naive, relations)) == {"a", "b"}  # each must be 4
    view = view_of(values, relations)
    assert view["a"] == SMALL and view["b"] == SMALL
    assert not recovered(view, relations)


def test_four_ones_under_a_small_total_are_not_pinned():
    relations = Relations(
        equations=[("N", ("T", "U")), ("T", ("a", "b", "c", "d", "e"))]
    )
    values = {"N": 30, "U": 26, "T": 4, "a": 1, "b": 1, "c": 1, "d": 1, "e": 0}
    view = view_of(values, relations)
    assert not recovered(view, relations)
    assert not single_unknowns(view, relations)
    assert all(view[k] in (SMALL, RESERVED) for k in "abcd")


def test_nesting_of_measures_is_used_by_the_audit():
    # 5 completed, 5 approved published: a hidden "active" of 1-4 is impossible,
    # but a hidden certified cell between published 0 and 5 stays unknown.
    relations = Relations(at_most=[("cert", "appr"), ("appr", "comp")])
    view = {"comp": 5, "appr": SMALL, "cert": 0}
    assert intervals(view, relations)["appr"] == (1, 4)
    relations = Relations(equations=[("T", ("a", "b"))], at_most=[("a", "a_big")])
    # a_big (a's larger measure) published as 0 forces a = 0: never a small cell
    view = {"T": 7, "a": SMALL, "b": RESERVED, "a_big": 1}
    assert intervals(view, relations)["a"] == (1, 1)


def test_suppression_is_deterministic():
    relations = Relations(equations=[("T", ("a", "b", "c", "d"))])
    values = {"T": 20, "a": 3, "b": 6, "c": 6, "d": 5}
    assert suppress(values, relations) == suppress(dict(values), relations)


# ------------------------------------------------------------------ property
DEPARTMENTS = (("01", "Uno"), ("02", "Dos"), ("03", "Tres"))
MUNICIPALITIES = (
    ("0101", "Uno A", "01"),
    ("0102", "Uno B", "01"),
    ("0103", "Uno C", "01"),
    ("0201", "Dos A", "02"),
    ("0202", "Dos B", "02"),
    ("0301", "Tres A", "03"),
)
GEOGRAPHY = Geography(DEPARTMENTS, MUNICIPALITIES)
POSTS = ("uip", "dafim", "alcalde", "secretario", "dmp", "tecnico")

person = st.tuples(
    st.sampled_from([*(m[0] for m in MUNICIPALITIES), None, None]),
    st.sampled_from(["01", "02", "03", None]),
    st.sampled_from(["municipalidad", "infom", "otra"]),
    st.sampled_from(POSTS),
    st.integers(min_value=0, max_value=4),  # how far: enrolled .. certified
    st.lists(
        st.integers(min_value=0, max_value=2), min_size=1, max_size=2, unique=True
    ),
    st.integers(min_value=0, max_value=2),  # month of enrollment
)


def counts_from(people) -> Counts:
    cube: dict = {}
    editions: dict = {}
    months: dict = {}
    for municipality, department, institution, post, level, taken, month in people:
        if municipality:
            department = municipality[:2]
        reached = tuple(1 if level >= i else 0 for i in range(len(MEASURES)))
        key = (department, municipality, institution, post)
        cube[key] = tuple(
            a + b for a, b in zip(cube.get(key, (0,) * 5), reached, strict=True)
        )
        for edition in taken:
            editions[edition] = tuple(
                a + b
                for a, b in zip(editions.get(edition, (0,) * 5), reached, strict=True)
            )
        months[month] = tuple(
            a + b for a, b in zip(months.get(month, (0,) * 5), reached, strict=True)
        )
    return Counts(
        geography=GEOGRAPHY,
        cube=tuple(CubeRow(*key, counts) for key, counts in cube.items()),
        editions=tuple(
            SeriesRow(str(e), ("Curso", f"Edición {e}", "2026-01-01"), c)
            for e, c in sorted(editions.items())
        ),
        months=tuple(
            SeriesRow(f"2026-0{m + 1}", (f"2026-0{m + 1}",), c)
            for m, c in sorted(months.items())
        ),
        cutoff=CUTOFF,
    )


def parsed_cells(dataset, fmt):
    """Every published cell, read back from the files of one format, keyed like
    the dataset (what a reader has)."""
    seen = {}
    for table in dataset.tables:
        content = files.render(dataset, table.slug, fmt)
        if fmt == "csv":
            text = content.decode("utf-8")
            assert text.startswith("\ufeff")
            rows = list(csv.DictReader(io.StringIO(text[1:])))
        elif fmt == "json":
            rows = json.loads(content)["filas"]
        else:
            from openpyxl import load_workbook

            sheet = load_workbook(io.BytesIO(content)).worksheets[0]
            header, *body = list(sheet.iter_rows(values_only=True))
            rows = [dict(zip(header, r, strict=True)) for r in body]
        assert len(rows) == len(table.rows)
        for row, parsed in zip(table.rows, rows, strict=True):
            for column, key in zip(table.measure_columns, row.cells, strict=False):
                if key is None:
                    continue
                value = parsed[column]
                if fmt == "csv" and value not in (SMALL, RESERVED):
                    value = int(value)
                assert seen.get(key, value) == value, "one cell, two values"
                seen[key] = value
    return seen


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(person, min_size=0, max_size=45))
def test_no_published_file_lets_a_hidden_cell_be_recovered(people):
    dataset = publish(build_dataset(counts_from(people)))
    for fmt in files.FORMATS:
        view = parsed_cells(dataset, fmt)
        assert set(view) == set(dataset.values)
        # a count of 1 to 4 is never published, in any file
        for key, value in dataset.values.items():
            if 0 < value < 5:
                assert view[key] in (SMALL, RESERVED), key
            if view[key] == SMALL:
                assert 0 < value < 5
        assert not single_unknowns(view, dataset.relations)
        assert not recovered(view, dataset.relations)
        # published totals are consistent: each equation with every cell
        # published adds up
        for total, parts in dataset.relations.equations:
            cells = [view[total], *(view[p] for p in parts)]
            if all(isinstance(c, int) for c in cells):
                assert cells[0] == sum(cells[1:])


def large_population(seed: int, people: int) -> Counts:
    """A country-sized spread: 22 departments of 8 municipalities, officials
    at random, so most municipalities hold 1 to 4 people and the audit pins
    many cells in one round (the path that frees them all before re-auditing)."""
    import random

    rng = random.Random(seed)
    departments = tuple((f"{d:02d}", f"Departamento {d}") for d in range(1, 23))
    municipalities = tuple(
        (f"{d:02d}{m:02d}", f"Municipio {d}-{m}", f"{d:02d}")
        for d in range(1, 23)
        for m in range(1, 9)
    )
    cube: dict = {}
    for _person in range(people):
        code, _name, department = rng.choice(municipalities)
        key = (department, code, rng.choice(["municipalidad", "otra"]), "uip")
        level = rng.randint(0, 4)
        reached = tuple(1 if level >= i else 0 for i in range(len(MEASURES)))
        cube[key] = tuple(
            a + b for a, b in zip(cube.get(key, (0,) * 5), reached, strict=True)
        )
    return Counts(
        geography=Geography(departments, municipalities),
        cube=tuple(CubeRow(*key, counts) for key, counts in sorted(cube.items())),
        editions=(),
        months=(),
        cutoff=CUTOFF,
    )


def test_many_small_municipalities_are_suppressed_safely_at_once():
    from home.opendata import suppression

    for seed in (1, 2):
        counts = large_population(seed, people=260)
        dataset = build_dataset(counts)
        first_audit = recovered(
            suppression.published_view(
                dataset.values, suppression.primary(dataset.values)
            ),
            dataset.relations,
        )
        assert len(first_audit) > suppression.FEW_PINNED  # the many-pinned path
        dataset = publish(dataset)
        view = parsed_cells(dataset, "json")
        for key, value in dataset.values.items():
            if 0 < value < 5:
                assert view[key] in (SMALL, RESERVED), key
        assert not single_unknowns(view, dataset.relations)
        assert not recovered(view, dataset.relations)
