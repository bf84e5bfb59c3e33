"""Small charts drawn on the server as SVG: no chart library, no JavaScript, and
a data table beside each one as its text alternative."""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

ROW_HEIGHT = 24
LABEL_WIDTH = 190
BAR_WIDTH = 380
PALETTE = ("#a4161a", "#d6a028", "#8fb3d9", "#2f6fa8", "#1d6b3a")


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    value: int
    colour: str
    label: str


@dataclass(frozen=True)
class ChartRow:
    label: str
    y: int
    total: int
    segments: tuple[Segment, ...]


def _rows(data, series, scale_to) -> list[ChartRow]:
    rows = []
    for index, (label, values) in enumerate(data):
        x, segments = float(LABEL_WIDTH), []
        total = sum(values)
        for value, (name, colour) in zip(values, series, strict=True):
            width = BAR_WIDTH * value / scale_to(total) if value else 0.0
            segments.append(Segment(x, width, value, colour, name))
            x += width
        rows.append(ChartRow(label, index * ROW_HEIGHT, total, tuple(segments)))
    return rows


def bar_chart(*, chart_id: str, title: str, data: list[tuple[str, int]], series: str):
    """One horizontal bar per row, scaled to the largest value."""
    largest = max((value for _label, value in data), default=0) or 1
    rows = _rows(
        [(label, [value]) for label, value in data],
        [(series, "#0b3d6e")],
        lambda _total: largest,
    )
    return _render(chart_id, title, rows, [(series, "#0b3d6e")], stacked=False)


def stacked_chart(
    *,
    chart_id: str,
    title: str,
    data: list[tuple[str, list[int]]],
    series: list[str],
):
    """One 100 % bar per row, split into the series (e.g. progress ranges)."""
    coloured = list(zip(series, PALETTE[-len(series) :], strict=True))
    rows = _rows(data, coloured, lambda total: total or 1)
    return _render(chart_id, title, rows, coloured, stacked=True)


def _render(chart_id, title, rows, series, *, stacked) -> SafeString:
    return render_to_string(
        "includes/chart.html",
        {
            "chart_id": chart_id,
            "title": title,
            "rows": rows,
            "series": series,
            "stacked": stacked,
            "height": max(len(rows), 1) * ROW_HEIGHT + (28 if stacked else 4),
            "legend_y": len(rows) * ROW_HEIGHT + 18,
            "label_x": LABEL_WIDTH - 8,
            "value_x": LABEL_WIDTH + BAR_WIDTH + 8,
            "width": LABEL_WIDTH + BAR_WIDTH + 60,
        },
    )
