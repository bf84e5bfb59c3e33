"""comunidad.text.render_plain: everything escaped, only http(s) links."""

import pytest

from comunidad.text import excerpt, render_plain


def test_escapes_markup_and_keeps_paragraphs_and_line_breaks():
    html = str(render_plain("Hola <script>alert(1)</script>\nsegunda\n\notro"))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html == (
        "<p>Hola &lt;script&gt;alert(1)&lt;/script&gt;<br>segunda</p>\n<p>otro</p>"
    )


def test_http_links_are_clickable_and_marked():
    html = str(render_plain("Vea https://infom.gob.gt/guia?a=1&b=2."))
    assert (
        '<a href="https://infom.gob.gt/guia?a=1&amp;b=2" '
        'rel="nofollow noopener ugc">https://infom.gob.gt/guia?a=1&amp;b=2</a>.'
    ) in html


@pytest.mark.parametrize(
    "nasty",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.cookie)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox(1)",
        "mailto:alguien@infom.gob.gt",
        "www.infom.gob.gt",
        '<a href="javascript:alert(1)">clic</a>',
        "ftp://servidor/archivo",
    ],
)
def test_nothing_else_becomes_a_link(nasty):
    html = str(render_plain(nasty))
    assert "<a " not in html
    assert "<" not in html.replace("<p>", "").replace("</p>", "")


def test_an_address_cannot_break_out_of_its_attribute():
    html = str(render_plain('http://x.org/"onmouseover="alert(1) y <b>'))
    assert '<a href="http://x.org/" rel="nofollow noopener ugc">' in html
    assert "&quot;onmouseover=&quot;alert(1)" in html
    assert "<b>" not in html


def test_parentheses_and_empty_text():
    html = str(render_plain("(ver https://a.org/x_(y)) y https://b.org)."))
    assert 'href="https://a.org/x_(y)"' in html
    assert 'href="https://b.org"' in html
    assert str(render_plain("")) == ""
    assert str(render_plain(None)) == ""
    assert str(render_plain("https://")) == "<p>https://</p>"


def test_nul_bytes_and_crlf():
    assert str(render_plain("a\r\nb\x00c")) == "<p>a<br>bc</p>"


def test_excerpt_is_plain_and_short():
    assert excerpt("uno\n\ndos   tres") == "uno dos tres"
    assert len(excerpt("x" * 500, 300)) == 300
