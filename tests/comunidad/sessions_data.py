"""Data for the live sessions tests: an edition with tutors and learners in two
departments, and sessions before and after now."""

from datetime import timedelta

from django.utils import timezone

from comunidad.models import LiveSession
from tests.cursos import tutoria_data as data

GUATEMALA, TOTONICAPAN = data.GUATEMALA, data.TOTONICAPAN


def session(cohort, *, hours_from_now=-3, minutes=90, department=None, **fields):
    starts = timezone.now() + timedelta(hours=hours_from_now)
    defaults = {
        "topic": "Sesión de prueba",
        "mode": LiveSession.Mode.VIRTUAL,
        "link": "https://reunion.ejemplo.gt/prueba",
    }
    defaults.update(fields)
    return LiveSession.objects.create(
        cohort=cohort,
        starts_at=starts,
        ends_at=starts + timedelta(minutes=minutes),
        department=department,
        **defaults,
    )
