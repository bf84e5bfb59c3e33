"""Pages of the public site: the home page, the campaign's news and activities,
institutional pages and the open-data page, plus the menus and footer (a Wagtail
setting). Reads that span models live in `home.selectors`."""

import datetime

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from lms.page_cache import PublicPageCacheMixin, mark_parameters
from lms.prepared import PreparedQuery

from .blocks import CampaignStreamBlock

# A limited, safe set of rich-text features for editors.
BASIC_RICH_TEXT = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
NEWS_PER_PAGE = 10
PAST_EVENTS_PER_PAGE = 10
PAGE_PARAMETER = "pagina"


def _without_nul(value: str) -> str:
    """A filter value PostgreSQL can compare: a NUL byte (refused by the database)
    becomes a character no slug has, so the filter is simply unknown."""
    return value.replace("\x00", "\ufffd")


def page_of(request, object_list, per_page):
    """(page of the listing asked for by ``?pagina=``, whether that page exists).
    A page number that is not one, or out of range, shows the nearest page (the
    template says so) and is never stored in the anonymous page cache."""
    paginator = Paginator(object_list, per_page)
    raw = request.GET.get(PAGE_PARAMETER)
    if raw is None:
        return paginator.get_page(1), True
    try:
        return paginator.page(paginator.validate_number(raw)), True
    except (PageNotAnInteger, EmptyPage):
        return paginator.get_page(raw), False


# The deep-page lookup of HomePage.route, on every lesson and quiz page:
# compiled once per process (lms.prepared), the specific query per page type.
_page_at = PreparedQuery(
    lambda url_path: (
        Page.objects.filter(url_path=url_path)
        .order_by("pk")
        .values_list("pk", "content_type_id")[:1]
    ),
    PreparedQuery.TEXT,
)
_specific_queries: dict = {}


def _specific_page(model) -> PreparedQuery:
    query = _specific_queries.get(model)
    if query is None:
        query = _specific_queries[model] = PreparedQuery(
            lambda pk: model._default_manager.filter(pk=pk), PreparedQuery.INT
        )
    return query


class HomePage(PublicPageCacheMixin, Page):
    """The site root: INFOM's message on Open Government and the way in."""

    intro = models.TextField(
        _("mensaje principal"),
        max_length=600,
        blank=True,
        help_text=_("Una o dos frases sobre Gobierno Abierto en el INFOM."),
    )
    body = RichTextField(_("contenido"), features=BASIC_RICH_TEXT, blank=True)
    featured_heading = models.CharField(
        _("título de los cursos destacados"),
        max_length=120,
        default="Cursos destacados",
    )
    featured_text = models.TextField(
        _("invitación a los cursos"), max_length=400, blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("featured_heading"),
                FieldPanel("featured_text"),
                InlinePanel(
                    "featured_courses",
                    label=_("curso destacado"),
                    max_num=6,
                    help_text=_("Hasta seis cursos, en el orden en que se muestran."),
                ),
            ],
            heading=_("Cursos destacados"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cursos.CourseIndexPage",
        "home.NewsIndexPage",
        "home.EventIndexPage",
        "home.StandardPage",
        "home.TransparencyPage",
    ]
    max_count = 1

    def route(self, request, path_components):
        """Find a deep page (a lesson is five levels down) with one lookup by its
        URL path instead of two queries per level; anything else (routable
        sub-paths, unknown paths) goes through Wagtail's usual walk."""
        if len(path_components) > 1:
            url_path = f"{self.url_path}{'/'.join(path_components)}/"
            found = _page_at(url_path)
            if found:
                page_id, content_type_id = found[0]
                model = ContentType.objects.get_for_id(content_type_id).model_class()
                if model is not None:
                    [page] = _specific_page(model)(page_id) or [None]
                    if page is not None:
                        return page.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context["featured_courses"] = selectors.featured_courses(home=self)
        context["latest_news"] = selectors.latest_news(limit=3)
        context["upcoming_events"] = selectors.upcoming_events(limit=3)
        context["counters"] = selectors.public_counters()
        return context

    class Meta:
        verbose_name = _("página de inicio")
        verbose_name_plural = _("páginas de inicio")


class HomeFeaturedCourse(Orderable):
    home = ParentalKey(
        HomePage, on_delete=models.CASCADE, related_name="featured_courses"
    )
    course = models.ForeignKey(
        "cursos.CoursePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("curso"),
    )

    panels = [PageChooserPanel("course", "cursos.CoursePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("curso destacado")
        verbose_name_plural = _("cursos destacados")


class StandardPage(PublicPageCacheMixin, Page):
    """An institutional page, e.g. "Gobierno Abierto en el INFOM"."""

    intro = models.TextField(_("introducción"), max_length=400, blank=True)
    body = StreamField(CampaignStreamBlock(), verbose_name=_("contenido"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("página institucional")
        verbose_name_plural = _("páginas institucionales")


@register_snippet
class NewsCategory(models.Model):
    """A campaign theme (Socialización, Gobierno Abierto, Capacitación,
    Transparencia)."""

    name = models.CharField(_("nombre"), max_length=60, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True, allow_unicode=False)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("categoría de noticias")
        verbose_name_plural = _("categorías de noticias")

    def __str__(self):
        return self.name


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "home.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsIndexPage(PublicPageCacheMixin, RoutablePageMixin, Page):
    """The campaign's news: a paginated list filterable by category and tag, and an
    RSS feed at `rss/`."""

    intro = models.TextField(_("introducción"), max_length=400, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        listing = selectors.news_listing(
            index=self,
            category_slug=_without_nul(request.GET.get("categoria", "")),
            tag_slug=_without_nul(request.GET.get("etiqueta", "")),
        )
        context["listing"] = listing
        context["news"], page_exists = page_of(request, listing.pages, NEWS_PER_PAGE)
        context["page_missing"] = not page_exists
        mark_parameters(
            request,
            valid=page_exists
            and not listing.unknown_filter
            and set(request.GET) <= {PAGE_PARAMETER, "categoria", "etiqueta"},
        )
        return context

    @path("rss/", name="feed")
    def feed(self, request):
        from .feeds import NewsFeed

        return NewsFeed(self)(request)

    class Meta:
        verbose_name = _("índice de noticias")
        verbose_name_plural = _("índices de noticias")


class NewsPage(PublicPageCacheMixin, Page):
    """A campaign article."""

    date = models.DateField(_("fecha"), default=datetime.date.today)
    unit = models.CharField(
        _("unidad"),
        max_length=120,
        help_text=_("La unidad del INFOM que publica, p. ej. Comunicación Social."),
    )
    intro = models.TextField(_("introducción"), max_length=400)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("imagen de portada"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Se usa en la lista, en la página y al compartir en redes."),
    )
    body = StreamField(CampaignStreamBlock(), verbose_name=_("contenido"))
    categories = ParentalManyToManyField(
        NewsCategory, verbose_name=_("categorías"), blank=True, related_name="+"
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag, verbose_name=_("etiquetas"), blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("unit")]),
        FieldPanel("intro"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
            ],
            heading=_("Clasificación"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("unit"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    og_type = "article"

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        context["categories"] = list(self.categories.all())
        context["tags"] = list(self.tags.all())
        context["index_url"] = self.get_parent().get_url(request=request)
        context["related"] = selectors.related_news(
            article=self, categories=context["categories"], limit=3
        )
        return context

    class Meta:
        ordering = ["-date"]
        verbose_name = _("noticia")
        verbose_name_plural = _("noticias")


class EventIndexPage(PublicPageCacheMixin, Page):
    """Socialization activities: the upcoming ones first, then the past ones."""

    intro = models.TextField(_("introducción"), max_length=400, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.EventPage"]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from . import selectors

        context = super().get_context(request, *args, **kwargs)
        events = selectors.events_of(index=self)
        context["upcoming"] = events.upcoming
        context["past"], page_exists = page_of(
            request, events.past, PAST_EVENTS_PER_PAGE
        )
        context["page_missing"] = not page_exists
        mark_parameters(
            request, valid=page_exists and set(request.GET) <= {PAGE_PARAMETER}
        )
        return context

    class Meta:
        verbose_name = _("índice de actividades")
        verbose_name_plural = _("índices de actividades")


class EventPage(PublicPageCacheMixin, RoutablePageMixin, Page):
    """A socialization activity, with an iCalendar file at `calendario/`."""

    starts_at = models.DateTimeField(_("inicio"))
    ends_at = models.DateTimeField(_("fin"))
    place = models.CharField(
        _("lugar"),
        max_length=200,
        help_text=_("Sede y dirección, o «Sesión virtual»."),
    )
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("departamento"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    municipality = models.ForeignKey(
        "accounts.Municipality",
        verbose_name=_("municipio"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    audience = models.CharField(
        _("dirigida a"),
        max_length=200,
        help_text=_("P. ej. ciudadanía, personal del INFOM, funcionarios municipales."),
    )
    intro = models.TextField(_("introducción"), max_length=400)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("imagen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = RichTextField(_("descripción"), features=BASIC_RICH_TEXT)
    how_to_participate = RichTextField(
        _("cómo participar"), features=BASIC_RICH_TEXT, blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("place"),
        FieldRowPanel([FieldPanel("department"), FieldPanel("municipality")]),
        FieldPanel("audience"),
        FieldPanel("intro"),
        FieldPanel("cover_image"),
        FieldPanel("description"),
        FieldPanel("how_to_participate"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("description"),
        index.SearchField("place"),
        index.SearchField("audience"),
        index.FilterField("starts_at"),
    ]

    parent_page_types = ["home.EventIndexPage"]
    subpage_types = []

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("El fin debe ser posterior al inicio.")
        if self.municipality_id and self.municipality.department_id != (
            self.department_id
        ):
            errors["municipality"] = _(
                "El municipio no pertenece al departamento elegido."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @cached_property
    def location_label(self) -> str:
        parts = [self.place]
        if self.municipality_id:
            parts.append(self.municipality.name)
        if self.department_id and self.department.name not in parts:
            parts.append(self.department.name)
        return ", ".join(parts)

    @path("calendario/", name="ics")
    def ics(self, request):
        from .calendar import event_calendar

        response = HttpResponse(
            event_calendar(self, request=request),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("actividad")
        verbose_name_plural = _("actividades")


class TransparencyPage(PublicPageCacheMixin, RoutablePageMixin, Page):
    """Open data on who is being trained where: aggregated by department, never
    personal; also as CSV and JSON."""

    intro = models.TextField(_("introducción"), max_length=600, blank=True)
    body = StreamField(CampaignStreamBlock(), verbose_name=_("contenido"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from .opendata.page import transparency_context

        context = super().get_context(request, *args, **kwargs)
        context.update(transparency_context())
        return context

    @path("diccionario/", name="dictionary")
    def dictionary(self, request):
        from .opendata.page import dictionary_context

        return self.render(
            request,
            context_overrides=dictionary_context(),
            template="home/transparency_dictionary.html",
        )

    # The first addresses of the department table, kept for whoever links them.
    @path("csv/", name="csv")
    def csv(self, request):
        return redirect("opendata:file", table="departamentos", fmt="csv")

    @path("json/", name="json")
    def json(self, request):
        return redirect("opendata:file", table="departamentos", fmt="json")

    class Meta:
        verbose_name = _("página de datos abiertos")
        verbose_name_plural = _("páginas de datos abiertos")


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseGenericSetting):
    """The main menu and the footer, edited in Configuración → Menú y pie de página."""

    footer_about = models.TextField(
        _("texto del pie de página"),
        max_length=400,
        blank=True,
        default=(
            "Estrategia de Gobierno Abierto: formación para municipalidades y "
            "personal del INFOM."
        ),
    )
    footer_contact = models.TextField(
        _("contacto"),
        max_length=400,
        blank=True,
        help_text=_("Dirección, teléfono u horario de atención; una idea por línea."),
    )

    panels = [
        InlinePanel("menu_items", label=_("enlace del menú principal"), max_num=8),
        FieldPanel("footer_about"),
        FieldPanel("footer_contact"),
        InlinePanel("footer_links", label=_("enlace del pie de página"), max_num=10),
    ]

    class Meta:
        verbose_name = _("menú y pie de página")


class LinkFields(models.Model):
    """A link to a page of the site or to a path such as /certificados/verificar/."""

    label = models.CharField(
        _("texto"),
        max_length=60,
        blank=True,
        help_text=_("Vacío: se usa el título de la página."),
    )
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("página"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.CharField(
        _("dirección"),
        max_length=200,
        blank=True,
        help_text=_("Solo si no elige una página; p. ej. /certificados/verificar/"),
    )

    panels = [FieldPanel("label"), FieldPanel("link_page"), FieldPanel("link_url")]

    class Meta:
        abstract = True

    def __str__(self):
        return self.label or (self.link_page.title if self.link_page_id else "")

    def clean(self):
        super().clean()
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError(
                _("Elija una página o escriba una dirección (solo una de las dos).")
            )
        if self.link_url and not (
            self.link_url.startswith("/") or self.link_url.startswith("https://")
        ):
            raise ValidationError(
                {"link_url": _("La dirección debe empezar por / o por https://")}
            )
        if self.link_url and not self.label:
            raise ValidationError({"label": _("Escriba el texto del enlace.")})


class MenuItem(Orderable, LinkFields):
    setting = ParentalKey(
        NavigationSettings, on_delete=models.CASCADE, related_name="menu_items"
    )

    class Meta(Orderable.Meta):
        verbose_name = _("enlace del menú")


class FooterLink(Orderable, LinkFields):
    setting = ParentalKey(
        NavigationSettings, on_delete=models.CASCADE, related_name="footer_links"
    )

    class Meta(Orderable.Meta):
        verbose_name = _("enlace del pie de página")
