"""Reads of the tutor area: a tutor's editions, learners, one learner, the queue
of work to grade and one submission.

Everything starts from ``cursos.editions.tutored_enrollments(user)``: an id
taken from a URL is looked up inside that queryset, so a tutor never reaches
another tutor's learners. Every list is a fixed number of queries whatever the
number of learners, attempts or versions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.utils import timezone
from wagtail.models import Page

from cursos.editions import tutored_enrollments
from cursos.models import (
    AssignmentPage,
    Cohort,
    EditionTutor,
    Enrollment,
    QuizAttempt,
    Submission,
    SubmissionVersion,
)
from cursos.selectors import (
    Progress,
    build_progress,
    course_outline,
    records_by_enrollment,
)
from lms.accounts.models import Department

# Work waiting for a tutor: handed in and not graded yet, or graded as a draft
# (the grade is not released to the learner).
PENDING = Q(state=Submission.State.SUBMITTED) | Q(
    state=Submission.State.GRADED, released_at__isnull=True
)

SORTS = {
    "nombre": "name",
    "avance": "progress",
    "actividad": "activity",
}


def followed(user) -> QuerySet[Enrollment]:
    """The enrollments in an edition that ``user`` follows (see editions)."""
    return tutored_enrollments(user).filter(cohort__isnull=False)


# ------------------------------------------------------------------ editions
@dataclass
class EditionRow:
    cohort: Cohort
    learners: int
    pending: int
    state: str  # "por_iniciar" | "en_curso" | "cerrada"
    grading_open: bool
    grading_until: date | None


def edition_state(cohort: Cohort, today: date | None = None) -> str:
    today = today or timezone.localdate()
    if not cohort.has_started(today):
        return "por_iniciar"
    if cohort.is_closed(today):
        return "cerrada"
    return "en_curso"


def grading_last_day(cohort: Cohort) -> date | None:
    if cohort.ends_on is None:
        return None
    return cohort.ends_on + timedelta(days=cohort.grading_grace_days)


def tutor_editions(user, today: date | None = None) -> list[EditionRow]:
    """The editions ``user`` tutors (assigned, or with learners they follow),
    newest first, with how many learners they follow and how much work waits."""
    enrollments = followed(user)
    learners = dict(
        enrollments.order_by()
        .values_list("cohort_id")
        .annotate(n=Count("pk"))
        .values_list("cohort_id", "n")
    )
    pending = dict(
        Submission.objects.filter(PENDING, enrollment__in=enrollments)
        .order_by()
        .values_list("enrollment__cohort_id")
        .annotate(n=Count("pk"))
        .values_list("enrollment__cohort_id", "n")
    )
    cohorts = (
        Cohort.objects.filter(
            Q(pk__in=learners)
            | Q(pk__in=EditionTutor.objects.filter(tutor=user).values("cohort"))
        )
        .select_related("course")
        .order_by("-starts_on", "course__title", "name")
    )
    today = today or timezone.localdate()
    return [
        EditionRow(
            cohort=cohort,
            learners=learners.get(cohort.pk, 0),
            pending=pending.get(cohort.pk, 0),
            state=edition_state(cohort, today),
            grading_open=cohort.grading_is_open(today),
            grading_until=grading_last_day(cohort),
        )
        for cohort in cohorts
    ]


def edition_for(user, cohort_id: int) -> Cohort | None:
    """The edition, if ``user`` follows someone in it or is assigned to it.
    Both as ``EXISTS`` on this edition only: the learners ``user`` follows
    in every edition are never listed."""
    return (
        Cohort.objects.select_related("course")
        .filter(pk=cohort_id)
        .filter(
            Exists(EditionTutor.objects.filter(cohort=OuterRef("pk"), tutor=user))
            | Exists(followed(user).filter(cohort=OuterRef("pk")))
        )
        .first()
    )


# ------------------------------------------------------------------ learners
@dataclass
class QuizSummary:
    total: int = 0  # quizzes in the course
    taken: int = 0
    passed: int = 0
    average: Decimal | None = None  # of the best percent of each quiz taken


@dataclass
class SubmissionCounts:
    pending: int = 0
    graded: int = 0
    returned: int = 0


@dataclass
class LearnerRow:
    enrollment: Enrollment
    progress: Progress
    quizzes: QuizSummary = field(default_factory=QuizSummary)
    submissions: SubmissionCounts = field(default_factory=SubmissionCounts)


def edition_learners(
    *, user, cohort: Cohort, order: str = "name", department_id: int | None = None
) -> tuple[Sequence[int], list]:
    """The ids of every learner ``user`` follows in ``cohort``, sorted, and
    the departments present (for the filter). The page's rows are read by
    ``learner_rows``; quiz and submission figures are filled in by
    ``fill_learner_figures``.

    Only what the order needs is read for every learner: the name (sorted
    here, as Python compares text, the same on SQLite and PostgreSQL), the
    last activity (sorted by the database, most recent first, never active at
    the end), or the progress, computed for everyone from one records query
    over the edition; never a model instance."""
    enrollments = followed(user).filter(cohort=cohort)
    fields = {
        "name": ("pk", "user__department_id", "user__full_name"),
        "activity": ("pk", "user__department_id", "last_activity_at"),
        "progress": ("pk", "user__department_id", "user__full_name", "completed_at"),
    }[order]
    # One read of the edition's learners gives the departments present and,
    # filtered here, the learners of one department. Sorted on id here, not
    # by the database (50,000 rows are more than its sort memory).
    learners = sorted(enrollments.order_by().values_list(*fields))
    departments = sorted(
        Department.objects.filter(
            pk__in={row[1] for row in learners if row[1] is not None}
        ),
        key=lambda d: d.name,
    )
    if department_id is not None:
        enrollments = enrollments.filter(user__department_id=department_id)
        learners = [row for row in learners if row[1] == department_id]
    if order == "activity":
        # The database's order (most recent first, never active at the end,
        # then id): a stable sort of rows already in id order.
        active = sorted(
            (row for row in learners if row[2] is not None),
            key=lambda row: row[2],
            reverse=True,
        )
        never = [row for row in learners if row[2] is None]
        return [row[0] for row in active + never], departments
    if order == "progress":
        outline = course_outline(cohort.course)
        records = _records_by_id(enrollments, [row[0] for row in learners])
        percent = {
            pk: build_progress(
                outline=outline,
                records=records[pk],
                enrollment=Finished(completed_at),
                sequential=cohort.course.sequential,
            ).percent
            for pk, _department, _name, completed_at in learners
        }
        learners.sort(key=lambda row: (-percent[row[0]], row[2]))
        return [row[0] for row in learners], departments
    learners.sort(key=lambda row: (row[2].casefold(), row[0]))
    return [row[0] for row in learners], departments


@dataclass(slots=True)
class Finished:
    """What ``build_progress`` reads of an enrollment."""

    completed_at: datetime | None


def _records_by_id(enrollments: QuerySet[Enrollment], ids: list[int]) -> dict:
    """``records_by_enrollment`` of every enrollment in ``enrollments``, the
    records query filtered by the queryset (a subquery) instead of 50,000
    ids."""
    from cursos.selectors import records_of_queryset

    return records_of_queryset(enrollments, ids)


def learner_rows(cohort: Cohort, ids: list[int]) -> list[LearnerRow]:
    """The page's learners (``ids``, in that order) as ``LearnerRow`` with
    their progress (two queries)."""
    by_pk = (
        Enrollment.objects.filter(pk__in=ids)
        .select_related("user", "user__department", "user__municipality")
        .in_bulk()
    )
    enrollments = [by_pk[pk] for pk in ids]
    outline = course_outline(cohort.course)
    records = records_by_enrollment(enrollments)
    return [
        LearnerRow(
            enrollment=enrollment,
            progress=build_progress(
                outline=outline,
                records=records[enrollment.pk],
                enrollment=enrollment,
                sequential=cohort.course.sequential,
            ),
        )
        for enrollment in enrollments
    ]


def fill_learner_figures(rows: list[LearnerRow], *, quiz_total: int) -> None:
    """Quiz results and submission counts of ``rows``: two queries."""
    ids = [row.enrollment.pk for row in rows]
    if not ids:
        return
    best: dict[int, list[tuple[Decimal, bool]]] = defaultdict(list)
    for enrollment_id, _quiz_id, percent, passed in (
        QuizAttempt.objects.filter(enrollment_id__in=ids, submitted_at__isnull=False)
        .order_by()
        .values_list("enrollment_id", "quiz_id")
        .annotate(best=Max("percent"), passed=Count("pk", filter=Q(passed=True)))
        .values_list("enrollment_id", "quiz_id", "best", "passed")
    ):
        best[enrollment_id].append((percent or Decimal(0), bool(passed)))
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for enrollment_id, state, released, n in (
        Submission.objects.filter(enrollment_id__in=ids)
        .order_by()
        .annotate(
            released=ExpressionWrapper(
                Q(released_at__isnull=False), output_field=BooleanField()
            )
        )
        .values_list("enrollment_id", "state", "released")
        .annotate(n=Count("pk"))
    ):
        key = state
        if state == Submission.State.GRADED and not released:
            key = Submission.State.SUBMITTED  # a draft still waits
        counts[enrollment_id][key] = counts[enrollment_id].get(key, 0) + n
    for row in rows:
        results = best.get(row.enrollment.pk, [])
        row.quizzes = QuizSummary(
            total=quiz_total,
            taken=len(results),
            passed=sum(1 for _percent, passed in results if passed),
            average=(
                sum((percent for percent, _ in results), Decimal(0)) / len(results)
                if results
                else None
            ),
        )
        mine = counts.get(row.enrollment.pk, {})
        row.submissions = SubmissionCounts(
            pending=mine.get(Submission.State.SUBMITTED, 0),
            graded=mine.get(Submission.State.GRADED, 0),
            returned=mine.get(Submission.State.RETURNED, 0),
        )


# ------------------------------------------------------------------ one learner
def learner_for(user, *, cohort_id: int, enrollment_id: int) -> Enrollment | None:
    return (
        followed(user)
        .filter(pk=enrollment_id, cohort_id=cohort_id)
        .select_related(
            "user",
            "user__department",
            "user__municipality",
            "cohort",
            "course",
        )
        .first()
    )


def _outline_rows(progress: Progress) -> list[dict]:
    return [
        {
            "module": module,
            "done": progress.module_is_complete(module),
            "items": [
                {
                    "item": item,
                    "done": item.id in progress.completed_ids,
                    "new": item.id in progress.new_ids,
                }
                for item in module.items
            ],
        }
        for module in progress.outline.modules
    ]


def course_assignments(course) -> list[AssignmentPage]:
    return list(
        AssignmentPage.objects.live()
        .descendant_of(course)
        .order_by("path")
        .only("id", "title", "path", "depth", "max_points", "is_final_project")
    )


def learner_detail(enrollment: Enrollment) -> dict:
    """One learner: outline with the state of each item, quiz attempts, and
    every assignment of the course with the learner's submission (if any)."""
    outline = course_outline(enrollment.course)
    progress = build_progress(
        outline=outline,
        records=records_by_enrollment([enrollment])[enrollment.pk],
        enrollment=enrollment,
        sequential=enrollment.course.sequential,
    )
    titles = {item.id: item.title for item in outline.items}
    attempts = list(
        QuizAttempt.objects.filter(enrollment=enrollment, submitted_at__isnull=False)
        .order_by("quiz_id", "number")
        .only(
            "id",
            "quiz_id",
            "number",
            "status",
            "submitted_at",
            "percent",
            "passed",
        )
    )
    missing = {a.quiz_id for a in attempts} - set(titles)
    if missing:  # a quiz no longer live: its title from the tree
        titles.update(Page.objects.filter(pk__in=missing).values_list("pk", "title"))
    quiz_rows = []
    for attempt in attempts:
        if not quiz_rows or quiz_rows[-1]["quiz_id"] != attempt.quiz_id:
            quiz_rows.append(
                {
                    "quiz_id": attempt.quiz_id,
                    "title": titles[attempt.quiz_id],
                    "attempts": [],
                }
            )
        quiz_rows[-1]["attempts"].append(attempt)
    submissions = {
        s.assignment_id: s
        for s in Submission.objects.filter(enrollment=enrollment).select_related(
            "assignment"
        )
    }
    assignments = course_assignments(enrollment.course)
    live_ids = {a.pk for a in assignments}
    assignment_rows = [
        {"assignment": a, "submission": submissions.get(a.pk)} for a in assignments
    ] + [
        {"assignment": s.assignment, "submission": s}
        for s in submissions.values()
        if s.assignment_id not in live_ids
    ]
    return {
        "progress": progress,
        "outline_rows": _outline_rows(progress),
        "quiz_rows": quiz_rows,
        "assignment_rows": assignment_rows,
    }


# ------------------------------------------------------------------ queue
def pending_queue(user) -> QuerySet[Submission]:
    """Work waiting to be graded in the editions ``user`` tutors, the oldest
    handed-in first (the date of its latest version)."""
    return (
        Submission.objects.filter(PENDING, enrollment__in=followed(user))
        .select_related(
            "enrollment__user",
            "enrollment__cohort",
            "enrollment__course",
            "assignment",
        )
        .order_by("submitted_at", "pk")
    )


def next_pending(user, *, after: Submission) -> Submission | None:
    """The oldest work still waiting, other than ``after``."""
    return (
        Submission.objects.filter(PENDING, enrollment__in=followed(user))
        .exclude(pk=after.pk)
        .order_by("submitted_at", "pk")
        .only("pk")
        .first()
    )


# ------------------------------------------------------------------ submission
def submission_for(user, submission_id: int) -> Submission | None:
    return (
        Submission.objects.filter(pk=submission_id, enrollment__in=followed(user))
        .select_related(
            "enrollment__user",
            "enrollment__user__department",
            "enrollment__user__municipality",
            "enrollment__cohort",
            "enrollment__course",
            "assignment",
            "graded_by",
        )
        .first()
    )


def submission_versions(submission: Submission) -> list[SubmissionVersion]:
    """Every version, newest first, with its files (two queries)."""
    return list(
        SubmissionVersion.objects.filter(submission=submission)
        .order_by("-number")
        .prefetch_related(Prefetch("files"))
    )
