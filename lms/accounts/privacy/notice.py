"""The "Aviso de privacidad" page: seeded once (a ``home.StandardPage`` under
the home page, text in lms/accounts/contenido/aviso-de-privacidad.yaml), then
edited by coordinators in the CMS; seeding again changes nothing."""

from pathlib import Path

import yaml

NOTICE_FILE = (
    Path(__file__).resolve().parent.parent / "contenido" / ("aviso-de-privacidad.yaml")
)
NOTICE_PATH = "/aviso-de-privacidad/"


def notice_content() -> dict:
    return yaml.safe_load(NOTICE_FILE.read_text(encoding="utf-8"))


def seed_privacy_notice(home=None):
    """The notice page under ``home`` (the site's root page by default),
    created and published when missing. Returns (page, created)."""
    from wagtail.models import Site

    from home.demo import _child
    from home.models import StandardPage

    if home is None:
        home = Site.objects.get(is_default_site=True).root_page
    content = notice_content()
    body = [(kind, value) for item in content["body"] for kind, value in item.items()]
    return _child(
        home,
        StandardPage,
        content["slug"],
        title=content["title"],
        intro=" ".join(content["intro"].split()),
        search_description=" ".join(content["search_description"].split()),
        body=body,
    )
