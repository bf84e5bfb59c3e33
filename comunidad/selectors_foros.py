"""Reads for announcements and forums: every id is looked up inside the
editions the person may read (404 otherwise); lists cost a fixed number of
queries whatever their length."""

from __future__ import annotations

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from comunidad.access import moderated_cohorts, readable_cohorts
from comunidad.models import (
    Announcement,
    AnnouncementRead,
    Post,
    PostAttachment,
    PostReport,
    Thread,
    ThreadSubscription,
)
from cursos.models import Cohort, Enrollment, ModulePage
from lms.prepared import PreparedQuery

PER_PAGE = 20


def cohort_for(user, cohort_id: int) -> Cohort:
    """The edition ``cohort_id`` when ``user`` may read it; 404 otherwise."""
    return get_object_or_404(
        readable_cohorts(user).select_related("course"), pk=cohort_id
    )


def moderated_cohort_for(user, cohort_id: int) -> Cohort:
    return get_object_or_404(
        moderated_cohorts(user).select_related("course"), pk=cohort_id
    )


def edition_modules(cohort: Cohort):
    return ModulePage.objects.live().child_of(cohort.course).order_by("path")


def module_for(cohort: Cohort, module_id: int) -> ModulePage:
    """A module of the edition's course; 404 for any other page."""
    return get_object_or_404(edition_modules(cohort), pk=module_id)


def forum_modules(cohort: Cohort) -> list[dict]:
    """The modules of the edition's course with their thread counts (2 queries)."""
    modules = list(edition_modules(cohort).only("pk", "title", "path"))
    counts = dict(
        Thread.objects.filter(cohort=cohort)
        .values_list("module_id")
        .annotate(n=Count("pk"))
        .values_list("module_id", "n")
    )
    return [{"module": m, "threads": counts.get(m.pk, 0)} for m in modules]


def paginate(queryset, number) -> PaginatorPage:
    paginator = Paginator(queryset, PER_PAGE)
    if number == "ultima":
        number = paginator.num_pages
    return paginator.get_page(number)


def module_threads(cohort: Cohort, module: ModulePage, page) -> PaginatorPage:
    """The module's threads in the edition, newest activity first."""
    threads = (
        Thread.objects.filter(cohort=cohort, module=module)
        .select_related("author")
        .order_by("-last_post_at", "-pk")
    )
    return paginate(threads, page)


def thread_for(user, cohort: Cohort, thread_id: int) -> Thread:
    return get_object_or_404(
        Thread.objects.select_related("author", "module"),
        pk=thread_id,
        cohort=cohort,
    )


def thread_posts(thread: Thread, page) -> PaginatorPage:
    posts = (
        Post.objects.filter(thread=thread)
        .select_related("author")
        .prefetch_related(
            Prefetch("files", queryset=PostAttachment.objects.order_by("pk"))
        )
        .order_by("created_at", "pk")
    )
    return paginate(posts, page)


def is_subscribed(thread: Thread, user) -> bool:
    return ThreadSubscription.objects.filter(thread=thread, user=user).exists()


def post_for(cohort: Cohort, post_id: int) -> Post:
    return get_object_or_404(
        Post.objects.select_related("thread", "author"),
        pk=post_id,
        thread__cohort=cohort,
    )


def attachment_for(cohort: Cohort, attachment_id: int) -> PostAttachment:
    return get_object_or_404(
        PostAttachment.objects.select_related("post"),
        pk=attachment_id,
        post__thread__cohort=cohort,
    )


def open_reports(cohort: Cohort) -> list[PostReport]:
    """Reports not yet handled, oldest first (one query)."""
    return list(
        PostReport.objects.filter(post__thread__cohort=cohort, handled_at__isnull=True)
        .select_related("post__thread", "post__author", "reporter")
        .order_by("created_at", "pk")
    )


def open_report_counts(cohort_ids) -> dict[int, int]:
    return dict(
        PostReport.objects.filter(
            post__thread__cohort_id__in=list(cohort_ids), handled_at__isnull=True
        )
        .values_list("post__thread__cohort_id")
        .annotate(n=Count("pk"))
        .values_list("post__thread__cohort_id", "n")
    )


# ------------------------------------------------------------------ announcements
def _with_read(queryset, user):
    return queryset.annotate(
        is_read=Exists(
            AnnouncementRead.objects.filter(announcement=OuterRef("pk"), user=user)
        )
    )


def cohort_announcements(cohort: Cohort, user, *, moderator: bool) -> list:
    """The edition's announcements, newest first; moderators also see the
    withdrawn ones (one query)."""
    announcements = Announcement.objects.filter(cohort=cohort).select_related("author")
    if not moderator:
        announcements = announcements.filter(withdrawn_at__isnull=True)
    return list(_with_read(announcements, user))


def announcement_for(cohort: Cohort, announcement_id: int, *, moderator: bool):
    announcements = Announcement.objects.filter(cohort=cohort)
    if not moderator:
        announcements = announcements.filter(withdrawn_at__isnull=True)
    return get_object_or_404(announcements, pk=announcement_id)


def unread_announcements(user, cohort_ids=None) -> list[Announcement]:
    """Announcements not withdrawn and not yet read by ``user`` in the editions
    where ``user`` is a learner (or in ``cohort_ids`` among them); one query."""
    if not user.is_authenticated:
        return []
    if cohort_ids is None:
        return _unread_in_every_edition(user.pk)
    cohort_ids = list(cohort_ids)
    if len(cohort_ids) == 1:
        return _unread_in_one_edition(user.pk, cohort_ids[0])
    return list(_unread_query(user.pk, cohort_id__in=cohort_ids))


def _unread_query(user_id, **cohorts):
    learner_cohorts = Enrollment.objects.filter(
        user_id=user_id, cohort__isnull=False
    ).values("cohort_id")
    return (
        Announcement.objects.filter(
            cohort_id__in=learner_cohorts, withdrawn_at__isnull=True, **cohorts
        )
        .exclude(Q(reads__user_id=user_id))
        .select_related("cohort")
        .order_by("-created_at", "-pk")[:10]
    )


# Asked on "Mi aprendizaje" and on course pages: compiled once (lms.prepared).
_unread_in_every_edition = PreparedQuery(_unread_query, PreparedQuery.INT)
_unread_in_one_edition = PreparedQuery(
    lambda user_id, cohort_id: _unread_query(user_id, cohort_id=cohort_id),
    PreparedQuery.INT,
    PreparedQuery.INT,
)


def require_readable(user, cohort: Cohort) -> None:
    if not readable_cohorts(user).filter(pk=cohort.pk).exists():
        raise Http404
