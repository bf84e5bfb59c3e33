"""The open-data tables: counted in the database (`fetch_counts`, a fixed
number of queries), assembled into tables with the relations between their
cells (`build_dataset`, pure) and suppressed (`publish`, pure).

Who is counted: people with at least one enrollment who are not platform
staff (no admin access, not a superuser, not in the groups "Coordinadores" or
"Tutores"): municipal officials, INFOM staff doing their required training and
participants from other institutions. Coordinators and tutors who try a course
are not learners.

The unit is always a person: in a row, a measure counts the distinct people
with at least one enrollment in the row's scope that meets the measure's
condition. Each person has one department, one municipality, one institution
type and one post, so the territorial, institutional and post tables add up
exactly to the national total; a person may take part in several editions or
enroll in several months, so those tables have no total row (their sum may
exceed the national figure).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from .suppression import PUBLISHED, Relations, suppress

MEASURES = ("inscritas", "activas", "completaron", "aprobaron", "certificadas")
COVERED = "municipios_cubiertos"
NATIONAL = "N"

# The issue's post groups over the sign-up form's posts (User.Post values).
POST_GROUPS = (
    ("uip", "UIP (Unidad de Información Pública)"),
    ("dafim", "DAFIM (finanzas municipales)"),
    ("dmp", "DMP (planificación)"),
    ("secretaria", "Secretaría municipal"),
    ("alcaldia_concejo", "Alcaldía y Concejo Municipal"),
    ("otro", "Otro cargo"),
)
POST_TO_GROUP = {
    "uip": "uip",
    "dafim": "dafim",
    "tesorero": "dafim",  # the treasury is part of the DAFIM
    "dmp": "dmp",
    "secretario": "secretaria",
    "alcalde": "alcaldia_concejo",
    "concejal": "alcaldia_concejo",
    "sindico": "alcaldia_concejo",
}
INSTITUTION_TYPES = (
    ("municipalidad", "Municipalidad"),
    ("infom", "INFOM"),
    ("otra", "Otra institución"),
)


def post_group(post: str) -> str:
    return POST_TO_GROUP.get(post, "otro")


# ------------------------------------------------------------------ inputs
@dataclass(frozen=True)
class Geography:
    """Departments ``(code, name)`` and municipalities ``(code, name,
    department_code)``, in INE order."""

    departments: tuple[tuple[str, str], ...]
    municipalities: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class CubeRow:
    """People of one department, municipality, institution type and post:
    the five measures (``MEASURES`` order)."""

    department: str | None
    municipality: str | None
    institution: str
    post: str
    counts: tuple[int, int, int, int, int]


@dataclass(frozen=True)
class SeriesRow:
    """An edition (``labels``: course, edition, start date) or a month
    (``labels``: ``YYYY-MM``) with the five measures."""

    key: str
    labels: tuple[str, ...]
    counts: tuple[int, int, int, int, int]


@dataclass(frozen=True)
class Counts:
    geography: Geography
    cube: tuple[CubeRow, ...]
    editions: tuple[SeriesRow, ...]
    months: tuple[SeriesRow, ...]
    cutoff: datetime.datetime


# ------------------------------------------------------------------ outputs
@dataclass(frozen=True)
class Row:
    labels: tuple[str, ...]
    cells: tuple  # one key per measure column, None where it does not apply


@dataclass(frozen=True)
class Table:
    slug: str
    title: str
    label_columns: tuple[str, ...]
    measure_columns: tuple[str, ...]
    rows: tuple[Row, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return (*self.label_columns, *self.measure_columns)


@dataclass
class Dataset:
    tables: tuple[Table, ...]
    values: dict
    relations: Relations
    cutoff: datetime.datetime
    status: dict = field(default_factory=dict)

    def table(self, slug: str) -> Table:
        return next(t for t in self.tables if t.slug == slug)

    def shown(self, key):
        """A cell as published: its number, ``<5`` or ``reservado``; None
        where the column does not apply to the row."""
        if key is None:
            return None
        state = self.status.get(key, PUBLISHED)
        return self.values[key] if state == PUBLISHED else state

    def raw(self, key):
        """A cell's true count (coordinators' report only)."""
        return None if key is None else self.values[key]


# ------------------------------------------------------------------ assembly
def _add(target: dict, entity: str, counts: Iterable[int]) -> None:
    for measure, count in zip(MEASURES, counts, strict=True):
        target[(entity, measure)] = target.get((entity, measure), 0) + count


def build_dataset(counts: Counts) -> Dataset:
    """Every table with every row (all departments and municipalities, zeros
    included) and the relations between their cells. Pure."""
    geo = counts.geography
    values: dict = {}
    zero = (0,) * len(MEASURES)
    department_codes = [code for code, _name in geo.departments]
    municipalities_of: dict[str, list[str]] = defaultdict(list)
    for code, _name, department in geo.municipalities:
        municipalities_of[department].append(code)
    entities = (
        [NATIONAL, "D--"]
        + [f"D{c}" for c in department_codes]
        + [f"M{c}--" for c in department_codes]
        + [f"M{code}" for code, _n, _d in geo.municipalities]
        + [f"I{code}" for code, _n in INSTITUTION_TYPES]
        + [f"P{code}" for code, _n in POST_GROUPS]
    )
    for entity in entities:
        _add(values, entity, zero)

    known_departments = set(department_codes)
    department_of_municipality = {c: d for c, _n, d in geo.municipalities}
    covered_by_department: dict[str, set] = defaultdict(set)
    covered_by_post: dict[str, set] = defaultdict(set)
    for row in counts.cube:
        department = row.department
        if row.municipality in department_of_municipality:
            department = department_of_municipality[row.municipality]
        if department not in known_departments:
            department = None
        _add(values, NATIONAL, row.counts)
        _add(values, f"D{department}" if department else "D--", row.counts)
        if department:
            municipality = (
                row.municipality
                if department_of_municipality.get(row.municipality) == department
                else None
            )
            _add(
                values,
                f"M{municipality}" if municipality else f"M{department}--",
                row.counts,
            )
            if municipality and row.counts[-1] > 0:
                covered_by_department[department].add(municipality)
                covered_by_post[post_group(row.post)].add(municipality)
        institution = row.institution
        if institution not in dict(INSTITUTION_TYPES):
            institution = "otra"
        _add(values, f"I{institution}", row.counts)
        _add(values, f"P{post_group(row.post)}", row.counts)

    for code in department_codes:
        values[(f"D{code}", COVERED)] = len(covered_by_department[code])
    values[(NATIONAL, COVERED)] = sum(len(s) for s in covered_by_department.values())
    for code, _name in POST_GROUPS:
        values[(f"P{code}", COVERED)] = len(covered_by_post[code])
    for row in counts.editions:
        _add(values, f"E{row.key}", row.counts)
    for row in counts.months:
        _add(values, f"T{row.key}", row.counts)

    relations = _relations(counts, department_codes, municipalities_of)
    tables = _tables(counts, department_codes, municipalities_of)
    return Dataset(
        tables=tables, values=values, relations=relations, cutoff=counts.cutoff
    )


def _measures(entity: str, *, covered: bool = False) -> tuple:
    keys = tuple((entity, measure) for measure in MEASURES)
    return (*keys, (entity, COVERED)) if covered else keys


def _relations(counts: Counts, department_codes, municipalities_of) -> Relations:
    geo = counts.geography
    relations = Relations()
    departments = [f"D{c}" for c in department_codes] + ["D--"]
    editions = [f"E{row.key}" for row in counts.editions]
    months = [f"T{row.key}" for row in counts.months]
    posts = [f"P{code}" for code, _n in POST_GROUPS]
    nested = (
        [NATIONAL, *departments, *posts, *editions, *months]
        + [f"I{code}" for code, _n in INSTITUTION_TYPES]
        + [f"M{c}--" for c in department_codes]
        + [f"M{code}" for code, _n, _d in geo.municipalities]
    )
    for measure in MEASURES:
        relations.equations.append(
            ((NATIONAL, measure), tuple((d, measure) for d in departments))
        )
        for code in department_codes:
            parts = [f"M{m}" for m in municipalities_of[code]] + [f"M{code}--"]
            relations.equations.append(
                ((f"D{code}", measure), tuple((p, measure) for p in parts))
            )
        relations.equations.append(
            (
                (NATIONAL, measure),
                tuple((f"I{code}", measure) for code, _n in INSTITUTION_TYPES),
            )
        )
        relations.equations.append(
            ((NATIONAL, measure), tuple((p, measure) for p in posts))
        )
        for series in (editions, months):
            if series:
                relations.at_least.append(
                    ((NATIONAL, measure), tuple((e, measure) for e in series))
                )
                relations.at_most.extend(
                    ((e, measure), (NATIONAL, measure)) for e in series
                )
    for entity in nested:
        for bigger, smaller in zip(MEASURES, MEASURES[1:], strict=False):
            relations.at_most.append(((entity, smaller), (entity, bigger)))
    # Municipalities covered: at most the people certified and the
    # municipalities there are; the departments' add up to the national figure.
    covered_departments = [f"D{c}" for c in department_codes]
    relations.equations.append(
        ((NATIONAL, COVERED), tuple((d, COVERED) for d in covered_departments))
    )
    relations.at_least.append(((NATIONAL, COVERED), tuple((p, COVERED) for p in posts)))
    for entity in [NATIONAL, *covered_departments, *posts]:
        relations.at_most.append(((entity, COVERED), (entity, "certificadas")))
    for post in posts:
        relations.at_most.append(((post, COVERED), (NATIONAL, COVERED)))
    for code in department_codes:
        relations.caps[(f"D{code}", COVERED)] = len(municipalities_of[code])
    relations.caps[(NATIONAL, COVERED)] = len(geo.municipalities)
    return relations


def _tables(counts: Counts, department_codes, municipalities_of) -> tuple:
    geo = counts.geography
    names = dict(geo.departments)
    department_rows = [
        Row((code, name), _measures(f"D{code}", covered=True))
        for code, name in geo.departments
    ]
    department_rows.append(
        Row(("", "Sin departamento indicado"), (*_measures("D--"), None))
    )
    department_rows.append(
        Row(("", "Total nacional"), _measures(NATIONAL, covered=True))
    )
    municipality_rows = []
    by_department = defaultdict(list)
    for code, name, department in geo.municipalities:
        by_department[department].append((code, name))
    for department in department_codes:
        for code, name in by_department[department]:
            municipality_rows.append(
                Row((department, names[department], code, name), _measures(f"M{code}"))
            )
        municipality_rows.append(
            Row(
                (department, names[department], "", "Sin municipio indicado"),
                _measures(f"M{department}--"),
            )
        )
    institution_rows = [
        Row((code, name), _measures(f"I{code}")) for code, name in INSTITUTION_TYPES
    ]
    institution_rows.append(Row(("", "Total nacional"), _measures(NATIONAL)))
    post_rows = [
        Row((code, name), _measures(f"P{code}", covered=True))
        for code, name in POST_GROUPS
    ]
    post_rows.append(Row(("", "Total nacional"), _measures(NATIONAL, covered=True)))
    edition_rows = [
        Row(row.labels, _measures(f"E{row.key}")) for row in counts.editions
    ]
    month_rows = [Row(row.labels, _measures(f"T{row.key}")) for row in counts.months]
    with_covered = (*MEASURES, COVERED)
    return (
        Table(
            "departamentos",
            "Formación por departamento",
            ("codigo_ine", "departamento"),
            with_covered,
            tuple(department_rows),
        ),
        Table(
            "municipios",
            "Formación por municipio",
            ("codigo_ine_departamento", "departamento", "codigo_ine", "municipio"),
            MEASURES,
            tuple(municipality_rows),
        ),
        Table(
            "instituciones",
            "Formación por tipo de institución",
            ("codigo", "tipo_de_institucion"),
            MEASURES,
            tuple(institution_rows),
        ),
        Table(
            "cargos",
            "Formación por cargo",
            ("codigo", "cargo"),
            with_covered,
            tuple(post_rows),
        ),
        Table(
            "ediciones",
            "Formación por edición",
            ("curso", "edicion", "inicio"),
            MEASURES,
            tuple(edition_rows),
        ),
        Table(
            "meses",
            "Formación por mes de inscripción",
            ("mes",),
            MEASURES,
            tuple(month_rows),
        ),
    )


def publish(dataset: Dataset) -> Dataset:
    """The dataset with every cell's status (published, ``<5``, reserved)."""
    dataset.status = suppress(dataset.values, dataset.relations)
    return dataset


# ------------------------------------------------------------------ database
def fetch_counts(*, now: datetime.datetime | None = None) -> Counts:
    """The counts behind every table, in five queries (departments,
    municipalities, the person cube, editions, months), whatever the number
    of people."""
    from django.conf import settings
    from django.db.models import Count, F, Q, Value
    from django.db.models.functions import Coalesce, TruncMonth
    from django.utils import timezone

    from certificados.models import Certificate
    from cursos.models import Enrollment
    from lms.accounts.models import COORDINATORS_GROUP, Department, Municipality

    now = now or timezone.now()
    departments = tuple(Department.objects.order_by("code").values_list("code", "name"))
    municipalities = tuple(
        Municipality.objects.order_by("code").values_list(
            "code", "name", "department__code"
        )
    )
    learners = (
        Enrollment.objects.filter(
            user__is_staff=False, user__is_superuser=False, enrolled_at__lte=now
        )
        .exclude(user__groups__name__in=[COORDINATORS_GROUP, "Tutores"])
        .order_by()
    )
    completed = Q(completed_at__isnull=False, completed_at__lte=now)
    active = completed | Q(last_activity_at__isnull=False)
    approved = completed & ~Q(
        result__in=[Enrollment.Result.PARTICIPATION, Enrollment.Result.NOT_APPROVED]
    )
    certified = approved & Q(
        certificate__status=Certificate.Status.ISSUED,
        certificate__kind=Certificate.Kind.APPROVAL,
        certificate__issued_at__lte=now,
    )
    measures = {
        "inscritas": Count("user", distinct=True),
        "activas": Count("user", filter=active, distinct=True),
        "completaron": Count("user", filter=completed, distinct=True),
        "aprobaron": Count("user", filter=approved, distinct=True),
        "certificadas": Count("user", filter=certified, distinct=True),
    }

    def counts_of(row) -> tuple:
        return tuple(row[m] for m in MEASURES)

    cube = tuple(
        CubeRow(
            department=row["department"],
            municipality=row["municipality"],
            institution=row["institution"],
            post=row["post"],
            counts=counts_of(row),
        )
        for row in learners.values(
            department=Coalesce(
                F("user__municipality__department__code"),
                F("user__department__code"),
            ),
            municipality=F("user__municipality__code"),
            institution=F("user__institution_type"),
            post=F("user__post"),
        ).annotate(**measures)
    )
    editions = []
    for row in learners.values(
        "course_id",
        "cohort_id",
        course_title=F("course__title"),
        edition=Coalesce(F("cohort__name"), Value("")),
        starts_on=F("cohort__starts_on"),
    ).annotate(**measures):
        key = f"{row['course_id']}-{row['cohort_id'] or 0}"
        starts = row["starts_on"].isoformat() if row["starts_on"] else ""
        edition = row["edition"] or "Sin ediciones (inscripción abierta)"
        editions.append(
            SeriesRow(key, (row["course_title"], edition, starts), counts_of(row))
        )
    editions.sort(key=lambda r: (r.labels[2], r.labels[0], r.labels[1], r.key))
    tz = ZoneInfo(settings.TIME_ZONE)
    months = []
    for row in learners.values(month=TruncMonth("enrolled_at", tzinfo=tz)).annotate(
        **measures
    ):
        label = row["month"].strftime("%Y-%m")
        months.append(SeriesRow(label, (label,), counts_of(row)))
    months.sort(key=lambda r: r.key)
    return Counts(
        geography=Geography(departments, municipalities),
        cube=cube,
        editions=tuple(editions),
        months=tuple(months),
        cutoff=now,
    )
