"""The project's catalogs (locale/): compiled files that match their sources,
translations that keep every placeholder, and the "usted" register in every
third-party string the platform shows.

The .mo files are committed (GNU gettext may be missing on a bare machine), so
nothing here needs ``msgfmt``: the .po is read with polib and the .mo with
Python's own gettext module, the reader Django itself uses.
"""

import gettext
import re
from pathlib import Path

import allauth
import polib
import pytest
import wagtail
from django.conf import settings
from django.test import Client
from django.utils import translation

from tests.factories import UserFactory

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
CATALOGS = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


def _key(entry):
    return f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid


def test_the_project_ships_its_catalogs():
    names = {path.relative_to(LOCALE_DIR).as_posix() for path in CATALOGS}
    assert names == {"es/LC_MESSAGES/django.po", "es/LC_MESSAGES/djangojs.po"}
    assert Path(settings.LOCALE_PATHS[0]) == LOCALE_DIR


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: p.name)
def test_the_committed_mo_matches_its_po(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} missing: run python locale/compile.py"
    with mo_path.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    expected = {}
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete or "fuzzy" in entry.flags or not entry.translated():
            continue
        if entry.msgid_plural:
            for index, text in entry.msgstr_plural.items():
                expected[(_key(entry), int(index))] = text
        else:
            expected[_key(entry)] = entry.msgstr
    compiled.pop("", None)  # the header
    assert compiled == expected, (
        f"{mo_path.name} is out of date with {po_path.name}: "
        "run python locale/compile.py and commit both"
    )


_PLACEHOLDERS = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]+\}")


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: p.name)
def test_every_translation_keeps_its_placeholders_and_markup(po_path):
    wrong = []
    for entry in polib.pofile(str(po_path)):
        sources = (
            [entry.msgid, entry.msgid_plural] if entry.msgid_plural else [entry.msgid]
        )
        targets = (
            [entry.msgstr_plural[i] for i in sorted(entry.msgstr_plural)]
            if entry.msgid_plural
            else [entry.msgstr]
        )
        for source, target in zip(sources, targets, strict=True):
            if not target.strip():
                wrong.append(f"{entry.msgid!r}: empty")
            # Singular forms may drop a count ("1 tipo de fragmento").
            if set(_PLACEHOLDERS.findall(target)) - set(
                _PLACEHOLDERS.findall(source)
            ) or (
                source is not entry.msgid
                and set(_PLACEHOLDERS.findall(source))
                != set(_PLACEHOLDERS.findall(target))
            ):
                wrong.append(f"{entry.msgid!r}: placeholders differ")
            if re.findall(r"</?\w+", source) != re.findall(r"</?\w+", target):
                wrong.append(f"{entry.msgid!r}: markup differs")
    assert wrong == [], "\n".join(wrong)


# Words only the informal "tú" uses, and the tú imperatives (which read as a
# third person mid-sentence, so only at the start of a sentence).
TU = re.compile(
    r"\b(tu|tus|te|ti|contigo|estás|eres|tienes|puedes|quieres|deseas|debes|"
    r"necesitas|has|hayas|ves|olvidaste|asegúrate|introdúcelo|guárdalos|inténtalo|"
    r"regístrate|envíame|vete|acá|decides|inicies|confíes)\b"
    r"|(?:^|[.:?!¿¡]\s*)(introduce|escribe|elige|selecciona|revisa|comprueba|añade|"
    r"agrega|sube|guarda|usa|utiliza|cambia|deja|establece|da|pulsa|haz|descarga|"
    r"confía|vuelve|intenta|ingresa|edita|crea|busca)\b",
    re.IGNORECASE,
)
NOT_TU = {
    # msgids whose Spanish legitimately uses one of those words
    "Download",  # "Descargar"
}


def _third_party_spanish_catalogs():
    roots = [Path(wagtail.__file__).parent, Path(allauth.__file__).parent]
    return [
        path for root in roots for path in root.glob("**/locale/es/LC_MESSAGES/*.po")
    ]


def _merged(domain):
    if domain == "django":
        return translation.trans_real.translation("es")
    return translation.trans_real.DjangoTranslation("es", domain=domain)


@pytest.mark.django_db
def test_no_third_party_string_speaks_to_the_reader_as_tu():
    """Every Wagtail/allauth Spanish string written with "tú" is overridden in
    the project catalog with the "usted" register the rest of the site uses."""
    still_tu = []
    for path in _third_party_spanish_catalogs():
        catalog = _merged(path.stem)
        for entry in polib.pofile(str(path)):
            if entry.obsolete or entry.msgid in NOT_TU:
                continue
            if entry.msgid_plural:
                shown = [
                    catalog.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)
                ]
            elif entry.msgctxt:
                shown = [catalog.pgettext(entry.msgctxt, entry.msgid)]
            else:
                shown = [catalog.gettext(entry.msgid)]
            for text in shown:
                if text != entry.msgid and TU.search(text):
                    still_tu.append(f"{path.parts[-5]}: {entry.msgid!r} -> {text!r}")
    assert still_tu == [], "\n".join(still_tu)


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: p.name)
def test_the_project_catalog_itself_says_usted(po_path):
    informal = [
        f"{entry.msgid!r} -> {text!r}"
        for entry in polib.pofile(str(po_path))
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        if entry.msgid not in NOT_TU and text and TU.search(text)
    ]
    assert informal == []


@pytest.mark.django_db
def test_the_admin_javascript_catalog_is_complete_in_spanish():
    """/admin/jsi18n/ serves a Spanish value for every string Wagtail's admin
    JavaScript uses (autosave, content metrics, toolbar), so none falls back
    to English in the browser."""
    client = Client()
    client.force_login(UserFactory(coordinator=True))
    response = client.get("/admin/jsi18n/")
    assert response.status_code == 200
    script = response.content.decode()
    english = polib.pofile(
        str(Path(wagtail.__file__).parent / "admin/locale/en/LC_MESSAGES/djangojs.po")
    )
    missing = [
        entry.msgid
        for entry in english
        if not entry.obsolete and f'"{_js_escape(entry.msgid)}":' not in script
    ]
    assert missing == []
    assert (
        '"Autosave in progress\\u2026": "Guardando autom\\u00e1ticamente\\u2026"'
        in (script)
    )


def _js_escape(text):
    import json

    return json.dumps(text)[1:-1]
