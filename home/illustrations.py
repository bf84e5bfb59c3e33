"""Simple flat illustrations for the demo news and activities, drawn locally with
Pillow (nothing is fetched from the internet). Each theme is a few shapes in the
platform's colours on a light background."""

import io

from PIL import Image, ImageDraw

SIZE = (1280, 720)
AZUL = (11, 61, 110)
AZUL_CLARO = (232, 240, 248)
VERDE = (29, 107, 58)
AMBAR = (214, 160, 40)
GRIS = (201, 209, 217)
BLANCO = (255, 255, 255)
PIEL = (196, 140, 96)


def _person(draw, x, y, scale=1.0, colour=AZUL):
    r = int(34 * scale)
    draw.ellipse((x - r, y - r, x + r, y + r), fill=PIEL)
    draw.rounded_rectangle(
        (x - int(60 * scale), y + r + 8, x + int(60 * scale), y + r + int(170 * scale)),
        radius=int(40 * scale),
        fill=colour,
    )


def _plan(draw):
    draw.rounded_rectangle(
        (340, 120, 940, 620), radius=24, fill=BLANCO, outline=GRIS, width=6
    )
    for i, colour in enumerate((VERDE, VERDE, AMBAR, GRIS)):
        top = 190 + i * 100
        draw.ellipse((400, top, 450, top + 50), fill=colour)
        draw.rounded_rectangle(
            (480, top + 12, 860 - i * 60, top + 38), radius=12, fill=GRIS
        )
    draw.polygon([(410, 205), (425, 222), (445, 195)], fill=BLANCO)


def _people(draw):
    for i, colour in enumerate((AZUL, VERDE, AMBAR, AZUL, VERDE)):
        _person(draw, 240 + i * 200, 300 + (i % 2) * 40, 1.0, colour)
    draw.rounded_rectangle((120, 560, 1160, 600), radius=20, fill=GRIS)


def _website(draw):
    draw.rounded_rectangle(
        (240, 110, 1040, 630), radius=24, fill=BLANCO, outline=AZUL, width=8
    )
    draw.rectangle((248, 118, 1032, 190), fill=AZUL)
    for i in range(3):
        draw.ellipse((275 + i * 45, 140, 300 + i * 45, 165), fill=BLANCO)
    draw.rounded_rectangle((300, 240, 620, 560), radius=16, fill=AZUL_CLARO)
    for i in range(5):
        draw.rounded_rectangle(
            (670, 250 + i * 62, 980 - (i % 2) * 80, 280 + i * 62), radius=12, fill=GRIS
        )
    draw.ellipse((400, 320, 520, 440), outline=VERDE, width=14)
    draw.line((500, 420, 560, 490), fill=VERDE, width=16)


def _table(draw):
    draw.ellipse((340, 300, 940, 560), fill=AMBAR)
    for angle_x, angle_y, colour in (
        (290, 260, AZUL),
        (640, 200, VERDE),
        (990, 260, AZUL),
        (330, 540, VERDE),
        (950, 540, AZUL),
    ):
        _person(draw, angle_x, angle_y - 60, 0.8, colour)
    for i in range(3):
        draw.rounded_rectangle(
            (500 + i * 110, 400, 580 + i * 110, 460), radius=8, fill=BLANCO
        )


def _diploma(draw):
    draw.rounded_rectangle(
        (300, 130, 980, 590), radius=16, fill=BLANCO, outline=AZUL, width=10
    )
    draw.rectangle((310, 140, 970, 200), fill=AZUL)
    for i, width in enumerate((420, 520, 360)):
        draw.rounded_rectangle(
            (640 - width // 2, 260 + i * 60, 640 + width // 2, 284 + i * 60),
            radius=12,
            fill=GRIS,
        )
    draw.ellipse((820, 430, 930, 540), fill=AMBAR)
    draw.polygon(
        [(840, 520), (860, 620), (875, 560), (895, 620), (910, 520)], fill=AMBAR
    )
    for i in range(4):
        for j in range(4):
            if (i + j) % 2 == 0:
                draw.rectangle(
                    (360 + i * 22, 450 + j * 22, 380 + i * 22, 470 + j * 22), fill=AZUL
                )


def _training(draw):
    draw.rounded_rectangle(
        (180, 140, 760, 500), radius=20, fill=BLANCO, outline=AZUL, width=8
    )
    draw.rectangle((440, 500, 500, 560), fill=GRIS)
    draw.rounded_rectangle((330, 560, 610, 590), radius=12, fill=GRIS)
    draw.polygon([(420, 250), (420, 400), (540, 325)], fill=VERDE)
    _person(draw, 930, 260, 1.1, AZUL)
    draw.rounded_rectangle((830, 520, 1100, 560), radius=16, fill=AMBAR)


THEMES = {
    "plan": _plan,
    "people": _people,
    "website": _website,
    "table": _table,
    "diploma": _diploma,
    "training": _training,
}


def illustration_png(theme: str) -> bytes:
    """A 1280×720 PNG of the theme."""
    image = Image.new("RGB", SIZE, AZUL_CLARO)
    draw = ImageDraw.Draw(image)
    draw.ellipse((-200, 480, 400, 1080), fill=(214, 228, 241))
    draw.ellipse((980, -260, 1480, 240), fill=(214, 228, 241))
    THEMES[theme](draw)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
