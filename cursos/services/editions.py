"""Writes on editions: the waiting list, moving a learner to another edition,
coordinators enrolling people (one by one and from a CSV file), tutors.

Every function checks the permission of the person acting (``actor``) when a
coordinator acts, writes inside ``transaction.atomic`` and is safe to call twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cursos.models import Cohort, EditionTutor, Enrollment, WaitlistEntry
from cursos.services.enrollment import (
    EnrollmentError,
    close_waitlist_place,
    enroll,
    full_message,
    may_enroll_check,
    seats_taken,
)
from lms.outbox.mail import send_mail

MANAGE_PERMISSION = "cursos.manage_enrollments"
MOVE_LOG_ACTION = "cursos.enrollment.move"
TUTOR_LOG_ACTION = "cursos.enrollment.tutor"


class EditionError(Exception):
    """Refused; ``str(error)`` is the Spanish message for the person."""


def _require_manager(actor) -> None:
    if actor is None or not actor.has_perm(MANAGE_PERMISSION):
        raise PermissionDenied


def _check_may_enroll(user, cohort: Cohort) -> None:
    """Waiting in line is only for who could enroll: the course's audience, not
    approved yet, not active in another running edition of the course."""
    try:
        may_enroll_check(user=user, course=cohort.course, cohort=cohort)
    except EnrollmentError as error:
        raise EditionError(str(error)) from error


def offer_hours() -> int:
    return int(getattr(settings, "WAITLIST_OFFER_HOURS", 48))


# ------------------------------------------------------------------ waiting list
WAITING = WaitlistEntry.Status.WAITING
OFFERED = WaitlistEntry.Status.OFFERED
ACTIVE_STATUSES = (WAITING, OFFERED)


def active_entry(*, user, cohort: Cohort) -> WaitlistEntry | None:
    """The person's place in the edition's line (waiting or offered), or None."""
    if not user.is_authenticated:
        return None
    return (
        WaitlistEntry.objects.filter(
            user=user, cohort=cohort, status__in=ACTIVE_STATUSES
        )
        .order_by("-pk")
        .first()
    )


def waitlist_position(entry: WaitlistEntry) -> int:
    """1 for the first person waiting; offered entries are not in the count."""
    if entry.status != WAITING:
        return 0
    ahead = (
        WaitlistEntry.objects.filter(cohort_id=entry.cohort_id, status=WAITING)
        .filter(created_at__lt=entry.created_at)
        .count()
    )
    same_moment = WaitlistEntry.objects.filter(
        cohort_id=entry.cohort_id,
        status=WAITING,
        created_at=entry.created_at,
        pk__lt=entry.pk,
    ).count()
    return ahead + same_moment + 1


def join_waitlist(*, user, cohort: Cohort) -> WaitlistEntry:
    """Put ``user`` in line for a seat in ``cohort`` (a full edition whose
    enrollment is open). Idempotent: joining twice keeps the first place."""
    if Enrollment.objects.filter(user=user, cohort=cohort).exists():
        raise EditionError(_("Usted ya está inscrito en esta edición."))
    from cursos.services.enrollment import is_approved

    earlier = Enrollment.objects.filter(user=user, course_id=cohort.course_id)
    if any(is_approved(e) for e in earlier):
        raise EditionError(_("Usted ya aprobó este curso."))
    if cohort.enrollment_state() != "abierta":
        raise EditionError(_("Las inscripciones de esta edición no están abiertas."))
    _check_may_enroll(user, cohort)
    if cohort.capacity is None or seats_taken(cohort) < cohort.capacity:
        raise EditionError(
            _("Esta edición todavía tiene cupo: puede inscribirse directamente.")
        )
    existing = active_entry(user=user, cohort=cohort)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return WaitlistEntry.objects.create(user=user, cohort=cohort)
    except IntegrityError:
        return active_entry(user=user, cohort=cohort)


def leave_waitlist(*, user, cohort: Cohort) -> bool:
    """Leave the line (or decline an offer, which passes to the next person).
    Returns False when the person was not in line."""
    with transaction.atomic():
        entry = (
            WaitlistEntry.objects.select_for_update()
            .filter(user=user, cohort=cohort, status__in=ACTIVE_STATUSES)
            .first()
        )
        if entry is None:
            return False
        had_offer = entry.status == OFFERED
        entry.status = WaitlistEntry.Status.LEFT
        entry.save(update_fields=["status"])
        if had_offer:
            offer_free_seats(cohort=cohort)
    return True


def offer_free_seats(*, cohort: Cohort, now=None) -> list[int]:
    """Offer every free seat of ``cohort`` to the first people in line, by
    e-mail (through the outbox, after the commit). Returns the entries offered.
    Idempotent: a seat already offered is held by its offer, so a second call
    offers nothing more."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
        if locked.is_closed() or locked.enrollment_state(now) == "cerrada":
            return []
        # Someone in line who got enrolled by another route leaves the line.
        enrolled = Enrollment.objects.filter(cohort=locked).values("user_id")
        WaitlistEntry.objects.filter(
            cohort=locked, status__in=ACTIVE_STATUSES, user_id__in=enrolled
        ).update(status=WaitlistEntry.Status.ENROLLED)
        waiting = WaitlistEntry.objects.filter(cohort=locked, status=WAITING).order_by(
            "created_at", "pk"
        )
        if locked.capacity is not None:
            free = locked.capacity - seats_taken(locked)
            if free <= 0:
                return []
            waiting = waiting[:free]
        entries = list(waiting.select_related("user"))
        expires = now + timedelta(hours=offer_hours())
        for entry in entries:
            entry.status = OFFERED
            entry.offered_at = now
            entry.offer_expires_at = expires
            entry.save(update_fields=["status", "offered_at", "offer_expires_at"])
            _send_offer_email(entry, locked)
        return [entry.pk for entry in entries]


def _send_offer_email(entry: WaitlistEntry, cohort: Cohort) -> None:
    context = {
        "user": entry.user,
        "cohort": cohort,
        "course": cohort.course,
        "expires": timezone.localtime(entry.offer_expires_at),
        "hours": offer_hours(),
        "url": settings.SITE_URL + reverse("cursos:waitlist", args=[cohort.pk]),
    }
    send_mail(
        subject=render_to_string(
            "cursos/email/waitlist_offer_subject.txt", context
        ).strip(),
        message=render_to_string("cursos/email/waitlist_offer.txt", context),
        from_email=None,
        recipient_list=[entry.user.email],
    )


def take_seat(*, user, cohort: Cohort, now=None) -> Enrollment:
    """Take the seat offered to ``user`` in ``cohort`` while the offer holds.
    The cohort row is locked, so the capacity rule holds. Idempotent: taking
    it twice returns the enrollment."""
    now = now or timezone.now()
    existing = Enrollment.objects.filter(user=user, cohort=cohort).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
        entry = (
            WaitlistEntry.objects.select_for_update()
            .filter(user=user, cohort=locked, status=OFFERED)
            .first()
        )
        if entry is None or entry.offer_expires_at <= now:
            raise EditionError(
                _("No tiene un cupo ofrecido en esta edición, o la oferta venció.")
            )
        _check_may_enroll(user, locked)
        if (
            locked.capacity is not None
            and seats_taken(locked, except_offer=entry) >= locked.capacity
        ):
            raise EditionError(full_message(locked))
        enrollment = Enrollment.objects.create(
            user=user, course_id=locked.course_id, cohort=locked, last_activity_at=now
        )
        close_waitlist_place(user_id=user.pk, cohort_id=locked.pk)
        return enrollment


def advance_waitlists(*, now=None) -> int:
    """Beat task: offers past their time pass to the next person in line, and
    seats freed meanwhile (an enrollment deleted, capacity raised) are offered.
    Idempotent: an expired offer is expired once, and a seat already offered is
    held by its offer. Returns how many offers expired."""
    now = now or timezone.now()
    with transaction.atomic():
        expired = list(
            WaitlistEntry.objects.select_for_update().filter(
                status=OFFERED, offer_expires_at__lte=now
            )
        )
        WaitlistEntry.objects.filter(pk__in=[e.pk for e in expired]).update(
            status=WaitlistEntry.Status.EXPIRED
        )
    waiting = Cohort.objects.filter(waitlist__status=WAITING).distinct()
    for cohort in waiting:
        offer_free_seats(cohort=cohort, now=now)
    return len(expired)


# ------------------------------------------------------------------ coordinators
def move_enrollment(
    *, actor, enrollment: Enrollment, target: Cohort, override_capacity: bool = False
) -> Enrollment:
    """Move ``enrollment`` to another edition of the same course, keeping all
    its work (completions, attempts, submissions stay on the same row). Refused
    when the person is already in ``target`` or the target is full (unless
    ``override_capacity``). Recorded in Wagtail's audit log; the seat freed in
    the earlier edition is offered to its waiting list."""
    _require_manager(actor)
    if target.course_id != enrollment.course_id:
        raise EditionError(_("La edición de destino no pertenece al mismo curso."))
    if target.pk == enrollment.cohort_id:
        raise EditionError(_("La persona ya está en esa edición."))
    from wagtail.log_actions import log

    source = enrollment.cohort
    with transaction.atomic():
        locked = Cohort.objects.select_for_update().get(pk=target.pk)
        if Enrollment.objects.filter(
            user_id=enrollment.user_id, cohort=locked
        ).exists():
            raise EditionError(
                _("%(nombre)s ya está inscrito en «%(edicion)s».")
                % {"nombre": enrollment.user, "edicion": locked.name}
            )
        if (
            not override_capacity
            and locked.capacity is not None
            and seats_taken(locked) >= locked.capacity
        ):
            raise EditionError(
                _(
                    "El cupo de «%(edicion)s» está lleno. Marque «Trasladar aunque "
                    "supere el cupo» si debe trasladarla de todos modos."
                )
                % {"edicion": locked.name}
            )
        try:
            with transaction.atomic():
                # A tutor assigned by hand belonged to the earlier edition.
                Enrollment.objects.filter(pk=enrollment.pk).update(
                    cohort=locked, tutor=None
                )
        except IntegrityError as error:
            raise EditionError(
                _("La persona ya está inscrita en esa edición.")
            ) from error
        enrollment.cohort, enrollment.tutor = locked, None
        close_waitlist_place(user_id=enrollment.user_id, cohort_id=locked.pk)
        log(
            instance=enrollment,
            action=MOVE_LOG_ACTION,
            user=actor,
            data={
                "from": source.name if source else "",
                "from_id": source.pk if source else None,
                "to": locked.name,
                "to_id": locked.pk,
                "override": override_capacity,
            },
        )
        if source is not None:
            transaction.on_commit(lambda: offer_free_seats(cohort=source), robust=True)
    return enrollment


def assign_tutor(*, actor, enrollment: Enrollment, tutor) -> Enrollment:
    """Assign a learner's tutor by hand (``None``: back to the edition's rule)."""
    _require_manager(actor)
    from cursos.editions import is_tutor

    if tutor is not None and not is_tutor(tutor):
        raise EditionError(_("La persona elegida no pertenece al grupo «Tutores»."))
    if (
        tutor is not None
        and not EditionTutor.objects.filter(
            cohort_id=enrollment.cohort_id, tutor=tutor
        ).exists()
    ):
        raise EditionError(
            _(
                "%(tutor)s no es tutor o tutora de esta edición: asígnele primero la "
                "edición en «Tutorías de ediciones»."
            )
            % {"tutor": tutor}
        )
    from wagtail.log_actions import log

    with transaction.atomic():
        Enrollment.objects.filter(pk=enrollment.pk).update(tutor=tutor)
        enrollment.tutor = tutor
        log(
            instance=enrollment,
            action=TUTOR_LOG_ACTION,
            user=actor,
            data={"tutor": str(tutor) if tutor else ""},
        )
    return enrollment


@dataclass
class NewPerson:
    email: str
    full_name: str
    department: object
    municipality: object
    post: str


def _create_user(person: NewPerson):
    from lms.accounts.models import User

    user = User(
        email=person.email,
        full_name=person.full_name,
        department=person.department,
        municipality=person.municipality,
        post=person.post,
        institution_type=User.InstitutionType.MUNICIPALITY
        if person.municipality
        else User.InstitutionType.OTHER,
    )
    user.set_unusable_password()
    user.full_clean()
    user.save()
    from allauth.account.models import EmailAddress

    # Verified: the only way into this account is the set-password link sent
    # to this address, which proves the person reads it.
    EmailAddress.objects.create(
        user=user, email=user.email, primary=True, verified=True
    )
    return user


def enroll_person(
    *, actor, cohort: Cohort, email: str, person: NewPerson | None = None
) -> tuple[Enrollment, bool]:
    """A coordinator enrolls someone in ``cohort``: an existing account by
    e-mail, or a new one (``person``) invited by e-mail after the commit.
    Returns the enrollment and whether the account is new. Capacity holds."""
    _require_manager(actor)
    from lms.accounts.models import User

    with transaction.atomic():
        user = User.objects.filter(email__iexact=email.strip()).first()
        created = False
        if user is None:
            if person is None:
                raise EditionError(
                    _("No hay ninguna cuenta con ese correo: complete sus datos.")
                )
            try:
                with transaction.atomic():
                    user = _create_user(person)
            except (ValidationError, IntegrityError) as error:
                raise EditionError(
                    _(
                        "No se pudo crear la cuenta de %(correo)s: revise el correo y "
                        "los datos (puede que el correo ya pertenezca a otra cuenta)."
                    )
                    % {"correo": person.email}
                ) from error
            created = True
        enrollment = _enroll_by_coordinator(user=user, cohort=cohort)
        if created:
            send_invitation(user=user, cohort=cohort)
    return enrollment, created


def _enroll_by_coordinator(*, user, cohort: Cohort) -> Enrollment:
    from cursos.services.enrollment import is_approved

    existing = Enrollment.objects.filter(user=user, cohort=cohort).first()
    if existing is not None:
        return existing
    earlier = Enrollment.objects.filter(user=user, course_id=cohort.course_id)
    if any(is_approved(e) for e in earlier):
        raise EditionError(_("%(nombre)s ya aprobó este curso.") % {"nombre": user})
    try:
        enrollment = enroll(
            user=user, course=cohort.course, cohort=cohort, by_coordinator=True
        )
    except EnrollmentError as error:
        raise EditionError(str(error)) from error
    if enrollment.cohort_id != cohort.pk:
        raise EditionError(
            _("%(nombre)s sigue activo en «%(edicion)s» de este curso.")
            % {"nombre": user, "edicion": enrollment.cohort}
        )
    return enrollment


def send_invitation(*, user, cohort: Cohort) -> None:
    """The invitation e-mail with allauth's set-password link (queued in the
    outbox inside the caller's transaction, sent after the commit)."""
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    key = f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
    url = settings.SITE_URL + reverse(
        "account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"}
    ).replace("UID-KEY", key)
    context = {"user": user, "cohort": cohort, "course": cohort.course, "url": url}
    send_mail(
        subject=render_to_string(
            "cursos/email/invitation_subject.txt", context
        ).strip(),
        message=render_to_string("cursos/email/invitation.txt", context),
        from_email=None,
        recipient_list=[user.email],
    )


def confirm_import(*, actor, cohort: Cohort, rows) -> dict[str, int]:
    """Run a previewed CSV import (``cursos.enrollment_import.ImportRow`` list)
    in ONE transaction: any row that fails now (an e-mail taken meanwhile, the
    edition full) undoes every row, and the ``EditionError`` says which row.
    New accounts are invited after the commit (the outbox publishes then)."""
    _require_manager(actor)
    counts = {"creadas": 0, "inscritas": 0, "ya_inscritas": 0}
    with transaction.atomic():
        for row in rows:
            if row.error:
                raise EditionError(
                    _("Fila %(fila)s: %(error)s")
                    % {"fila": row.line, "error": row.error}
                )
            try:
                with transaction.atomic():
                    enrollment_before = Enrollment.objects.filter(
                        user__email__iexact=row.email, cohort=cohort
                    ).exists()
                    _enrollment, created = enroll_person(
                        actor=actor,
                        cohort=cohort,
                        email=row.email,
                        person=row.person(),
                    )
            except (EditionError, IntegrityError) as error:
                message = (
                    str(error)
                    if isinstance(error, EditionError)
                    else _("el correo ya está en uso")
                )
                raise EditionError(
                    _("Fila %(fila)s: %(error)s") % {"fila": row.line, "error": message}
                ) from error
            except ValidationError as error:
                raise EditionError(
                    _("Fila %(fila)s: %(error)s")
                    % {"fila": row.line, "error": "; ".join(error.messages)}
                ) from error
            if enrollment_before:
                counts["ya_inscritas"] += 1
            else:
                counts["inscritas"] += 1
            if created:
                counts["creadas"] += 1
    return counts
