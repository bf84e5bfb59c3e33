"""Reads that span models: course outlines, progress, catalog and dashboard.

The outline of a course (its live modules and items, in tree order) is cached per
course and purged when any page of the course is published, unpublished, moved or
deleted (``cursos.signal_handlers``). Everything else is a fixed number of queries,
whatever the size of the course or the number of enrollments.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.cache import cache
from django.db.models import (
    CharField,
    Count,
    DateTimeField,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from lms.prepared import PreparedQuery

from .models import (
    AssignmentPage,
    Cohort,
    CoursePage,
    Enrollment,
    ExtraAttempt,
    LessonCompletion,
    LessonPage,
    ModuleCompletion,
    QuizAttempt,
    QuizPage,
    Submission,
)

OUTLINE_CACHE_PREFIX = "cursos:outline:v3:"
OUTLINE_TIMEOUT = 60 * 60 * 24


# --------------------------------------------------------------------------- outline
@dataclass(frozen=True)
class OutlineItem:
    id: int
    title: str
    url: str
    kind: str  # "leccion" | "evaluacion" | "tarea"
    minutes: int
    module_id: int
    # When the item first went live: decides whether it is new (optional) for
    # a learner who had already completed its module or one after it.
    first_published_at: datetime | None = None
    # An assignment that is the course's final project ("Proyecto final").
    final_project: bool = False


@dataclass(frozen=True)
class OutlineModule:
    id: int
    title: str
    url: str
    items: tuple[OutlineItem, ...]

    @property
    def minutes(self) -> int:
        return sum(item.minutes for item in self.items)


@dataclass(frozen=True)
class CourseSummary:
    """What item pages need to know about their course, cached with the outline."""

    pk: int
    title: str
    url: str
    sequential: bool
    visibility: str


@dataclass(frozen=True)
class CourseOutline:
    course: CourseSummary
    modules: tuple[OutlineModule, ...]
    items: tuple[OutlineItem, ...] = field(init=False)

    def __post_init__(self):
        flat = tuple(item for module in self.modules for item in module.items)
        object.__setattr__(self, "items", flat)

    @property
    def required_ids(self) -> frozenset[int]:
        return frozenset(item.id for item in self.items)

    @property
    def minutes(self) -> int:
        return sum(item.minutes for item in self.items)

    @property
    def course_id(self) -> int:
        return self.course.pk

    def module(self, module_id: int) -> OutlineModule | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def item(self, page_id: int) -> OutlineItem | None:
        return next((item for item in self.items if item.id == page_id), None)


def outline_cache_key(path: str) -> str:
    return f"{OUTLINE_CACHE_PREFIX}{path}"


def item_minutes(page_ids: list[int]) -> dict[int, int]:
    """Estimated minutes of each item (lessons, quizzes, assignments), in one
    query."""
    lessons = (
        LessonPage.objects.filter(pk__in=page_ids)
        .order_by()
        .values_list("pk", "estimated_minutes")
    )
    quizzes = (
        QuizPage.objects.filter(pk__in=page_ids)
        .order_by()
        .values_list("pk", "estimated_minutes")
    )
    assignments = (
        AssignmentPage.objects.filter(pk__in=page_ids)
        .order_by()
        .values_list("pk", "estimated_minutes")
    )
    return dict(lessons.union(quizzes, assignments, all=True))


ITEM_KINDS = {
    "lessonpage": "leccion",
    "quizpage": "evaluacion",
    "assignmentpage": "tarea",
}


def _final_project_ids(pages: list[Page]) -> set[int]:
    """Assignments marked as final project (a query only when there are any
    assignments in the course)."""
    ids = [p.pk for p in pages if p.content_type.model == "assignmentpage"]
    if not ids:
        return set()
    return set(
        AssignmentPage.objects.filter(pk__in=ids, is_final_project=True).values_list(
            "pk", flat=True
        )
    )


def build_course_outline(course: CoursePage) -> CourseOutline:
    """The course's live modules and their live lessons and quizzes, in tree order."""
    pages = list(
        Page.objects.live()
        .descendant_of(course)
        .filter(depth__lte=course.depth + 2)
        .select_related("content_type")
        .only(
            "id",
            "title",
            "path",
            "depth",
            "url_path",
            "content_type",
            "first_published_at",
        )
        .order_by("path")
    )
    minutes = item_minutes([p.pk for p in pages if p.depth == course.depth + 2])
    final_projects = _final_project_ids(pages)
    module_pages = [p for p in pages if p.depth == course.depth + 1]
    module_ids = {module.path: module.pk for module in module_pages}
    items_by_module: dict[str, list[OutlineItem]] = {}
    for page in pages:
        parent_path = page.path[: -Page.steplen]
        kind = ITEM_KINDS.get(page.content_type.model)
        if page.depth != course.depth + 2 or kind is None:
            continue
        if parent_path not in module_ids:
            continue  # its module is not live
        items_by_module.setdefault(parent_path, []).append(
            OutlineItem(
                id=page.pk,
                title=page.title,
                url=page.get_url(),
                kind=kind,
                minutes=minutes.get(page.pk, 0),
                module_id=module_ids[parent_path],
                first_published_at=page.first_published_at,
                final_project=page.pk in final_projects,
            )
        )
    modules = [
        OutlineModule(
            id=module.pk,
            title=module.title,
            url=module.get_url(),
            items=tuple(items_by_module.get(module.path, [])),
        )
        for module in module_pages
    ]
    summary = CourseSummary(
        pk=course.pk,
        title=course.title,
        url=course.get_url(),
        sequential=course.sequential,
        visibility=course.visibility,
    )
    return CourseOutline(course=summary, modules=tuple(modules))


def course_outline(course: CoursePage) -> CourseOutline:
    """Cached outline of one course (0 queries when warm)."""
    return course_outline_at(course.path, course=course)


def course_outline_at(path: str, course: CoursePage | None = None) -> CourseOutline:
    """Cached outline of the course at tree ``path``; the course itself is only
    loaded when the outline has to be built."""
    key = outline_cache_key(path)
    outline = cache.get(key)
    if outline is None:
        course = course or CoursePage.objects.get(path=path)
        outline = build_course_outline(course)
        cache.set(key, outline, OUTLINE_TIMEOUT)
    return outline


def course_outlines(courses: list[Page]) -> dict[int, CourseOutline]:
    """Outlines of several courses: one cache round trip, built only when missing."""
    keys = {outline_cache_key(c.path): c for c in courses}
    found = cache.get_many(list(keys))
    outlines = {}
    for key, course in keys.items():
        outline = found.get(key)
        if outline is None:
            outline = build_course_outline(course)
            cache.set(key, outline, OUTLINE_TIMEOUT)
        outlines[course.pk] = outline
    return outlines


# -------------------------------------------------------------------------- progress
# The rule for content added to a course that learners are already taking:
# adding content never takes progress back. An item is *new* for a learner, and
# offered but not required, when it was first published after the learner had
# completed its module or a module after it, or after they completed the course.
# Anything else not done yet is required (a learner who has not reached a module,
# or is still working in it, gets what is published there). A module once
# completed stays completed (``ModuleCompletion``); a completed course, and its
# certificate, are never taken back. Reports compute the same in SQL
# (``cursos.reports.courses.course_learners``).


@dataclass
class Progress:
    """Where one learner stands in one course."""

    outline: CourseOutline
    completed_ids: frozenset[int]
    sequential: bool
    module_completed_at: Mapping[int, datetime] = field(default_factory=dict)
    course_completed_at: datetime | None = None

    def __post_init__(self):
        self.new_ids = frozenset(self._new_items())

    def _new_items(self) -> Iterable[int]:
        """Items not done that are new for this learner (see the rule above)."""
        passed_at: datetime | None = None
        # Walk the modules backwards: a module is passed at the earliest moment
        # the learner completed it or any module after it.
        for module in reversed(self.outline.modules):
            completed = self.module_completed_at.get(module.id)
            if completed and (passed_at is None or completed < passed_at):
                passed_at = completed
            for item in module.items:
                if item.id in self.completed_ids:
                    continue
                if self.course_completed_at is not None or (
                    passed_at is not None
                    and item.first_published_at is not None
                    and item.first_published_at > passed_at
                ):
                    yield item.id

    @property
    def done_ids(self) -> frozenset[int]:
        return self.completed_ids & self.outline.required_ids

    @property
    def required_ids(self) -> frozenset[int]:
        """What counts for this learner: every live item but the new ones not
        done (a new item done counts, as done)."""
        return self.outline.required_ids - self.new_ids

    @property
    def done(self) -> int:
        return len(self.done_ids)

    @property
    def required(self) -> int:
        return len(self.required_ids)

    @property
    def new_count(self) -> int:
        return len(self.new_ids)

    @property
    def percent(self) -> int:
        if self.course_completed_at is not None:
            return 100
        if not self.required:
            return 0
        return round(100 * self.done / self.required)

    @property
    def is_complete(self) -> bool:
        if self.course_completed_at is not None:
            return True
        return self.required > 0 and self.done == self.required

    def is_new(self, item: OutlineItem) -> bool:
        return item.id in self.new_ids

    def module_is_complete(self, module: OutlineModule) -> bool:
        """Completed once (a ``ModuleCompletion``), or every item it requires
        done; a module with nothing published is not complete."""
        if module.id in self.module_completed_at:
            return True
        required = [i for i in module.items if i.id not in self.new_ids]
        return bool(required) and all(i.id in self.completed_ids for i in required)

    def modules_to_record(self) -> list[OutlineModule]:
        """Modules complete now but not recorded yet as completed."""
        return [
            m
            for m in self.outline.modules
            if m.id not in self.module_completed_at and self.module_is_complete(m)
        ]

    def _reached_index(self) -> int:
        """Index of the furthest module the learner has completed or done
        anything in (-1: none)."""
        reached = -1
        for index, module in enumerate(self.outline.modules):
            if module.id in self.module_completed_at or any(
                i.id in self.completed_ids for i in module.items
            ):
                reached = index
        return reached

    def locked_reason(self, item: OutlineItem) -> str | None:
        """Why ``item`` is locked, or None. In a sequential course a module opens
        once every module before it is complete; a module the learner has
        already reached (done something in it or after it) never locks again,
        nor does anything once the course is complete."""
        if not self.sequential or self.course_completed_at is not None:
            return None
        reached = self._reached_index()
        for index, module in enumerate(self.outline.modules):
            if module.id == item.module_id:
                return None
            if index < reached:
                continue
            if not self.module_is_complete(module) and any(
                i.id not in self.completed_ids and i.id not in self.new_ids
                for i in module.items
            ):
                return _("Se abre cuando complete el módulo «%(modulo)s».") % {
                    "modulo": module.title
                }
        return None

    def next_item(self) -> OutlineItem | None:
        """The place to continue: the first required item not done after the
        furthest one done; then any required item left behind (content added
        where the learner had already been); None when nothing is required."""
        items = self.outline.items
        pending = [
            index
            for index, item in enumerate(items)
            if item.id not in self.completed_ids and item.id not in self.new_ids
        ]
        if not pending:
            return None
        furthest = max(
            (
                index
                for index, item in enumerate(items)
                if item.id in self.completed_ids
            ),
            default=-1,
        )
        ahead = [index for index in pending if index > furthest]
        return items[ahead[0] if ahead else pending[0]]


@dataclass(frozen=True)
class ProgressRecords:
    """What one enrollment has done: items (lessons completed, quizzes passed)
    and modules completed, with when."""

    item_ids: frozenset[int] = frozenset()
    module_completed_at: Mapping[int, datetime] = field(default_factory=dict)


ITEM, MODULE = "item", "module"


def _last_allowed_attempt_of_a_graded_course() -> Q:
    """In a course graded out of 100, a quiz failed with every attempt used is
    done: its best score counts in the grade, and the learner goes on (and may
    finish with a constancia de participación). The attempt whose number
    reaches the quiz's attempts plus those granted is the last one."""
    granted = (
        ExtraAttempt.objects.filter(
            enrollment=OuterRef("enrollment_id"), quiz=OuterRef("quiz_id")
        )
        .order_by()
        .values("quiz")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Q(
        submitted_at__isnull=False,
        enrollment__course__pass_mark__isnull=False,
        quiz__max_attempts__isnull=False,
        number__gte=F("quiz__max_attempts")
        + Coalesce(Subquery(granted, output_field=IntegerField()), 0),
    )


def records_query(*, item_dates: bool = True, **where):
    """One UNION query: (enrollment id, kind, page id, when) for the lessons
    completed, quizzes passed (or, in a graded course, failed with every attempt
    used), assignments handed in (not returned for a new version) and modules
    completed of the enrollments ``where`` selects (lookups on ``enrollment``).

    With ``item_dates=False`` an item's "when" is NULL and only modules keep
    their date: the lesson page (``selectors_lesson``) needs no other, and each
    date read costs a conversion per row."""
    kind = CharField()
    # A typed NULL: with parameters bound by the server (prepared statements,
    # lms/settings/base.py) a bare parameter would be taken for text and the
    # UNION with the modules' dates refused.
    no_date = Cast(Value(None), output_field=DateTimeField())

    def items(queryset, page, when):
        queryset = queryset.order_by().annotate(kind=Value(ITEM, output_field=kind))
        if not item_dates:
            queryset, when = queryset.annotate(no_date=no_date), "no_date"
        return queryset.values_list("enrollment_id", "kind", page, when)

    lessons = items(
        LessonCompletion.objects.filter(**where), "lesson_id", "completed_at"
    )
    quizzes = items(
        QuizAttempt.objects.filter(**where).filter(
            Q(passed=True) | _last_allowed_attempt_of_a_graded_course()
        ),
        "quiz_id",
        "submitted_at",
    )
    assignments = items(
        Submission.objects.filter(
            **where,
            state__in=[Submission.State.SUBMITTED, Submission.State.GRADED],
        ),
        "assignment_id",
        "submitted_at",
    )
    modules = (
        ModuleCompletion.objects.filter(**where)
        .order_by()
        .annotate(kind=Value(MODULE, output_field=kind))
        .values_list("enrollment_id", "kind", "module_id", "completed_at")
    )
    return lessons.union(quizzes, assignments, modules, all=True)


def _fold_records(ids: list[int], rows) -> dict[int, ProgressRecords]:
    """Rows of ``records_query`` → ProgressRecords per enrollment id in
    ``ids`` (rows of other enrollments are left out)."""
    items: dict[int, set[int]] = {pk: set() for pk in ids}
    modules: dict[int, dict[int, datetime]] = {pk: {} for pk in ids}
    for enrollment_id, kind, page_id, when in rows:
        if enrollment_id not in items:
            continue
        if kind == MODULE:
            modules[enrollment_id][page_id] = when
        else:
            items[enrollment_id].add(page_id)
    return {pk: ProgressRecords(frozenset(items[pk]), modules[pk]) for pk in ids}


def records_by_enrollment(enrollments: list[Enrollment]) -> dict[int, ProgressRecords]:
    rows = records_query(enrollment__in=enrollments) if enrollments else []
    return _fold_records([e.pk for e in enrollments], rows)


def records_of_queryset(enrollments, ids: list[int]) -> dict[int, ProgressRecords]:
    """``records_by_enrollment`` for the enrollments ``ids`` among the queryset
    ``enrollments``: the records query filtered by the queryset (a subquery)
    instead of a list of tens of thousands of ids."""
    return _fold_records(ids, records_query(enrollment__in=enrollments.values("pk")))


# Building and compiling the records query costs the ORM about twenty times
# what running it costs, on every lesson, quiz and course page, and on "Mi
# aprendizaje": compiled once per process (lms.prepared).
_records_of_enrollment = PreparedQuery(
    lambda enrollment_id: records_query(enrollment_id=enrollment_id),
    PreparedQuery.INT,
)
_records_of_user = PreparedQuery(
    lambda user_id: records_query(enrollment__user_id=user_id), PreparedQuery.INT
)


def user_records_by_enrollment(
    user, enrollments: list[Enrollment]
) -> dict[int, ProgressRecords]:
    """``records_by_enrollment`` for enrollments all of ``user``: one query
    by the person (compiled once), whatever their number."""
    if not enrollments:
        return {}
    if any(e.user_id != user.pk for e in enrollments):
        raise ValueError("every enrollment must be the user's")
    return _fold_records([e.pk for e in enrollments], _records_of_user(user.pk))


def progress_records(enrollment: Enrollment | None) -> ProgressRecords:
    """Items done and modules completed by one enrollment (one query, compiled
    once per process)."""
    if enrollment is None:
        return ProgressRecords()
    rows = _records_of_enrollment(enrollment.pk)
    return _fold_records([enrollment.pk], rows)[enrollment.pk]


def completed_item_ids(enrollment: Enrollment | None) -> frozenset[int]:
    """Items done: lessons marked complete and quizzes passed (one query)."""
    return progress_records(enrollment).item_ids


def build_progress(
    *, outline: CourseOutline, records: ProgressRecords, enrollment, sequential
) -> Progress:
    return Progress(
        outline=outline,
        completed_ids=records.item_ids,
        sequential=sequential,
        module_completed_at=records.module_completed_at,
        course_completed_at=enrollment.completed_at if enrollment else None,
    )


def progress_for(*, enrollment: Enrollment | None, course, outline=None) -> Progress:
    """``course`` is a CoursePage or the CourseSummary cached in an outline."""
    return build_progress(
        outline=outline or course_outline(course),
        records=progress_records(enrollment),
        enrollment=enrollment,
        sequential=course.sequential,
    )


@dataclass(frozen=True)
class PublicationImpact:
    """What publishing a new item into one module does to the course's learners."""

    enrolled: int
    past: int  # completed this module or a later one, or the whole course
    finished_course: int

    @property
    def ahead(self) -> int:
        """Learners who will have the new item as required."""
        return self.enrolled - self.past


def publication_impact(*, module: Page) -> PublicationImpact:
    """How many learners of ``module``'s course would get a new item published
    into it as new and optional, and how many as required (one query)."""
    from django.db.models import Count, Exists, OuterRef, Q

    course_path = module.path[: -Page.steplen]
    passed = ModuleCompletion.objects.filter(
        enrollment=OuterRef("pk"), module__path__gte=module.path
    )
    counts = Enrollment.objects.filter(course__path=course_path).aggregate(
        enrolled=Count("pk"),
        finished=Count("pk", filter=Q(completed_at__isnull=False)),
        past=Count("pk", filter=Q(completed_at__isnull=False) | Q(Exists(passed))),
    )
    return PublicationImpact(
        enrolled=counts["enrolled"],
        past=counts["past"],
        finished_course=counts["finished"],
    )


def enrollment_for(*, user, course) -> Enrollment | None:
    """The user's enrollment in ``course`` (a page or its id), or None."""
    if not user.is_authenticated:
        return None
    course_id = course if isinstance(course, int) else course.pk
    found = _current_enrollment(user.pk, course_id)
    return found[0] if found else None


# One enrollment per edition: the current one is the latest. Asked on every
# lesson, quiz and assignment page, so compiled once (lms.prepared).
_current_enrollment = PreparedQuery(
    lambda user_id, course_id: (
        Enrollment.objects.select_related("cohort")
        .filter(user_id=user_id, course_id=course_id)
        .order_by("-enrolled_at", "-pk")[:1]
    ),
    PreparedQuery.INT,
    PreparedQuery.INT,
)


def latest_by_course(enrollments) -> dict[int, Enrollment]:
    """Course id → the person's current (latest) enrollment in it."""
    latest: dict[int, Enrollment] = {}
    for e in enrollments:
        kept = latest.get(e.course_id)
        if kept is None or (e.enrolled_at, e.pk) > (kept.enrolled_at, kept.pk):
            latest[e.course_id] = e
    return latest


def edition_notice(enrollment: Enrollment | None, today=None) -> dict | None:
    """What the learner's edition says about its dates: before the start the
    content is locked; after the end, read-only. None otherwise."""
    from django.utils.formats import date_format

    from cursos.editions import has_started, is_read_only

    if enrollment is None or enrollment.cohort_id is None:
        return None
    cohort = enrollment.cohort
    if not has_started(enrollment, today):
        return {
            "kind": "antes",
            "message": _("El contenido se abre el %(fecha)s.")
            % {"fecha": date_format(cohort.starts_on, "j \\d\\e F \\d\\e Y")},
        }
    if is_read_only(enrollment, today):
        return {"kind": "cerrada", "message": read_only_message(cohort)}
    return None


def edition_refusal(enrollment: Enrollment, today=None) -> str | None:
    """Why the learner may not record progress now (edition not started, or
    closed), or None. Services refuse writes with this message."""
    notice = edition_notice(enrollment, today)
    return notice["message"] if notice else None


def read_only_message(cohort: Cohort) -> str:
    from django.utils.formats import date_format

    return _(
        "La edición «%(edicion)s» cerró el %(fecha)s; puede consultar el "
        "contenido pero ya no registrar avances."
    ) % {
        "edicion": cohort.name,
        "fecha": date_format(cohort.ends_on, "j \\d\\e F \\d\\e Y"),
    }


# ------------------------------------------------------------------ enrollment rules
def cohort_status(cohorts: list[Cohort], now=None) -> tuple[str, Cohort | None]:
    """("abierta" | "proximamente" | "cerrada" | "autodirigido", cohort to show)."""
    if not cohorts:
        return "autodirigido", None
    now = now or timezone.now()
    states = [(c.enrollment_state(now), c) for c in cohorts]
    for wanted in ("abierta", "proximamente"):
        matching = [c for state, c in states if state == wanted]
        if matching:
            return wanted, min(matching, key=lambda c: c.enrollment_opens)
    return "cerrada", max(cohorts, key=lambda c: c.enrollment_closes)


COHORT_STATUS_LABELS = {
    "abierta": _("Inscripciones abiertas"),
    "proximamente": _("Próximamente"),
    "cerrada": _("Inscripciones cerradas"),
    "autodirigido": _("Inscripción abierta, a su ritmo"),
}


def audience_allows(*, user, course: CoursePage) -> bool:
    """Who may enroll: municipal officials in municipal courses, members of
    "Personal INFOM" in staff courses, anyone in courses for everyone."""
    from lms.accounts.models import STAFF_GROUP, User

    if course.audience == CoursePage.Audience.EVERYONE:
        return True
    if course.audience == CoursePage.Audience.MUNICIPAL:
        return user.institution_type == User.InstitutionType.MUNICIPALITY
    return user.groups.filter(name=STAFF_GROUP).exists()


# ------------------------------------------------------------------ page contexts
def _outline_rows(
    progress: Progress, current_id: int | None = None, notice: dict | None = None
) -> list[dict]:
    """The outline as the templates show it: per module, items with their state.
    Before the edition starts every item is locked with the opening date."""
    before_start = _before_start(notice)
    rows = []
    for module in progress.outline.modules:
        items = [
            _outline_entry(progress, item, current_id, before_start)
            for item in module.items
        ]
        rows.append(
            {
                "module": module,
                "items": items,
                "done": progress.module_is_complete(module),
                "new": any(i["new"] for i in items),
            }
        )
    return rows


def _before_start(notice: dict | None) -> str | None:
    return notice["message"] if notice and notice["kind"] == "antes" else None


def _outline_entry(
    progress: Progress, item: OutlineItem, current_id: int | None, before_start
) -> dict:
    return {
        "item": item,
        "done": item.id in progress.completed_ids,
        "new": item.id in progress.new_ids,
        "current": item.id == current_id,
        "locked_reason": before_start or progress.locked_reason(item),
    }


# The outline beside a lesson keeps the same size whatever the length of the
# course (a phone gets the lesson first, then a short map): a window of the
# current module's items around the current one, and a window of the modules
# around the current module, each with how many of its items are done. The
# whole outline stays on the course page ("Ver el temario completo").
NAV_ITEMS = 5
NAV_MODULES = 5


def nav_window(length: int, index: int, size: int) -> tuple[int, int]:
    """[start, end) of at most ``size`` positions around ``index``."""
    start = max(0, min(index - size // 2, length - size))
    return start, min(length, start + size)


def course_nav(
    progress: Progress, *, current_id: int | None, notice: dict | None = None
) -> dict:
    """The lesson page's short outline (see above): its size and cost do not
    grow with the number of items in the course."""
    before_start = _before_start(notice)
    outline = progress.outline
    modules = outline.modules
    current = outline.item(current_id) if current_id is not None else None
    module_index = next(
        (i for i, m in enumerate(modules) if current and m.id == current.module_id),
        None,
    )
    nav: dict = {"module": None, "items": [], "module_count": len(modules)}
    if module_index is not None:
        module = modules[module_index]
        start, end = nav_window(
            len(module.items), module.items.index(current), NAV_ITEMS
        )
        nav.update(
            module=module,
            module_number=module_index + 1,
            items=[
                _outline_entry(progress, item, current_id, before_start)
                for item in module.items[start:end]
            ],
            items_before=start,
            items_after=len(module.items) - end,
        )
    module_id = nav["module"].id if nav["module"] else None
    start, end = nav_window(len(modules), module_index or 0, NAV_MODULES)
    rows = []
    for module in modules[start:end]:
        first = module.items[0] if module.items else None
        rows.append(
            {
                "module": module,
                "current": module.id == module_id,
                "done": sum(1 for i in module.items if i.id in progress.completed_ids),
                "required": sum(
                    1 for i in module.items if i.id not in progress.new_ids
                ),
                "complete": progress.module_is_complete(module),
                "locked": bool(
                    first and (before_start or progress.locked_reason(first))
                ),
            }
        )
    nav.update(
        modules=rows,
        modules_start=start + 1,
        modules_before=start,
        modules_after=len(modules) - end,
    )
    return nav


def course_page_context(*, course: CoursePage, user) -> dict:
    enrollment = enrollment_for(user=user, course=course)
    progress = progress_for(enrollment=enrollment, course=course)
    cohorts = list(course.cohorts.all())
    status, cohort = cohort_status(cohorts)
    next_item = progress.next_item() if enrollment else None
    notice = edition_notice(enrollment)
    return {
        "enrollment": enrollment,
        "edition_notice": notice,
        "progress": progress,
        "outline_rows": _outline_rows(progress, notice=notice),
        "cohort_status": status,
        "cohort_status_label": COHORT_STATUS_LABELS[status],
        "shown_cohort": cohort,
        "continue_item": next_item,
        "can_read": course.visibility == CoursePage.Visibility.OPEN
        or enrollment is not None,
        "upcoming_sessions": _upcoming_sessions(enrollment, user),
    }


def _upcoming_sessions(enrollment, user) -> list:
    """The next live sessions of the learner's edition (one query; none
    without an edition)."""
    if enrollment is None or enrollment.cohort_id is None:
        return []
    from comunidad.services.sessions import upcoming_sessions

    return upcoming_sessions(
        cohort_id=enrollment.cohort_id, department_id=user.department_id
    )


def module_page_context(*, module, user) -> dict:
    course = CoursePage.objects.get(path=module.path[: -Page.steplen])
    enrollment = enrollment_for(user=user, course=course)
    progress = progress_for(enrollment=enrollment, course=course)
    notice = edition_notice(enrollment)
    rows = [
        r for r in _outline_rows(progress, notice=notice) if r["module"].id == module.pk
    ]
    return {
        "course": course,
        "enrollment": enrollment,
        "edition_notice": notice,
        "progress": progress,
        "module_row": rows[0] if rows else None,
    }


def item_page_context(*, item: Page, user) -> dict:
    """Context of a lesson (or quiz) page: course, short outline with ticks
    (``course_nav``), progress, previous/next, whether the learner may read it
    and why not. The course comes from the cached outline, so the page costs no
    course query."""
    outline = course_outline_at(item.path[: -2 * Page.steplen])
    course = outline.course
    enrollment = enrollment_for(user=user, course=course.pk)
    progress = progress_for(enrollment=enrollment, course=course, outline=outline)
    items = outline.items
    entry = outline.item(item.pk)
    position = items.index(entry) if entry else None
    notice = edition_notice(enrollment)
    locked_reason = progress.locked_reason(entry) if entry and enrollment else None
    if entry and notice and notice["kind"] == "antes":
        locked_reason = notice["message"]
    if course.visibility == CoursePage.Visibility.ENROLLED and enrollment is None:
        blocked = "inscripcion"
    elif locked_reason:
        blocked = "bloqueado"
    else:
        blocked = None
    return {
        "course": course,
        "module": outline.module(entry.module_id) if entry else None,
        "enrollment": enrollment,
        "progress": progress,
        "course_nav": course_nav(progress, current_id=item.pk, notice=notice),
        "edition_notice": notice,
        "previous_item": items[position - 1] if position else None,
        "next_item": items[position + 1]
        if position is not None and position + 1 < len(items)
        else None,
        "is_done": item.pk in progress.completed_ids,
        "is_new": item.pk in progress.new_ids,
        "blocked": blocked,
        "locked_reason": locked_reason,
    }


# ------------------------------------------------------------------ lists
@dataclass
class CourseCard:
    course: CoursePage
    cohort_status: str
    cohort_status_label: str
    cohort: Cohort | None
    enrollment: Enrollment | None
    progress: Progress | None


def catalog(*, catalog_page: Page, user) -> list[CourseCard]:
    """Live courses of the catalog with cohort status and the user's progress."""
    courses = list(
        CoursePage.objects.live()
        .child_of(catalog_page)
        .order_by("path")
        .prefetch_related(
            Prefetch("cohorts", queryset=Cohort.objects.order_by("sort_order"))
        )
    )
    enrollments = {}
    if user.is_authenticated:
        enrollments = latest_by_course(
            Enrollment.objects.filter(user=user, course__in=courses)
        )
    records = records_by_enrollment(list(enrollments.values()))
    outlines = course_outlines(courses) if enrollments else {}
    cards = []
    for course in courses:
        status, cohort = cohort_status(list(course.cohorts.all()))
        enrollment = enrollments.get(course.pk)
        progress = None
        if enrollment:
            progress = build_progress(
                outline=outlines[course.pk],
                records=records[enrollment.pk],
                enrollment=enrollment,
                sequential=course.sequential,
            )
        cards.append(
            CourseCard(
                course=course,
                cohort_status=status,
                cohort_status_label=COHORT_STATUS_LABELS[status],
                cohort=cohort,
                enrollment=enrollment,
                progress=progress,
            )
        )
    return cards


@dataclass
class DashboardEntry:
    enrollment: Enrollment
    course: CoursePage
    progress: Progress
    next_item: OutlineItem | None
    # Completed courses only: the enrollment's certificate (any status) or None.
    certificate: object | None = None


# A course finished this recently is still news on "Mi aprendizaje".
RECENTLY_COMPLETED_DAYS = 14


def valid_completion(today) -> Q:
    """Filter on Enrollment: a completion that counts on ``today``. Completed,
    not replaced by its renewal (``superseded_at``), and within its validity
    (``valid_until`` is the last valid day; None: it does not expire). Every
    "is this training done?" question asks this, so a completion stops
    counting the day after it expires."""
    return Q(completed_at__isnull=False, superseded_at__isnull=True) & (
        Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    )


def assignment_status(today):
    """SQL expression: the status of a training assignment on ``today``.

    Completed while a completion is valid (``valid_completion``); once it has
    expired with no renewed completion, overdue ("vencida") when the due date
    has passed: a renewal's due date is the day the previous completion ran
    out. A renewal's enrollment, opened by the daily task, counts as "en curso"
    only once the person has done something in it."""
    from django.db.models import Case, Exists, OuterRef, Value, When

    from .models import TrainingAssignment

    enrollment = Enrollment.objects.filter(
        user=OuterRef("user"), course=OuterRef("course")
    )
    started = enrollment.filter(superseded_at__isnull=True).exclude(
        renewal_of__isnull=False, last_activity_at__isnull=True
    )
    Status = TrainingAssignment.Status
    return Case(
        When(
            Exists(enrollment.filter(valid_completion(today))),
            then=Value(Status.COMPLETED.value),
        ),
        When(due_on__lt=today, then=Value(Status.OVERDUE.value)),
        When(Exists(started), then=Value(Status.IN_PROGRESS.value)),
        default=Value(Status.PENDING.value),
    )


STATUS_ORDER = {"vencida": 0, "en-curso": 1, "pendiente": 2, "completada": 3}


def status_rank():
    """SQL expression ordering statuses: overdue first, completed last."""
    from django.db.models import Case, IntegerField, Value, When

    return Case(
        *(
            When(status=status, then=Value(rank))
            for status, rank in STATUS_ORDER.items()
        ),
        output_field=IntegerField(),
    )


@dataclass
class RequiredEntry:
    assignment: object
    course: CoursePage
    status: str
    status_label: str
    reminders: list
    progress: Progress | None = None


def required_trainings(*, user, today=None) -> list[RequiredEntry]:
    """The person's current required trainings, overdue first, then by due date,
    with the reminders already sent (two queries)."""
    from .models import TrainingAssignment

    today = today or timezone.localdate()
    labels = dict(TrainingAssignment.Status.choices)
    assignments = _current_assignments(user.pk, today)
    return [
        RequiredEntry(
            assignment=a,
            course=a.course,
            status=a.status,
            status_label=labels[a.status],
            reminders=list(a.reminders.all()),
        )
        for a in assignments
    ]


def _current_assignments_query(user_id, today):
    from .models import TrainingAssignment, TrainingReminder

    return (
        TrainingAssignment.objects.current()
        .filter(user_id=user_id, course__live=True)
        .select_related("course")
        .annotate(status=assignment_status(today))
        .annotate(rank=status_rank())
        .order_by("rank", "due_on")
        .prefetch_related(
            Prefetch(
                "reminders",
                queryset=TrainingReminder.objects.filter(
                    sent_at__isnull=False
                ).order_by("sent_at"),
            )
        )
    )


# Compiling the status (a CASE of EXISTS subqueries) cost "Mi aprendizaje"
# 6 ms of CPU on every visit, most people having no assignment at all.
_current_assignments = PreparedQuery(
    _current_assignments_query, PreparedQuery.INT, PreparedQuery.DATE
)

_enrollments_of = PreparedQuery(
    lambda user_id: (
        Enrollment.objects.filter(user_id=user_id)
        .select_related("course", "cohort")
        .order_by("-last_activity_at", "-enrolled_at")
    ),
    PreparedQuery.INT,
)


def _certificates_query(user_id):
    from certificados.models import Certificate

    return Certificate.objects.filter(enrollment__user_id=user_id).order_by(
        "-completed_on"
    )


_certificates_of = PreparedQuery(_certificates_query, PreparedQuery.INT)


def learner_dashboard(*, user) -> dict[str, list]:
    """ "Mi aprendizaje": required trainings first, then the learner's courses in
    progress and completed, and their certificates."""
    required = required_trainings(user=user)
    required_course_ids = {entry.course.pk for entry in required}
    enrollments = _enrollments_of(user.pk)
    # One enrollment per edition: the latest per course is the current one;
    # earlier editions, and completions a renewal replaced, are history.
    current = latest_by_course(enrollments)
    current_ids = {e.pk for e in current.values()}
    earlier = sorted(
        (e for e in enrollments if e.pk not in current_ids),
        key=lambda e: (e.enrolled_at, e.pk),
        reverse=True,
    )
    enrollments = [e for e in enrollments if e.pk in current_ids]
    courses = [e.course for e in enrollments]
    outlines = course_outlines(courses)
    records = user_records_by_enrollment(user, enrollments)
    in_progress, completed = [], []
    progress_by_course = {}
    for enrollment in enrollments:
        progress = build_progress(
            outline=outlines[enrollment.course_id],
            records=records[enrollment.pk],
            enrollment=enrollment,
            sequential=enrollment.course.sequential,
        )
        progress_by_course[enrollment.course_id] = progress
        entry = DashboardEntry(
            enrollment=enrollment,
            course=enrollment.course,
            progress=progress,
            next_item=progress.next_item(),
        )
        if enrollment.completed_at:
            completed.append(entry)
        elif enrollment.course_id not in required_course_ids:
            in_progress.append(entry)
    for entry in required:
        entry.progress = progress_by_course.get(entry.course.pk)
    from certificados.models import Certificate

    certificates = _certificates_of(user.pk)
    by_enrollment = {c.enrollment_id: c for c in certificates}
    for entry in completed:
        entry.certificate = by_enrollment.get(entry.enrollment.pk)
    # History: earlier editions, and completions replaced by their renewal
    # (required training that expires), each with its certificate.
    for enrollment in earlier:
        enrollment.history_certificate = by_enrollment.get(enrollment.pk)
    completed.sort(key=lambda e: e.enrollment.completed_at, reverse=True)
    since = timezone.now() - timedelta(days=RECENTLY_COMPLETED_DAYS)
    return {
        "required": required,
        "in_progress": in_progress,
        "completed": completed,
        # The finish line: courses completed in the last two weeks, newest first.
        "just_completed": [e for e in completed if e.enrollment.completed_at >= since],
        "earlier_editions": earlier,
        "history_has_renewals": any(e.superseded_at for e in earlier),
        "certificates": [
            c for c in certificates if c.status != Certificate.Status.REVOKED
        ],
    }


def finish_line(*, attempt) -> dict | None:
    """The course finish line to show on a quiz result: the course, the
    enrollment and its certificate, when passing ``attempt`` is what completed
    the course (the completion is written in the same transaction as the
    submission, so the two times are moments apart); None otherwise."""
    enrollment = attempt.enrollment
    completed_at = enrollment.completed_at
    if not attempt.passed or completed_at is None or attempt.submitted_at is None:
        return None
    if not timedelta(0) <= completed_at - attempt.submitted_at <= timedelta(minutes=1):
        return None
    from certificados.models import Certificate

    return {
        "course": enrollment.course,
        "enrollment": enrollment,
        "certificate": Certificate.objects.filter(enrollment=enrollment).first(),
    }


# ------------------------------------------------------------------ quizzes
@dataclass
class QuizState:
    """Where one learner stands in one quiz: attempts, limits and what is next."""

    quiz: QuizPage
    attempts: list[QuizAttempt]
    extra: int
    now: object

    @property
    def submitted(self) -> list[QuizAttempt]:
        return [a for a in self.attempts if a.submitted_at is not None]

    @property
    def open_attempt(self) -> QuizAttempt | None:
        return next((a for a in self.attempts if a.submitted_at is None), None)

    @property
    def allowed(self) -> int | None:
        if self.quiz.max_attempts is None:
            return None
        return self.quiz.max_attempts + self.extra

    @property
    def used(self) -> int:
        return len(self.attempts)

    @property
    def remaining(self) -> int | None:
        return None if self.allowed is None else max(0, self.allowed - self.used)

    @property
    def passed(self) -> bool:
        return any(a.passed for a in self.submitted)

    @property
    def best_percent(self):
        scores = [a.percent for a in self.submitted if a.percent is not None]
        return max(scores) if scores else None

    @property
    def kept_percent(self):
        """The grade that counts, by the quiz's rule (highest or last)."""
        if self.quiz.grading == QuizPage.Grading.LAST and self.submitted:
            return self.submitted[-1].percent
        return self.best_percent

    @property
    def exhausted(self) -> bool:
        return self.remaining == 0 and self.open_attempt is None and not self.passed

    @property
    def next_start_at(self):
        if not self.quiz.wait_minutes or not self.submitted:
            return None
        from datetime import timedelta

        return self.submitted[-1].submitted_at + timedelta(
            minutes=self.quiz.wait_minutes
        )

    @property
    def blocked_reason(self) -> str | None:
        if self.passed:
            return _("Ya aprobó esta evaluación.")
        if self.exhausted:
            return _(
                "Agotó sus intentos. Si necesita otro, escriba a la coordinación del "
                "curso: puede concederle un intento adicional."
            )
        wait_until = self.next_start_at
        if wait_until and self.now < wait_until:
            return _(
                "Podrá intentarlo de nuevo a partir de las %(hora)s del %(fecha)s."
            ) % {
                "hora": timezone.localtime(wait_until).strftime("%H:%M"),
                "fecha": timezone.localtime(wait_until).strftime("%d/%m/%Y"),
            }
        return None

    @property
    def can_start(self) -> bool:
        return self.open_attempt is None and self.blocked_reason is None

    @property
    def answers_seen(self) -> bool:
        """Whether correct answers may already have been read (see
        ``answers_may_have_been_seen``)."""
        return answers_may_have_been_seen(quiz=self.quiz, submitted=len(self.submitted))

    @property
    def answers_revealed(self) -> bool:
        """Whether correct answers may be shown now, by the quiz's reveal rule.

        Never while an attempt is open, under any rule: an earlier attempt's
        review would answer the open one. With "al_final" they are shown only
        once no further attempt can start either (passed, or every allowed
        attempt used and submitted); a pending wait between attempts is not the
        end, and unlimited attempts never end before passing.

        A coordinator's extra attempt makes ``remaining`` positive again, so
        answers already seen are hidden again until that attempt is over too;
        the report warns the coordinator (``answers_seen``) and the new attempt
        draws its questions afresh (``build_snapshot``).
        """
        if self.open_attempt is not None:
            return False
        if self.quiz.reveal == QuizPage.Reveal.ALWAYS:
            return True
        return self.passed or self.remaining == 0


def answers_may_have_been_seen(*, quiz: QuizPage, submitted: int) -> bool:
    """Whether a learner with ``submitted`` finished attempts may already have
    read this quiz's correct answers: the full review, and either answers shown
    after every attempt or the quiz's own attempts all used (the moment they are
    revealed). Errs on the side of "yes" when extra attempts were granted
    before the learner ran out; it only drives a warning and a fresh shuffle."""
    if quiz.review != QuizPage.Review.FULL or not submitted:
        return False
    if quiz.reveal == QuizPage.Reveal.ALWAYS:
        return True
    return quiz.max_attempts is not None and submitted >= quiz.max_attempts


def quiz_state(*, enrollment: Enrollment, quiz: QuizPage, now=None) -> QuizState:
    return QuizState(
        quiz=quiz,
        attempts=_attempts_in(enrollment.pk, quiz.pk),
        extra=len(_extra_attempts_in(enrollment.pk, quiz.pk)),
        now=now or timezone.now(),
    )


# Asked on every quiz page and result (lms.prepared).
_attempts_in = PreparedQuery(
    lambda enrollment_id, quiz_id: (
        QuizAttempt.objects.filter(enrollment_id=enrollment_id, quiz_id=quiz_id)
        .defer("snapshot", "answers")
        .order_by("number")
    ),
    PreparedQuery.INT,
    PreparedQuery.INT,
)


def _extra_attempts_query(enrollment_id, quiz_id):
    from .models import ExtraAttempt

    return ExtraAttempt.objects.filter(
        enrollment_id=enrollment_id, quiz_id=quiz_id
    ).values_list("pk", flat=True)


_extra_attempts_in = PreparedQuery(
    _extra_attempts_query, PreparedQuery.INT, PreparedQuery.INT
)


def quiz_page_context(*, quiz: QuizPage, enrollment: Enrollment | None) -> dict:
    if enrollment is None:
        return {"quiz_state": None}
    return {"quiz_state": quiz_state(enrollment=enrollment, quiz=quiz)}


def review_for(*, attempt: QuizAttempt, state: QuizState) -> dict:
    """What the results page shows for ``attempt``, by the quiz's review policy:
    "puntaje" (score only), "aciertos" (which were right), "completa" (correct
    answers, feedback and explanations, only once revealed)."""
    quiz = state.quiz
    level = quiz.review
    if level == QuizPage.Review.FULL and not state.answers_revealed:
        level = QuizPage.Review.WHICH_RIGHT
    from .services.quizzes import grade

    grades = {g.key: g for g in grade(attempt.snapshot, attempt.answers).questions}
    full = level == QuizPage.Review.FULL
    questions = []
    if level != QuizPage.Review.SCORE:
        # Unrevealed, the right choices, feedback and explanation are False and
        # empty (nothing to leak), never missing: a key the template looks up
        # and does not find costs an exception and a dir() each time.
        for question in attempt.snapshot:
            chosen = set(attempt.answers.get(question["key"], []))
            entry = {
                "prompt": question["prompt"],
                "correct": grades[question["key"]].correct,
                "points": grades[question["key"]].points,
                "max_points": grades[question["key"]].max_points,
                "choices": [],
                "explanation": question["explanation"] if full else "",
            }
            for choice in question["choices"]:
                picked = choice["key"] in chosen
                entry["choices"].append(
                    {
                        "text": choice["text"],
                        "chosen": picked,
                        "correct": full and choice["correct"],
                        "feedback": choice["feedback"] if full and picked else "",
                    }
                )
            questions.append(entry)
    return {"level": level, "questions": questions}
