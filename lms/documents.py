"""Who may download a document (Wagtail's `before_serve_document` hook).

A document is served to whoever may read at least one live page that uses it,
as Wagtail's reference index records the uses (StreamField blocks and rich-text
links alike):

- a live page open to the public (no view restriction) outside an enrolled-only
  course: anyone (campaign pages, course syllabi, lessons of open courses);
- a module, lesson or quiz of a course whose lessons are for enrolled people
  only: the learners enrolled in that course;
- people with access to the admin (coordinators, superusers): always.

A document used nowhere, only by drafts, by restricted pages or by non-page
objects is served to admin users only. Anonymous visitors who may not download
are sent to sign in; signed-in people who may not get a 403 in Spanish.

Cost per download: at most four queries whatever the number of uses (references,
their live pages, their courses, the enrollment).
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def may_download(document, user) -> bool:
    from wagtail.models import Page, ReferenceIndex

    from cursos.models import CoursePage, Enrollment
    from lms.accounts.permissions import can_access_admin

    if can_access_admin(user):
        return True
    page_type = ReferenceIndex._get_base_content_type(Page)
    page_ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    if not page_ids:
        return False
    paths = list(
        Page.objects.live()
        .public()
        .filter(pk__in=page_ids)
        .values_list("path", flat=True)
    )
    if not paths:
        return False
    # The courses above (or at) each page: a page is enrolled-only when it lies
    # under a course whose lessons are for enrolled people only.
    ancestor_paths = {
        path[:length]
        for path in paths
        for length in range(Page.steplen, len(path) + 1, Page.steplen)
    }
    courses = list(
        CoursePage.objects.filter(path__in=ancestor_paths).values_list(
            "pk", "path", "visibility"
        )
    )
    enrolled_only = {
        path: pk
        for pk, path, visibility in courses
        if visibility == CoursePage.Visibility.ENROLLED
    }
    needed_courses = set()
    for path in paths:
        course_id = next(
            (pk for prefix, pk in enrolled_only.items() if path.startswith(prefix)),
            None,
        )
        # The course page itself (its syllabus) is public.
        if course_id is None or path in enrolled_only:
            return True
        needed_courses.add(course_id)
    if not user.is_authenticated:
        return False
    return Enrollment.objects.filter(user=user, course_id__in=needed_courses).exists()


def check_document_access(document, request):
    """`before_serve_document` hook: None to serve, or the refusal."""
    if may_download(document, request.user):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied(_("No tiene acceso a este documento."))
