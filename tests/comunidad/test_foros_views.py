"""The forum pages through the client: who sees what, posting without
JavaScript, escaping, hidden posts, attachments, query budgets."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comunidad.models import Post, PostAttachment, Thread
from comunidad.services import forums
from tests.comunidad.foros_data import PDF, as_user, edition, token, upload
from tests.forms import post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def ed():
    return edition()


def urls(ed, thread=None):
    base = f"/ediciones/{ed.cohort.pk}/"
    result = {
        "modules": f"{base}foros/",
        "module": f"{base}foros/{ed.module.pk}/",
        "new": f"{base}foros/{ed.module.pk}/nueva/",
        "announcements": f"{base}anuncios/",
    }
    if thread is not None:
        result["thread"] = f"{base}hilos/{thread.pk}/"
        result["reply"] = f"{base}hilos/{thread.pk}/responder/"
    return result


def start(ed, author=None, **kwargs):
    return forums.start_thread(
        cohort=ed.cohort,
        module=ed.module,
        author=author or ed.learner,
        title=kwargs.pop("title", "Pregunta"),
        body=kwargs.pop("body", "Texto"),
        token=token(),
        **kwargs,
    )


def test_learner_opens_the_forums_and_starts_a_thread(ed):
    client = as_user(ed.learner)
    page = client.get(urls(ed)["modules"])
    assert page.status_code == 200
    assert ed.module.title in page.content.decode()
    response = post_form(
        client,
        urls(ed)["module"],
        {"titulo": "¿Dónde está el formulario?", "texto": "Lo busco", "token": "x1"},
        action=urls(ed)["new"],
        follow=True,
    )
    assert response.status_code == 200
    assert "¿Dónde está el formulario?" in response.content.decode()
    assert "Su pregunta quedó publicada." in response.content.decode()


def test_double_submit_of_the_form_makes_one_thread(ed):
    client = as_user(ed.learner)
    data = {"titulo": "Doble", "texto": "clic", "token": "doble"}
    post_form(client, urls(ed)["module"], data, action=urls(ed)["new"])
    post_form(client, urls(ed)["module"], data, action=urls(ed)["new"])
    assert Thread.objects.count() == 1


def test_reply_through_the_form_and_tutor_badge(ed):
    thread = start(ed)
    client = as_user(ed.tutor)
    u = urls(ed, thread)
    response = post_form(
        client, u["thread"], {"texto": "Respuesta", "token": "r"}, action=u["reply"]
    )
    assert response.status_code == 302
    page = as_user(ed.learner).get(u["thread"]).content.decode()
    assert "Respuesta" in page
    assert "Tutoría" in page


def test_bad_input_is_answered_in_spanish_and_kept(ed):
    client = as_user(ed.learner)
    response = post_form(
        client,
        urls(ed)["module"],
        {"titulo": "", "texto": "Mi texto", "token": "t"},
        action=urls(ed)["new"],
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Escriba el título." in html
    assert "Mi texto" in html
    assert Thread.objects.count() == 0


def test_rate_limit_message_through_the_view(ed, monkeypatch):
    monkeypatch.setattr(forums, "RATE_LIMIT_POSTS", 1)
    thread = start(ed)
    u = urls(ed, thread)
    response = post_form(
        as_user(ed.learner),
        u["thread"],
        {"texto": "x", "token": "q"},
        action=u["reply"],
    )
    assert response.status_code == 400
    assert "muchos mensajes" in response.content.decode()
    assert Post.objects.count() == 1


def test_markup_is_escaped_everywhere(ed, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    evil = "<script>alert(1)</script>"
    thread = start(
        ed,
        title=f"Título {evil}",
        body=f"Cuerpo {evil} javascript:alert(2) https://infom.gob.gt",
        files=[upload(f"{evil}.pdf", PDF)],
    )
    for url in (urls(ed)["module"], urls(ed, thread)["thread"]):
        html = as_user(ed.classmate).get(url).content.decode()
        assert evil not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert 'href="javascript' not in html
    html = as_user(ed.classmate).get(urls(ed, thread)["thread"]).content.decode()
    assert '<a href="https://infom.gob.gt" rel="nofollow noopener ugc">' in html


def test_hidden_post_shows_the_reason_to_learners_and_the_text_to_moderators(ed):
    post = start(ed, body="Texto grosero").posts.get()
    forums.hide_post(post=post, user=ed.tutor, reason="Falta de respeto")
    url = urls(ed, post.thread)["thread"]
    learner_page = as_user(ed.classmate).get(url).content.decode()
    assert "Mensaje oculto por la tutoría: Falta de respeto" in learner_page
    assert "Texto grosero" not in learner_page
    assert "Texto grosero" in as_user(ed.tutor).get(url).content.decode()


def test_report_and_hide_through_the_forms(ed):
    post = start(ed, body="Spam").posts.get()
    base = f"/ediciones/{ed.cohort.pk}/mensajes/{post.pk}/"
    response = post_form(
        as_user(ed.classmate), base + "reportar/", {"motivo": "Publicidad"}
    )
    assert response.status_code == 302
    reports = f"/ediciones/{ed.cohort.pk}/reportes/"
    assert as_user(ed.classmate).get(reports).status_code == 404
    assert "Publicidad" in as_user(ed.tutor).get(reports).content.decode()
    assert as_user(ed.classmate).get(base + "ocultar/").status_code == 404
    response = post_form(as_user(ed.tutor), base + "ocultar/", {"motivo": "Spam"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.hidden_reason == "Spam"


def test_edit_link_and_form_for_the_author(ed):
    post = start(ed, body="Con erorr").posts.get()
    url = f"/ediciones/{ed.cohort.pk}/mensajes/{post.pk}/editar/"
    assert (
        url in as_user(ed.learner).get(urls(ed, post.thread)["thread"]).content.decode()
    )
    assert as_user(ed.classmate).get(url).status_code == 404
    response = post_form(as_user(ed.learner), url, {"texto": "Con error"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "Con error"


def test_resolve_and_subscribe_buttons(ed):
    thread = start(ed)
    u = urls(ed, thread)
    client = as_user(ed.learner)
    post_form(
        client, u["thread"], {"accion": "resolver"}, action=u["thread"] + "resolver/"
    )
    thread.refresh_from_db()
    assert thread.resolved_at is not None
    assert "resuelta" in client.get(u["module"]).content.decode()
    post_form(client, u["thread"], {"accion": "dejar"}, action=u["thread"] + "seguir/")
    assert not thread.subscriptions.exists()


def test_another_editions_learner_and_strangers_get_404(ed, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    other = edition()
    thread = start(ed, files=[upload()])
    attachment = PostAttachment.objects.get()
    post = thread.posts.get()
    base = f"/ediciones/{ed.cohort.pk}/"
    targets = [
        urls(ed)["modules"],
        urls(ed)["module"],
        urls(ed)["announcements"],
        urls(ed, thread)["thread"],
        f"{base}adjuntos/{attachment.pk}/",
        f"{base}mensajes/{post.pk}/reportar/",
        f"{base}reportes/",
        # The thread's id under the other learner's own edition.
        f"/ediciones/{other.cohort.pk}/hilos/{thread.pk}/",
        f"/ediciones/{other.cohort.pk}/foros/{ed.module.pk}/",
    ]
    client = as_user(other.learner)
    for url in targets:
        assert client.get(url).status_code == 404, url
    for url in targets[:5]:
        response = as_user(None).get(url)
        assert response.status_code == 302 and "/cuentas/login/" in response["Location"]
    # The edition's own learner downloads the file.
    response = as_user(ed.classmate).get(f"{base}adjuntos/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "sandbox"


def test_module_page_links_to_its_forum(ed):
    html = as_user(ed.learner).get(ed.module.url).content.decode()
    assert urls(ed)["module"] in html
    assert "Foro del módulo" in html


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_thread_page_queries_do_not_grow_with_its_posts(
    ed, settings, tmp_path, monkeypatch
):
    monkeypatch.setattr(forums, "RATE_LIMIT_POSTS", 1000)
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    thread = start(ed, files=[upload()])
    for i in range(2):
        forums.reply(thread=thread, author=ed.tutor, body=f"r{i}", token=token())
    client = as_user(ed.learner)
    url = urls(ed, thread)["thread"]
    client.get(url)
    small = _queries(client, url)
    for i in range(37):
        author = ed.classmate if i % 2 else ed.tutor
        forums.reply(
            thread=thread,
            author=author,
            body=f"más {i}",
            token=token(),
            files=[upload()] if i % 5 == 0 else (),
        )
    thread.refresh_from_db()
    assert thread.posts_count == 40
    large = _queries(client, url)
    last = _queries(client, url + "?pagina=ultima")
    assert small == large == last
    assert large <= 12


def test_thread_list_and_forum_index_queries_are_flat(ed):
    client = as_user(ed.learner)
    for _ in range(3):
        start(ed, author=ed.tutor)
    client.get(urls(ed)["module"])
    small = (
        _queries(client, urls(ed)["module"]),
        _queries(client, urls(ed)["modules"]),
    )
    for _ in range(37):
        start(ed, author=ed.tutor)
    large = (
        _queries(client, urls(ed)["module"]),
        _queries(client, urls(ed)["modules"]),
    )
    assert small == large
    assert max(large) <= 10
    html = client.get(urls(ed)["modules"]).content.decode()
    assert "40 conversaciones" in html


def test_oversized_file_and_nul_bytes_are_refused_and_nothing_is_written(
    ed, monkeypatch
):
    monkeypatch.setattr(forums, "MAX_FILE_MB", 1)
    thread = start(ed)
    u = urls(ed, thread)
    big = upload("grande.pdf", PDF + b"0" * (2 * 1024 * 1024))
    response = post_form(
        as_user(ed.learner),
        u["thread"],
        {"texto": "con archivo", "token": "g", "archivos": big},
        action=u["reply"],
    )
    assert response.status_code == 413
    assert "pesa más de 1 MB" in response.content.decode()
    response = post_form(
        as_user(ed.learner),
        u["thread"],
        {"texto": "nulo\x00aquí", "token": "n"},
        action=u["reply"],
    )
    assert response.status_code == 400
    assert "carácter nulo" in response.content.decode()
    assert Post.objects.count() == 1
