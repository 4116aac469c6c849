"""Small charts as inline SVG (for the HTML report): no script, no font or image to fetch, every
label escaped. Sizes are in a viewBox, so a chart scales to the page and prints sharp."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

# Distinguishable in colour and in grey print (Okabe–Ito, darkest first).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442",
           "#000000")
INK = "#222222"
GRID = "#DDDDDD"
WIDTH = 640


def _text(x: float, y: float, label: str, *, anchor: str = "start", size: int = 12,
          weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
            f'font-weight="{weight}" fill="{INK}">{escape(label)}</text>')


def _frame(title: str, height: float, body: list[str]) -> str:
    return (f'<svg class="chart" viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
            f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
            + "".join(body) + "</svg>")


def _ticks(top: int) -> list[int]:
    """Whole-number gridlines from 0 to at least ``top``: steps of 1, 2, 5, 10, 20… (six at
    most)."""
    top = max(top, 1)
    step, scale = 1, 1
    while top > 5 * step:
        for m in (1, 2, 5):
            step = m * scale
            if top <= 5 * step:
                break
        else:
            scale *= 10
            step = scale
    last = -(-top // step) * step
    return list(range(0, last + step, step))


def grouped_bars(title: str, categories: Sequence[str],
                 series: Sequence[tuple[str, Sequence[int]]]) -> str:
    """Vertical bars: one group per category (a month), one bar per series (an agency)."""
    left, right, top, plot = 40, 10, 10, 200
    legend_rows = (len(series) + 2) // 3
    height = top + plot + 30 + 20 * legend_rows
    ticks = _ticks(max((v for _, values in series for v in values), default=0))
    scale = plot / ticks[-1]
    body = []
    for t in ticks:
        y = top + plot - t * scale
        body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" '
                    f'stroke="{GRID}"/>')
        body.append(_text(left - 6, y + 4, str(t), anchor="end", size=11))
    span = (WIDTH - left - right) / max(len(categories), 1)
    bar = min(40.0, span * 0.8 / max(len(series), 1))
    for c, category in enumerate(categories):
        x0 = left + c * span + (span - bar * len(series)) / 2
        for s, (label, values) in enumerate(series):
            value = values[c]
            h = value * scale
            x = x0 + s * bar
            body.append(
                f'<rect x="{x:.1f}" y="{top + plot - h:.1f}" width="{bar - 2:.1f}" '
                f'height="{h:.1f}" fill="{PALETTE[s % len(PALETTE)]}">'
                f"<title>{escape(f'{label}, {category}: {value}')}</title></rect>"
            )
            if value:
                body.append(_text(x + (bar - 2) / 2, top + plot - h - 3, str(value),
                                  anchor="middle", size=10))
        body.append(_text(left + c * span + span / 2, top + plot + 16, category,
                          anchor="middle"))
    body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{top + plot}" '
                f'y2="{top + plot}" stroke="{INK}"/>')
    body += _legend([label for label, _ in series], top + plot + 30)
    return _frame(title, height, body)


def _legend(labels: Sequence[str], y0: float) -> list[str]:
    out = []
    column = (WIDTH - 40) / 3
    for n, label in enumerate(labels):
        x = 40 + (n % 3) * column
        y = y0 + (n // 3) * 20
        out.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="12" height="12" '
                   f'fill="{PALETTE[n % len(PALETTE)]}"/>')
        out.append(_text(x + 18, y + 11, _fit(label, 26)))
    return out


def _fit(label: str, most: int) -> str:
    return label if len(label) <= most else label[: most - 1] + "…"


def hbars(title: str, rows: Sequence[tuple[str, int]], *, most: int | None = None) -> str:
    """Horizontal bars, one a row, labelled on the left, the value (``of most``) on the right."""
    label_width, right, row = 220, 80, 26
    height = 10 + row * max(len(rows), 1)
    top_value = max(most or 0, max((v for _, v in rows), default=0), 1)
    span = WIDTH - label_width - right
    body = []
    if not rows:
        body.append(_text(10, 28, "Nothing to show for this period."))
    for n, (label, value) in enumerate(rows):
        y = 10 + n * row
        w = span * value / top_value
        body.append(_text(label_width - 8, y + 15, _fit(label, 32), anchor="end"))
        body.append(f'<rect x="{label_width}" y="{y + 2:.1f}" width="{span:.1f}" height="18" '
                    f'fill="#F2F2F2"/>')
        body.append(f'<rect x="{label_width}" y="{y + 2:.1f}" width="{w:.1f}" height="18" '
                    f'fill="{PALETTE[n % len(PALETTE)]}"><title>{escape(f"{label}: {value}")}'
                    "</title></rect>")
        shown = f"{value} of {most}" if most is not None else str(value)
        body.append(_text(label_width + span + 6, y + 15, shown))
    return _frame(title, height + 10, body)


def line(title: str, points: Sequence[tuple[str, int]]) -> str:
    """A line through the points in order, each marked and labelled with its value."""
    left, right, top, plot = 40, 20, 14, 160
    height = top + plot + 30
    ticks = _ticks(max((v for _, v in points), default=0))
    scale = plot / ticks[-1]
    body = []
    for t in ticks:
        y = top + plot - t * scale
        body.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" '
                    f'stroke="{GRID}"/>')
        body.append(_text(left - 6, y + 4, str(t), anchor="end", size=11))
    if not points:
        body.append(_text(left + 10, top + plot / 2, "No meetings held in this period."))
        return _frame(title, height, body)
    span = (WIDTH - left - right) / len(points)
    xy = [(left + span * (n + 0.5), top + plot - v * scale) for n, (_, v) in enumerate(points)]
    body.append('<polyline fill="none" stroke="{}" stroke-width="2.5" points="{}"/>'.format(
        PALETTE[0], " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)))
    for (label, value), (x, y) in zip(points, xy, strict=True):
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{PALETTE[0]}"/>')
        body.append(_text(x, y - 8, str(value), anchor="middle", size=10))
        body.append(_text(x, top + plot + 18, label, anchor="middle", size=11))
    return _frame(title, height, body)
