"""The learner's "Calificaciones" page of one graded course."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from .models import CoursePage
from .selectors_grades import learner_grades


@login_required
def grades_view(request, course_id: int):
    """Only the requesting learner's own latest enrollment; a course without
    grade, or one the learner is not enrolled in: 404."""
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    if not course.is_graded:
        raise Http404
    context = learner_grades(user=request.user, course=course)
    if context is None:
        raise Http404
    return render(request, "cursos/grades.html", context)
