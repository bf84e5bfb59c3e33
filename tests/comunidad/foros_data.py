"""Data for the announcements and forums tests: an edition with a learner, a
tutor, a module; another edition with its own learner."""

from __future__ import annotations

import itertools

from django.test import Client

from cursos.models import ModulePage
from tests.cursos import tutoria_data as data
from tests.cursos.assignments_support import PDF, upload

__all__ = ["PDF", "Edition", "as_user", "edition", "token", "upload"]

_tokens = itertools.count(1)


def token() -> str:
    return f"t{next(_tokens)}"


class Edition:
    def __init__(self, title=None):
        self.course, self.cohort = data.edition(title=title)
        self.module = ModulePage.objects.child_of(self.course).first()
        self.learner = data.learner(self.cohort, full_name="Ana Learner").user
        self.classmate = data.learner(self.cohort, full_name="Beto Compañero").user
        self.tutor = data.tutor(self.cohort, full_name="Tutora Tere")


def edition(title=None) -> Edition:
    return Edition(title=title)


def as_user(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client
