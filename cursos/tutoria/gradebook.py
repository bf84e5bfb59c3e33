"""The tutor's gradebook of one edition: their learners, one column per graded
item, the component averages, the final grade and the result; CSV download.

The page shows 50 learners and grades only those; the CSV is streamed, its
learners graded in chunks as the rows are written."""

import csv
from collections.abc import Iterable, Iterator

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from cursos.editions import is_coordinator, is_tutor, tutored_enrollments
from cursos.models import Cohort, EditionTutor
from cursos.reports.gradebook import (
    book_columns,
    book_enrollments,
    book_rows,
    cell_texts,
    graded_in_chunks,
)
from cursos.selectors_grades import Gradebook, GradebookRow, cell_text, format_number
from lms.spreadsheet import BOM, Echo, safe_cell, safe_row

PER_PAGE = 50
CSV_ROWS_PER_CHUNK = 500


def gradebook_headings(book: Gradebook) -> list[str]:
    headings = [_("Nombre"), _("Correo")]
    headings += [item.title for item in book.items]
    headings += [
        _("Promedio: %(componente)s") % {"componente": book.component_label(key)}
        for key in book.component_keys
    ]
    headings += [_("Nota final"), _("Resultado")]
    return headings


def gradebook_cells(book: Gradebook, row: GradebookRow, text=cell_text) -> list[str]:
    cells = [row.name, row.email]
    cells += [text(cell) for cell in row.cells]
    cells += [
        format_number(row.components[key].average_so_far) for key in book.component_keys
    ]
    cells += [format_number(row.grade), row.result]
    return cells


def gradebook_table(book: Gradebook) -> tuple[list[str], list[list[str]]]:
    """Headings and rows as text (the CSV's, for the tests)."""
    return gradebook_headings(book), [gradebook_cells(book, row) for row in book]


def stream_csv(book: Gradebook, rows: Iterable[GradebookRow]) -> Iterator[str]:
    """BOM and heading row at once, then the rows in chunks; every cell made
    safe (``safe_row``), headings included. The cells of the grades are
    written once per position (rows share them, ``shared_course_grade``),
    not once per learner."""
    writer = csv.writer(Echo())
    yield BOM + writer.writerow(safe_row(gradebook_headings(book)))
    chunk = []
    grades = shared_texts(book)
    for row in rows:
        chunk.append(
            writer.writerow(
                [
                    safe_cell(row.name),
                    safe_cell(row.email),
                    *grades(row),
                    safe_cell(format_number(row.grade)),
                    safe_cell(row.result),
                ]
            )
        )
        if len(chunk) >= CSV_ROWS_PER_CHUNK:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)


def shared_texts(book: Gradebook):
    """A function giving a row's item cells and component averages as safe
    text (what ``gradebook_cells`` writes between the e-mail and the final
    grade), remembered per shared list of cells."""
    text = cell_texts()
    texts: dict[int, tuple[list, list[str]]] = {}

    def grades(row: GradebookRow) -> list[str]:
        known = texts.get(id(row.cells))
        if known is None or known[0] is not row.cells:
            values = [text(cell) for cell in row.cells]
            values += [
                format_number(row.components[key].average_so_far)
                for key in book.component_keys
            ]
            # the row's cells are kept with their text, so their id is not
            # given to another list while this export runs
            known = texts[id(row.cells)] = (row.cells, safe_row(values))
        return known[1]

    return grades


def _csv_response(book: Gradebook, learners, cohort: Cohort) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        stream_csv(book, graded_in_chunks(book, learners)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="calificaciones-edicion-{cohort.pk}.csv"'
    )
    return response


@login_required
def gradebook_view(request, cohort_id: int):
    """Tutors see only the learners they follow in this edition
    (``tutored_enrollments``); coordinators every learner of it. Someone who
    is neither: 403; a tutor who follows nobody in this edition: 404."""
    user = request.user
    coordinator = is_coordinator(user)
    if not coordinator and not is_tutor(user):
        raise PermissionDenied
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=cohort_id)
    enrollments = tutored_enrollments(user).filter(cohort=cohort)
    if not coordinator and not (
        EditionTutor.objects.filter(cohort=cohort, tutor=user).exists()
        or enrollments.exists()
    ):
        raise Http404
    book = book_columns(cohort)
    learners = book_enrollments(enrollments, cohort)
    if request.GET.get("formato") == "csv":
        return _csv_response(book, learners, cohort)
    page = Paginator(learners, PER_PAGE).get_page(request.GET.get("pagina"))
    book.rows = book_rows(book, list(page.object_list))
    return render(
        request,
        "tutoria/gradebook.html",
        {
            "cohort": cohort,
            "course": cohort.course,
            "book": book,
            "page_obj": page,
            "learner_total": page.paginator.count,
        },
    )
