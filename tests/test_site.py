import subprocess
import sys

import pytest
from django.conf import settings
from wagtail.models import Page, Site

from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_home_page_is_the_site_root(client):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert 'href="#contenido"' in html
    assert "Crear cuenta" in html


def test_home_page_tree_rules():
    root = Page.objects.get(depth=1)
    assert HomePage.can_create_at(root) is False  # max_count = 1, it exists
    assert HomePage.parent_page_types == ["wagtailcore.Page"]


def test_spanish_404(client):
    response = client.get("/no-existe-esta-pagina/")
    assert response.status_code == 404
    assert "No encontramos esta página" in response.content.decode()


def test_settings_are_spanish_and_guatemalan():
    assert settings.LANGUAGE_CODE == "es"
    assert settings.TIME_ZONE == "America/Guatemala"


def test_health(client):
    assert client.get("/salud/").json()["estado"] == "ok"


def test_production_settings_pass_check_deploy(signing_ca):
    env = {
        **signing_ca.environment(),
        "CREDENTIAL_SIGNING_KEYS_DIR": str(settings.CREDENTIAL_SIGNING_KEYS_DIR),
        "PATH": "/usr/bin:/bin",
        "SECRET_KEY": "k" * 20
        + "-una-clave-larga-y-aleatoria-de-produccion-0123456789",
        "ALLOWED_HOSTS": "aprende.infom.gob.gt",
        "CSRF_TRUSTED_ORIGINS": "https://aprende.infom.gob.gt",
        "DATABASE_URL": "sqlite:////tmp/check-deploy.sqlite3",
        "CACHE_URL": "locmemcache://",
        "SITE_URL": "https://aprende.infom.gob.gt",
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
