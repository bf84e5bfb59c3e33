"""A tile map of Guatemala's 22 departments drawn on the server as SVG: one
square per department on a fixed grid that follows the country's shape (Petén
on top, the western highlands on the left, the east on the right, the Pacific
coast below), labelled with an abbreviation and the published value. The
page puts the same figures in a table beside it (the text alternative)."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import mark_safe

# INE code -> (column, row, abbreviation)
LAYOUT = {
    "17": (3, 0, "PET"),
    "13": (1, 1, "HUE"),
    "14": (2, 1, "QUI"),
    "16": (3, 1, "AVE"),
    "18": (4, 1, "IZA"),
    "12": (0, 2, "SMA"),
    "08": (1, 2, "TOT"),
    "07": (2, 2, "SOL"),
    "15": (3, 2, "BVE"),
    "02": (4, 2, "PRO"),
    "19": (5, 2, "ZAC"),
    "09": (0, 3, "QUE"),
    "10": (1, 3, "SUC"),
    "04": (2, 3, "CHM"),
    "01": (3, 3, "GUA"),
    "21": (4, 3, "JAL"),
    "20": (5, 3, "CHQ"),
    "11": (0, 4, "REU"),
    "03": (2, 4, "SAC"),
    "06": (3, 4, "SRO"),
    "22": (4, 4, "JUT"),
    "05": (2, 5, "ESC"),
}
TILE = 72
GAP = 4
# Light to dark; text is dark on the first three and white on the last two
# (each pair above 4.5:1).
SCALE = ("#eef3f9", "#c6dbef", "#8fb3d9", "#2f6fa8", "#0b3d6e")
HIDDEN_FILL = "#f4f0e6"
DARK_TEXT = "#1a1a1a"


def _fill(value, largest: int) -> tuple[str, str]:
    if not isinstance(value, int):
        return HIDDEN_FILL, DARK_TEXT
    if value == 0 or largest == 0:
        return SCALE[0], DARK_TEXT
    step = min(len(SCALE) - 1, 1 + (value * (len(SCALE) - 1) - 1) // largest)
    return SCALE[step], "#ffffff" if step >= 3 else DARK_TEXT


def tile_map(*, map_id: str, title: str, description: str, values: dict) -> str:
    """``values``: INE code -> (department name, published value: an int,
    ``<5`` or ``reservado``)."""
    largest = max((v for _n, v in values.values() if isinstance(v, int)), default=0)
    columns = 1 + max(c for c, _r, _a in LAYOUT.values())
    rows = 1 + max(r for _c, r, _a in LAYOUT.values())
    width, height = columns * (TILE + GAP), rows * (TILE + GAP)
    parts = [
        f'<svg class="tile-map" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="{map_id}-t {map_id}-d" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{map_id}-t">{escape(title)}</title>',
        f'<desc id="{map_id}-d">{escape(description)}</desc>',
    ]
    for code, (column, row, abbreviation) in LAYOUT.items():
        name, value = values.get(code, ("", 0))
        fill, ink = _fill(value, largest)
        x, y = column * (TILE + GAP), row * (TILE + GAP)
        shown = "reserv." if value == "reservado" else str(value)
        parts.append(
            f"<g><title>{escape(name)}: {escape(value)}</title>"
            f'<rect x="{x}" y="{y}" width="{TILE}" height="{TILE}" rx="6" '
            f'fill="{fill}" stroke="#5a6b7b" stroke-width="1"/>'
            f'<text x="{x + TILE / 2}" y="{y + 28}" text-anchor="middle" '
            f'font-size="15" font-weight="700" fill="{ink}">{abbreviation}</text>'
            f'<text x="{x + TILE / 2}" y="{y + 52}" text-anchor="middle" '
            f'font-size="15" fill="{ink}">{escape(shown)}</text></g>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text is escaped above)
