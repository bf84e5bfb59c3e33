"""The lesson page's reads, at a cost that does not grow with the course.

``cursos.selectors.item_page_context`` (quiz and assignment pages) works from
the whole course on every request: it unpickles the cached outline (an object
per item, with its dates), reads every record of the learner with its date and
walks the items to count progress, find new items and locks. On the lesson
page, the page a course is mostly read on, each request cost more the longer
the course. Here the same answers (``tests/cursos/test_lesson_page_flat.py``
compares them with ``item_page_context``) come from:

- ``CourseMap``: the course's items and modules as flat tuples (ids, module
  boundaries, first publication in microseconds, titles, addresses), built from
  the outline and cached beside it under the course's tree path, purged with it
  (``cursos.signal_handlers``). Tuples of numbers and strings unpickle about
  twenty times faster than the outline's objects.
- the learner's records as ids: lessons completed, quizzes passed, assignments
  handed in; a date only for modules completed (one query, compiled once).
- set operations per module instead of Python loops over items; only the items
  shown around the lesson become objects for the template.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cached_property
from typing import NamedTuple

from django.core.cache import cache
from django.utils.translation import gettext as _
from wagtail.models import Page

from lms.prepared import PreparedQuery

from .models import CoursePage
from .selectors import (
    MODULE,
    NAV_ITEMS,
    NAV_MODULES,
    OUTLINE_TIMEOUT,
    CourseOutline,
    CourseSummary,
    course_outline_at,
    edition_notice,
    enrollment_for,
    nav_window,
    records_query,
)

COURSE_MAP_PREFIX = "cursos:course-map:v1:"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def course_map_cache_key(path: str) -> str:
    return f"{COURSE_MAP_PREFIX}{path}"


def _instant(when: datetime | None) -> int | None:
    """An aware datetime as whole microseconds since 1970: exact, and an int
    unpickles much faster than a datetime."""
    return None if when is None else (when - _EPOCH) // _MICROSECOND


# ----------------------------------------------------------------------- course map
class NavItem(NamedTuple):
    """An item as the lesson page shows it (the attributes of OutlineItem the
    templates read)."""

    id: int
    title: str
    url: str
    kind: str
    minutes: int
    module_id: int
    final_project: bool


class NavModule(NamedTuple):
    id: int
    title: str
    url: str


@dataclass(frozen=True)
class CourseMap:
    """The outline of a course as flat tuples, items in tree order."""

    course: CourseSummary
    module_ids: tuple[int, ...]
    module_titles: tuple[str, ...]
    module_urls: tuple[str, ...]
    # The items of module m are the positions module_starts[m] to
    # module_starts[m + 1] (excluded).
    module_starts: tuple[int, ...]
    # The latest first publication among each module's items (None: none).
    module_latest: tuple[int | None, ...]
    item_ids: tuple[int, ...]
    item_titles: tuple[str, ...]
    item_urls: tuple[str, ...]
    item_kinds: tuple[str, ...]
    item_minutes: tuple[int, ...]
    item_final_projects: tuple[bool, ...]
    item_published: tuple[int | None, ...]

    @classmethod
    def from_outline(cls, outline: CourseOutline) -> CourseMap:
        starts = [0]
        latest = []
        for module in outline.modules:
            starts.append(starts[-1] + len(module.items))
            published = [
                _instant(i.first_published_at)
                for i in module.items
                if i.first_published_at is not None
            ]
            latest.append(max(published, default=None))
        items = outline.items
        return cls(
            course=outline.course,
            module_ids=tuple(m.id for m in outline.modules),
            module_titles=tuple(m.title for m in outline.modules),
            module_urls=tuple(m.url for m in outline.modules),
            module_starts=tuple(starts),
            module_latest=tuple(latest),
            item_ids=tuple(i.id for i in items),
            item_titles=tuple(i.title for i in items),
            item_urls=tuple(i.url for i in items),
            item_kinds=tuple(i.kind for i in items),
            item_minutes=tuple(i.minutes for i in items),
            item_final_projects=tuple(i.final_project for i in items),
            item_published=tuple(_instant(i.first_published_at) for i in items),
        )

    @property
    def module_count(self) -> int:
        return len(self.module_ids)

    def position(self, item_id: int) -> int | None:
        try:
            return self.item_ids.index(item_id)
        except ValueError:
            return None

    def module_index(self, position: int) -> int:
        """The module of the item at ``position`` (empty modules skipped)."""
        return bisect_right(self.module_starts, position) - 1

    def bounds(self, module_index: int) -> tuple[int, int]:
        return self.module_starts[module_index], self.module_starts[module_index + 1]

    def module_items(self, module_index: int) -> tuple[int, ...]:
        start, end = self.bounds(module_index)
        return self.item_ids[start:end]

    def item(self, position: int) -> NavItem:
        return NavItem(
            id=self.item_ids[position],
            title=self.item_titles[position],
            url=self.item_urls[position],
            kind=self.item_kinds[position],
            minutes=self.item_minutes[position],
            module_id=self.module_ids[self.module_index(position)],
            final_project=self.item_final_projects[position],
        )

    def module(self, module_index: int) -> NavModule:
        return NavModule(
            id=self.module_ids[module_index],
            title=self.module_titles[module_index],
            url=self.module_urls[module_index],
        )


def course_map_at(path: str) -> CourseMap:
    """Cached map of the course at tree ``path`` (0 queries when warm; built
    from the cached outline otherwise)."""
    key = course_map_cache_key(path)
    course_map = cache.get(key)
    if course_map is None:
        course_map = CourseMap.from_outline(course_outline_at(path))
        cache.set(key, course_map, OUTLINE_TIMEOUT)
    return course_map


# -------------------------------------------------------------------------- records
@dataclass(frozen=True)
class LearnerRecords:
    """What one enrollment has done: item ids, and when each module was
    completed (microseconds, as ``CourseMap.item_published``)."""

    item_ids: frozenset[int] = frozenset()
    module_completed_at: dict[int, int] | None = None


# Ids only: ``selectors.records_query`` without items' dates, by enrollment
# (compiled once per process, lms.prepared).
_records_of_enrollment = PreparedQuery(
    lambda enrollment_id: records_query(item_dates=False, enrollment_id=enrollment_id),
    PreparedQuery.INT,
)


def learner_records(enrollment) -> LearnerRecords:
    """One query (compiled once per process); none without an enrollment."""
    if enrollment is None:
        return LearnerRecords(module_completed_at={})
    items, modules = set(), {}
    for _enrollment_id, kind, page_id, when in _records_of_enrollment(enrollment.pk):
        if kind == MODULE:
            modules[page_id] = _instant(when)
        else:
            items.add(page_id)
    return LearnerRecords(frozenset(items), modules)


# ------------------------------------------------------------------------- progress
class LessonProgress:
    """Where one learner stands in one course: the answers of
    ``selectors.Progress`` (same rule for new content, same locks), worked out
    per module with set operations."""

    def __init__(self, course_map: CourseMap, records: LearnerRecords, enrollment):
        self.map = course_map
        self.completed_ids = records.item_ids
        self.module_completed_at = records.module_completed_at or {}
        self.course_complete = bool(enrollment and enrollment.completed_at)
        all_ids = frozenset(course_map.item_ids)
        self.new_ids = self._new_items(all_ids)
        self.done = len(self.completed_ids & all_ids)
        self.required = len(all_ids) - len(self.new_ids)

    @property
    def percent(self) -> int:
        if self.course_complete:
            return 100
        if not self.required:
            return 0
        return round(100 * self.done / self.required)

    def _new_items(self, all_ids: frozenset[int]) -> frozenset[int]:
        """Not done, and first published after the learner had passed its
        module (completed it or one after it); everything not done once the
        course is complete. A module whose items were all published before it
        was passed is skipped whole."""
        if self.course_complete:
            return all_ids - self.completed_ids
        course_map, new, passed = self.map, set(), None
        for m in reversed(range(course_map.module_count)):
            completed = self.module_completed_at.get(course_map.module_ids[m])
            if completed is not None and (passed is None or completed < passed):
                passed = completed
            latest = course_map.module_latest[m]
            if passed is None or latest is None or latest <= passed:
                continue
            start, end = course_map.bounds(m)
            for position in range(start, end):
                published = course_map.item_published[position]
                item_id = course_map.item_ids[position]
                if (
                    published is not None
                    and published > passed
                    and item_id not in self.completed_ids
                ):
                    new.add(item_id)
        return frozenset(new)

    def module_is_complete(self, m: int) -> bool:
        if self.map.module_ids[m] in self.module_completed_at:
            return True
        required = frozenset(self.map.module_items(m)) - self.new_ids
        return bool(required) and required <= self.completed_ids

    def _has_pending(self, m: int) -> bool:
        """Something required in module ``m`` is not done yet."""
        items = frozenset(self.map.module_items(m))
        return bool(items - self.completed_ids - self.new_ids)

    def _reached_index(self) -> int:
        """The furthest module the learner completed or did anything in (-1)."""
        for m in reversed(range(self.map.module_count)):
            if self.map.module_ids[
                m
            ] in self.module_completed_at or not self.completed_ids.isdisjoint(
                self.map.module_items(m)
            ):
                return m
        return -1

    @cached_property
    def blocking_module(self) -> int | None:
        """In a sequential course, the first module from the furthest reached
        one on with something required left: every module after it is locked
        (``Progress.locked_reason``). None when nothing is locked."""
        if not self.map.course.sequential or self.course_complete:
            return None
        for m in range(max(self._reached_index(), 0), self.map.module_count):
            if self.map.module_ids[m] not in self.module_completed_at and (
                self._has_pending(m)
            ):
                return m
        return None

    def module_locked(self, m: int) -> bool:
        return self.blocking_module is not None and self.blocking_module < m

    def locked_reason(self, position: int) -> str | None:
        """Why the item at ``position`` is locked, or None."""
        if not self.module_locked(self.map.module_index(position)):
            return None
        return _("Se abre cuando complete el módulo «%(modulo)s».") % {
            "modulo": self.map.module_titles[self.blocking_module]
        }

    @cached_property
    def next_item(self) -> NavItem | None:
        """The place to continue (``Progress.next_item``): the first required
        item not done after the furthest one done, else the first one left
        behind."""
        position = self._first_pending(self._furthest_done() + 1)
        if position is None:
            position = self._first_pending(0)
        return None if position is None else self.map.item(position)

    def _furthest_done(self) -> int:
        ids = self.map.item_ids
        for m in reversed(range(self.map.module_count)):
            start, end = self.map.bounds(m)
            if not self.completed_ids.isdisjoint(ids[start:end]):
                return next(
                    p
                    for p in range(end - 1, start - 1, -1)
                    if ids[p] in self.completed_ids
                )
        return -1

    def _first_pending(self, start: int) -> int | None:
        ids = self.map.item_ids
        if start >= len(ids):
            return None
        skip = self.completed_ids | self.new_ids
        for m in range(self.map.module_index(start), self.map.module_count):
            first, end = self.map.bounds(m)
            first = max(first, start)
            if not skip.issuperset(ids[first:end]):
                return next(p for p in range(first, end) if ids[p] not in skip)
        return None


# ------------------------------------------------------------------------ the page
def _entry(progress: LessonProgress, position: int, current: int, before_start):
    item_id = progress.map.item_ids[position]
    return {
        "item": progress.map.item(position),
        "done": item_id in progress.completed_ids,
        "new": item_id in progress.new_ids,
        "current": position == current,
        "locked_reason": before_start or progress.locked_reason(position),
    }


def _module_row(progress: LessonProgress, m: int, current: int | None, before_start):
    items = progress.map.module_items(m)
    return {
        "module": progress.map.module(m),
        "current": m == current,
        "done": len(progress.completed_ids.intersection(items)),
        "required": len(items) - len(progress.new_ids.intersection(items)),
        "complete": progress.module_is_complete(m),
        "locked": bool(items and (before_start or progress.module_locked(m))),
    }


def lesson_nav(progress: LessonProgress, position: int | None, before_start) -> dict:
    """``selectors.course_nav`` for the lesson at ``position``: the current
    module's items around it and the modules around its module."""
    course_map = progress.map
    nav: dict = {"module": None, "items": [], "module_count": course_map.module_count}
    module_index = None
    if position is not None:
        module_index = course_map.module_index(position)
        first, end = course_map.bounds(module_index)
        start, stop = nav_window(end - first, position - first, NAV_ITEMS)
        nav.update(
            module=course_map.module(module_index),
            module_number=module_index + 1,
            items=[
                _entry(progress, p, position, before_start)
                for p in range(first + start, first + stop)
            ],
            items_before=start,
            items_after=end - first - stop,
        )
    start, stop = nav_window(course_map.module_count, module_index or 0, NAV_MODULES)
    nav.update(
        modules=[
            _module_row(progress, m, module_index, before_start)
            for m in range(start, stop)
        ],
        modules_start=start + 1,
        modules_before=start,
        modules_after=course_map.module_count - stop,
    )
    return nav


def lesson_page_context(*, lesson: Page, user) -> dict:
    """Context of a lesson page, as ``selectors.item_page_context`` gives it:
    course, module, enrollment, progress, the short outline (``course_nav``),
    previous/next, done/new, and whether the learner may read it and why not.
    Its cost does not grow with the number of items in the course."""
    course_map = course_map_at(lesson.path[: -2 * Page.steplen])
    course = course_map.course
    enrollment = enrollment_for(user=user, course=course.pk)
    progress = LessonProgress(course_map, learner_records(enrollment), enrollment)
    position = course_map.position(lesson.pk)
    notice = edition_notice(enrollment)
    before_start = notice["message"] if notice and notice["kind"] == "antes" else None
    locked_reason = None
    if position is not None:
        if before_start:
            locked_reason = before_start
        elif enrollment:
            locked_reason = progress.locked_reason(position)
    if course.visibility == CoursePage.Visibility.ENROLLED and enrollment is None:
        blocked = "inscripcion"
    elif locked_reason:
        blocked = "bloqueado"
    else:
        blocked = None
    last = len(course_map.item_ids) - 1
    return {
        "course": course,
        "module": None
        if position is None
        else course_map.module(course_map.module_index(position)),
        "enrollment": enrollment,
        "progress": progress,
        "course_nav": lesson_nav(progress, position, before_start),
        "edition_notice": notice,
        "previous_item": course_map.item(position - 1) if position else None,
        "next_item": course_map.item(position + 1)
        if position is not None and position < last
        else None,
        "is_done": lesson.pk in progress.completed_ids,
        "is_new": lesson.pk in progress.new_ids,
        "blocked": blocked,
        "locked_reason": locked_reason,
    }
