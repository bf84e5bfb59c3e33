"""The "Aviso de privacidad": seeded once (idempotent), editable as a standard
page, linked from every page's footer and from the sign-up form; it cites the
decree without inventing article numbers."""

import re

import pytest
from wagtail.models import Site

from home.models import StandardPage
from lms.accounts.privacy.notice import NOTICE_PATH, notice_content, seed_privacy_notice

pytestmark = pytest.mark.django_db


def test_seeding_twice_makes_one_page_and_keeps_edits(client):
    page, created = seed_privacy_notice()
    assert created and page.url == NOTICE_PATH
    page.title = "Aviso de privacidad (editado)"
    page.save_revision().publish()
    again, created = seed_privacy_notice()
    assert not created and again.pk == page.pk
    assert StandardPage.objects.filter(slug="aviso-de-privacidad").count() == 1
    assert StandardPage.objects.get(pk=page.pk).title == "Aviso de privacidad (editado)"
    html = client.get(NOTICE_PATH).content.decode()
    for heading in (
        "Qué datos guardamos",
        "Para qué los usamos",
        "Quién los ve",
        "Por cuánto tiempo",
        "Cómo ejercer sus derechos",
        "Sus certificados si elimina su cuenta",
    ):
        assert heading in html
    assert "Nombre retirado a solicitud de su titular" in html
    assert "Decreto 57-2008" in html


def test_only_the_verified_article_is_cited():
    text = str(notice_content())
    articles = set(re.findall(r"[Aa]rt(?:ículo|\.)\s*(\d+)", text))
    assert articles == {"30"}  # Hábeas data, verified in cursos/demo/contenido


def test_footer_and_signup_link_to_the_notice(client):
    assert Site.objects.filter(is_default_site=True).exists()
    for url in ("/", "/cuentas/signup/"):
        assert f'href="{NOTICE_PATH}"' in client.get(url).content.decode()


def test_the_notice_figures_follow_the_settings(settings):
    text = str(notice_content())
    assert f"{settings.UNVERIFIED_SIGNUP_RETENTION_DAYS} días" in text
    assert f"{settings.DATA_EXPORT_EXPIRY_DAYS} días" in text
