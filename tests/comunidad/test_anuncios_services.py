"""comunidad.services.announcements: moderators post (learners notified),
edit and withdraw (audit log); learners mark them read."""

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import ModelLogEntry

from comunidad.models import Announcement, AnnouncementRead, Notification
from comunidad.services import announcements as svc
from tests.comunidad.foros_data import edition, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def ed():
    return edition()


def post(ed, author=None, **kwargs):
    return svc.post_announcement(
        cohort=ed.cohort,
        author=author or ed.tutor,
        title=kwargs.pop("title", "Sesión del jueves"),
        body=kwargs.pop("body", "Nos vemos a las 10:00."),
        **kwargs,
    )


def test_posting_notifies_the_editions_learners_only(ed):
    other = edition()
    announcement = post(ed)
    notified = Notification.objects.filter(kind=Notification.Kind.ANNOUNCEMENT)
    assert sorted(n.user_id for n in notified) == sorted(
        [ed.learner.pk, ed.classmate.pk]
    )
    assert not notified.filter(user=other.learner).exists()
    assert notified.first().url.endswith(f"#anuncio-{announcement.pk}")


def test_only_moderators_post_edit_and_withdraw(ed):
    with pytest.raises(PermissionDenied):
        post(ed, author=ed.learner)
    other = edition()
    with pytest.raises(PermissionDenied):
        post(ed, author=other.tutor)
    announcement = post(ed)
    with pytest.raises(PermissionDenied):
        svc.edit_announcement(
            announcement=announcement, user=ed.learner, title="x", body="y"
        )
    with pytest.raises(PermissionDenied):
        svc.withdraw_announcement(announcement=announcement, user=ed.learner)
    assert Announcement.objects.count() == 1


def test_double_click_posts_once(ed):
    first = post(ed)
    second = post(ed)
    assert first.pk == second.pk
    assert Notification.objects.count() == 2


def test_edit_and_withdraw_are_logged(ed):
    announcement = post(ed)
    svc.edit_announcement(
        announcement=announcement,
        user=ed.tutor,
        title="Sesión del viernes",
        body="11:00",
    )
    svc.withdraw_announcement(announcement=announcement, user=ed.tutor)
    svc.withdraw_announcement(announcement=announcement, user=ed.tutor)
    entries = ModelLogEntry.objects.filter(object_id=str(announcement.pk))
    assert sorted(e.action for e in entries) == [
        svc.EDITED_ACTION,
        svc.WITHDRAWN_ACTION,
    ]
    edited = entries.get(action=svc.EDITED_ACTION)
    assert edited.data["before"]["title"] == "Sesión del jueves"
    assert str(edited.formatter.label) == "Anuncio editado"
    with pytest.raises(svc.AnnouncementError, match="retirado"):
        svc.edit_announcement(
            announcement=announcement, user=ed.tutor, title="x", body="y"
        )


def test_bad_input_and_attachments(ed, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    with pytest.raises(svc.AnnouncementError, match="título"):
        post(ed, title="")
    with pytest.raises(svc.AnnouncementError, match="no es un PDF"):
        post(ed, attachment=upload("falso.pdf", b"no es pdf"))
    assert not Announcement.objects.exists()
    assert not Notification.objects.exists()
    announcement = post(ed, attachment=upload("programa.pdf"))
    assert announcement.attachment_name == "programa.pdf"


def test_mark_read_once_and_only_by_readers(ed):
    announcement = post(ed)
    svc.mark_read(announcement=announcement, user=ed.learner)
    svc.mark_read(announcement=announcement, user=ed.learner)
    assert AnnouncementRead.objects.count() == 1
    with pytest.raises(PermissionDenied):
        svc.mark_read(announcement=announcement, user=edition().learner)
