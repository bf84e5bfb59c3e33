import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

FULL_NAME_MIN = 3
FULL_NAME_MAX = 150
# Letters of any alphabet (á, ñ, ü...), joined by single spaces, hyphens or
# apostrophes (straight or typographic, as in K'iche' and Q'eqchi' names).
_FULL_NAME = re.compile(r"[^\W\d_]+(?:(?:[ \-]|['’]\s?)?[^\W\d_]+)*['’]?")
_PHONE = re.compile(r"\+?[0-9][0-9 \-]{6,18}[0-9]")


def normalize_full_name(value: str) -> str:
    """NFC form with runs of whitespace collapsed: the name as it will be printed."""
    return " ".join(unicodedata.normalize("NFC", value or "").split())


def validate_full_name(value: str) -> None:
    name = normalize_full_name(value)
    if len(name) < FULL_NAME_MIN or len(name) > FULL_NAME_MAX:
        raise ValidationError(
            _("El nombre debe tener entre %(min)d y %(max)d caracteres.")
            % {"min": FULL_NAME_MIN, "max": FULL_NAME_MAX},
            code="length",
        )
    if not _FULL_NAME.fullmatch(name):
        raise ValidationError(
            _(
                "Escriba el nombre solo con letras (se admiten tildes y ñ), espacios, "
                "guiones y apóstrofos; sin números ni símbolos."
            ),
            code="invalid",
        )


def validate_phone(value: str) -> None:
    if value and not _PHONE.fullmatch(value.strip()):
        raise ValidationError(
            _("Escriba un número de teléfono válido, por ejemplo 5555 1234."),
            code="invalid",
        )
