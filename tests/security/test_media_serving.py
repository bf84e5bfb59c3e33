"""`make demo` serves media itself (DEBUG off, SERVE_MEDIA on): pictures yes,
documents and certificate PDFs never straight from storage."""

import importlib
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import clear_url_caches


@pytest.fixture
def demo_urls():
    import lms.urls

    with override_settings(SERVE_MEDIA=True):
        clear_url_caches()
        importlib.reload(lms.urls)
        yield
    clear_url_caches()
    importlib.reload(lms.urls)


@pytest.mark.parametrize(
    ("folder", "served"),
    [("images", True), ("documents", False), ("certificados", False)],
)
def test_demo_media_serves_pictures_but_not_documents_or_certificates(
    client, db, demo_urls, folder, served
):
    path = Path(settings.MEDIA_ROOT) / folder / "muestra-medios.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("contenido")
    try:
        response = client.get(f"{settings.MEDIA_URL}{folder}/muestra-medios.txt")
        assert (response.status_code == 200) is served
    finally:
        path.unlink()
