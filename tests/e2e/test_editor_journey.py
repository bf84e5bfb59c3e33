"""A coordinator authors a lesson and a quiz in the real Wagtail editor (issue 12).

Chromium drives Wagtail 8's page editor as a person does: "Añadir página hija",
the block picker, the live preview panel, "Publicar" once. Autosave stays on, so
the first "Publicar" must not trip on the draft autosave may already have made
(cursos.wagtail_hooks.continue_autosaved_draft). Then a visitor reads the course
(an open course: anyone may read it) and finds the new item in the outline.
Screenshots of each step go to /tmp/editor/.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from cursos.models import LessonPage, ModulePage, QuizPage
from tests.e2e.signing_in import sign_in
from tests.factories import UserFactory, build_course

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SHOTS = Path("/tmp/editor")
LESSON_TITLE = "Buenas prácticas de transparencia"
PARAGRAPH = "La transparencia activa publica la información sin que nadie la pida."
CALLOUT = "Actualice la información pública de oficio cada mes."
LAW = "Ley de Acceso a la Información Pública, Decreto 57-2008"
LAW_QUOTE = "Toda persona tiene derecho a solicitar y tener acceso a la información."
FAQ_QUESTION = "¿Quién puede pedir información pública?"
FAQ_ANSWER = "Cualquier persona, sin decir para qué la quiere."


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


class Editor:
    """The page editor's StreamField, used through the block picker."""

    def __init__(self, page, panel_id):
        self.page = page
        self.stream = page.locator(f"#{panel_id}")

    # Top-level blocks only: a ListBlock's items are children too.
    CHILD = "[data-streamfield-stream-container] > [data-streamfield-child]"

    def insert(self, label):
        """Press the last "+" of the stream, pick ``label``; the new block.

        The new block is found as the one child that was not there before: right
        after an insertion the editor may not have drawn the new block's own "+"
        yet, so "the last +" and "the last block" are not reliable on a busy
        machine (the quiz's second question once landed above the first)."""
        children = self.stream.locator(self.CHILD)
        children.evaluate_all("els => els.forEach(e => (e.dataset.e2eSeen = '1'))")
        before = children.count()
        self.stream.get_by_role("button", name="Insertar un bloque").last.click()
        self.page.get_by_role("option", name=label, exact=True).click()
        expect(children).to_have_count(before + 1)
        return self.stream.locator(f"{self.CHILD}:not([data-e2e-seen])")

    def type_rich_text(self, textbox, text):
        # Draftail is a contenteditable: a person clicks into it and types.
        textbox.click()
        self.page.keyboard.type(text)


def _add_child_page(page, base, module, type_label):
    page.goto(f"{base}/admin/pages/{module.pk}/")
    page.get_by_role("link", name="Añadir página hija").first.click()
    page.get_by_role("link", name=type_label, exact=True).click()
    expect(page.get_by_role("heading", name=f"Nuevo: {type_label}")).to_be_visible()


def _track_requests(page):
    """Requests in flight on ``page`` (the editor's autosave, preview updates and
    editing-session pings run in the background)."""
    pending = set()
    page.on("request", lambda request: pending.add(request))
    page.on("requestfinished", lambda request: pending.discard(request))
    page.on("requestfailed", lambda request: pending.discard(request))
    return pending


def _publish(page, pending):
    # A person presses "Publicar" whenever they are done; the test waits for
    # the editor's background requests to end so each run takes the same path
    # (the autosave race itself is covered in tests/cursos/test_authoring.py).
    for _ in range(40):
        if not pending:
            break
        page.wait_for_timeout(100)
    page.get_by_role("button", name="Más acciones").click()
    page.get_by_role("button", name="Publicar").click()


def test_coordinator_authors_a_lesson_and_a_quiz(live_server, new_context):
    base = live_server.url
    course = build_course(modules=1, lessons=1, title="Diplomado de prueba")
    module = ModulePage.objects.child_of(course).get()
    coordinator = UserFactory(coordinator=True, email="coord@infom.gob.gt")
    page = new_context().new_page()
    pending = _track_requests(page)
    sign_in(page, base, coordinator.email)

    # --- A lesson with four kinds of block -------------------------------------
    _add_child_page(page, base, module, "Lección")
    page.get_by_role("textbox", name="Título*").fill(LESSON_TITLE)
    editor = Editor(page, "panel-child-contenido-body-section")
    text = editor.insert("Texto")
    editor.type_rich_text(text.get_by_role("textbox"), PARAGRAPH)
    callout = editor.insert("Recuadro")
    callout.get_by_label("tipo").select_option(label="Importante")
    editor.type_rich_text(callout.get_by_role("textbox"), CALLOUT)
    legal = editor.insert("Referencia legal")
    legal.get_by_label(re.compile(r"^ley")).fill(LAW)
    legal.get_by_label("artículo").fill("Artículo 1")
    legal.get_by_label("texto citado").fill(LAW_QUOTE)
    faq = editor.insert("Preguntas frecuentes")
    faq.get_by_role("textbox", name=re.compile(r"^pregunta")).fill(FAQ_QUESTION)
    editor.type_rich_text(faq.get_by_role("textbox").last, FAQ_ANSWER)
    _shot(page, "01-leccion-bloques")

    page.get_by_role("button", name="Alternar vista previa").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_text(PARAGRAPH)).to_be_visible()
    expect(preview.get_by_text(CALLOUT)).to_be_visible()
    _shot(page, "02-leccion-vista-previa")
    page.get_by_role("button", name="Alternar vista previa").click()  # stop updates

    _publish(page, pending)
    expect(page.get_by_role("status")).to_contain_text("publicad")
    _shot(page, "03-leccion-publicada")
    lessons = LessonPage.objects.child_of(module).filter(title=LESSON_TITLE)
    assert lessons.count() == 1  # no orphaned autosaved draft beside it
    lesson = lessons.get()
    assert lesson.live
    assert lesson.slug == "buenas-practicas-de-transparencia"

    # --- A quiz with two kinds of question -------------------------------------
    _add_child_page(page, base, module, "Evaluación")
    page.get_by_role("textbox", name="Título*").fill("Evaluación de transparencia")
    questions = Editor(page, "panel-child-contenido-questions-section")
    single = questions.insert("Opción única")
    single.get_by_role("textbox", name=re.compile(r"^pregunta")).fill(
        "¿Qué ley regula el acceso a la información pública?"
    )
    choices = single.get_by_label(re.compile("^opción"))
    while choices.count() < 2:
        single.get_by_role("button", name="Agregar").last.click()
    choices.nth(0).fill("Decreto 57-2008")
    choices.nth(1).fill("Decreto 12-2002")
    single.get_by_label("es correcta").nth(0).check()
    true_false = questions.insert("Verdadero o falso")
    true_false.get_by_role("textbox", name=re.compile(r"^pregunta")).fill(
        "La información pública de oficio solo se entrega si alguien la pide."
    )
    true_false.get_by_label(re.compile("^respuesta correcta")).select_option(
        label="Falso"
    )
    _shot(page, "04-evaluacion-preguntas")
    page.get_by_role("tab", name="Configuración").click()  # settings_panels
    page.get_by_role("spinbutton", name=re.compile("^Nota mínima")).fill("60")
    _publish(page, pending)
    expect(page.get_by_role("status")).to_contain_text("publicad")
    quiz = QuizPage.objects.child_of(module).get(title="Evaluación de transparencia")
    assert quiz.live and quiz.slug == "evaluacion-de-transparencia"
    assert quiz.pass_mark == 60
    assert [block.block_type for block in quiz.questions] == [
        "single_choice",
        "true_false",
    ]
    assert quiz.questions[1].value["answer"] == "falso"

    # --- A visitor reads the open course ---------------------------------------
    visitor = new_context().new_page()
    visitor.goto(f"{base}{course.url}")
    outline = visitor.get_by_role("main")
    expect(outline.get_by_role("link", name=LESSON_TITLE)).to_be_visible()
    expect(
        outline.get_by_role("link", name="Evaluación de transparencia")
    ).to_be_visible()
    _shot(visitor, "05-curso-temario")
    outline.get_by_role("link", name=LESSON_TITLE).click()
    article = visitor.get_by_role("main")
    expect(article.get_by_role("heading", name=LESSON_TITLE)).to_be_visible()
    for text in (PARAGRAPH, CALLOUT, LAW_QUOTE, FAQ_QUESTION):
        expect(article.get_by_text(text)).to_be_visible()
    _shot(visitor, "06-leccion-publica")
