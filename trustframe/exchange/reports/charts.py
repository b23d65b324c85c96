"""Charts as inline SVG strings, generated in Python (no chart library).

Every piece of text placed in a chart goes through :func:`_esc`, so a hostile section title or
vendor name cannot add markup. Charts are vector, print sharply, and use the report's bundled
font (WeasyPrint applies ``@font-face`` fonts to inline SVG text).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence
from xml.sax.saxutils import escape

FONT = "DejaVu Sans"
INK = "#1c2633"
MUTED = "#6b7785"
GRID = "#d5dbe3"
ACCENT = "#1f4e79"

#: Score bands used across reports: (lower bound, css class, colour).
SCORE_BANDS: tuple[tuple[float, str, str], ...] = (
    (75.0, "good", "#2e7d4f"),
    (50.0, "fair", "#c98a12"),
    (0.0, "poor", "#b3261e"),
)
NO_SCORE_COLOUR = "#9aa5b1"

RATING_COLOURS = {
    "low": "#2e7d4f",
    "moderate": "#c98a12",
    "high": "#d9622b",
    "critical": "#b3261e",
}


def score_band(score: float | None) -> str:
    """``good``/``fair``/``poor`` for a 0-100 score, ``none`` when there is no score."""
    if score is None:
        return "none"
    for bound, name, _ in SCORE_BANDS:
        if score >= bound:
            return name
    return "poor"


def score_colour(score: float | None) -> str:
    """The fill colour of a score."""
    if score is None:
        return NO_SCORE_COLOUR
    for bound, _, colour in SCORE_BANDS:
        if score >= bound:
            return colour
    return SCORE_BANDS[-1][2]


def _esc(text: object) -> str:
    return escape(str(text), {'"': "&quot;"})


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _svg(width: float, height: float, body: list[str], title: str) -> str:
    # role/aria-label: PDF/UA readers get the chart's purpose; the numbers are also in a table.
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="{_esc(title)}" '
            f'viewBox="0 0 {_fmt(width)} {_fmt(height)}" width="{_fmt(width)}" height="{_fmt(height)}" '
            f'font-family="{FONT}"><title>{_esc(title)}</title>' + "".join(body) + "</svg>")


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _wrap(text: str, limit: int, lines: int = 2) -> list[str]:
    """``text`` in at most ``lines`` lines of about ``limit`` characters, broken between words; only
    what does not fit in the last line is cut (with "…")."""
    words, out, current = text.split(), [], ""
    for i, word in enumerate(words):
        candidate = f"{current} {word}".strip()
        if len(candidate) <= limit or not current:
            current = candidate
            continue
        out.append(current)
        current = word
        if len(out) == lines - 1:
            current = " ".join(words[i:])
            break
    out.append(current)
    return [_truncate(line, limit) for line in out[:lines]]


def _text_lines(lines: list[str], x: float, y: float, line_height: float, attrs: str) -> str:
    """A multi-line SVG label centred vertically on ``y`` (tspans; the SVG is escaped here)."""
    first = y - line_height * (len(lines) - 1) / 2
    spans = "".join(f'<tspan x="{_fmt(x)}" y="{_fmt(first + i * line_height)}">{_esc(line)}</tspan>'
                    for i, line in enumerate(lines))
    return f'<text {attrs}>{spans}</text>'


@dataclass(frozen=True)
class Bar:
    """One labelled value for a bar chart."""

    label: str
    value: float | None
    note: str = ""


def _score_axis(plot_x: float, plot_w: float, top: float, bottom_y: float, label_y: float,
                font_size: float) -> list[str]:
    """Vertical grid lines and labels at 0, 25, 50, 75 and 100 of a horizontal score axis."""
    out = []
    for tick in (0, 25, 50, 75, 100):
        x = plot_x + plot_w * tick / 100
        out.append(f'<line x1="{_fmt(x)}" y1="{_fmt(top - 2)}" x2="{_fmt(x)}" y2="{_fmt(bottom_y + 2)}" '
                   f'stroke="{GRID}" stroke-width="0.6"/>')
        out.append(f'<text x="{_fmt(x)}" y="{_fmt(label_y)}" font-size="{font_size:g}" fill="{MUTED}" '
                   f'text-anchor="middle">{tick}</text>')
    return out


def bar_chart(bars: Sequence[Bar], title: str, width: float = 520, label_width: float = 240,
              row_height: float = 19) -> str:
    """Horizontal bars on a 0-100 axis, coloured by score band; ``None`` shows as "no data"."""
    top, bottom = 8.0, 22.0
    plot_x = label_width
    plot_w = width - label_width - 40
    height = top + bottom + row_height * max(1, len(bars))
    body: list[str] = []
    body.extend(_score_axis(plot_x, plot_w, top, height - bottom, label_y=height - 8, font_size=8))
    for i, bar in enumerate(bars):
        y = top + i * row_height
        mid = y + row_height / 2 + 3
        lines = _wrap(bar.label, 46)
        body.append(_text_lines(lines, plot_x - 6, mid, 8.6, f'font-size="{8.5 if len(lines) == 1 else 7.6}" '
                                f'fill="{INK}" text-anchor="end"'))
        if bar.value is None:
            body.append(f'<text x="{_fmt(plot_x + 4)}" y="{_fmt(mid)}" font-size="8" fill="{MUTED}" '
                        f'font-style="italic">no scored answers</text>')
            continue
        w = max(0.8, plot_w * max(0.0, min(100.0, bar.value)) / 100)
        body.append(f'<rect x="{_fmt(plot_x)}" y="{_fmt(y + 4)}" width="{_fmt(w)}" height="{_fmt(row_height - 8)}" '
                    f'rx="1.5" fill="{score_colour(bar.value)}"/>')
        body.append(f'<text x="{_fmt(plot_x + w + 4)}" y="{_fmt(mid)}" font-size="8.5" fill="{INK}" '
                    f'font-weight="bold">{bar.value:.0f}</text>')
    return _svg(width, height, body, title)


def column_chart(bars: Sequence[Bar], title: str, width: float = 240, height: float = 170) -> str:
    """Vertical columns on a 0-100 axis (used for the three pillars)."""
    left, right, top, bottom = 26.0, 8.0, 10.0, 34.0
    plot_w = width - left - right
    plot_h = height - top - bottom
    body: list[str] = []
    for tick in (0, 25, 50, 75, 100):
        y = top + plot_h * (1 - tick / 100)
        body.append(f'<line x1="{_fmt(left)}" y1="{_fmt(y)}" x2="{_fmt(width - right)}" y2="{_fmt(y)}" '
                    f'stroke="{GRID}" stroke-width="0.6"/>')
        body.append(f'<text x="{_fmt(left - 4)}" y="{_fmt(y + 3)}" font-size="7.5" fill="{MUTED}" '
                    f'text-anchor="end">{tick}</text>')
    slot = plot_w / max(1, len(bars))
    for i, bar in enumerate(bars):
        cx = left + slot * (i + 0.5)
        bw = min(46.0, slot * 0.56)
        body.append(f'<text x="{_fmt(cx)}" y="{_fmt(height - bottom + 13)}" font-size="8.5" fill="{INK}" '
                    f'text-anchor="middle">{_esc(_truncate(bar.label, 18))}</text>')
        if bar.note:
            body.append(f'<text x="{_fmt(cx)}" y="{_fmt(height - bottom + 24)}" font-size="7" fill="{MUTED}" '
                        f'text-anchor="middle">{_esc(_truncate(bar.note, 24))}</text>')
        if bar.value is None:
            body.append(f'<text x="{_fmt(cx)}" y="{_fmt(top + plot_h - 4)}" font-size="7.5" fill="{MUTED}" '
                        f'text-anchor="middle" font-style="italic">no data</text>')
            continue
        h = max(0.8, plot_h * max(0.0, min(100.0, bar.value)) / 100)
        y = top + plot_h - h
        body.append(f'<rect x="{_fmt(cx - bw / 2)}" y="{_fmt(y)}" width="{_fmt(bw)}" height="{_fmt(h)}" rx="1.5" '
                    f'fill="{score_colour(bar.value)}"/>')
        body.append(f'<text x="{_fmt(cx)}" y="{_fmt(y - 3)}" font-size="9" fill="{INK}" font-weight="bold" '
                    f'text-anchor="middle">{bar.value:.0f}</text>')
    return _svg(width, height, body, title)


def radar_chart(bars: Sequence[Bar], title: str, size: float = 260) -> str:
    """A radar (spider) chart on 0-100 axes; needs at least three axes, else a bar chart."""
    if len(bars) < 3:
        return bar_chart(bars, title)
    width = size + 150
    cx, cy = width / 2, size / 2 + 4
    radius = size / 2 - 22
    n = len(bars)
    body: list[str] = []

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = radius * value / 100
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    for ring in (25, 50, 75, 100):
        pts = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in (point(i, ring) for i in range(n)))
        body.append(f'<polygon points="{pts}" fill="none" stroke="{GRID}" stroke-width="0.6"/>')
    for i, bar in enumerate(bars):
        x, y = point(i, 100)
        body.append(f'<line x1="{_fmt(cx)}" y1="{_fmt(cy)}" x2="{_fmt(x)}" y2="{_fmt(y)}" stroke="{GRID}" '
                    f'stroke-width="0.6"/>')
        lx, ly = point(i, 113)
        anchor = "middle" if abs(lx - cx) < 8 else ("start" if lx > cx else "end")
        label = f"{bar.label} ({'–' if bar.value is None else f'{bar.value:.0f}'})"
        body.append(_text_lines(_wrap(label, 24), lx, ly + 3, 8.5, f'font-size="7.5" fill="{INK}" '
                                f'text-anchor="{anchor}"'))
    pts = " ".join(f"{_fmt(x)},{_fmt(y)}" for x, y in
                   (point(i, bar.value or 0.0) for i, bar in enumerate(bars)))
    body.append(f'<polygon points="{pts}" fill="{ACCENT}" fill-opacity="0.22" stroke="{ACCENT}" '
                f'stroke-width="1.4"/>')
    for i, bar in enumerate(bars):
        if bar.value is not None:
            x, y = point(i, bar.value)
            body.append(f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="2" fill="{ACCENT}"/>')
    for ring in (50, 100):
        x, y = point(0, ring)
        body.append(f'<text x="{_fmt(x + 3)}" y="{_fmt(y + 8)}" font-size="6.5" fill="{MUTED}">{ring}</text>')
    return _svg(width, size + 8, body, title)


@dataclass(frozen=True)
class Series:
    """One vendor's values in a grouped chart."""

    name: str
    values: tuple[float | None, ...]


SERIES_COLOURS = ("#1f4e79", "#5b9bd5", "#8c6bb1", "#2a9d8f", "#e9a03b", "#7f7f7f")


def grouped_bar_chart(categories: Sequence[str], series: Sequence[Series], title: str,
                      width: float = 480, label_width: float = 150) -> str:
    """Horizontal grouped bars: one group per category, one bar per series (vendor)."""
    bar_h = 7.0
    group_h = bar_h * max(1, len(series)) + 8
    legend_h = 12.0 * len(series)   # one legend line per candidate: long names never run off the page
    top, bottom = legend_h + 8, 20.0
    plot_x = label_width
    plot_w = width - label_width - 30
    height = top + bottom + group_h * max(1, len(categories))
    body: list[str] = []
    for s_index, s in enumerate(series):
        colour = SERIES_COLOURS[s_index % len(SERIES_COLOURS)]
        y = 2 + 12 * s_index
        body.append(f'<rect x="{_fmt(plot_x)}" y="{_fmt(y)}" width="9" height="9" fill="{colour}"/>')
        body.append(f'<text x="{_fmt(plot_x + 13)}" y="{_fmt(y + 8)}" font-size="8" fill="{INK}">'
                    f'{_esc(_truncate(s.name, 70))}</text>')
    body.extend(_score_axis(plot_x, plot_w, top, height - bottom, label_y=height - 6, font_size=7.5))
    for c_index, category in enumerate(categories):
        gy = top + c_index * group_h
        lines = _wrap(category, 28)
        body.append(_text_lines(lines, plot_x - 6, gy + group_h / 2 + 2, 8.4,
                                f'font-size="{8.5 if len(lines) == 1 else 7.4}" fill="{INK}" text-anchor="end"'))
        for s_index, s in enumerate(series):
            value = s.values[c_index] if c_index < len(s.values) else None
            y = gy + 4 + s_index * bar_h
            if value is None:
                continue
            w = max(0.8, plot_w * max(0.0, min(100.0, value)) / 100)
            colour = SERIES_COLOURS[s_index % len(SERIES_COLOURS)]
            body.append(f'<rect x="{_fmt(plot_x)}" y="{_fmt(y)}" width="{_fmt(w)}" height="{_fmt(bar_h - 1.5)}" '
                        f'fill="{colour}"/>')
            body.append(f'<text x="{_fmt(plot_x + w + 3)}" y="{_fmt(y + bar_h - 2)}" font-size="6.5" '
                        f'fill="{INK}">{value:.0f}</text>')
    return _svg(width, height, body, title)


@dataclass(frozen=True)
class Point:
    """One assessed product in the tier-versus-score chart."""

    label: str
    tier: int
    score: float
    rating: str


def tier_score_chart(points: Sequence[Point], title: str, width: float = 480, height: float = 210) -> str:
    """Tier (rows, 1 = most critical at the top) against score (0-100), dots coloured by rating.

    The shaded corner marks the place a manager should look first: critical purchases with low
    scores.
    """
    left, right, top, bottom = 62.0, 12.0, 10.0, 42.0
    plot_w = width - left - right
    plot_h = height - top - bottom
    row_h = plot_h / 4
    body: list[str] = [
        f'<rect x="{_fmt(left)}" y="{_fmt(top)}" width="{_fmt(plot_w * 0.5)}" height="{_fmt(row_h * 2)}" '
        f'fill="#b3261e" fill-opacity="0.07"/>'
    ]
    for tier in range(1, 5):
        y = top + row_h * (tier - 0.5)
        body.append(f'<line x1="{_fmt(left)}" y1="{_fmt(y)}" x2="{_fmt(width - right)}" y2="{_fmt(y)}" '
                    f'stroke="{GRID}" stroke-width="0.6"/>')
        body.append(f'<text x="{_fmt(left - 6)}" y="{_fmt(y + 3)}" font-size="8.5" fill="{INK}" '
                    f'text-anchor="end">Tier {tier}</text>')
    for tick in (0, 25, 50, 75, 100):
        x = left + plot_w * tick / 100
        body.append(f'<line x1="{_fmt(x)}" y1="{_fmt(top)}" x2="{_fmt(x)}" y2="{_fmt(top + plot_h)}" '
                    f'stroke="{GRID}" stroke-width="0.6"/>')
        body.append(f'<text x="{_fmt(x)}" y="{_fmt(top + plot_h + 11)}" font-size="7.5" fill="{MUTED}" '
                    f'text-anchor="middle">{tick}</text>')
    body.append(f'<text x="{_fmt(left + plot_w / 2)}" y="{_fmt(top + plot_h + 23)}" font-size="8" fill="{MUTED}" '
                f'text-anchor="middle">Overall score</text>')
    # Legend.
    lx = left
    for rating, colour in RATING_COLOURS.items():
        body.append(f'<circle cx="{_fmt(lx + 4)}" cy="{_fmt(height - 7)}" r="3.5" fill="{colour}"/>')
        body.append(f'<text x="{_fmt(lx + 11)}" y="{_fmt(height - 4)}" font-size="7.5" fill="{INK}">'
                    f'{_esc(rating.capitalize())} risk</text>')
        lx += 78
    # Jitter points of the same tier vertically so overlapping products stay visible.
    seen: dict[int, int] = {}
    for p in points:
        if p.tier not in (1, 2, 3, 4):
            continue
        k = seen.get(p.tier, 0)
        seen[p.tier] = k + 1
        offset = ((k % 5) - 2) * (row_h / 7)
        x = left + plot_w * max(0.0, min(100.0, p.score)) / 100
        y = top + row_h * (p.tier - 0.5) + offset
        colour = RATING_COLOURS.get(p.rating, NO_SCORE_COLOUR)
        body.append(f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="4" fill="{colour}" stroke="#ffffff" '
                    f'stroke-width="0.8"><title>{_esc(p.label)}</title></circle>')
    return _svg(width, height, body, title)


def completeness_meter(fraction: float, width: float = 120, height: float = 10) -> str:
    """A small bar showing completeness (0..1)."""
    w = width * max(0.0, min(1.0, fraction))
    body = [f'<rect x="0" y="0" width="{_fmt(width)}" height="{_fmt(height)}" rx="2" fill="{GRID}"/>',
            f'<rect x="0" y="0" width="{_fmt(w)}" height="{_fmt(height)}" rx="2" fill="{ACCENT}"/>']
    return _svg(width, height, body, f"Completeness {fraction * 100:.0f}%")
