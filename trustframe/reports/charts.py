"""Charts as inline SVG strings, generated in Python (no chart library).

Every chart is labelled (axis titles, values at the marks, a legend where there are series), tells
its series apart without colour (fill patterns and letters; shapes for ratings) and carries a text
alternative that states every number (its ``<title>``, which becomes /Alt in the tagged PDF). A
charting library (matplotlib, pygal) would add tens of megabytes and render time for five chart
kinds this module draws in a few milliseconds.

Every piece of text placed in a chart goes through :func:`_esc`, so a hostile section title or
vendor name cannot add markup. Charts are vector, print sharply, and use the report's bundled
font (WeasyPrint applies ``@font-face`` fonts to inline SVG text).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from trustframe.domain import palette
from trustframe.domain.scoring_model import Rating

FONT = "DejaVu Sans"
INK = "#1c2633"
MUTED = "#6b7785"
GRID = "#d5dbe3"
ACCENT = "#1f4e79"

#: Score bands used across reports: (lower bound, css class, colour), from the shared palette.
SCORE_BANDS: tuple[tuple[float, str, str], ...] = tuple(
    (bound, name, swatch.strong) for bound, name, swatch in palette.SCORE_BANDS)
NO_SCORE_COLOUR = palette.NO_RATING.strong

#: Rating colours by rating value, best first (the GUI's and the report CSS's too).
RATING_COLOURS: dict[str, str] = {rating.value: swatch.strong for rating, swatch in palette.RATING.items()}


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


def _svg(width: float, height: float, body: list[str], title: str, alt: str = "", defs: str = "") -> str:
    # The <title> is the chart's text alternative: WeasyPrint's tagged PDF puts it in the figure's /Alt,
    # so it states the numbers (``alt``), not only what the chart is about.
    text = alt or title
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="{_esc(text)}" '
            f'viewBox="0 0 {_fmt(width)} {_fmt(height)}" width="{_fmt(width)}" height="{_fmt(height)}" '
            f'font-family="{FONT}"><title>{_esc(text)}</title>' + (f"<defs>{defs}</defs>" if defs else "")
            + "".join(body) + "</svg>")


def _value_text(value: float | None) -> str:
    return "no scored answers" if value is None else f"{value:.0f}"


def bars_alt(title: str, bars: Sequence[Bar]) -> str:
    """A chart's text alternative: its title and every value ("Scores by domain (0-100): Governance 40; …")."""
    return f"{title} (0-100): " + "; ".join(f"{b.label} {_value_text(b.value)}" for b in bars) + "."


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
    top, bottom = 8.0, 32.0
    plot_x = label_width
    plot_w = width - label_width - 40
    height = top + bottom + row_height * max(1, len(bars))
    body: list[str] = []
    body.extend(_score_axis(plot_x, plot_w, top, height - bottom, label_y=height - 18, font_size=8))
    body.append(_axis_title(plot_x + plot_w / 2, height - 4, "Score (0–100)"))
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
    return _svg(width, height, body, title, bars_alt(title, bars))


def _axis_title(x: float, y: float, text: str, rotate: bool = False) -> str:
    transform = f' transform="rotate(-90 {_fmt(x)} {_fmt(y)})"' if rotate else ""
    return (f'<text x="{_fmt(x)}" y="{_fmt(y)}" font-size="7.5" fill="{MUTED}" text-anchor="middle"{transform}>'
            f'{_esc(text)}</text>')


def column_chart(bars: Sequence[Bar], title: str, width: float = 240, height: float = 170) -> str:
    """Vertical columns on a 0-100 axis (used for the three pillars)."""
    left, right, top, bottom = 36.0, 8.0, 10.0, 34.0
    plot_w = width - left - right
    plot_h = height - top - bottom
    body: list[str] = []
    for tick in (0, 25, 50, 75, 100):
        y = top + plot_h * (1 - tick / 100)
        body.append(f'<line x1="{_fmt(left)}" y1="{_fmt(y)}" x2="{_fmt(width - right)}" y2="{_fmt(y)}" '
                    f'stroke="{GRID}" stroke-width="0.6"/>')
        body.append(f'<text x="{_fmt(left - 4)}" y="{_fmt(y + 3)}" font-size="7.5" fill="{MUTED}" '
                    f'text-anchor="end">{tick}</text>')
    body.append(_axis_title(8, top + plot_h / 2, "Score (0–100)", rotate=True))
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
    return _svg(width, height, body, title, bars_alt(title, bars))


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
    return _svg(width, size + 8, body, title, bars_alt(title, bars))


@dataclass(frozen=True)
class Series:
    """One vendor's values in a grouped chart."""

    name: str
    values: tuple[float | None, ...]


SERIES_COLOURS = ("#1f4e79", "#5b9bd5", "#8c6bb1", "#2a9d8f", "#e9a03b", "#7f7f7f")

#: Fill patterns per series, so candidates stay apart in greyscale (with the letter at each bar's end).
_PATTERNS = (
    "",                                                                       # solid
    '<path d="M0,4 L4,0" stroke="#ffffff" stroke-width="1.1"/>',              # diagonal hatch
    '<circle cx="2" cy="2" r="0.9" fill="#ffffff"/>',                         # dots
    '<path d="M0,2 L4,2 M2,0 L2,4" stroke="#ffffff" stroke-width="0.9"/>',    # cross-hatch
    '<path d="M0,0 L4,4" stroke="#ffffff" stroke-width="1.1"/>',              # reverse hatch
    '<path d="M0,2 L4,2" stroke="#ffffff" stroke-width="1.1"/>',              # horizontal lines
)


def series_letter(index: int) -> str:
    """The letter naming a series (candidate) in charts: A, B, C…"""
    return chr(ord("A") + index % 26)


def _series_fill(index: int, chart_id: str = "c") -> tuple[str, str]:
    """``(fill, pattern definition)`` of a series: a colour, plus a white pattern over it after the first."""
    colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
    pattern = _PATTERNS[index % len(_PATTERNS)]
    if not pattern:
        return colour, ""
    pid = f"{chart_id}-series-{index}"   # ids are document-wide: one set per chart
    return f"url(#{pid})", (f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="4" height="4">'
                            f'<rect width="4" height="4" fill="{colour}"/>{pattern}</pattern>')


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
    height += 10   # the axis title
    body: list[str] = []
    defs = []
    fills = []
    chart_id = "g" + hashlib.sha1(title.encode("utf-8")).hexdigest()[:8]
    for s_index, s in enumerate(series):
        fill, pattern = _series_fill(s_index, chart_id)
        fills.append(fill)
        defs.append(pattern)
        legend_y = 2 + 12 * s_index
        body.append(f'<rect x="{_fmt(plot_x)}" y="{_fmt(legend_y)}" width="11" height="9" fill="{fill}" stroke="{INK}" '
                    f'stroke-width="0.4"/>')
        body.append(f'<text x="{_fmt(plot_x + 15)}" y="{_fmt(legend_y + 8)}" font-size="8" fill="{INK}">'
                    f'<tspan font-weight="bold">{series_letter(s_index)}</tspan> {_esc(_truncate(s.name, 70))}</text>')
    body.extend(_score_axis(plot_x, plot_w, top, height - bottom - 10, label_y=height - 16, font_size=7.5))
    body.append(_axis_title(plot_x + plot_w / 2, height - 4, "Score (0–100)"))
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
            bar_w = max(0.8, plot_w * max(0.0, min(100.0, value)) / 100)
            body.append(f'<rect x="{_fmt(plot_x)}" y="{_fmt(y)}" width="{_fmt(bar_w)}" height="{_fmt(bar_h - 1.5)}" '
                        f'fill="{fills[s_index]}"/>')
            # Direct label: the candidate's letter and the value, so colour is never the only key.
            body.append(f'<text x="{_fmt(plot_x + bar_w + 3)}" y="{_fmt(y + bar_h - 2)}" font-size="6.5" '
                        f'fill="{INK}">{series_letter(s_index)} {value:.0f}</text>')
    alt = f"{title} (0-100): " + "; ".join(
        f"{category}: " + ", ".join(f"{series_letter(i)} {_value_text(s.values[c] if c < len(s.values) else None)}"
                                    for i, s in enumerate(series))
        for c, category in enumerate(categories)) + ". " + "; ".join(
        f"{series_letter(i)} is {s.name}" for i, s in enumerate(series)) + "."
    return _svg(width, height, body, title, alt, "".join(defs))


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
        f'fill="{palette.RATING[Rating.CRITICAL].strong}" fill-opacity="0.07"/>'
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
    body.append(_axis_title(10, top + plot_h / 2, "Inherent-risk tier", rotate=True))
    # Legend: shape and colour per rating, so greyscale prints still tell them apart.
    lx = left
    for rating, colour in RATING_COLOURS.items():
        body.append(_marker(rating, lx + 4, height - 7, 3.5, colour))
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
        body.append(_marker(p.rating, x, y, 4.2, colour))
    return _svg(width, height, body, title, tier_score_alt(points, title))


def _marker(rating: str, x: float, y: float, r: float, colour: str) -> str:
    """A mark whose shape names the rating: circle low, square moderate, triangle high, diamond critical."""
    edge = 'stroke="#ffffff" stroke-width="0.8"'
    if rating == "moderate":
        return (f'<rect x="{_fmt(x - r)}" y="{_fmt(y - r)}" width="{_fmt(2 * r)}" height="{_fmt(2 * r)}" '
                f'fill="{colour}" {edge}/>')
    if rating == "high":
        pts = (f"{_fmt(x)},{_fmt(y - r * 1.15)} {_fmt(x + r * 1.1)},{_fmt(y + r * 0.85)} "
               f"{_fmt(x - r * 1.1)},{_fmt(y + r * 0.85)}")
        return f'<polygon points="{pts}" fill="{colour}" {edge}/>'
    if rating == "critical":
        pts = (f"{_fmt(x)},{_fmt(y - r * 1.25)} {_fmt(x + r * 1.25)},{_fmt(y)} "
               f"{_fmt(x)},{_fmt(y + r * 1.25)} {_fmt(x - r * 1.25)},{_fmt(y)}")
        return f'<polygon points="{pts}" fill="{colour}" {edge}/>'
    return f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="{_fmt(r)}" fill="{colour}" {edge}/>'


def tier_score_alt(points: Sequence[Point], title: str) -> str:
    """The tier chart's text alternative: every product with its tier, score and rating."""
    if not points:
        return f"{title}: no decided assessment has a tier and a score yet."
    ordered = sorted(points, key=lambda p: (p.tier, p.score))
    return f"{title}: " + "; ".join(f"{p.label}: tier {p.tier}, score {p.score:.0f}, {p.rating} risk"
                                    for p in ordered) + "."


def completeness_meter(fraction: float, width: float = 120, height: float = 10) -> str:
    """A small bar showing completeness (0..1)."""
    w = width * max(0.0, min(1.0, fraction))
    body = [f'<rect x="0" y="0" width="{_fmt(width)}" height="{_fmt(height)}" rx="2" fill="{GRID}"/>',
            f'<rect x="0" y="0" width="{_fmt(w)}" height="{_fmt(height)}" rx="2" fill="{ACCENT}"/>']
    return _svg(width, height, body, f"Completeness {fraction * 100:.0f}%")
