"""notify(), e-mail preferences, the unsubscribe token and the daily digest."""

from __future__ import annotations

import datetime

import pytest
from django.core import signing
from django.utils import timezone

from comunidad.models import Notification, NotificationPreference
from comunidad.services import notifications as service
from comunidad.services.notifications import Kind, email_now, notify, send_digests
from lms.outbox.models import OutboxMessage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

Email = NotificationPreference.Email


def mails(to=None):
    rows = OutboxMessage.objects.filter(task_name="lms.send_email").order_by("pk")
    found = [row.kwargs for row in rows]
    if to is not None:
        found = [m for m in found if m["to"] == [to]]
    return found


def prefer(user, kind, choice):
    NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"email": choice}
    )


def test_notify_records_one_row_per_person_and_emails_by_default(
    django_capture_on_commit_callbacks,
):
    ana, luis = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        rows = notify(
            users=[ana, luis, None],
            kind=Kind.ANNOUNCEMENT,
            title="Nuevo anuncio",
            body="La sesión del jueves cambia de hora.",
            url="/cursos/x/",
        )
    assert len(rows) == 2
    assert Notification.objects.filter(emailed_at__isnull=False).count() == 2
    message = mails(ana.email)[0]
    assert "Nuevo anuncio" in message["subject"]
    assert "La sesión del jueves cambia de hora." in message["body"]
    assert f"/avisos/{rows[0].pk}/" in message["body"]
    assert message["body"].startswith("Estimada o estimado")


def test_preferences_now_digest_never_and_duties_always():
    now_user, digest_user, never_user = UserFactory(), UserFactory(), UserFactory()
    prefer(digest_user, Kind.REPLY, Email.DIGEST)
    prefer(never_user, Kind.REPLY, Email.NEVER)
    prefer(never_user, Kind.REMINDER, Email.NEVER)  # cannot turn duties off
    replies = notify(
        users=[now_user, digest_user, never_user], kind=Kind.REPLY, title="Respuesta"
    )
    duty = notify(users=[never_user], kind=Kind.REMINDER, title="Vence mañana")
    sent = email_now(notification_ids=[n.pk for n in replies + duty])
    assert sent == 2
    assert [m["subject"] for m in mails(now_user.email)] == ["Aviso: Respuesta"]
    assert mails(digest_user.email) == []
    assert [m["subject"] for m in mails(never_user.email)] == ["Aviso: Vence mañana"]
    digest_row = Notification.objects.get(user=digest_user)
    assert digest_row.emailed_at is None  # waits for the digest


def test_email_now_twice_sends_nothing_the_second_time():
    user = UserFactory()
    rows = notify(users=[user], kind=Kind.GRADE, title="Calificación")
    ids = [n.pk for n in rows]
    assert email_now(notification_ids=ids) == 1
    assert email_now(notification_ids=ids) == 0
    assert len(mails(user.email)) == 1


def test_people_without_email_or_inactive_get_no_email():
    inactive = UserFactory(is_active=False)
    no_email = UserFactory()
    type(no_email).objects.filter(pk=no_email.pk).update(email="")
    rows = notify(users=[inactive, no_email], kind=Kind.REMINDER, title="Plazo")
    assert email_now(notification_ids=[n.pk for n in rows]) == 0
    assert mails() == []
    assert Notification.objects.count() == 2  # still listed in "Avisos"


def test_email_false_lists_without_mail_and_keeps_it_out_of_the_digest():
    user = UserFactory()
    prefer(user, Kind.GRADE, Email.DIGEST)
    rows = notify(users=[user], kind=Kind.GRADE, title="Nota", email=False)
    assert rows[0].emailed_at is not None
    assert email_now(notification_ids=[rows[0].pk]) == 0
    assert send_digests() == 0
    assert mails() == []


def test_optional_kinds_carry_one_click_unsubscribe_headers_duties_do_not():
    user = UserFactory()
    optional = notify(users=[user], kind=Kind.SESSION, title="Sesión nueva")
    duty = notify(users=[user], kind=Kind.REMINDER, title="Plazo")
    email_now(notification_ids=[optional[0].pk, duty[0].pk])
    by_subject = {m["subject"]: m for m in mails(user.email)}
    optional_mail = by_subject["Aviso: Sesión nueva"]
    headers = optional_mail["headers"]
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = headers["List-Unsubscribe"]
    assert link.startswith("<http") and "/avisos/baja/" in link and link.endswith(">")
    assert link[1:-1] in optional_mail["body"]
    duty_mail = by_subject["Aviso: Plazo"]
    assert "List-Unsubscribe" not in duty_mail["headers"]
    assert "/avisos/baja/" not in duty_mail["body"]


def test_subject_has_no_line_breaks_from_titles():
    user = UserFactory()
    rows = notify(users=[user], kind=Kind.REPLY, title="Uno\r\nBcc: x@y.z")
    email_now(notification_ids=[rows[0].pk])
    assert "\n" not in mails(user.email)[0]["subject"]


# ------------------------------------------------------------------ tokens
def test_unsubscribe_token_round_trip_and_service_sets_never():
    user = UserFactory()
    token = service.unsubscribe_token(user_id=user.pk, kind=Kind.REPLY)
    assert service.read_unsubscribe_token(token) == (user.pk, "respuesta")
    service.unsubscribe(token=token)
    service.unsubscribe(token=token)  # twice: same result
    assert NotificationPreference.objects.get(user=user, kind=Kind.REPLY).email == (
        Email.NEVER
    )


# Signed tokens carry a timestamp: they are made in the test, not at
# collection (pytest-xdist's workers must collect the same test ids).
@pytest.mark.parametrize(
    ("payload", "salt"),
    [
        (None, None),
        ([1, "respuesta"], "otra-cosa"),
        ([1, "recordatorio"], service.UNSUBSCRIBE_SALT),
        ([1, "inventado"], service.UNSUBSCRIBE_SALT),
        (["1", "respuesta"], service.UNSUBSCRIBE_SALT),
    ],
    ids=["no-firmado", "otra-sal", "recordatorio", "inventado", "id-texto"],
)
def test_forged_or_duty_tokens_are_refused(payload, salt):
    token = "abc-123" if payload is None else signing.dumps(payload, salt=salt)
    with pytest.raises(service.NotificationError):
        service.read_unsubscribe_token(token)


def test_tampered_token_changes_nothing():
    user = UserFactory()
    token = service.unsubscribe_token(user_id=user.pk, kind=Kind.REPLY)
    with pytest.raises(service.NotificationError):
        service.unsubscribe(token=token[:-2] + ("AA" if token[-2:] != "AA" else "BB"))
    assert not NotificationPreference.objects.exists()


def test_set_preferences_refuses_bad_input_and_stores_nothing():
    user = UserFactory()
    with pytest.raises(service.NotificationError):
        service.set_preferences(
            user=user, choices={"respuesta": "resumen", "anuncio": "a veces"}
        )
    with pytest.raises(service.NotificationError):
        service.set_preferences(user=user, choices={"recordatorio": "nunca"})
    assert not NotificationPreference.objects.exists()
    service.set_preferences(user=user, choices={"respuesta": "resumen"})
    service.set_preferences(user=user, choices={"respuesta": "nunca"})
    assert service.preferences_of(user)["respuesta"] == "nunca"
    assert service.preferences_of(user)["anuncio"] == "inmediato"
    assert "recordatorio" not in service.preferences_of(user)


# ------------------------------------------------------------------ digest
def test_digest_groups_by_person_and_is_idempotent():
    ana, luis, nadie = UserFactory(), UserFactory(), UserFactory()
    for user in (ana, luis, nadie):
        prefer(user, Kind.REPLY, Email.DIGEST)
        prefer(user, Kind.ANNOUNCEMENT, Email.DIGEST)
    notify(users=[ana, luis], kind=Kind.REPLY, title="Respuesta en el foro")
    notify(users=[ana], kind=Kind.ANNOUNCEMENT, title="Anuncio de la edición")
    notify(users=[ana], kind=Kind.SESSION, title="Sesión (inmediato)")
    assert send_digests() == 2
    ana_mails = [m for m in mails(ana.email) if "Resumen" in m["subject"]]
    assert len(ana_mails) == 1
    body = ana_mails[0]["body"]
    assert "Respuesta en el foro" in body and "Anuncio de la edición" in body
    assert "Sesión (inmediato)" not in body
    assert body.count("/avisos/baja/") == 2  # one link per kind in the digest
    assert len(mails(luis.email)) == 1
    assert mails(nadie.email) == []
    assert send_digests() == 0
    assert len(mails()) == 2


def test_digest_leaves_out_older_rows_and_single_kind_has_headers():
    user = UserFactory()
    prefer(user, Kind.REPLY, Email.DIGEST)
    old, new = notify(users=[user, user], kind=Kind.REPLY, title="Algo")
    Notification.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=3)
    )
    assert send_digests() == 1
    message = mails(user.email)[0]
    assert message["headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    old.refresh_from_db()
    assert old.emailed_at is None


def test_digest_query_count_is_flat(django_assert_max_num_queries):
    def build(n):
        users = [UserFactory() for _ in range(n)]
        for user in users:
            prefer(user, Kind.REPLY, Email.DIGEST)
        notify(users=users * 2, kind=Kind.REPLY, title="Respuesta")
        return n

    build(2)
    # Per e-mail: one outbox row; the rest is fixed.
    with django_assert_max_num_queries(3 + 2 * 2):
        assert send_digests() == 2
    build(6)
    with django_assert_max_num_queries(3 + 2 * 6):
        assert send_digests() == 6
