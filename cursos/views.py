"""Plain Django views for what a learner does: enroll, complete, continue, dashboard.

Views are thin: look up the objects within what the user may see, call a service,
redirect with a message.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from .models import Cohort, CoursePage, Enrollment
from .selectors import learner_dashboard, progress_for
from .services.enrollment import EnrollmentError, enroll
from .services.progress import ProgressError, complete_lesson


def _live_course(course_id) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live(), pk=course_id)


def _back(request, fallback: str):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
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
    already = Enrollment.objects.filter(user=request.user, course=course).exists()
    try:
        enroll(user=request.user, course=course, cohort=cohort)
    except EnrollmentError as error:
        messages.error(request, str(error))
        return redirect(course.url)
    if already:
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
    enrollment = Enrollment.objects.filter(user=request.user, course=course).first()
    if enrollment is None:
        messages.error(request, _("Inscríbase en el curso para registrar su avance."))
        return redirect(course.url)
    try:
        complete_lesson(enrollment=enrollment, lesson=lesson)
    except ProgressError as error:
        messages.error(request, str(error))
        return redirect(lesson.url)
    messages.success(request, _("Lección completada."))
    return _back(request, lesson.url)


@login_required
def continue_view(request, course_id: int):
    """ "Continuar donde lo dejé": the first item not done yet, or the course."""
    course = _live_course(course_id)
    enrollment = get_object_or_404(Enrollment, user=request.user, course=course)
    next_item = progress_for(enrollment=enrollment, course=course).next_item()
    return redirect(next_item.url if next_item else course.url)


@login_required
def dashboard_view(request):
    return render(
        request, "cursos/dashboard.html", learner_dashboard(user=request.user)
    )
