import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file

from cursos.blocks import LessonStreamBlock

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", list(LessonStreamBlock.base_blocks))
def test_every_lesson_block_has_an_admin_preview(name):
    from wagtail.images import get_image_model

    get_image_model().objects.create(title="Mapa", file=get_test_image_file())
    document = get_document_model()(title="Formato de solicitud")
    document.file.save("formato.pdf", ContentFile(b"%PDF-1.4 prueba"), save=True)
    block = LessonStreamBlock.base_blocks[name]
    assert block.is_previewable
    html = block.render(block.get_preview_value())
    assert html.strip(), name


def test_document_block_shows_the_file_size():
    document = get_document_model()(title="Formato de solicitud")
    document.file.save("formato.pdf", ContentFile(b"x" * 2048), save=True)
    block = LessonStreamBlock.base_blocks["document"]
    html = block.render(block.to_python({"document": document.pk, "description": ""}))
    assert "2,0" in html or "2.0" in html
    assert "PDF" in html
