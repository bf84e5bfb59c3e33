"""Reads for the coordinator's dashboard (the Wagtail admin home).

Each function answers one panel with a fixed number of queries (one or two),
whatever the number of learners, attempts or certificates: counting and ranking
happen in the database and only the top rows come back. The thresholds that
decide what needs a coordinator's attention live here, so the panels, the
reports they link to and the tests agree on them.

Kept apart from ``cursos.selectors`` (the learner-facing reads) because these
reads only serve the admin home.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Cast, Coalesce, Substr
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from .models import (
    Cohort,
    CoursePage,
    Enrollment,
    ExtraAttempt,
    QuestionResult,
    QuizAttempt,
    QuizPage,
    TrainingAssignment,
)
from .reports.base import percent_of
from .reports.quizzes import quizzes_with_results
from .selectors import assignment_status

# What "needs attention" means (shown on each panel, so nobody has to guess).
ACTIVE_DAYS = 7  # "active this week": some activity in the last 7 days
INACTIVE_DAYS = 14  # at risk: no activity for 14 days
LOW_PASS_RATE = 50  # a quiz passed by fewer than 50 % of its learners...
LOW_FACILITY = 30  # ...or a question answered right by fewer than 30 %...
MIN_LEARNERS = 10  # ...once at least 10 learners submitted it (fewer is noise)
STUCK_MINUTES = 10  # a certificate pending longer than this failed to render
TOP = 5  # rows per panel; "Ver todos" leads to the whole list

ISSUED = "emitido"
PENDING = "pendiente"


def _url(name: str, *args, **query) -> str:
    url = reverse(name, args=args)
    query = {key: value for key, value in query.items() if value is not None}
    return f"{url}?{urlencode(query)}" if query else url


# ---------------------------------------------------------------- editions
@dataclass(frozen=True)
class EditionRow:
    cohort: Cohort
    enrolled: int
    active_week: int
    completed: int
    certified: int
    url: str


def editions_in_progress(*, now=None, limit: int = TOP) -> list[EditionRow]:
    """Editions of live courses that have started and not ended, with their
    learners enrolled, active in the last week, completed and certified. One
    query."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    week_ago = now - timedelta(days=ACTIVE_DAYS)
    cohorts = (
        Cohort.objects.filter(course__live=True, starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .select_related("course")
        .annotate(
            enrolled=Count("enrollments", distinct=True),
            active_week=Count(
                "enrollments",
                filter=Q(enrollments__last_activity_at__gte=week_ago),
                distinct=True,
            ),
            completed=Count(
                "enrollments",
                filter=Q(enrollments__completed_at__isnull=False),
                distinct=True,
            ),
            certified=Count(
                "enrollments",
                filter=Q(enrollments__certificate__status=ISSUED),
                distinct=True,
            ),
        )
        .order_by("-enrolled", "starts_on", "pk")[:limit]
    )
    return [
        EditionRow(
            cohort=cohort,
            enrolled=cohort.enrolled,
            active_week=cohort.active_week,
            completed=cohort.completed,
            certified=cohort.certified,
            url=_url(
                "cursos_course_reports:learners", cohort.course_id, cohort=cohort.pk
            ),
        )
        for cohort in cohorts
    ]


# ---------------------------------------------------------------- at risk
def exhausted_quiz_attempts():
    """Submitted attempts of ``OuterRef("pk")`` (an enrollment) that used the
    last allowed attempt (the quiz's limit plus extra attempts granted) of a
    quiz the learner has not passed and has no attempt open in."""
    extra = (
        ExtraAttempt.objects.filter(
            enrollment=OuterRef("enrollment"), quiz=OuterRef("quiz")
        )
        .order_by()
        .values("quiz")
        .annotate(n=Count("pk"))
        .values("n")
    )
    passed_or_open = QuizAttempt.objects.filter(
        enrollment=OuterRef("enrollment"), quiz=OuterRef("quiz")
    ).filter(Q(passed=True) | Q(submitted_at__isnull=True))
    return (
        QuizAttempt.objects.filter(
            enrollment=OuterRef("pk"),
            submitted_at__isnull=False,
            quiz__max_attempts__isnull=False,
        )
        .annotate(allowed=F("quiz__max_attempts") + Coalesce(Subquery(extra), 0))
        .filter(number__gte=F("allowed"))
        .exclude(Exists(passed_or_open))
    )


def still_running(now=None) -> Q:
    """Enrollments not completed, in a live course, in an edition that has not
    ended (or with no edition / no end date)."""
    today = timezone.localdate(now or timezone.now())
    return Q(completed_at__isnull=True, course__live=True) & (
        Q(cohort__isnull=True)
        | Q(cohort__ends_on__isnull=True)
        | Q(cohort__ends_on__gte=today)
    )


def inactive(now=None) -> Q:
    cutoff = (now or timezone.now()) - timedelta(days=INACTIVE_DAYS)
    return Q(last_activity_at__lt=cutoff) | Q(
        last_activity_at__isnull=True, enrolled_at__lt=cutoff
    )


def at_risk(now=None) -> Q:
    """The enrollments a coordinator should reach out to: still running and
    either without activity for ``INACTIVE_DAYS`` days or out of attempts in a
    quiz they failed. Used by the dashboard and by the course learners report's
    "En riesgo" filter."""
    return still_running(now) & (inactive(now) | Q(Exists(exhausted_quiz_attempts())))


@dataclass(frozen=True)
class RiskRow:
    enrollment: Enrollment
    inactive: bool
    out_of_attempts: bool
    url: str


@dataclass(frozen=True)
class RiskCourse:
    course_id: int
    title: str
    count: int
    url: str


@dataclass(frozen=True)
class LearnersAtRisk:
    total: int
    courses: list[RiskCourse]
    rows: list[RiskRow]


def learners_at_risk(*, now=None, limit: int = TOP) -> LearnersAtRisk:
    """How many learners are at risk per course (one query) and the ``limit``
    longest without activity (one query)."""
    now = now or timezone.now()
    risky = Enrollment.objects.filter(at_risk(now))
    per_course = list(
        risky.order_by()
        .values("course", "course__title")
        .annotate(n=Count("pk"))
        .order_by("-n", "course__title")
    )
    rows = (
        risky.select_related("user", "course", "cohort")
        .annotate(
            is_inactive=Q(inactive(now)),
            out_of_attempts=Exists(exhausted_quiz_attempts()),
        )
        .order_by(F("last_activity_at").asc(nulls_first=True), "enrolled_at", "pk")[
            :limit
        ]
    )
    return LearnersAtRisk(
        total=sum(row["n"] for row in per_course),
        courses=[
            RiskCourse(
                course_id=row["course"],
                title=row["course__title"],
                count=row["n"],
                url=_url(
                    "cursos_course_reports:learners", row["course"], state="en-riesgo"
                ),
            )
            for row in per_course
        ],
        rows=[
            RiskRow(
                enrollment=enrollment,
                inactive=enrollment.is_inactive,
                out_of_attempts=enrollment.out_of_attempts,
                url=_url(
                    "cursos_course_reports:learners",
                    enrollment.course_id,
                    state="en-riesgo",
                    cohort=enrollment.cohort_id,
                ),
            )
            for enrollment in rows
        ],
    )


# ---------------------------------------------------------------- overdue staff
@dataclass(frozen=True)
class OverdueTraining:
    total: int
    rows: list[TrainingAssignment]
    url: str


def overdue_trainings(*, today=None, limit: int = TOP) -> OverdueTraining:
    """Required trainings past their due date and not completed: how many, and
    the ``limit`` most overdue. Two queries."""
    today = today or timezone.localdate()
    overdue = (
        TrainingAssignment.objects.current()
        .filter(requirement__active=True, course__live=True)
        .annotate(status=assignment_status(today))
        .filter(status=TrainingAssignment.Status.OVERDUE)
    )
    rows = list(
        overdue.select_related("user", "course").order_by("due_on", "pk")[:limit]
    )
    for row in rows:
        row.days_overdue = (today - row.due_on).days
    return OverdueTraining(
        total=overdue.count(),
        rows=rows,
        url=_url("cursos_compliance:people", status=TrainingAssignment.Status.OVERDUE),
    )


# ---------------------------------------------------------------- quizzes
@dataclass(frozen=True)
class QuizAlert:
    quiz: QuizPage
    course_title: str
    learners: int
    pass_rate: float | None
    low_pass_rate: bool
    hard_questions: list[tuple[str, float]]  # (prompt, % right), hardest first
    url: str


def quizzes_needing_review(*, limit: int = TOP) -> list[QuizAlert]:
    """Live quizzes with at least ``MIN_LEARNERS`` learners who submitted them
    and a pass rate under ``LOW_PASS_RATE`` %, or a question answered right by
    fewer than ``LOW_FACILITY`` % of the (at least ``MIN_LEARNERS``) learners
    who answered it. The rates are those of the quiz reports (learners, not
    attempts). Three queries."""
    low_quizzes = {
        quiz.pk: quiz
        for quiz in quizzes_with_results()
        .filter(live=True, learner_count__gte=MIN_LEARNERS)
        .filter(pass_rate__lt=LOW_PASS_RATE)
    }
    hard = list(
        QuestionResult.objects.filter(quiz__live=True)
        .values("quiz", "question_key")
        .annotate(
            learners=Count("attempt__enrollment", distinct=True),
            right_learners=Count(
                "attempt__enrollment", filter=Q(correct=True), distinct=True
            ),
        )
        .annotate(right_share=percent_of("right_learners", "learners"))
        .filter(learners__gte=MIN_LEARNERS, right_share__lt=LOW_FACILITY)
        .order_by("right_share", "quiz", "question_key")
    )
    hard_ids = {row["quiz"] for row in hard} - set(low_quizzes)
    if hard_ids:
        low_quizzes.update(
            (quiz.pk, quiz)
            for quiz in quizzes_with_results().filter(pk__in=hard_ids, live=True)
        )
    alerts = []
    for quiz in low_quizzes.values():
        prompts = {block.id: block.value["prompt"] for block in quiz.questions}
        alerts.append(
            QuizAlert(
                quiz=quiz,
                course_title=quiz.course_title or "",
                learners=quiz.learner_count,
                pass_rate=quiz.pass_rate,
                low_pass_rate=(
                    quiz.learner_count >= MIN_LEARNERS
                    and quiz.pass_rate is not None
                    and quiz.pass_rate < LOW_PASS_RATE
                ),
                hard_questions=[
                    (prompts.get(row["question_key"], ""), row["right_share"])
                    for row in hard
                    if row["quiz"] == quiz.pk
                ],
                url=reverse("cursos_reports:quiz_items", args=[quiz.pk]),
            )
        )
    alerts.sort(key=lambda alert: (alert.pass_rate or 0, alert.quiz.path))
    return alerts[:limit]


# ---------------------------------------------------------------- certificates
@dataclass(frozen=True)
class PendingCertificates:
    pending: int
    stuck: int
    rows: list
    url: str


def pending_certificates(*, now=None, limit: int = TOP) -> PendingCertificates:
    """Certificates still being prepared, and those pending for more than
    ``STUCK_MINUTES`` minutes (their rendering failed; the periodic
    reconciliation retries them), oldest first. Two queries."""
    from certificados.models import Certificate

    now = now or timezone.now()
    stuck_before = now - timedelta(minutes=STUCK_MINUTES)
    pending = Certificate.objects.filter(status=PENDING)
    totals = pending.aggregate(
        pending=Count("pk"), stuck=Count("pk", filter=Q(created_at__lt=stuck_before))
    )
    rows = list(pending.order_by("created_at", "pk")[:limit])
    for row in rows:
        row.is_stuck = row.created_at < stuck_before
    return PendingCertificates(
        pending=totals["pending"],
        stuck=totals["stuck"],
        rows=rows,
        url=_url("registro-certificados:index", status=PENDING),
    )


# ---------------------------------------------------------------- drafts
@dataclass(frozen=True)
class DraftRow:
    page: Page
    in_review: bool
    workflow: str
    task: str
    since: object
    url: str


def in_diploma():
    """Condition on pages: below a diploma course (pages' paths grow by four
    characters a level, so the course's path is a prefix of its pages')."""
    return Exists(
        CoursePage.objects.filter(
            kind=CoursePage.Kind.DIPLOMA,
            depth__lt=OuterRef("depth"),
            path=Substr(OuterRef("path"), 1, F("depth") * Page.steplen),
        )
    )


def _review_states():
    """In-progress workflow states of ``OuterRef("pk")`` (a page)."""
    return WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
        object_id=Cast(OuterRef("pk"), CharField()),
    ).order_by("-created_at")


def drafts_waiting(*, limit: int = TOP) -> list[DraftRow]:
    """Pages in a review workflow (any course or campaign page), then drafts of
    diploma content not yet published (new pages or unpublished changes), most
    recent first. Two queries."""
    states = _review_states()
    in_review = list(
        Page.objects.annotate(
            review_since=Subquery(states.values("created_at")[:1]),
            workflow_name=Subquery(states.values("workflow__name")[:1]),
            task_name=Subquery(states.values("current_task_state__task__name")[:1]),
        )
        .filter(review_since__isnull=False)
        .order_by("-review_since", "pk")[:limit]
    )
    rows = [
        DraftRow(
            page=page,
            in_review=True,
            workflow=page.workflow_name or "",
            task=page.task_name or "",
            since=page.review_since,
            url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        )
        for page in in_review
    ]
    if len(rows) < limit:
        drafts = (
            Page.objects.filter(has_unpublished_changes=True)
            .filter(in_diploma())
            .exclude(Exists(_review_states()))
            .order_by(F("latest_revision_created_at").desc(nulls_last=True), "pk")[
                : limit - len(rows)
            ]
        )
        rows += [
            DraftRow(
                page=page,
                in_review=False,
                workflow="",
                task="",
                since=page.latest_revision_created_at,
                url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
            )
            for page in drafts
        ]
    return rows
