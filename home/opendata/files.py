"""The published files: each table as CSV (UTF-8 with BOM), JSON and XLSX, and
the data dictionary as JSON and CSV. Pure functions of a published
``Dataset``; every text cell goes through ``lms.spreadsheet.safe_cell``."""

from __future__ import annotations

import csv
import io
import json

from django.utils import timezone

from lms.spreadsheet import BOM, safe_cell, sheet_title

from .aggregate import COVERED, MEASURES, Dataset, Table
from .suppression import RESERVED, SMALL

SOURCE = "Instituto de Fomento Municipal (INFOM), Plataforma de Aprendizaje"
LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.es"
TABLES = (
    "departamentos",
    "municipios",
    "instituciones",
    "cargos",
    "ediciones",
    "meses",
)
FORMATS = ("csv", "json", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

SUPPRESSION_TEXT = (
    "Para que nadie pueda ser identificado, una cifra de 1 a 4 personas se "
    "publica como «<5». Además, cuando una cifra oculta podría calcularse "
    "restando otras (por ejemplo, el total de un departamento menos sus "
    "municipios, o el total nacional menos los demás departamentos), se oculta "
    "también otra cifra de la misma fila, columna o grupo, la más pequeña, y se "
    "publica como «reservado» (puede ser cualquier valor, también 0). Antes de "
    "publicar, un programa comprueba que ninguna cifra oculta se pueda deducir "
    "de las publicadas en ningún archivo: ni con una resta, ni combinando "
    "totales, ni con el orden de las medidas (inscritas ≥ activas ≥ "
    "completaron ≥ aprobaron ≥ certificadas). Si aun así una cifra «<5» "
    "quedara determinada, se publica como «reservado». Los ceros se publican "
    "como 0."
)

# Field, definition, unit, type. The measures count people (never enrollments).
FIELDS = (
    (
        "codigo_ine",
        "Código del Instituto Nacional de Estadística (INE): 2 dígitos "
        "para el departamento, 4 para el municipio. Vacío en las filas «Sin "
        "departamento indicado», «Sin municipio indicado» y «Total nacional».",
        "código",
        "texto",
    ),
    (
        "codigo_ine_departamento",
        "Código INE del departamento del municipio.",
        "código",
        "texto",
    ),
    ("departamento", "Nombre del departamento.", "nombre", "texto"),
    ("municipio", "Nombre del municipio.", "nombre", "texto"),
    (
        "codigo",
        "Código estable de la categoría (tipo de institución o grupo de cargos).",
        "código",
        "texto",
    ),
    (
        "tipo_de_institucion",
        "Tipo de institución declarado por la persona al "
        "registrarse: Municipalidad, INFOM u Otra institución.",
        "categoría",
        "texto",
    ),
    (
        "cargo",
        "Grupo de cargos: UIP (encargada/o de la Unidad de Información "
        "Pública), DAFIM (dirección financiera y tesorería), DMP (planificación), "
        "Secretaría municipal, Alcaldía y Concejo (alcaldesa/alcalde, "
        "concejalas/concejales, síndicas/síndicos) y Otro cargo (todos los demás, "
        "también personal del INFOM).",
        "categoría",
        "texto",
    ),
    ("curso", "Título del curso.", "nombre", "texto"),
    (
        "edicion",
        "Nombre de la edición (cohorte) del curso; «Sin ediciones» para "
        "los cursos de inscripción abierta.",
        "nombre",
        "texto",
    ),
    ("inicio", "Fecha de inicio de la edición (AAAA-MM-DD).", "fecha", "texto"),
    (
        "mes",
        "Mes de inscripción (AAAA-MM, hora de Guatemala). Cuenta a las "
        "personas que se inscribieron ese mes y lo que han logrado desde entonces.",
        "mes",
        "texto",
    ),
    (
        "inscritas",
        "Personas con al menos una inscripción en el ámbito de la fila "
        "hasta la fecha de corte.",
        "personas",
        "entero, «<5» o «reservado»",
    ),
    (
        "activas",
        "De ellas, personas que iniciaron: registraron actividad (una "
        "lección, evaluación o entrega) o completaron el curso.",
        "personas",
        "entero, «<5» o «reservado»",
    ),
    (
        "completaron",
        "Personas que completaron todo lo requerido de al menos un curso.",
        "personas",
        "entero, «<5» o «reservado»",
    ),
    (
        "aprobaron",
        "Personas que completaron con resultado aprobado (los cursos "
        "sin nota se aprueban al completarlos; no cuenta la constancia de "
        "participación).",
        "personas",
        "entero, «<5» o «reservado»",
    ),
    (
        "certificadas",
        "Personas aprobadas con certificado de aprobación emitido y no revocado.",
        "personas",
        "entero, «<5» o «reservado»",
    ),
    (
        COVERED,
        "Municipios con al menos una persona certificada que trabaja en "
        "ellos (por departamento, o por grupo de cargos).",
        "municipios",
        "entero, «<5» o «reservado»",
    ),
    (
        "fecha_corte",
        "Fecha y hora (Guatemala) hasta la que se cuentan los datos.",
        "fecha y hora",
        "texto",
    ),
)

SCOPE_TEXT = (
    "Se cuenta a las personas participantes: funcionarias y funcionarios "
    "municipales, personal del INFOM en sus capacitaciones y personas de otras "
    "instituciones. No se cuenta al equipo de la plataforma (coordinación, "
    "tutorías, administración). Cada persona cuenta una vez por fila. Los "
    "cuadros por departamento, municipio, tipo de institución y cargo suman "
    "exactamente el total nacional; una persona puede estar en varias ediciones "
    "o inscribirse en varios meses, por eso esos cuadros no tienen total."
)


def cutoff_text(dataset: Dataset) -> str:
    return timezone.localtime(dataset.cutoff).strftime("%Y-%m-%d %H:%M")


def metadata(dataset: Dataset, table: Table | None = None) -> dict:
    data = {
        "fuente": SOURCE,
        "licencia": LICENCE,
        "licencia_url": LICENCE_URL,
        "fecha_corte": cutoff_text(dataset),
        "zona_horaria": "America/Guatemala",
        "unidad": "personas (municipios en municipios_cubiertos)",
        "supresion": SUPPRESSION_TEXT,
        "alcance": SCOPE_TEXT,
    }
    if table is not None:
        data["cuadro"] = table.title
    return data


def rows(dataset: Dataset, table: Table) -> list[list]:
    """The table's rows as published (labels, then each measure as a number,
    ``<5`` or ``reservado``; empty where the column does not apply)."""
    out = []
    for row in table.rows:
        cells = [dataset.shown(key) for key in row.cells]
        cells += [None] * (len(table.measure_columns) - len(cells))
        out.append([*row.labels, *cells])
    return out


def as_csv(dataset: Dataset, table: Table) -> bytes:
    stream = io.StringIO()
    stream.write(BOM)
    writer = csv.writer(stream)
    writer.writerow([*table.columns, "fecha_corte"])
    cutoff = cutoff_text(dataset)
    for row in rows(dataset, table):
        writer.writerow([safe_cell("" if v is None else v) for v in row] + [cutoff])
    return stream.getvalue().encode("utf-8")


def as_json(dataset: Dataset, table: Table) -> bytes:
    data = {
        "metadatos": metadata(dataset, table),
        "columnas": list(table.columns),
        "filas": [
            dict(zip(table.columns, row, strict=True)) for row in rows(dataset, table)
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def as_xlsx(dataset: Dataset, table: Table) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    workbook.properties.title = table.title
    workbook.properties.creator = SOURCE
    workbook.properties.description = (
        f"Licencia {LICENCE} ({LICENCE_URL}). Fecha de corte: {cutoff_text(dataset)}."
    )
    workbook.properties.keywords = "datos abiertos; INFOM; CC BY 4.0"
    sheet = workbook.create_sheet(sheet_title(table.title))
    sheet.freeze_panes = "A2"
    sheet.append(list(table.columns))
    for row in rows(dataset, table):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, safe_cell(value))
            if cell.data_type == "f":
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    about = workbook.create_sheet("Metadatos")
    for name, value in metadata(dataset, table).items():
        about.append([name, safe_cell(value)])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


RENDERERS = {"csv": as_csv, "json": as_json, "xlsx": as_xlsx}


def render(dataset: Dataset, slug: str, fmt: str) -> bytes:
    return RENDERERS[fmt](dataset, dataset.table(slug))


# ------------------------------------------------------------------ dictionary
def dictionary(dataset: Dataset) -> dict:
    return {
        "metadatos": metadata(dataset),
        "simbolos": {
            SMALL: "Entre 1 y 4 (cifra pequeña, no se publica exacta).",
            RESERVED: "Cifra oculta para proteger otra; puede ser cualquier "
            "valor, también 0.",
            "0": "Ninguna persona.",
        },
        "medidas_anidadas": " ≥ ".join(MEASURES),
        "cuadros": [
            {"archivo": t.slug, "titulo": t.title, "columnas": list(t.columns)}
            for t in dataset.tables
        ],
        "campos": [
            {"campo": name, "definicion": text, "unidad": unit, "tipo": kind}
            for name, text, unit, kind in FIELDS
        ],
    }


def dictionary_csv(dataset: Dataset) -> bytes:
    stream = io.StringIO()
    stream.write(BOM)
    writer = csv.writer(stream)
    writer.writerow(["campo", "definicion", "unidad", "tipo"])
    for field in FIELDS:
        writer.writerow([safe_cell(v) for v in field])
    for name, value in metadata(dataset).items():
        writer.writerow([name, safe_cell(value), "", "metadato"])
    return stream.getvalue().encode("utf-8")


def dictionary_json(dataset: Dataset) -> bytes:
    return json.dumps(dictionary(dataset), ensure_ascii=False, indent=1).encode("utf-8")
