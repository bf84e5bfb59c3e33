"""comunidad.services.forums: who may post, double clicks, the rate limit, the
edit window, resolve, subscriptions and notifications, report and hide."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from comunidad.models import Notification, Post, PostReport, Thread, ThreadSubscription
from comunidad.services import forums
from tests.comunidad.foros_data import edition, token, upload
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ed():
    return edition()


def start(ed, author=None, **kwargs):
    return forums.start_thread(
        cohort=ed.cohort,
        module=ed.module,
        author=author or ed.learner,
        title=kwargs.pop("title", "¿Cómo se calcula el IUSI?"),
        body=kwargs.pop("body", "No encuentro la fórmula."),
        token=kwargs.pop("token", None) or token(),
        **kwargs,
    )


def test_start_thread_subscribes_the_author_and_counts_one_post(ed):
    thread = start(ed)
    assert thread.posts_count == 1
    assert thread.posts.get().by_tutor is False
    assert ThreadSubscription.objects.filter(thread=thread, user=ed.learner).exists()


def test_a_tutor_reply_carries_the_badge_and_notifies_followers_but_the_author(ed):
    thread = start(ed)
    forums.subscribe(thread=thread, user=ed.classmate)
    post = forums.reply(
        thread=thread, author=ed.tutor, body="Vea la lección 1.2.", token=token()
    )
    assert post.by_tutor is True
    thread.refresh_from_db()
    assert thread.posts_count == 2
    notified = Notification.objects.filter(kind=Notification.Kind.REPLY)
    assert sorted(n.user_id for n in notified) == sorted(
        [ed.learner.pk, ed.classmate.pk]
    )
    first = notified.first()
    assert "¿Cómo se calcula el IUSI?" in first.title
    assert first.url.endswith(f"#mensaje-{post.pk}")
    # The author of a reply is not notified of their own reply.
    forums.reply(thread=thread, author=ed.learner, body="¡Gracias!", token=token())
    assert not Notification.objects.filter(user=ed.learner, body="¡Gracias!").exists()


def test_double_submit_makes_one_thread_and_one_reply(ed):
    first = start(ed, token="mismo")
    again = start(ed, token="mismo")
    assert first.pk == again.pk
    assert Thread.objects.count() == 1
    a = forums.reply(thread=first, author=ed.classmate, body="Hola", token="r1")
    b = forums.reply(thread=first, author=ed.classmate, body="Hola", token="r1")
    assert a.pk == b.pk
    assert Post.objects.filter(thread=first).count() == 2
    assert Notification.objects.filter(kind=Notification.Kind.REPLY).count() == 1


def test_bad_tokens_and_text_are_refused(ed):
    with pytest.raises(forums.ForumError, match="caducó"):
        start(ed, token="con espacios y ñ")
    with pytest.raises(forums.ForumError, match="título"):
        start(ed, title="   ")
    with pytest.raises(forums.ForumError, match="nulo"):
        start(ed, body="a\x00b")
    with pytest.raises(forums.ForumError, match="demasiado largo"):
        start(ed, body="x" * 20_001)
    assert Thread.objects.count() == 0


def test_outsiders_cannot_post(ed):
    other = edition()
    with pytest.raises(PermissionDenied):
        start(ed, author=other.learner)
    thread = start(ed)
    with pytest.raises(PermissionDenied):
        forums.reply(thread=thread, author=UserFactory(), body="Hola", token=token())
    assert Post.objects.count() == 1


def test_a_module_of_another_course_is_refused(ed):
    other = edition()
    with pytest.raises(forums.ForumError, match="módulo"):
        forums.start_thread(
            cohort=ed.cohort,
            module=other.module,
            author=ed.learner,
            title="Fuera",
            body="Fuera",
            token=token(),
        )


def test_rate_limit_refuses_and_writes_nothing(ed):
    thread = start(ed)
    for _ in range(forums.RATE_LIMIT_POSTS - 1):
        forums.reply(thread=thread, author=ed.learner, body="uno más", token=token())
    count = Post.objects.count()
    with pytest.raises(forums.ForumError, match="muchos mensajes"):
        forums.reply(thread=thread, author=ed.learner, body="otro", token=token())
    assert Post.objects.count() == count
    # Someone else still posts.
    forums.reply(thread=thread, author=ed.classmate, body="yo sí", token=token())


def test_attachments_are_checked(ed):
    thread = start(ed, files=[upload("plan.pdf")])
    assert thread.posts.get().files.get().kind == "pdf"
    with pytest.raises(forums.ForumError, match="hasta 3 archivos"):
        start(ed, files=[upload(f"a{i}.pdf") for i in range(4)])
    with pytest.raises(forums.ForumError, match="no es un PDF"):
        start(ed, files=[upload("falso.pdf", b"MZ\x90\x00 ejecutable")])


def test_edit_own_post_only_within_the_window(ed, settings):
    settings.FORUM_EDIT_MINUTES = 15
    now = timezone.now()
    with time_machine.travel(now, tick=False):
        post = start(ed).posts.get()
    with time_machine.travel(now + timedelta(minutes=14), tick=False):
        forums.edit_post(post=post, user=ed.learner, body="Corregido")
        with pytest.raises(PermissionDenied):
            forums.edit_post(post=post, user=ed.classmate, body="Ajeno")
    with time_machine.travel(now + timedelta(minutes=16), tick=False):
        with pytest.raises(forums.ForumError, match="15 minutos"):
            forums.edit_post(post=post, user=ed.learner, body="Tarde")
    post.refresh_from_db()
    assert post.body == "Corregido"
    assert post.edited_at is not None


def test_resolve_and_reopen_by_author_or_moderator_only(ed):
    thread = start(ed)
    with pytest.raises(PermissionDenied):
        forums.resolve(thread=thread, user=ed.classmate)
    forums.resolve(thread=thread, user=ed.learner)
    assert thread.resolved_at is not None
    forums.resolve(thread=thread, user=ed.tutor, resolved=False)
    thread.refresh_from_db()
    assert thread.resolved_at is None


def test_unsubscribed_author_gets_no_notification(ed):
    thread = start(ed)
    forums.subscribe(thread=thread, user=ed.learner, on=False)
    forums.subscribe(thread=thread, user=ed.learner, on=False)
    forums.reply(thread=thread, author=ed.classmate, body="Hola", token=token())
    assert not Notification.objects.exists()


def test_report_then_hide(ed):
    post = start(ed, body="Algo ofensivo").posts.get()
    forums.report(post=post, user=ed.classmate, reason="Ofende")
    forums.report(post=post, user=ed.classmate, reason="Otra vez")
    assert PostReport.objects.get().reason == "Ofende"
    with pytest.raises(PermissionDenied):
        forums.hide_post(post=post, user=ed.classmate, reason="No")
    with pytest.raises(forums.ForumError, match="motivo"):
        forums.hide_post(post=post, user=ed.tutor, reason="")
    forums.hide_post(post=post, user=ed.tutor, reason="Lenguaje ofensivo")
    post.refresh_from_db()
    assert post.hidden_at is not None
    assert post.hidden_reason == "Lenguaje ofensivo"
    assert Post.objects.filter(pk=post.pk).exists()  # hidden, not deleted
    assert PostReport.objects.get().handled_at is not None


def test_tutors_are_not_rate_limited(ed):
    thread = start(ed)
    for _ in range(forums.RATE_LIMIT_POSTS + 2):
        forums.reply(thread=thread, author=ed.tutor, body="respuesta", token=token())
    assert thread.posts.filter(by_tutor=True).count() == forums.RATE_LIMIT_POSTS + 2


def test_after_the_edition_ends_learners_read_but_do_not_post():
    """Added by the lead: the edition's end makes the forum read-only for
    learners (tutors may still answer)."""
    import datetime

    from django.utils import timezone

    from comunidad.services.forums import ForumError, reply, start_thread
    from cursos.models import Cohort, ModulePage
    from tests.cursos.tutoria_data import edition, learner, tutor

    course, cohort = edition()
    module = ModulePage.objects.child_of(course).first()
    student = learner(cohort).user
    thread = start_thread(
        cohort=cohort,
        module=module,
        author=student,
        title="Duda",
        body="¿Plazo?",
        token="t1",
    )
    Cohort.objects.filter(pk=cohort.pk).update(
        ends_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    cohort.refresh_from_db()
    thread.cohort = cohort
    with pytest.raises(ForumError, match="cerró"):
        reply(thread=thread, author=student, body="Otra pregunta", token="t2")
    assert reply(thread=thread, author=tutor(cohort), body="Respuesta", token="t3")
