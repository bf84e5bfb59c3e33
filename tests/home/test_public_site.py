"""The public site: tree rules, listings, article, activities, feed, calendar,
open data, sitemap, robots and meta tags."""

import csv
import datetime
import io
import json

import feedparser
import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cursos.models import CourseIndexPage, CoursePage, LessonPage
from home.models import (
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
    TransparencyPage,
)
from tests.factories import (
    UserFactory,
    build_course,
    event_index,
    municipality,
    news_article,
    news_index,
    site_event,
    site_image,
    standard_page,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """These tests look at what views render; the page cache has its own tests."""
    settings.PAGE_CACHE_SECONDS = 0


# ------------------------------------------------------------------ tree rules
def test_home_accepts_the_sections_and_only_them():
    home = HomePage.objects.get()
    allowed = set(home.specific_class.allowed_subpage_models())
    assert allowed == {
        CourseIndexPage,
        NewsIndexPage,
        EventIndexPage,
        StandardPage,
        TransparencyPage,
    }
    assert not NewsPage.can_create_at(home)
    assert not EventPage.can_create_at(home)


def test_articles_and_activities_live_under_their_index():
    index = news_index()
    events = event_index()
    assert NewsPage.can_create_at(index)
    assert not EventPage.can_create_at(index)
    assert EventPage.can_create_at(events)
    assert not NewsIndexPage.can_create_at(HomePage.objects.get())  # max_count = 1
    assert StandardPage.can_create_at(standard_page())
    assert NewsPage.allowed_subpage_models() == []


def test_event_rules_are_checked_in_spanish():
    event = site_event()
    event.municipality = municipality("0101")  # Guatemala, not Quetzaltenango
    event.ends_at = event.starts_at - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "no pertenece al departamento" in str(error.value)
    assert "posterior al inicio" in str(error.value)


# ------------------------------------------------------------------ news
def test_listing_newest_first_with_categories_and_tags(client):
    older = news_article(date=datetime.date(2026, 3, 1), categories=["transparencia"])
    newer = news_article(
        date=datetime.date(2026, 9, 1), categories=["capacitacion"], tags=["diplomado"]
    )
    html = client.get(news_index().url).content.decode()
    assert html.index(newer.title) < html.index(older.title)

    html = client.get(news_index().url + "?categoria=transparencia").content.decode()
    assert older.title in html and newer.title not in html

    html = client.get(news_index().url + "?etiqueta=diplomado").content.decode()
    assert newer.title in html and older.title not in html


def test_unknown_filter_says_so_and_lists_nothing(client):
    article = news_article()
    response = client.get(news_index().url + "?categoria=<script>x</script>")
    html = response.content.decode()
    assert response.status_code == 200
    assert "No existe esa categoría o etiqueta." in html
    assert article.title not in html
    assert "<script>x" not in html


def test_listing_paginates_and_tolerates_bad_page_numbers(client):
    articles = [news_article() for _ in range(12)]
    first = client.get(news_index().url).content.decode()
    second = client.get(news_index().url + "?pagina=2").content.decode()
    bad = client.get(news_index().url + "?pagina=abc")
    assert "Página 1 de 2" in first and "Página 2 de 2" in second
    oldest = articles[0].title
    assert oldest not in first and oldest in second
    assert bad.status_code == 200 and "Página 1 de 2" in bad.content.decode()


def test_article_shows_body_related_and_tag_links(client):
    article = news_article(
        categories=["gobierno-abierto"],
        tags=["municipalidades"],
        cover_image=site_image("Personas en una mesa técnica"),
        body=[("paragraph", "<p>Las mesas técnicas reunieron a sociedad civil.</p>")],
    )
    related = news_article(categories=["gobierno-abierto"])
    unrelated = news_article(categories=["capacitacion"])
    html = client.get(article.url).content.decode()
    assert "Las mesas técnicas reunieron" in html
    assert related.title in html and unrelated.title not in html
    assert "?etiqueta=municipalidades" in html
    assert 'property="og:type" content="article"' in html
    assert 'property="og:image" content="http://testserver/' in html
    assert f'<meta name="description" content="{article.intro}">' in html
    assert '<nav class="breadcrumbs"' in html


def test_unpublished_article_is_gone_everywhere(client):
    article = news_article(body=[("paragraph", "<p>Palabra únicaxyz.</p>")])
    url = article.url
    article.unpublish()
    assert client.get(url).status_code == 404
    assert article.title not in client.get(news_index().url).content.decode()
    assert article.title not in client.get(news_index().url + "rss/").content.decode()
    results = client.get(reverse("search"), {"q": "únicaxyz"}).content.decode()
    assert "0 resultados" in results and article.title not in results


def test_draft_article_is_never_listed(client):
    draft = news_article(publish=False)
    assert draft.title not in client.get(news_index().url).content.decode()
    assert client.get("/noticias/" + draft.slug + "/").status_code == 404


def test_feed_parses_with_categories_and_links(client):
    article = news_article(
        categories=["socializacion"], intro="Socialización en junio."
    )
    response = client.get(news_index().url + "rss/")
    feed = feedparser.parse(response.content)
    assert response["Content-Type"].startswith("application/rss+xml")
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == "es-gt"
    entry = feed.entries[0]
    assert entry.title == article.title
    assert entry.link == "http://testserver" + article.url
    assert entry.summary == "Socialización en junio."
    assert [t.term for t in entry.tags] == ["Socialización"]


# ------------------------------------------------------------------ activities
def test_activities_upcoming_then_past(client):
    soon = site_event(days_from_now=3)
    later = site_event(days_from_now=30)
    past = site_event(days_from_now=-30)
    html = client.get(event_index().url).content.decode()
    upcoming_part, past_part = html.split("Actividades realizadas")
    assert upcoming_part.index(soon.title) < upcoming_part.index(later.title)
    assert past.title in past_part and past.title not in upcoming_part


def test_activity_page_and_calendar_file(client):
    event = site_event(days_from_now=5, title="Socialización con la ciudadanía")
    html = client.get(event.url).content.decode()
    assert "Quetzaltenango" in html and "calendario/" in html
    response = client.get(event.url + "calendario/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert 'filename="' + event.slug + '.ics"' in response["Content-Disposition"]
    calendar = icalendar.Calendar.from_ical(response.content)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Socialización con la ciudadanía"
    assert vevent.decoded("DTSTART") == event.starts_at
    assert vevent.decoded("DTEND") == event.ends_at
    assert "Quetzaltenango" in str(vevent["LOCATION"])
    assert str(vevent["URL"]).endswith(event.url)


def test_past_activity_says_so_without_calendar_button(client):
    event = site_event(days_from_now=-2)
    html = client.get(event.url).content.decode()
    assert "Esta actividad ya se realizó." in html
    assert "Añadir a mi calendario" not in html


# ------------------------------------------------------------------ home
def test_home_shows_featured_courses_news_activities_and_counters(
    client, django_capture_on_commit_callbacks
):
    from cursos.services.enrollment import enroll
    from cursos.services.progress import complete_lesson

    first = build_course(modules=1, lessons=1, title="Diplomado destacado")
    second = build_course(modules=1, lessons=1, title="Capacitación destacada")
    home = HomePage.objects.get()
    home.featured_courses.create(course=second, sort_order=0)
    home.featured_courses.create(course=first, sort_order=1)
    home.save_revision().publish()
    article = news_article()
    soon = site_event(days_from_now=4)
    gone = site_event(days_from_now=-4)
    a = UserFactory(municipality=municipality("0101"))
    b = UserFactory(municipality=municipality("0101"))
    c = UserFactory(municipality=municipality("1601"))
    for user in (a, b, c):
        enroll(user=user, course=first)
    with django_capture_on_commit_callbacks(execute=True):
        complete_lesson(
            enrollment=a.enrollments.get(),
            lesson=LessonPage.objects.descendant_of(first).get(),
        )
    assert a.enrollments.get().certificate.status == "emitido"
    html = client.get("/").content.decode()
    assert html.index("Capacitación destacada") < html.index("Diplomado destacado")
    assert article.title in html and soon.title in html and gone.title not in html
    counters = html[html.index("titulo-cifras") :]
    assert "<dd>3</dd>" in counters  # learners
    assert "<dd>1</dd>" in counters  # certificates
    assert "<dd>2</dd>" in counters  # municipalities


# ------------------------------------------------------------------ open data
@pytest.fixture
def transparency():
    from tests.factories import _publish

    return _publish(
        HomePage.objects.get(),
        TransparencyPage(
            title="Datos abiertos", slug="datos-abiertos", intro="Cifras."
        ),
    )


def test_open_data_is_aggregated_and_downloadable(client, transparency):
    """Aggregated, never personal, and a count of 1 to 4 shows as "<5" (more
    in tests/home/test_opendata_*.py)."""
    from cursos.services.enrollment import enroll

    course = build_course(modules=1, lessons=1)
    people = [
        UserFactory(full_name="Ana Secreta", municipality=municipality("0101")),
        UserFactory(municipality=municipality("0102")),
        UserFactory(municipality=municipality("1601")),
    ]
    people += [UserFactory(municipality=municipality("0901")) for _ in range(6)]
    for person in people:
        enroll(user=person, course=course)
    html = client.get(transparency.url).content.decode()
    assert "Ana Secreta" not in html and people[0].email not in html
    assert "<svg" in html and 'role="img"' in html

    response = client.get(transparency.url + "csv/", follow=True)
    content = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert len(rows) == 24  # 22 departments, no department, national total
    by_code = {row["codigo_ine"]: row for row in rows}
    assert by_code["01"]["inscritas"] == "<5"
    assert by_code["16"]["inscritas"] == "<5"
    # 01 holds two people in two municipalities and the national total leaves
    # it at most 2: a zero department is reserved so that 01 is not pinned.
    assert {row["inscritas"] for row in rows} <= {"0", "<5", "reservado", "6", "9"}
    assert "reservado" in {row["inscritas"] for row in rows}
    assert rows[-1]["departamento"] == "Total nacional"
    assert rows[-1]["inscritas"] == "9"
    assert "Ana Secreta" not in content

    data = json.loads(client.get(transparency.url + "json/", follow=True).content)
    assert data["filas"][-1]["inscritas"] == 9
    assert data["metadatos"]["licencia"] == "CC BY 4.0"


# ------------------------------------------------------------------ sitemap, robots
def test_sitemap_lists_public_pages_but_not_lessons(client):
    course = build_course(modules=1, lessons=1)
    lesson = LessonPage.objects.descendant_of(course).first()
    article = news_article()
    xml = client.get("/sitemap.xml").content.decode()
    assert article.url + "</loc>" in xml
    assert course.url + "</loc>" in xml
    assert lesson.url not in xml


def test_robots_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


# ------------------------------------------------------------------ navigation settings
def test_menu_and_footer_come_from_the_setting(client):
    from home.models import NavigationSettings

    page = standard_page(title="Gobierno Abierto en el INFOM")
    setting = NavigationSettings.load()
    setting.menu_items.create(link_page=page, sort_order=0)
    setting.menu_items.create(
        label="Verificar", link_url="/certificados/verificar/", sort_order=1
    )
    setting.footer_links.create(label="Ley de Acceso", link_url="/ley/", sort_order=0)
    setting.footer_contact = "7a. avenida\nCiudad de Guatemala"
    setting.save()
    html = client.get("/").content.decode()
    nav = html[
        html.index('class="main-nav"') : html.index(
            "</nav>", html.index('class="main-nav"')
        )
    ]
    assert "Gobierno Abierto en el INFOM" in nav and "Verificar" in nav
    assert "Noticias" not in nav  # the default menu is replaced
    assert "Ley de Acceso" in html and "7a. avenida<br>Ciudad de Guatemala" in html


def test_menu_link_needs_exactly_one_target():
    from home.models import MenuItem, NavigationSettings

    item = MenuItem(setting=NavigationSettings.load(), label="X", link_url="")
    with pytest.raises(ValidationError):
        item.full_clean()
    item.link_url = "javascript:alert(1)"
    with pytest.raises(ValidationError):
        item.full_clean()


def test_coordinators_may_edit_menus_and_categories():
    coordinator = UserFactory(coordinator=True)
    assert coordinator.has_perm("home.change_navigationsettings")
    assert coordinator.has_perm("home.add_newscategory")
    assert not UserFactory().has_perm("home.change_navigationsettings")


def test_course_page_is_public_and_enrolled_only_lessons_are_not(client):
    course = build_course(modules=1, lessons=1, visibility="inscritos")
    assert client.get(course.url).status_code == 200
    assert CoursePage.objects.get(pk=course.pk).get_sitemap_urls() != []


def test_coordinator_authors_campaign_pages_in_the_admin(client):
    client.force_login(UserFactory(coordinator=True))
    index = news_index()
    events = event_index()
    for url in (
        f"/admin/pages/add/home/newspage/{index.pk}/",
        f"/admin/pages/add/home/eventpage/{events.pk}/",
        f"/admin/pages/{news_article().pk}/edit/",
        "/admin/settings/home/navigationsettings/",
        "/admin/snippets/home/newscategory/",
    ):
        assert client.get(url, follow=True).status_code == 200, url
