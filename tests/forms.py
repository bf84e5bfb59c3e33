"""POST the way a browser does: from a form on a page, with that form's CSRF token.

Every test that POSTs goes through a client that enforces CSRF
(``Client(enforce_csrf_checks=True)``, the ``client`` fixture) and takes the
token from the form the person would press, so a form rendered without its
``{% csrf_token %}`` fails the test instead of failing only in production.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit


class _Form:
    def __init__(self, action: str, method: str):
        self.action = action
        self.method = method
        self.token: str | None = None


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[_Form] = []
        self._current: _Form | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self._current = _Form(
                attributes.get("action") or "",
                (attributes.get("method") or "get").lower(),
            )
            self.forms.append(self._current)
        elif (
            tag == "input"
            and self._current is not None
            and attributes.get("name") == "csrfmiddlewaretoken"
        ):
            self._current.token = attributes.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def _path(url: str) -> str:
    return urlsplit(url).path


def csrf_token_of_form(html: str, page_url: str, action: str | None = None) -> str:
    """The CSRF token of the POST form on ``html`` whose action is ``action``
    (the page itself when the form has no action); the only POST form when
    ``action`` is None. Fails when there is no such form or it has no token."""
    parser = _FormParser()
    parser.feed(html)
    forms = [form for form in parser.forms if form.method == "post"]
    if action is not None:
        wanted = _path(urljoin(page_url, action))
        forms = [
            form
            for form in forms
            if _path(urljoin(page_url, form.action or page_url)) == wanted
        ]
    assert forms, f"no POST form for {action or 'this page'} on {page_url}"
    # A form naming its action explicitly is the one the person presses; forms
    # without one (Wagtail's editing-session pinger) only post to the page.
    form = sorted(forms, key=lambda form: not form.action)[0]
    assert form.token, (
        f"the form for {action or page_url} on {page_url} has no CSRF token"
    )
    return form.token


def post_form(
    client,
    page_url: str,
    data: dict | None = None,
    *,
    action: str | None = None,
    follow: bool = False,
    **extra,
):
    """Open ``page_url`` as the client, take the CSRF token of the form that
    posts to ``action`` (the page itself by default) and post ``data`` there."""
    page = client.get(page_url, follow=True)
    assert page.status_code == 200, f"{page_url} answered {page.status_code}"
    html = page.content.decode()
    final_url = page.redirect_chain[-1][0] if page.redirect_chain else page_url
    token = csrf_token_of_form(html, final_url, action)
    target = urljoin(final_url, action) if action else final_url
    payload = dict(data or {})
    payload["csrfmiddlewaretoken"] = token
    return client.post(target, payload, follow=follow, **extra)


def csrf_token(client, page_url: str = "/cuentas/login/") -> str:
    """A valid CSRF token for the client's session, for endpoints whose form
    lives elsewhere (taken from a real form of the site)."""
    page = client.get(page_url)
    return csrf_token_of_form(page.content.decode(), page_url)
