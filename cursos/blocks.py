"""StreamField blocks of a lesson. Each block has an icon, a label, a template and a
preview so coordinators see it in the admin's block picker."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


def _latest_image():
    from wagtail.images import get_image_model

    return get_image_model().objects.order_by("-created_at").first()


def _latest_document():
    from wagtail.documents import get_document_model

    return get_document_model().objects.order_by("-created_at").first()


# A limited, safe set of rich-text features: no raw HTML, no embeds.
LESSON_RICH_TEXT = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Título de sección")
        template = "blocks/heading.html"
        max_length = 120
        preview_value = "Sujetos obligados"
        description = _("Un subtítulo que divide la lección en partes.")


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=LESSON_RICH_TEXT, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Texto")
        template = "blocks/paragraph.html"
        preview_value = (
            "<p>La Ley de Acceso a la Información Pública (Decreto 57-2008) garantiza "
            "a toda persona el derecho de solicitar información pública.</p>"
        )
        description = _("Párrafos con negritas, listas y enlaces.")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("imagen"))
    alt_text = blocks.CharBlock(
        label=_("texto alternativo"),
        max_length=250,
        help_text=_("Describa la imagen para quien no puede verla. Obligatorio."),
    )
    caption = blocks.CharBlock(label=_("pie de foto"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Imagen")
        template = "blocks/image.html"
        preview_value = staticmethod(
            lambda: {
                "image": _latest_image(),
                "alt_text": "Ilustración de la lección",
                "caption": "Pie de foto de ejemplo",
            }
        )
        description = _("Una imagen con su descripción y pie de foto.")


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("dirección del video"), max_width=800)
    title = blocks.CharBlock(label=_("título"), max_length=150)
    transcript = blocks.RichTextBlock(
        label=_("transcripción"),
        features=LESSON_RICH_TEXT,
        help_text=_("Obligatoria: permite seguir la lección sin ver el video."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"
        preview_value = {
            "video": "https://www.youtube.com/watch?v=ejemplo",
            "title": "Cómo atender una solicitud de información",
            "transcript": "<p>Transcripción completa del video.</p>",
        }
        description = _("Un video externo con su transcripción.")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("documento"))
    description = blocks.CharBlock(
        label=_("descripción"), required=False, max_length=250
    )

    class Meta:
        icon = "doc-full"
        label = _("Documento para descargar")
        template = "blocks/document.html"
        preview_value = staticmethod(
            lambda: {
                "document": _latest_document(),
                "description": "Formato de ejemplo",
            }
        )
        description = _("Un archivo para descargar; se muestra su tamaño.")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("tipo"),
        choices=[
            ("nota", _("Nota")),
            ("importante", _("Importante")),
            ("ejemplo", _("Ejemplo")),
        ],
        default="nota",
    )
    text = blocks.RichTextBlock(label=_("texto"), features=LESSON_RICH_TEXT)

    class Meta:
        icon = "warning"
        label = _("Recuadro")
        template = "blocks/callout.html"
        preview_value = {
            "kind": "importante",
            "text": "<p>El plazo para responder una solicitud es de diez días.</p>",
        }
        description = _("Destaca una nota, algo importante o un ejemplo.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("cita"))
    attribution = blocks.CharBlock(label=_("autor o fuente"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Cita")
        template = "blocks/quote.html"
        preview_value = {
            "text": "La información pública pertenece a las personas.",
            "attribution": "Principio de máxima publicidad",
        }
        description = _("Una cita con su autor o fuente.")


class LegalReferenceBlock(blocks.StructBlock):
    law = blocks.CharBlock(label=_("ley"), max_length=200)
    article = blocks.CharBlock(label=_("artículo"), required=False, max_length=100)
    quote = blocks.TextBlock(label=_("texto citado"))
    is_paraphrase = blocks.BooleanBlock(
        label=_("es un resumen (no el texto literal)"), required=False
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Referencia legal")
        template = "blocks/legal_reference.html"
        preview_value = {
            "law": "Ley de Acceso a la Información Pública, Decreto 57-2008",
            "article": "Artículo 1",
            "quote": "Objeto de la ley.",
            "is_paraphrase": True,
        }
        description = _("Cita de una ley: nombre, artículo y texto.")


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("pregunta"), max_length=250)
    answer = blocks.RichTextBlock(label=_("respuesta"), features=LESSON_RICH_TEXT)


class AccordionBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(QuestionAnswerBlock(), **kwargs)

    class Meta:
        icon = "list-ul"
        label = _("Preguntas frecuentes")
        template = "blocks/accordion.html"
        preview_value = [
            {
                "question": "¿Quién puede pedir información pública?",
                "answer": "<p>Cualquier persona, sin decir para qué la quiere.</p>",
            }
        ]
        description = _("Preguntas y respuestas que se despliegan (sin JavaScript).")


class LessonTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("título de la tabla"), max_length=200)
    table = TableBlock(label=_("tabla"))

    class Meta:
        icon = "table"
        label = _("Tabla")
        template = "blocks/table.html"
        preview_value = {
            "caption": "Plazos de respuesta",
            "table": {
                "data": [["Momento", "Plazo"], ["Respuesta", "10 días hábiles"]],
                "first_row_is_table_header": True,
            },
        }
        description = _("Una tabla con título y fila de encabezado.")


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    quote = QuoteBlock()
    legal_reference = LegalReferenceBlock()
    faq = AccordionBlock()
    table = LessonTableBlock()
