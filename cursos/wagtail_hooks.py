"""Admin wiring for courses."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from .models import CoursePage, Enrollment


def _has_learners(pages) -> bool:
    paths = [page.path for page in pages if isinstance(page, Page)]
    courses = CoursePage.objects.none()
    for path in paths:
        courses = courses | CoursePage.objects.filter(path__startswith=path)
    return Enrollment.objects.filter(course__in=courses).exists()


REFUSAL = _(
    "No se puede eliminar un curso con personas inscritas: su historial y sus "
    "certificados dependen de él. Despublíquelo para retirarlo del catálogo."
)


@hooks.register("before_delete_page")
def keep_courses_with_learners(request, page):
    if _has_learners([page]):
        messages.error(request, REFUSAL)
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_bulk_action")
def keep_courses_with_learners_in_bulk(
    request, action_type, objects, action_class_instance
):
    if action_type == "delete" and _has_learners(objects):
        messages.error(request, REFUSAL)
        return redirect("wagtailadmin_explore_root")
    return None
