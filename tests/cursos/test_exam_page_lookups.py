"""Exam-day pages look up nothing their context lacks.

When a template asks for ``page.og_type`` or ``choice.correct`` and the object
has no such attribute or key, Django's variable lookup tries a dict key, an
attribute and a list index, catches each failure, and calls ``dir()`` on the
object to tell a missing attribute from a failing one; on a Wagtail page that
is ~65 µs a time. The quiz result page did it 130 times per request (the keys
a review without revealed answers left out), the site's page head twice on
every Wagtail page but news (docs/scale.md, sexta ronda). These pages are
requested by every exam-taker within the same minutes."""

import builtins
import inspect

import pytest
from django.template import Context, Template

from cursos.models import QuizPage
from cursos.services.enrollment import enroll
from cursos.services.quizzes import start_attempt, submit_attempt
from tests.factories import add_quiz, build_course, wrong_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed_lookups(monkeypatch):
    """(type, name) of each lookup Django's template engine failed, while
    patched. Checked first on a lookup known to fail, so the spy cannot go
    quiet unnoticed (if Django stopped calling dir() there, say)."""
    import django.template.base as template_base

    failed = []
    real_dir = builtins.dir

    def spying_dir(*args):
        if not args:
            return sorted(inspect.currentframe().f_back.f_locals)
        caller = inspect.currentframe().f_back
        if caller.f_code.co_filename == template_base.__file__:
            failed.append((type(args[0]).__name__, caller.f_locals.get("bit")))
        return real_dir(*args)

    monkeypatch.setattr(builtins, "dir", spying_dir)
    Template("{{ entry.missing }}").render(Context({"entry": {}}))
    assert failed == [("dict", "missing")]
    failed.clear()
    return failed


@pytest.mark.parametrize("review", [QuizPage.Review.WHICH_RIGHT, QuizPage.Review.FULL])
def test_exam_pages_make_no_failed_template_lookups(
    client, participant, failed_lookups, review
):
    course = build_course(modules=1, lessons=2)
    quiz = add_quiz(
        course, review=review, reveal=QuizPage.Reveal.ALWAYS, max_attempts=3
    )
    enrollment = enroll(user=participant, course=course)
    client.force_login(participant)
    submitted = start_attempt(enrollment=enrollment, quiz=quiz)
    submit_attempt(attempt=submitted, answers=wrong_answers(submitted))
    result_url = f"/mi-aprendizaje/evaluaciones/intentos/{submitted.pk}/resultado/"
    # With no attempt open, a full review shows the right answers; with one
    # open (below), it shows only which were right.
    revealed = client.get(result_url).content.decode()
    assert ("tag--ok" in revealed) == (review == QuizPage.Review.FULL)
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    pages = [
        result_url,
        "/mi-aprendizaje/",
        quiz.url,
        f"/mi-aprendizaje/evaluaciones/intentos/{attempt.pk}/",
    ]
    for url in pages:
        assert client.get(url).status_code == 200, url
    # Looking into None (an edition notice that is not there) is cheap.
    assert [found for found in failed_lookups if found[0] != "NoneType"] == []
