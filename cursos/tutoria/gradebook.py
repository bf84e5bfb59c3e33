"""The tutor's gradebook of one edition: their learners, one column per graded
item, the component averages, the final grade and the result; CSV download."""

import csv
import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from cursos.editions import is_coordinator, is_tutor, tutored_enrollments
from cursos.models import Cohort, EditionTutor
from cursos.selectors_grades import Gradebook, cell_text, format_number
from cursos.selectors_grades import gradebook as build_gradebook
from lms.spreadsheet import BOM, safe_row


def gradebook_table(book: Gradebook) -> tuple[list[str], list[list[str]]]:
    """Headings and rows as text, for the CSV (and the page's tests)."""
    headings = [_("Nombre"), _("Correo")]
    headings += [item.title for item in book.items]
    headings += [
        _("Promedio: %(componente)s") % {"componente": book.component_label(key)}
        for key in book.component_keys
    ]
    headings += [_("Nota final"), _("Resultado")]
    rows = []
    for row in book:
        cells = [row.name, row.email]
        cells += [cell_text(cell) for cell in row.cells]
        cells += [
            format_number(row.components[key].average_so_far)
            for key in book.component_keys
        ]
        cells += [format_number(row.grade), row.result]
        rows.append(cells)
    return headings, rows


def _csv_response(book: Gradebook, cohort: Cohort) -> HttpResponse:
    headings, rows = gradebook_table(book)
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow(safe_row(headings))
    for row in rows:
        writer.writerow(safe_row(row))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
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
    book = build_gradebook(cohort_or_course=cohort, enrollments=enrollments)
    if request.GET.get("formato") == "csv":
        return _csv_response(book, cohort)
    return render(
        request,
        "tutoria/gradebook.html",
        {"cohort": cohort, "course": cohort.course, "book": book},
    )
