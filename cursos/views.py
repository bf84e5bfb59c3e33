"""Plain Django views for what a learner does: enroll, complete, continue, dashboard.

Views are thin: look up the objects within what the user may see, call a service,
redirect with a message.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from lms.prepared import PreparedQuery

from .models import Cohort, CoursePage, QuizAttempt, QuizPage
from .selectors import (
    course_outline_at,
    enrollment_for,
    finish_line,
    learner_dashboard,
    progress_for,
    quiz_state,
    review_for,
)
from .services.enrollment import EditionFull, EnrollmentError, enroll
from .services.progress import ProgressError, complete_lesson
from .services.quizzes import (
    AttemptClosed,
    QuizError,
    public_questions,
    save_answers,
    start_attempt,
    submit_attempt,
)


def _live_course(course_id) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live(), pk=course_id)


def _back(request, fallback: str):
    target = request.POST.get("next", "")
    # Only a path on this site: redirect() would read a bare word ("hola") as a
    # view name and fail with a 500, and control characters never make a URL.
    if (
        target.startswith("/")
        and target.isprintable()
        and url_has_allowed_host_and_scheme(
            target,
            allowed_hosts={request.get_host()},
            require_https=request.is_secure(),
        )
    ):
        return HttpResponseRedirect(target)
    return redirect(fallback)


@login_required
@require_POST
def enroll_view(request, course_id: int):
    course = _live_course(course_id)
    cohort = None
    if request.POST.get("cohort"):
        try:
            cohort = Cohort.objects.get(pk=int(request.POST["cohort"]), course=course)
        except (ValueError, Cohort.DoesNotExist):
            messages.error(request, _("La edición elegida no pertenece a este curso."))
            return redirect(course.url)
    before = enrollment_for(user=request.user, course=course)
    try:
        enrollment = enroll(user=request.user, course=course, cohort=cohort)
    except EditionFull as full:
        # A full edition: the waiting list is offered on its page.
        messages.warning(request, str(full))
        return redirect("cursos:waitlist", cohort_id=full.cohort.pk)
    except EnrollmentError as error:
        messages.error(request, str(error))
        return redirect(course.url)
    if before is not None and before.pk == enrollment.pk:
        messages.info(request, _("Ya estaba inscrito en este curso."))
    else:
        messages.success(
            request,
            _("Se inscribió en «%(curso)s». ¡Bienvenida, bienvenido!")
            % {"curso": course.title},
        )
    return redirect("cursos:continue", course_id=course.pk)


@login_required
@require_POST
def complete_view(request, lesson_id: int):
    lesson = get_object_or_404(Page.objects.live(), pk=lesson_id)
    course = CoursePage.objects.filter(
        path=lesson.path[: -2 * Page.steplen], live=True
    ).first()
    if course is None:
        raise Http404
    enrollment = enrollment_for(user=request.user, course=course)
    if enrollment is None:
        messages.error(request, _("Inscríbase en el curso para registrar su avance."))
        return redirect(course.url)
    was_complete = enrollment.completed_at is not None
    try:
        complete_lesson(enrollment=enrollment, lesson=lesson)
    except ProgressError as error:
        messages.error(request, str(error))
        return redirect(lesson.url)
    messages.success(request, _("Lección completada."))
    enrollment.refresh_from_db(fields=["completed_at"])
    if not was_complete and enrollment.completed_at:
        # The last lesson: "Mi aprendizaje" opens with the finish line and the
        # certificate.
        return redirect(f"{reverse('cursos:dashboard')}#terminado-{course.pk}")
    return _back(request, lesson.url)


@login_required
def continue_view(request, course_id: int):
    """ "Continuar donde lo dejé": the first item not done yet, or the course."""
    course = _live_course(course_id)
    enrollment = enrollment_for(user=request.user, course=course)
    if enrollment is None:
        raise Http404
    next_item = progress_for(enrollment=enrollment, course=course).next_item()
    return redirect(next_item.url if next_item else course.url)


@login_required
def dashboard_view(request):
    return render(
        request, "cursos/dashboard.html", learner_dashboard(user=request.user)
    )


# ------------------------------------------------------------------ quizzes
def _own_attempt(request, attempt_id: int, queryset=None) -> QuizAttempt:
    """The attempt, only if it is the requesting learner's (anyone else: 404).
    ``queryset`` is one of the ``_ATTEMPT_FOR_*`` below (what the use reads)."""
    prepared = _OWN_ATTEMPT[queryset if queryset is not None else _ATTEMPT_FOR_RESULT]
    found = prepared(attempt_id, request.user.pk)
    if not found:
        raise Http404
    return found[0]


# What each use of an attempt reads: exam day is mostly autosaves and attempt
# pages, and neither needs the quiz page's row (its whole question bank).
_ATTEMPT_FOR_SAVING = QuizAttempt.objects.select_related("enrollment__cohort").only(
    "pk", "deadline", "submitted_at", "snapshot", "enrollment", "quiz_id"
)
# Submitting grades from the snapshot: the quiz's pass mark and place in the
# tree, and the edition's dates, are read; its question bank is not.
_ATTEMPT_FOR_SUBMIT = QuizAttempt.objects.select_related(
    "quiz", "enrollment__cohort"
).defer("quiz__questions")
_ATTEMPT_FOR_PAGE = QuizAttempt.objects.annotate(quiz_title=F("quiz__title")).only(
    "pk", "number", "deadline", "submitted_at", "snapshot", "answers", "quiz_id"
)
_ATTEMPT_FOR_RESULT = QuizAttempt.objects.select_related("quiz", "enrollment")


def _prepared_own(queryset) -> PreparedQuery:
    """``queryset`` narrowed to one attempt of one learner, compiled once per
    process (lms.prepared): every exam request looks its attempt up."""
    return PreparedQuery(
        lambda attempt_id, user_id: queryset.filter(
            pk=attempt_id, enrollment__user_id=user_id
        ),
        PreparedQuery.INT,
        PreparedQuery.INT,
    )


_OWN_ATTEMPT = {
    queryset: _prepared_own(queryset)
    for queryset in (
        _ATTEMPT_FOR_SAVING,
        _ATTEMPT_FOR_SUBMIT,
        _ATTEMPT_FOR_PAGE,
        _ATTEMPT_FOR_RESULT,
    )
}


def _answers_from(post) -> dict[str, list[str]]:
    return {
        key.removeprefix("q-"): post.getlist(key)
        for key in post
        if key.startswith("q-")
    }


@login_required
@require_POST
def start_quiz_view(request, quiz_id: int):
    found = _live_quiz(quiz_id)
    if not found:
        raise Http404
    quiz = found[0]
    outline = course_outline_at(quiz.path[: -2 * Page.steplen])
    enrollment = enrollment_for(user=request.user, course=outline.course_id)
    if enrollment is None:
        messages.error(
            request, _("Inscríbase en el curso para presentar la evaluación.")
        )
        return redirect(outline.course.url)
    progress = progress_for(
        enrollment=enrollment, course=outline.course, outline=outline
    )
    reason = (
        progress.locked_reason(outline.item(quiz.pk)) if outline.item(quiz.pk) else None
    )
    if reason:
        messages.error(request, reason)
        return redirect(quiz.url)
    try:
        attempt = start_attempt(enrollment=enrollment, quiz=quiz)
    except QuizError as error:
        messages.error(request, str(error))
        return redirect(quiz.url)
    return redirect("cursos:attempt", attempt_id=attempt.pk)


# Everyone starts at once on exam day: compiled once (lms.prepared).
_live_quiz = PreparedQuery(
    lambda quiz_id: QuizPage.objects.live().filter(pk=quiz_id), PreparedQuery.INT
)


def _wants_json(request) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


@login_required
def attempt_view(request, attempt_id: int):
    """The attempt form (GET); save answers or submit (POST).

    The page's script autosaves with ``pregunta`` naming the questions that
    changed (only those are sent and stored); the form's own buttons send the
    whole form."""
    if request.method == "POST" and request.POST.get("accion") == "enviar":
        return _submit(request, _own_attempt(request, attempt_id, _ATTEMPT_FOR_SUBMIT))
    if request.method == "POST":
        attempt = _own_attempt(request, attempt_id, _ATTEMPT_FOR_SAVING)
    else:
        attempt = _own_attempt(request, attempt_id, _ATTEMPT_FOR_PAGE)
    if not attempt.is_open:
        return redirect("cursos:attempt_result", attempt_id=attempt.pk)
    error = None
    if request.method == "POST":
        changed = request.POST.getlist("pregunta") or None
        try:
            save_answers(
                attempt=attempt, answers=_answers_from(request.POST), only=changed
            )
        except AttemptClosed as closed:
            return _closed(request, attempt, closed)
        except QuizError as refused:
            if _wants_json(request):
                return JsonResponse({"error": str(refused)}, status=400)
            error = str(refused)
            attempt = _own_attempt(request, attempt_id, _ATTEMPT_FOR_PAGE)
        else:
            if _wants_json(request):
                return JsonResponse({"guardado": True})
            messages.success(request, _("Sus respuestas se guardaron."))
            return redirect("cursos:attempt", attempt_id=attempt.pk)
    return _attempt_page(request, attempt, error)


def _attempt_page(request, attempt: QuizAttempt, error: str | None = None):
    """The form, rendered from the snapshot alone (loaded once, never the quiz
    page): prompts and choice texts, no correct answers."""
    context = {
        "attempt": attempt,
        "quiz": {"title": attempt.quiz_title},
        "questions": public_questions(
            attempt.snapshot,
            {key for keys in attempt.answers.values() for key in keys},
        ),
        "error": error,
    }
    return render(
        request, "cursos/quiz_attempt.html", context, status=400 if error else 200
    )


def _closed(request, attempt, closed: AttemptClosed):
    if _wants_json(request):
        return JsonResponse({"error": str(closed), "cerrado": True}, status=409)
    messages.warning(request, str(closed))
    return redirect("cursos:attempt_result", attempt_id=attempt.pk)


def _submit(request, attempt: QuizAttempt):
    if not attempt.is_open:
        return redirect("cursos:attempt_result", attempt_id=attempt.pk)
    try:
        submit_attempt(attempt=attempt, answers=_answers_from(request.POST))
    except AttemptClosed as closed:
        return _closed(request, attempt, closed)
    except QuizError as refused:
        if _wants_json(request):
            return JsonResponse({"error": str(refused)}, status=400)
        page = _own_attempt(request, attempt.pk, _ATTEMPT_FOR_PAGE)
        return _attempt_page(request, page, str(refused))
    return redirect("cursos:attempt_result", attempt_id=attempt.pk)


@login_required
def attempt_result_view(request, attempt_id: int):
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_open:
        return redirect("cursos:attempt", attempt_id=attempt.pk)
    state = quiz_state(enrollment=attempt.enrollment, quiz=attempt.quiz)
    return render(
        request,
        "cursos/quiz_result.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "state": state,
            "review": review_for(attempt=attempt, state=state),
            "finish_line": finish_line(attempt=attempt),
        },
    )


# ------------------------------------------------------------------ waiting list
@login_required
def waitlist_view(request, cohort_id: int):
    """A full edition's waiting list: join, see one's place, leave, or take
    the seat offered (POST ``accion``: unirme | salir | tomar)."""
    from .services.editions import (
        EditionError,
        active_entry,
        join_waitlist,
        leave_waitlist,
        take_seat,
        waitlist_position,
    )

    cohort = get_object_or_404(
        Cohort.objects.select_related("course"), pk=cohort_id, course__live=True
    )
    if request.method == "POST":
        action = request.POST.get("accion")
        try:
            if action == "unirme":
                join_waitlist(user=request.user, cohort=cohort)
                messages.success(request, _("Está en la lista de espera."))
            elif action == "salir":
                if leave_waitlist(user=request.user, cohort=cohort):
                    messages.success(request, _("Salió de la lista de espera."))
            elif action == "tomar":
                take_seat(user=request.user, cohort=cohort)
                messages.success(
                    request,
                    _("Se inscribió en «%(curso)s».") % {"curso": cohort.course.title},
                )
                return redirect("cursos:continue", course_id=cohort.course_id)
            else:
                messages.error(request, _("Acción no válida."))
        except EditionError as error:
            messages.error(request, str(error))
        return redirect("cursos:waitlist", cohort_id=cohort.pk)
    from .services.enrollment import seats_taken

    entry = active_entry(user=request.user, cohort=cohort)
    enrolled = cohort.enrollments.filter(user=request.user).exists()
    has_seats = cohort.capacity is None or seats_taken(cohort) < cohort.capacity
    return render(
        request,
        "cursos/waitlist.html",
        {
            "cohort": cohort,
            "course": cohort.course,
            "entry": entry,
            "position": waitlist_position(entry) if entry else None,
            "enrolled": enrolled,
            "has_seats": has_seats,
            "is_open": cohort.enrollment_state() == "abierta",
        },
    )
