"""Reading a coordinator's CSV of people to enroll in an edition, and saying
what each row will do before anything is written (the preview).

Columns: correo, nombre_completo, departamento, municipio, cargo. UTF-8 with or
without BOM, separated by ``,`` or ``;``. Departments and municipalities by
name (accents and case ignored) or INE code; the post by its label or code.
Pure reads: a handful of queries whatever the number of rows.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

MAX_ROWS = 2000
MAX_BYTES = 1024 * 1024
COLUMNS = ("correo", "nombre_completo", "departamento", "municipio", "cargo")

CREATE = "crear"
ENROLL = "inscribir"
ALREADY = "ya_inscrito"
ERROR = "error"

ACTION_LABELS = {
    CREATE: _("Crear cuenta e inscribir"),
    ENROLL: _("Inscribir cuenta existente"),
    ALREADY: _("Ya inscrito"),
    ERROR: _("Error"),
}


class ImportFileError(Exception):
    """The file as a whole cannot be read; ``str(error)`` says why, in Spanish."""


def normalize(text: str) -> str:
    """Lower case, no accents, single spaces: "  San José " → "san jose"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.lower().split())


@dataclass
class ImportRow:
    line: int
    email: str
    full_name: str = ""
    department: object = None
    municipality: object = None
    post: str = ""
    action: str = ERROR
    error: str = ""
    raw: dict = field(default_factory=dict)

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS[self.action])

    def person(self):
        from cursos.services.editions import NewPerson

        return NewPerson(
            email=self.email,
            full_name=self.full_name,
            department=self.department,
            municipality=self.municipality,
            post=self.post,
        )


@dataclass
class ImportPreview:
    rows: list[ImportRow]
    problem: str = ""  # blocks the confirmation even when every row is good

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def errors(self) -> int:
        return self.count(ERROR)

    @property
    def can_confirm(self) -> bool:
        return (
            not self.problem
            and self.errors == 0
            and any(r.action in (CREATE, ENROLL) for r in self.rows)
        )


def decode(data: bytes) -> str:
    """The file's text (UTF-8, BOM or not), or ``ImportFileError``."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            _("El archivo pesa más de %(mb)s MB; divídalo en partes.")
            % {"mb": MAX_BYTES // (1024 * 1024)}
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _(
                "El archivo no está en UTF-8. En la hoja de cálculo, guárdelo como "
                "«CSV UTF-8» y vuelva a subirlo."
            )
        ) from error
    if "\x00" in text:
        raise ImportFileError(_("El archivo contiene caracteres no válidos."))
    return text


def read_rows(text: str) -> list[tuple[int, dict]]:
    """(line number, {column: value}) for every non-empty row."""
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration as error:
        raise ImportFileError(_("El archivo está vacío.")) from error
    except csv.Error as error:
        raise ImportFileError(_("El archivo no es un CSV válido.")) from error
    names = [normalize(h).replace(" ", "_") for h in header]
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        raise ImportFileError(
            _("Faltan columnas: %(columnas)s. Se esperan: %(esperadas)s.")
            % {"columnas": ", ".join(missing), "esperadas": ", ".join(COLUMNS)}
        )
    index = {c: names.index(c) for c in COLUMNS}
    rows = []
    try:
        for values in reader:
            if not any(v.strip() for v in values):
                continue
            if len(rows) >= MAX_ROWS:
                raise ImportFileError(
                    _("El archivo tiene más de %(n)s filas; divídalo en partes.")
                    % {"n": MAX_ROWS}
                )
            row = {
                c: (values[i].strip() if i < len(values) else "")
                for c, i in index.items()
            }
            rows.append((reader.line_num, row))
    except csv.Error as error:
        raise ImportFileError(_("El archivo no es un CSV válido.")) from error
    if not rows:
        raise ImportFileError(_("El archivo no tiene filas de datos."))
    return rows


class _Places:
    """Departments and municipalities by name or INE code (two queries)."""

    def __init__(self):
        from lms.accounts.models import Department, Municipality

        departments = list(Department.objects.all())
        self.departments = {d.code: d for d in departments}
        self.departments.update({normalize(d.name): d for d in departments})
        self.municipalities_by_code = {}
        self.municipalities_by_name = {}
        for m in Municipality.objects.all():
            self.municipalities_by_code[m.code] = m
            self.municipalities_by_name[(m.department_id, normalize(m.name))] = m

    def department(self, value: str):
        value = value.strip()
        return self.departments.get(value.zfill(2) if value.isdigit() else None) or (
            self.departments.get(normalize(value))
        )

    def municipality(self, value: str, department):
        value = value.strip()
        if value.isdigit():
            return self.municipalities_by_code.get(value.zfill(4))
        return self.municipalities_by_name.get((department.pk, normalize(value)))


def _posts() -> dict[str, str]:
    from lms.accounts.models import User

    posts = {}
    for value, label in User.Post.choices:
        posts[normalize(value)] = value
        posts[normalize(str(label))] = value
    return posts


def preview(*, text: str, cohort) -> ImportPreview:
    """What each row will do in ``cohort``. Raises ``ImportFileError`` when the
    file as a whole cannot be read (missing columns, too many rows)."""
    from cursos.models import Enrollment
    from cursos.services.enrollment import is_approved, seats_taken
    from lms.accounts.models import User
    from lms.accounts.validators import normalize_full_name, validate_full_name

    raw_rows = read_rows(text)
    emails = {row["correo"].lower() for _line, row in raw_rows if row["correo"]}
    users = {
        u.email_lower: u
        for u in User.objects.annotate(email_lower=Lower("email")).filter(
            email_lower__in=emails
        )
    }
    enrollments: dict[int, list] = {}
    for e in Enrollment.objects.filter(
        course_id=cohort.course_id, user__in=list(users.values())
    ).select_related("cohort"):
        enrollments.setdefault(e.user_id, []).append(e)
    places = _Places()
    posts = _posts()
    seen: dict[str, int] = {}
    rows = []
    for line, raw in raw_rows:
        email = raw["correo"].strip().lower()
        row = ImportRow(line=line, email=email, raw=raw)
        rows.append(row)
        try:
            validate_email(email)
        except ValidationError:
            row.error = _("correo no válido: «%(valor)s»") % {"valor": raw["correo"]}
            continue
        if email in seen:
            row.error = _("correo repetido (ya está en la fila %(fila)s)") % {
                "fila": seen[email]
            }
            continue
        seen[email] = line
        user = users.get(email)
        if user is not None:
            own = enrollments.get(user.pk, [])
            if any(is_approved(e) for e in own):
                row.error = _("ya aprobó este curso")
            elif any(e.cohort_id == cohort.pk for e in own):
                row.action = ALREADY
            else:
                running = [
                    e
                    for e in own
                    if e.cohort is not None
                    and not e.cohort.is_closed()
                    and e.completed_at is None
                    and not e.result
                ]
                if running:
                    row.error = _("sigue activo en «%(edicion)s»") % {
                        "edicion": running[0].cohort.name
                    }
                else:
                    row.action = ENROLL
                    row.full_name = user.full_name
            continue
        problems = []
        row.full_name = normalize_full_name(raw["nombre_completo"])
        try:
            validate_full_name(row.full_name)
        except ValidationError as error:
            problems.append(_("nombre: %(error)s") % {"error": error.messages[0]})
        row.department = places.department(raw["departamento"])
        if row.department is None:
            problems.append(
                _("departamento desconocido: «%(valor)s»")
                % {"valor": raw["departamento"]}
            )
        else:
            row.municipality = places.municipality(raw["municipio"], row.department)
            if (
                row.municipality is None
                or row.municipality.department_id != row.department.pk
            ):
                problems.append(
                    _("el municipio «%(municipio)s» no está en %(departamento)s")
                    % {
                        "municipio": raw["municipio"],
                        "departamento": row.department.name,
                    }
                )
                row.municipality = None
        row.post = posts.get(normalize(raw["cargo"]), "")
        if not row.post:
            problems.append(
                _("cargo desconocido: «%(valor)s»") % {"valor": raw["cargo"]}
            )
        if problems:
            row.error = "; ".join(problems)
        else:
            row.action = CREATE
    result = ImportPreview(rows=rows)
    new_seats = result.count(CREATE) + result.count(ENROLL)
    if cohort.capacity is not None:
        free = max(cohort.capacity - seats_taken(cohort), 0)
        if new_seats > free:
            result.problem = _(
                "La edición tiene %(libres)s cupos libres y el archivo inscribe a "
                "%(personas)s personas. Aumente el cupo de la edición o quite filas."
            ) % {"libres": free, "personas": new_seats}
    return result
