from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

# A limited, safe set of rich-text features for editors.
BASIC_RICH_TEXT = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HomePage(Page):
    """The site root: INFOM's message on Open Government and the way in."""

    intro = models.TextField(
        _("mensaje principal"),
        max_length=600,
        blank=True,
        help_text=_("Una o dos frases sobre Gobierno Abierto en el INFOM."),
    )
    body = RichTextField(_("contenido"), features=BASIC_RICH_TEXT, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("página de inicio")
        verbose_name_plural = _("páginas de inicio")
