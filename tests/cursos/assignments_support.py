"""Helpers shared by the assignment tests: an assignment in a course with an
edition, files of each kind, a tutor of the edition."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cursos.models import (
    TUTORS_GROUP,
    AssignmentPage,
    Cohort,
    EditionTutor,
    Enrollment,
    ModulePage,
)
from tests.factories import UserFactory, _publish, build_course

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def docx_bytes(*, with_document=True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        if with_document:
            archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text"
        )
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def upload(name="trabajo.pdf", content=PDF):
    return SimpleUploadedFile(name, content)


RUBRIC = [
    {
        "type": "criterion",
        "value": {
            "criterion": "Diagnóstico",
            "description": "Describe la situación del municipio",
            "levels": [
                {"name": "Insuficiente", "points": "0", "description": ""},
                {"name": "Suficiente", "points": "30", "description": ""},
                {"name": "Excelente", "points": "60", "description": ""},
            ],
        },
    },
    {
        "type": "criterion",
        "value": {
            "criterion": "Propuesta",
            "description": "",
            "levels": [
                {"name": "Débil", "points": "10", "description": ""},
                {"name": "Sólida", "points": "40", "description": ""},
            ],
        },
    },
]


def add_assignment(course, *, module=0, rubric=False, **fields) -> AssignmentPage:
    from cursos.models.assignments import RubricBlock

    parent = list(ModulePage.objects.child_of(course).order_by("path"))[module]
    defaults = {
        "title": "Diagnóstico municipal",
        "slug": f"tarea-{AssignmentPage.objects.count() + 1}",
        "instructions": "<p>Escriba el diagnóstico de su municipio.</p>",
        "accepted_formats": ["pdf", "docx", "odt", "png", "jpg"],
        "max_points": 100,
    }
    defaults.update(fields)
    page = AssignmentPage(**defaults)
    if rubric:
        page.rubric = RubricBlock().to_python(RUBRIC)
    return _publish(parent, page)


def edition_course(*, started=True, ended=False, sequential=False, **kw):
    today = timezone.localdate()
    starts = today - timedelta(days=10) if started else today + timedelta(days=5)
    ends = today - timedelta(days=1) if ended else today + timedelta(days=60)
    course = build_course(modules=2, lessons=1, sequential=sequential, **kw)
    now = timezone.now()
    cohort = Cohort.objects.create(
        course=course,
        name="Edición 2027",
        enrollment_opens=now - timedelta(days=30),
        enrollment_closes=now + timedelta(days=30),
        starts_on=starts,
        ends_on=ends,
    )
    return course, cohort


def enrolled(course, cohort=None, user=None) -> Enrollment:
    return Enrollment.objects.create(
        user=user or UserFactory(), course=course, cohort=cohort
    )


def tutor_of(cohort):
    tutor = UserFactory(groups_by_name=(TUTORS_GROUP,))
    EditionTutor.objects.create(cohort=cohort, tutor=tutor)
    return tutor


def set_dates(cohort, *, starts_on: date, ends_on: date | None):
    Cohort.objects.filter(pk=cohort.pk).update(starts_on=starts_on, ends_on=ends_on)
    cohort.refresh_from_db()
