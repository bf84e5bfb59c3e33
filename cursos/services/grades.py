"""The grade of a course out of 100, and the outcome it gives.

A graded course (``CoursePage.pass_mark`` set) has three components, each the
average of its items' percentages:

- evaluaciones: every live quiz; an item's percentage is the best or the last
  submitted attempt (``QuizPage.grading``);
- tareas: every live assignment that is not the final project; its percentage
  is the released points over ``max_points``;
- proyecto final: the assignments marked ``is_final_project``.

The course's weights are applied to the components that have items; the weight
of a component without items is shared among the others in proportion to
their weights. An item not graded yet is *pending*: while anything counted is
pending the grade is ``None`` and the course stays open ("ungraded required
work keeps the course open"). An item first published after the learner had
passed its module (the rule in ``cursos.selectors``) is optional: it counts
only once it has a grade.

The outcome: ``aprobado`` with a grade at or above the pass mark, every
component's minimum met and, when the course sets ``min_attendance``, an
attendance to live sessions at or above it (``comunidad.services.sessions.
attendance_percent``; a learner with no counted session is not held back);
else ``participacion`` when the course grants a constancia de participación;
else ``no_aprobado``.

``course_grade`` is pure reading, in a fixed number of queries for any number
of enrollments; ``grading_result`` is what the progress service stores when it
completes an enrollment of a graded course.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import DateTimeField, Value
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cursos.models import (
    AssignmentPage,
    CoursePage,
    Enrollment,
    ModuleCompletion,
    ModulePage,
    QuizAttempt,
    QuizPage,
    Submission,
)

HUNDRED = Decimal(100)
ZERO = Decimal(0)
CENT = Decimal("0.01")

QUIZZES, ASSIGNMENTS, FINAL_PROJECT = "evaluaciones", "tareas", "proyecto_final"
COMPONENT_LABELS = {
    QUIZZES: _("Evaluaciones"),
    ASSIGNMENTS: _("Tareas"),
    FINAL_PROJECT: _("Proyecto final"),
}
# States of an assignment as the learner sees it (no row: not handed in).
NOT_SUBMITTED = "sin_entregar"
STATE_LABELS = {
    NOT_SUBMITTED: _("Sin entregar"),
    Submission.State.SUBMITTED: _("Entregada"),
    Submission.State.GRADED: _("Calificada"),
    Submission.State.RETURNED: _("Devuelta para corregir"),
    "sin_intentos": _("Sin intentos enviados"),
    "enviado": _("Enviada"),
}


def clamp_percent(value: Decimal) -> Decimal:
    return min(HUNDRED, max(ZERO, value))


def round2(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


# ------------------------------------------------------------------ what is graded
@dataclass(frozen=True)
class GradedItem:
    """A live quiz or assignment of a graded course."""

    id: int
    title: str
    url: str
    component: str
    module_path: str
    first_published_at: datetime | None
    grading: str = ""  # quizzes: "mas_alta" | "ultima"
    max_points: Decimal | None = None  # assignments

    @property
    def is_quiz(self) -> bool:
        return self.component == QUIZZES


def graded_items(course: CoursePage) -> list[GradedItem]:
    """The course's live quizzes and assignments whose module is live, in tree
    order (three queries)."""
    module_paths = set(
        ModulePage.objects.live().child_of(course).values_list("path", flat=True)
    )
    depth = course.depth + 2
    quizzes = (
        QuizPage.objects.live()
        .descendant_of(course)
        .filter(depth=depth)
        .only("id", "title", "path", "url_path", "first_published_at", "grading")
    )
    assignments = (
        AssignmentPage.objects.live()
        .descendant_of(course)
        .filter(depth=depth)
        .only(
            "id",
            "title",
            "path",
            "url_path",
            "first_published_at",
            "max_points",
            "is_final_project",
        )
    )
    items = []
    for page in [*quizzes, *assignments]:
        module_path = page.path[: -Page.steplen]
        if module_path not in module_paths:
            continue
        if isinstance(page, QuizPage):
            component, extra = QUIZZES, {"grading": page.grading}
        else:
            component = FINAL_PROJECT if page.is_final_project else ASSIGNMENTS
            extra = {"max_points": page.max_points}
        items.append(
            (
                page.path,
                GradedItem(
                    id=page.pk,
                    title=page.title,
                    url=page.get_url() or "",
                    component=component,
                    module_path=module_path,
                    first_published_at=page.first_published_at,
                    **extra,
                ),
            )
        )
    return [item for _path, item in sorted(items, key=lambda pair: pair[0])]


# ------------------------------------------------------------------ the result
@dataclass
class ItemGrade:
    item: GradedItem
    percent: Decimal | None  # None: not graded yet
    state: str  # see STATE_LABELS
    points: Decimal | None = None  # assignments: released points
    optional: bool = False  # new for this learner and not graded: not counted

    @property
    def id(self) -> int:
        return self.item.id

    @property
    def title(self) -> str:
        return self.item.title

    @property
    def counted(self) -> bool:
        return not self.optional

    @property
    def pending(self) -> bool:
        return self.counted and self.percent is None

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS.get(self.state, self.state))


@dataclass
class ComponentGrade:
    key: str
    weight: Decimal  # after redistribution (what it weighs in this course)
    configured_weight: int
    minimum: int | None
    items: list[ItemGrade] = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(COMPONENT_LABELS[self.key])

    @property
    def counted(self) -> list[ItemGrade]:
        return [i for i in self.items if i.counted]

    @property
    def average(self) -> Decimal | None:
        """Average of the counted items, None while one of them is pending."""
        counted = self.counted
        if not counted or any(i.percent is None for i in counted):
            return None
        return round2(sum(i.percent for i in counted) / len(counted))

    @property
    def average_so_far(self) -> Decimal | None:
        graded = [i.percent for i in self.counted if i.percent is not None]
        return round2(sum(graded) / len(graded)) if graded else None

    @property
    def met(self) -> bool | None:
        """Whether the minimum is met (True without minimum; None while the
        average is not known)."""
        if self.minimum is None:
            return True
        average = self.average
        return None if average is None else average >= self.minimum


@dataclass
class GradeSummary:
    enrollment_id: int | None  # None when shared (``shared_course_grade``)
    pass_mark: int | None
    grants_participation: bool
    components: list[ComponentGrade]
    min_attendance: int | None = None
    attendance: Decimal | None = None  # percent; None: no session counted

    @property
    def attendance_met(self) -> bool:
        """The course's minimum attendance is met (True without minimum, or
        when no session counted for the learner)."""
        if self.min_attendance is None or self.attendance is None:
            return True
        return self.attendance >= self.min_attendance

    @property
    def items(self) -> list[ItemGrade]:
        return [item for component in self.components for item in component.items]

    @property
    def pending(self) -> list[ItemGrade]:
        return [item for item in self.items if item.pending]

    @property
    def is_complete_for_grading(self) -> bool:
        return not self.pending

    @property
    def weighted(self) -> list[ComponentGrade]:
        return [c for c in self.components if c.counted]

    @property
    def grade(self) -> Decimal | None:
        """The final grade, 0–100 with two decimals; None while anything
        counted is pending or when the course has nothing graded."""
        weighted = self.weighted
        if not weighted or not self.is_complete_for_grading:
            return None
        total = sum(c.average * c.weight for c in weighted) / HUNDRED
        return clamp_percent(round2(total))

    @property
    def grade_so_far(self) -> Decimal | None:
        """The grade of what is graded already (weights shared among the
        components that have a grade), for the learner's page."""
        parts = [
            (c.average_so_far, c.weight)
            for c in self.weighted
            if c.average_so_far is not None
        ]
        weight = sum(w for _avg, w in parts)
        if not parts or not weight:
            return None
        return clamp_percent(round2(sum(a * w for a, w in parts) / weight))

    @property
    def minimums_met(self) -> bool:
        return all(c.met is not False for c in self.components)

    @property
    def outcome(self) -> str | None:
        """``Enrollment.Result`` value once everything counted is graded."""
        if not self.is_complete_for_grading:
            return None
        grade = self.grade
        if grade is None and self.attendance_met:
            # nothing graded in the course: approved by completing
            return Enrollment.Result.APPROVED
        if (
            grade is not None
            and self.pass_mark is not None
            and grade >= self.pass_mark
            and self.minimums_met
            and self.attendance_met
        ):
            return Enrollment.Result.APPROVED
        if self.grants_participation:
            return Enrollment.Result.PARTICIPATION
        return Enrollment.Result.NOT_APPROVED


def effective_weights(course: CoursePage, present: Iterable[str]) -> dict[str, Decimal]:
    """Each present component's weight out of 100, the absent ones' weight
    shared in proportion (equally when every present weight is zero)."""
    configured = {
        QUIZZES: course.weight_quizzes,
        ASSIGNMENTS: course.weight_assignments,
        FINAL_PROJECT: course.weight_final_project,
    }
    present = [key for key in configured if key in set(present)]
    total = sum(configured[key] for key in present)
    if not present:
        return {}
    if total == 0:
        return {key: HUNDRED / len(present) for key in present}
    return {key: Decimal(configured[key]) * HUNDRED / total for key in present}


def _quiz_percent(attempts: list[tuple], grading: str) -> Decimal | None:
    """``attempts``: (percent, submitted_at, number) of submitted attempts."""
    if not attempts:
        return None
    if grading == QuizPage.Grading.LAST:
        return max(attempts, key=lambda a: (a[1], a[2]))[0]
    return max(a[0] for a in attempts)


def _module_passed_at(
    items: list[GradedItem], completions: dict[str, datetime]
) -> dict[str, datetime | None]:
    """For each module path: the earliest moment the learner completed it or a
    module after it (modules are siblings: a later one has a greater path)."""
    passed: dict[str, datetime | None] = {}
    for module_path in {item.module_path for item in items}:
        times = [t for path, t in completions.items() if path >= module_path]
        passed[module_path] = min(times) if times else None
    return passed


@dataclass
class GradeRecords:
    """What ``course_grade`` reads for a set of enrollments (four queries)."""

    completed_at: dict[int, datetime | None]
    attempts: dict[tuple[int, int], list[tuple]]
    submissions: dict[tuple[int, int], tuple]
    module_completions: dict[int, dict[str, datetime]]
    attendance: dict[int, Decimal | None]


def grade_records(
    course: CoursePage,
    enrollment_ids: list[int],
    items: list[GradedItem],
    *,
    by_range: bool = False,
) -> GradeRecords:
    """Completion, submitted attempts, submissions, module completions and
    (when the course sets a minimum) attendance of ``enrollment_ids``.

    ``by_range``: ``enrollment_ids`` are sorted and close together (a slice
    of a course's ids): the rows are read between the first and the last id,
    two query parameters instead of one per learner (thousands of parameters
    cost more to send than the rows they select). Rows of other enrollments
    in between come along and are never looked at."""
    quiz_ids = [i.id for i in items if i.is_quiz]
    assignment_ids = [i.id for i in items if not i.is_quiz]
    if by_range:
        first, last = enrollment_ids[0], enrollment_ids[-1]
        mine = {"enrollment_id__gte": first, "enrollment_id__lte": last}
        enrollments = Enrollment.objects.filter(
            pk__gte=first, pk__lte=last, course=course
        )
    else:
        mine = {"enrollment_id__in": enrollment_ids}
        enrollments = Enrollment.objects.filter(pk__in=enrollment_ids)
    completed_at = dict(enrollments.values_list("pk", "completed_at"))
    attempts: dict[tuple[int, int], list[tuple]] = {}
    # When it is read (a quiz that counts the last attempt): else None, and
    # 50,000 date-times are not parsed for nothing.
    when = (
        "submitted_at"
        if any(i.grading == QuizPage.Grading.LAST for i in items if i.is_quiz)
        else Value(None, output_field=DateTimeField())
    )
    if quiz_ids:
        for enrollment_id, quiz_id, percent, submitted_at, number in (
            QuizAttempt.objects.filter(
                **mine,
                quiz_id__in=quiz_ids,
                submitted_at__isnull=False,
                percent__isnull=False,
            )
            .order_by()
            .values_list("enrollment_id", "quiz_id", "percent", when, "number")
        ):
            attempts.setdefault((enrollment_id, quiz_id), []).append(
                (percent, submitted_at, number)
            )
    submissions: dict[tuple[int, int], tuple] = {}
    if assignment_ids:
        for enrollment_id, assignment_id, state, points, released_at in (
            Submission.objects.filter(**mine, assignment_id__in=assignment_ids)
            .order_by()
            .values_list(
                "enrollment_id", "assignment_id", "state", "points", "released_at"
            )
        ):
            submissions[(enrollment_id, assignment_id)] = (state, points, released_at)
    module_completions: dict[int, dict[str, datetime]] = {}
    for enrollment_id, path, when in (
        ModuleCompletion.objects.filter(**mine)
        .order_by()
        .values_list("enrollment_id", "module__path", "completed_at")
    ):
        module_completions.setdefault(enrollment_id, {})[path] = when
    attendance: dict[int, Decimal | None] = {}
    if course.min_attendance is not None:
        from comunidad.services.sessions import attendance_percent

        attendance = attendance_percent(enrollments=enrollment_ids)
    return GradeRecords(
        completed_at=completed_at,
        attempts=attempts,
        submissions=submissions,
        module_completions=module_completions,
        attendance=attendance,
    )


# One item as one learner stands in it: (percent, state, released points,
# optional); plain tuples, so that two learners in the same position compare
# equal (see ``shared_course_grade``).
ItemOutcome = tuple[Decimal | None, str, Decimal | None, bool]


def item_outcomes(
    records: GradeRecords, items: list[GradedItem], enrollment_id: int
) -> tuple[ItemOutcome, ...]:
    """Each item's outcome for one enrollment, in ``items``' order."""
    course_done = records.completed_at.get(enrollment_id)
    # Modules passed: only looked at when an ungraded item may be new.
    completions = records.module_completions.get(enrollment_id)
    passed_at = None
    outcomes = []
    for item in items:
        points = None
        if item.is_quiz:
            percent = _quiz_percent(
                records.attempts.get((enrollment_id, item.id), []), item.grading
            )
            state = "sin_intentos" if percent is None else "enviado"
        else:
            state, points, released_at = records.submissions.get(
                (enrollment_id, item.id), (NOT_SUBMITTED, None, None)
            )
            percent = None
            released = (
                state == Submission.State.GRADED
                and released_at is not None
                and points is not None
            )
            if released:
                percent = clamp_percent(points * HUNDRED / item.max_points)
            else:
                points = None
        optional = False
        if percent is None:
            if course_done is not None:
                optional = True
            elif item.first_published_at is not None and completions:
                if passed_at is None:
                    passed_at = _module_passed_at(items, completions)
                module_passed = passed_at.get(item.module_path)
                optional = (
                    module_passed is not None
                    and item.first_published_at > module_passed
                )
        outcomes.append((percent, state, points, optional))
    return tuple(outcomes)


@dataclass(frozen=True)
class CourseRules:
    """What a course says about its grade: weights after redistribution,
    configured weights, minimums, pass mark, participation, attendance."""

    weights: dict[str, Decimal]
    configured: dict[str, int]
    minimums: dict[str, int | None]
    pass_mark: int | None
    grants_participation: bool
    min_attendance: int | None

    @classmethod
    def of(cls, course: CoursePage, items: list[GradedItem]) -> CourseRules:
        return cls(
            weights=effective_weights(course, {i.component for i in items}),
            configured={
                QUIZZES: course.weight_quizzes,
                ASSIGNMENTS: course.weight_assignments,
                FINAL_PROJECT: course.weight_final_project,
            },
            minimums={
                QUIZZES: course.min_quizzes,
                ASSIGNMENTS: course.min_assignments,
                FINAL_PROJECT: course.min_final_project,
            },
            pass_mark=course.pass_mark,
            grants_participation=course.grants_participation,
            min_attendance=course.min_attendance,
        )


def summary_of(
    rules: CourseRules,
    items: list[GradedItem],
    outcomes: tuple[ItemOutcome, ...],
    *,
    enrollment_id: int | None,
    attendance: Decimal | None,
) -> GradeSummary:
    """The ``GradeSummary`` of one enrollment from its items' outcomes."""
    components = {
        key: ComponentGrade(
            key=key,
            weight=weight,
            configured_weight=rules.configured[key],
            minimum=rules.minimums[key],
        )
        for key, weight in rules.weights.items()
    }
    for item, (percent, state, points, optional) in zip(items, outcomes, strict=True):
        components[item.component].items.append(
            ItemGrade(
                item=item,
                percent=percent,
                state=state,
                points=points,
                optional=optional,
            )
        )
    return GradeSummary(
        enrollment_id=enrollment_id,
        pass_mark=rules.pass_mark,
        grants_participation=rules.grants_participation,
        components=list(components.values()),
        min_attendance=rules.min_attendance,
        attendance=attendance,
    )


def course_grade(
    *, course: CoursePage, enrollment_ids: Iterable[int], items=None
) -> dict[int, GradeSummary]:
    """The grade of each enrollment of ``course``: seven queries at most (ten
    when the course sets a minimum attendance), whatever the number of
    enrollments and items (``items``, from ``graded_items``, saves three when
    the caller has them)."""
    enrollment_ids = list(enrollment_ids)
    items = graded_items(course) if items is None else items
    if not enrollment_ids:
        return {}
    records = grade_records(course, enrollment_ids, items)
    rules = CourseRules.of(course, items)
    return {
        enrollment_id: summary_of(
            rules,
            items,
            item_outcomes(records, items, enrollment_id),
            enrollment_id=enrollment_id,
            attendance=records.attendance.get(enrollment_id),
        )
        for enrollment_id in enrollment_ids
    }


@dataclass
class SharedGrades:
    """The summaries ``shared_course_grade`` has built for one course and one
    list of items, by the outcomes they were built from."""

    rules: CourseRules | None = None
    summaries: dict[tuple, GradeSummary] = field(default_factory=dict)


def shared_course_grade(
    *,
    course: CoursePage,
    enrollment_ids: Iterable[int],
    items: list[GradedItem],
    shared: SharedGrades | None = None,
    by_range: bool = False,
) -> dict[int, GradeSummary]:
    """``course_grade`` for reading many learners at once (the gradebook and
    its exports): the same queries and the same arithmetic, but learners whose
    items come out the same (the same outcomes and attendance) get one
    ``GradeSummary`` between them, built once. In a course of a few items
    50,000 learners stand in a few hundred positions, and building tens of
    objects per learner was most of an export's time.

    The summaries are shared: read them, never change them; their
    ``enrollment_id`` is None. ``shared`` (kept by the caller) lets several
    calls over the same course and items share them too; ``by_range`` as in
    ``grade_records``."""
    enrollment_ids = list(enrollment_ids)
    if not enrollment_ids:
        return {}
    shared = SharedGrades() if shared is None else shared
    records = grade_records(course, enrollment_ids, items, by_range=by_range)
    if shared.rules is None:
        shared.rules = CourseRules.of(course, items)
    rules, summaries = shared.rules, shared.summaries
    result = {}
    for enrollment_id in enrollment_ids:
        attendance = records.attendance.get(enrollment_id)
        key = (item_outcomes(records, items, enrollment_id), attendance)
        summary = summaries.get(key)
        if summary is None:
            summary = summaries[key] = summary_of(
                rules, items, key[0], enrollment_id=None, attendance=attendance
            )
        result[enrollment_id] = summary
    return result


def grading_result(*, enrollment: Enrollment) -> GradeSummary:
    """The grade summary of one enrollment (what completion stores)."""
    return course_grade(course=enrollment.course, enrollment_ids=[enrollment.pk])[
        enrollment.pk
    ]
