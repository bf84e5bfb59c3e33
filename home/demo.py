"""Demo content of the public site for `manage.py seed_demo` (idempotent).

The texts are in `home.demo_content`; the pictures are drawn locally by
`home.illustrations`. Pages are created when missing and never rewritten, so a
second run changes nothing (activity dates are set relative to the day of the
first run, so a fresh demo always has upcoming activities)."""

import datetime
import io
import zoneinfo
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from cursos.demo import with_counts
from lms.accounts.models import Department, Municipality

from . import demo_content as content
from .illustrations import illustration_png
from .models import (
    EventIndexPage,
    EventPage,
    HomePage,
    NavigationSettings,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    StandardPage,
    TransparencyPage,
)

GUATEMALA = zoneinfo.ZoneInfo("America/Guatemala")

HOME_INTRO = (
    "El Instituto de Fomento Municipal (INFOM) impulsa una estrategia de Gobierno "
    "Abierto para fortalecer la transparencia, la participación ciudadana y la "
    "rendición de cuentas en las municipalidades de Guatemala. Aquí se forman "
    "funcionarios municipales y personal del INFOM."
)
HOME_BODY = (
    "<h2>Qué encontrará en esta plataforma</h2>"
    "<ul>"
    "<li><b>Diplomado «Gestión Municipal y Transparencia»</b>: módulos en línea para "
    "funcionarios de las 340 municipalidades del país, con evaluaciones y un "
    "certificado verificable.</li>"
    "<li><b>Capacitaciones obligatorias para el personal del INFOM</b>, con fechas "
    "límite y seguimiento.</li>"
    "<li><b>La campaña de socialización</b> del modelo de Gobierno Abierto: noticias, "
    "actividades y datos abiertos sobre la formación.</li>"
    "</ul>"
    "<h2>Marco legal</h2>"
    "<p>La Ley de Acceso a la Información Pública (Decreto 57-2008 del Congreso de la "
    "República) garantiza a toda persona el derecho a solicitar y recibir información "
    "pública de las municipalidades y demás sujetos obligados. Guatemala participa en "
    "la Alianza para el Gobierno Abierto (Open Government Partnership) desde 2011.</p>"
)


def seed_home() -> HomePage:
    """Give the site root its demo message; save a revision only when it changes."""
    home = HomePage.objects.get()
    if home.intro != HOME_INTRO or home.body != HOME_BODY:
        home.intro = HOME_INTRO
        home.body = HOME_BODY
        home.save_revision().publish()
    return home


def seed_site_address() -> Site:
    """The default Wagtail Site answers at SITE_URL's host and port (the demo's
    http://127.0.0.1:8000), so the sitemap, the calendar files and the canonical
    links carry the address the demo is served on."""
    address = urlsplit(settings.SITE_URL)
    hostname = address.hostname or "localhost"
    port = address.port or (443 if address.scheme == "https" else 80)
    site = Site.objects.get(is_default_site=True)
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    return site


def _child(parent: Page, model, slug: str, **fields):
    """The live child page with this slug, created and published when missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _illustration(theme: str, alt: str):
    Image = get_image_model()
    title = f"Ilustración de demostración: {theme}"
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image.objects.create(
            title=title,
            description=alt,
            file=ImageFile(
                io.BytesIO(illustration_png(theme)), name=f"demo-{theme}.png"
            ),
        )
    return image


def seed_news(home: HomePage) -> NewsIndexPage:
    index, _ = _child(
        home,
        NewsIndexPage,
        "noticias",
        title="Noticias",
        intro="La campaña de socialización del modelo de Gobierno Abierto del INFOM.",
    )
    categories = {c.name: c for c in NewsCategory.objects.all()}
    for item in with_counts(content.NEWS):
        if NewsPage.objects.child_of(index).filter(slug=item["slug"]).exists():
            continue
        article = NewsPage(
            slug=item["slug"],
            title=item["title"],
            date=datetime.date.fromisoformat(item["date"]),
            unit=item["unit"],
            intro=item["intro"],
            search_description=item["search_description"],
            cover_image=_illustration(item["illustration"], item["image_alt"]),
            body=item["body"],
        )
        article.categories = [categories[name] for name in item["categories"]]
        article.tags.add(*item["tags"])
        index.add_child(instance=article)
        article.save_revision().publish()
    return index


def _event_times(item, today):
    day = today + datetime.timedelta(days=item["days_from_today"])
    hour, minute = (int(part) for part in item["start_time"].split(":"))
    starts = datetime.datetime.combine(day, datetime.time(hour, minute), GUATEMALA)
    return starts, starts + datetime.timedelta(hours=item["duration_hours"])


def seed_events(home: HomePage) -> EventIndexPage:
    index, _ = _child(
        home,
        EventIndexPage,
        "actividades",
        title="Actividades",
        intro=(
            "Actividades de socialización del modelo de Gobierno Abierto para la "
            "ciudadanía, las municipalidades y el personal del INFOM."
        ),
    )
    today = timezone.localdate()
    for item in with_counts(content.EVENTS):
        if EventPage.objects.child_of(index).filter(slug=item["slug"]).exists():
            continue
        starts, ends = _event_times(item, today)
        event = EventPage(
            slug=item["slug"],
            title=item["title"],
            starts_at=starts,
            ends_at=ends,
            place=item["place"],
            department=(
                Department.objects.get(code=item["department"])
                if item["department"]
                else None
            ),
            municipality=(
                Municipality.objects.get(code=item["municipality"])
                if item["municipality"]
                else None
            ),
            audience=item["audience"],
            intro=item["intro"],
            search_description=item["search_description"],
            description=item["description"],
            how_to_participate=item["how_to_participate"],
        )
        index.add_child(instance=event)
        event.save_revision().publish()
    return index


def seed_institutional_pages(home: HomePage) -> dict[str, Page]:
    pages = {}
    for item in with_counts(content.STANDARD_PAGES):
        pages[item["slug"]], _ = _child(
            home,
            StandardPage,
            item["slug"],
            title=item["title"],
            intro=item["intro"],
            search_description=item["search_description"],
            body=item["body"],
        )
    pages["datos-abiertos"], _ = _child(
        home,
        TransparencyPage,
        "datos-abiertos",
        title="Datos abiertos de la formación",
        intro=with_counts(content.TRANSPARENCY_INTRO),
    )
    return pages


def seed_featured(home: HomePage, courses) -> None:
    home = HomePage.objects.get(pk=home.pk)
    if home.featured_courses.exists() or not courses:
        return
    home.featured_text = with_counts(content.HOME_FEATURE_TEXT)
    for order, course in enumerate(courses):
        home.featured_courses.create(course=course, sort_order=order)
    home.save_revision().publish()


def seed_navigation(pages: dict[str, Page], news, events, catalog) -> None:
    setting = NavigationSettings.load()
    if setting.menu_items.exists():
        return
    menu = [
        ("Inicio", None, "/"),
        ("Cursos", catalog, ""),
        ("Noticias", news, ""),
        ("Actividades", events, ""),
        ("Gobierno Abierto", pages["gobierno-abierto"], ""),
        ("Datos abiertos", pages["datos-abiertos"], ""),
        ("Verificar certificado", None, "/certificados/verificar/"),
    ]
    for order, (label, page, url) in enumerate(menu):
        if page is None and not url:
            continue
        setting.menu_items.create(
            label=label, link_page=page, link_url=url, sort_order=order
        )
    footer = [
        pages["gobierno-abierto"],
        pages["ley-de-acceso-a-la-informacion-publica"],
        pages["acerca-del-diplomado"],
        pages["datos-abiertos"],
    ]
    for order, page in enumerate(footer):
        setting.footer_links.create(link_page=page, sort_order=order)
    setting.save()


def seed_site(*, courses=()) -> dict:
    """Home, news, activities, institutional and open-data pages, menus and the
    featured courses."""
    home = seed_home()
    news = seed_news(home)
    events = seed_events(home)
    pages = seed_institutional_pages(home)
    catalog = courses[0].get_parent() if courses else None
    seed_featured(home, list(courses))
    seed_navigation(pages, news, events, catalog)
    return {"home": home, "news": news, "events": events, **pages}
