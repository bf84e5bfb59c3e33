"""'Conceder un intento más' works from the real admin report with CSRF enforced,
and warns when the learner may already have read the correct answers."""

import pytest

from cursos.models import ExtraAttempt, QuizPage
from cursos.selectors import quiz_state
from cursos.services.enrollment import enroll
from cursos.services.quizzes import start_attempt, submit_attempt
from tests.factories import UserFactory, add_quiz, build_course, wrong_answers
from tests.forms import csrf_token, csrf_token_of_form, post_form

pytestmark = pytest.mark.django_db
REPORT = "/admin/informes/evaluaciones/"
WARNING = "ya pudo ver las respuestas correctas"


def failed_learner(course, quiz):
    enrollment = enroll(user=UserFactory(full_name="Ana Pérez"), course=course)
    attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    submit_attempt(attempt=attempt, answers=wrong_answers(attempt))
    return enrollment


@pytest.fixture
def course():
    return build_course(modules=1, lessons=1)


def test_grant_from_the_report_form_with_csrf_enforced(
    csrf_client, coordinator, course
):
    quiz = add_quiz(course, max_attempts=1, review=QuizPage.Review.FULL)
    enrollment = failed_learner(course, quiz)
    csrf_client.force_login(coordinator)
    page = f"{REPORT}{quiz.pk}/"
    grant = f"{REPORT}{quiz.pk}/conceder/{enrollment.pk}/"
    html = csrf_client.get(page).content.decode()
    assert csrf_token_of_form(html, page, grant)  # the cell's own form has a token
    assert WARNING in html
    response = post_form(csrf_client, page, action=grant, follow=True)
    assert response.status_code == 200
    assert "tiene un intento más" in response.content.decode()
    assert (
        ExtraAttempt.objects.filter(
            enrollment=enrollment, quiz=quiz, granted_by=coordinator
        ).count()
        == 1
    )
    state = quiz_state(enrollment=enrollment, quiz=quiz)
    assert state.can_start and not state.answers_revealed


def test_post_without_the_token_is_refused(csrf_client, coordinator, course):
    quiz = add_quiz(course, max_attempts=1)
    enrollment = failed_learner(course, quiz)
    csrf_client.force_login(coordinator)
    response = csrf_client.post(f"{REPORT}{quiz.pk}/conceder/{enrollment.pk}/")
    assert response.status_code == 403
    assert not ExtraAttempt.objects.exists()


def test_no_warning_when_answers_were_never_shown(csrf_client, coordinator, course):
    quiz = add_quiz(course, max_attempts=2, review=QuizPage.Review.FULL)
    failed_learner(course, quiz)
    csrf_client.force_login(coordinator)
    html = csrf_client.get(f"{REPORT}{quiz.pk}/").content.decode()
    assert "Conceder un intento más" in html and WARNING not in html


def test_learner_cannot_grant_even_with_a_valid_token(csrf_client, course):
    quiz = add_quiz(course, max_attempts=1)
    enrollment = failed_learner(course, quiz)
    csrf_client.force_login(enrollment.user)
    # A real token of the learner's session, from the sign-out form.
    response = csrf_client.post(
        f"{REPORT}{quiz.pk}/conceder/{enrollment.pk}/",
        {"csrfmiddlewaretoken": csrf_token(csrf_client, "/cuentas/logout/")},
    )
    assert response.status_code in (302, 403)
    assert not ExtraAttempt.objects.exists()
