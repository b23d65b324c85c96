"""One palette for rating and severity colours: the GUI, the report charts, the Excel report and
the report CSS all take them from trustframe.domain.palette."""

from __future__ import annotations

import re

from trustframe import paths
from trustframe.domain import palette
from trustframe.domain.questionnaire import Severity
from trustframe.domain.scoring_model import Rating

#: The second palette the reports used before (issue 20): it must not come back.
OLD_REPORT_COLOURS = ("#c98a12", "#d9622b", "#b3261e", "#9aa5b1")


def test_gui_colours_come_from_the_palette() -> None:
    from trustframe.ui import theme
    from trustframe.ui.widgets import colors

    for rating, swatch in palette.RATING.items():
        assert theme.rating_colour(rating).name() == swatch.strong
        assert colors.rating_color(rating).name() == swatch.strong
        assert colors.RATING_COLORS[rating.value] == swatch.strong
    assert theme.rating_colour(None).name() == palette.NO_RATING.strong
    for severity, swatch in palette.SEVERITY.items():
        assert colors.severity_color(severity).name() == swatch.strong


def test_chart_and_excel_colours_come_from_the_palette() -> None:
    from trustframe.reports import charts, excel

    assert charts.RATING_COLOURS == {r.value: s.strong for r, s in palette.RATING.items()}
    assert charts.score_colour(90) == palette.RATING[Rating.LOW].strong
    assert charts.score_colour(10) == palette.RATING[Rating.CRITICAL].strong
    assert charts.score_colour(None) == palette.NO_RATING.strong
    assert excel.RATING_FILLS == {r.value: s.tint.lstrip("#").upper() for r, s in palette.RATING.items()}


def test_report_css_reads_the_palette_variables() -> None:
    css = (paths.report_templates_dir() / "report.css").read_text(encoding="utf-8")
    assert not [c for c in OLD_REPORT_COLOURS if c in css.lower()]
    assert not [s.strong for s in palette.RATING.values() if s.strong in css.lower()]
    for rating in Rating:
        assert re.search(rf"\.rating-{rating.value} \{{ background: var\(--rating-{rating.value}\); \}}", css)
    for severity in Severity:
        assert f".sev-{severity.value} {{ background: var(--sev-{severity.value}); }}" in css
    variables = palette.css_variables()
    for rating, swatch in palette.RATING.items():
        assert f"--rating-{rating.value}: {swatch.strong};" in variables


def test_a_rendered_report_badge_has_the_palette_colour() -> None:
    """report.css plus the variables WeasyPrint gets (layout.extra_css) give the palette's colours."""
    from trustframe.reports import layout, pdf

    assert palette.css_variables() in layout.extra_css()
    html = ('<html><head><link rel="stylesheet" href="report.css"></head><body>'
            '<span class="badge rating-high">High</span> <span class="badge sev-medium">Medium</span></body></html>')
    document = layout.layout(html, pdf.new_fetcher())
    colours = {}
    stack = [document.pages[0]._page_box]
    while stack:
        box = stack.pop()
        classes = (getattr(box, "element", None) is not None and box.element.get("class")) or ""
        for name in ("rating-high", "sev-medium"):
            if name in classes.split():
                colours.setdefault(name, box.style["background_color"])  # the span, not its text
        stack.extend(getattr(box, "children", []) or [])

    def hex_of(colour: object) -> str:
        red, green, blue = (round(c * 255) for c in colour.coordinates)  # type: ignore[attr-defined]
        return f"#{red:02x}{green:02x}{blue:02x}"

    assert hex_of(colours["rating-high"]) == palette.RATING[Rating.HIGH].strong
    assert hex_of(colours["sev-medium"]) == palette.SEVERITY[Severity.MEDIUM].strong
