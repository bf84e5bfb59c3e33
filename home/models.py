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
    subpage_types = ["cursos.CourseIndexPage"]
    max_count = 1

    def route(self, request, path_components):
        """Find a deep page (a lesson is five levels down) with one lookup by its
        URL path instead of two queries per level; anything else (routable
        sub-paths, unknown paths) goes through Wagtail's usual walk."""
        if len(path_components) > 1:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            page = Page.objects.filter(url_path=url_path).first()
            if page is not None:
                return page.specific.route(request, [])
        return super().route(request, path_components)

    class Meta:
        verbose_name = _("página de inicio")
        verbose_name_plural = _("páginas de inicio")
