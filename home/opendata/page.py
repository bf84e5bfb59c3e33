"""What the open-data page and its dictionary page show (read-only)."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from . import files
from .aggregate import COVERED, MEASURES
from .snapshot import published_dataset
from .tilemap import tile_map

MEASURE_LABELS = {
    "inscritas": "Inscritas",
    "activas": "Activas",
    "completaron": "Completaron",
    "aprobaron": "Aprobaron",
    "certificadas": "Certificadas",
    COVERED: "Municipios cubiertos",
}
FORMAT_LABELS = {"csv": "CSV", "json": "JSON", "xlsx": "Excel (XLSX)"}


@dataclass(frozen=True)
class DepartmentLine:
    code: str
    name: str
    cells: tuple
    is_total: bool


def _file_links(dataset) -> list[dict]:
    return [
        {
            "title": table.title,
            "links": [
                (
                    FORMAT_LABELS[fmt],
                    reverse("opendata:file", kwargs={"table": table.slug, "fmt": fmt}),
                )
                for fmt in files.FORMATS
            ],
        }
        for table in dataset.tables
    ]


def transparency_context() -> dict:
    from django.utils.translation import gettext as _

    dataset = published_dataset()
    table = dataset.table("departamentos")
    lines = [
        DepartmentLine(
            code=row.labels[0],
            name=row.labels[1],
            cells=tuple(dataset.shown(key) for key in row.cells)
            + (None,) * (len(table.measure_columns) - len(row.cells)),
            is_total=row.labels[1] == "Total nacional",
        )
        for row in table.rows
    ]
    certified = {
        row.labels[0]: (row.labels[1], dataset.shown(row.cells[4]))
        for row in table.rows
        if row.labels[0]
    }
    total = next(line for line in lines if line.is_total)
    return {
        "opendata": dataset,
        "department_lines": lines,
        "measure_labels": [MEASURE_LABELS[m] for m in table.measure_columns],
        "national": dict(zip(table.measure_columns, total.cells, strict=True)),
        "cutoff": dataset.cutoff,
        "tile_map": tile_map(
            map_id="mapa-certificadas",
            title=_("Personas certificadas por departamento"),
            description=_(
                "Mapa de los 22 departamentos de Guatemala, un cuadro por "
                "departamento con su abreviatura y el número de personas "
                "certificadas; las mismas cifras están en la tabla."
            ),
            values=certified,
        ),
        "file_links": _file_links(dataset),
        "dictionary_links": [
            ("JSON", reverse("opendata:dictionary", kwargs={"fmt": "json"})),
            ("CSV", reverse("opendata:dictionary", kwargs={"fmt": "csv"})),
        ],
        "licence_url": files.LICENCE_URL,
    }


def dictionary_context() -> dict:
    dataset = published_dataset()
    return {
        "dictionary": files.dictionary(dataset),
        "suppression_text": files.SUPPRESSION_TEXT,
        "scope_text": files.SCOPE_TEXT,
        "measures": MEASURES,
    }
