"""Review findings: domain names through the translation layer, a toolbar of actions only,
readable score bars, one colour rule for red-flag counts, a report dialog that never scrolls
sideways."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path
from typing import Any, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QKeySequence

from trustframe.domain.assessment import AnswerSource, AssessmentStatus, Decision
from trustframe.domain.evidence import EvidenceState
from trustframe.domain.questionnaire import BuyersGuidePart, EvidenceKind, Pillar, ProductCategory, Severity
from trustframe.domain.scoring_model import GroupScore, Rating, Recommendation, ScoreResult
from trustframe.exchange.excel_model import RowCategory
from trustframe.ui import labels

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "trustframe" / "ui"


class _MarkingTranslator(QTranslator):
    """Translates every text of one context to "DE:<text>", so a test can tell what went
    through Qt's translation system."""

    def __init__(self, context: str) -> None:
        super().__init__()
        self._context = context

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        return f"DE:{source}" if context == self._context else None  # None: not translated here

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False


@pytest.fixture
def marked_labels(qapp: Any) -> Iterator[None]:
    translator = _MarkingTranslator(labels.CONTEXT)
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


# -- 1. translation ---------------------------------------------------------------------------

_FUNCTIONS = [(labels.status, AssessmentStatus), (labels.decision, Decision), (labels.rating, Rating),
              (labels.recommendation, Recommendation), (labels.category, ProductCategory),
              (labels.evidence_kind, EvidenceKind), (labels.evidence_state, EvidenceState),
              (labels.severity, Severity), (labels.answer_source, AnswerSource), (labels.pillar, Pillar),
              (labels.buyers_guide_part, BuyersGuidePart), (labels.import_category, RowCategory)]


@pytest.mark.parametrize(("function", "enum"), _FUNCTIONS, ids=lambda x: getattr(x, "__name__", ""))
def test_every_domain_value_has_a_translated_name(marked_labels: None, function: Any, enum: Any) -> None:
    for member in enum:
        text = function(member)
        assert text.startswith("DE:") and len(text) > 3, (enum, member)


def test_import_counts_read_as_english(qapp: Any) -> None:
    assert labels.import_count(RowCategory.NEW, 14) == "14 new answers"
    assert labels.import_count(RowCategory.CONFLICT, 1) == "1 conflict"
    assert labels.import_count(RowCategory.EMPTY, 112) == "112 not answered"


def test_group_keys_become_translated_pillar_names(marked_labels: None) -> None:
    assert labels.pillar_title("transparency", "Transparency") == "DE:Transparency"
    assert labels.pillar_title("something-new", "Something new") == "Something new"
    assert labels.buyers_guide_title("sourcing", "Sourcing") == "DE:Sourcing"


def test_widgets_never_show_a_domain_label_property() -> None:
    # Questionnaire content (option and band labels), the compare model's own rows and chart
    # points are not domain enums; every other ``.label`` would bypass translation.
    allowed = {"option", "band", "row", "point"}
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "label" and ast.unparse(node.value) not in allowed:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node)}")
    assert offenders == []


def test_translation_source_lists_the_names() -> None:
    ts = (ROOT / "resources" / "translations" / "trustframe_de.ts").read_text(encoding="utf-8")
    context = ts[ts.index(f"<name>{labels.CONTEXT}</name>"):]
    context = context[:context.index("</context>")]
    for text in ("Sent to vendor", "Approve with conditions", "Transparency", "Reviewer override", "Conflict"):
        assert f"<source>{text}</source>" in context


def test_report_dialog_rows_use_translated_status(marked_labels: None, qtbot: Any, services: Any,
                                                  sample_assessment: Any) -> None:
    from trustframe.ui.context import UiContext
    from trustframe.ui.dialogs.report_dialog import ReportDialog

    dialog = ReportDialog(UiContext(services, settings=None), [sample_assessment.id])
    qtbot.addWidget(dialog)
    assert "(DE:Draft)" in dialog.assessment_list.item(0).text()


# -- 2. toolbar ---------------------------------------------------------------------------------


def test_toolbar_holds_actions_only_and_tabs_stay_under_view(qtbot: Any, qapp: Any) -> None:
    from trustframe.ui.context import UiContext
    from trustframe.ui.main_window import MainWindow
    from trustframe.ui.settings import AppSettings

    window = MainWindow(UiContext(None, AppSettings()))
    qtbot.addWidget(window)
    toolbar = window.toolbar.actions()
    assert window.register_action not in toolbar and window.portfolio_action not in toolbar
    assert window.new_assessment_action in toolbar and window.reports_action in toolbar
    view = window.view_menu.actions()
    assert window.register_action in view and window.portfolio_action in view
    assert window.register_action.shortcut() == QKeySequence("Ctrl+1")
    assert window.portfolio_action.shortcut() == QKeySequence("Ctrl+2")


# -- 3. score panel -----------------------------------------------------------------------------


def _result() -> ScoreResult:
    sections = (GroupScore("GOV", "GOV", 44.0, 10, 13, 0),
                GroupScore("TRN", "TRN", None, 0, 5, 5))
    pillars = (GroupScore("transparency", "Transparency", 59.0, 8, 12, 0),
               GroupScore("accountability", "Accountability", 48.0, 3, 3, 0))
    return ScoreResult(assessment_id=1, as_of=date(2026, 6, 1), tier=1, overall=47.0, completeness=0.8,
                       rating=Rating.CRITICAL, recommendation=Recommendation.REJECT, by_section=sections,
                       by_pillar=pillars, by_buyers_guide=(), questions=(), flags=(), gaps=(), drivers=(),
                       improvements=(), conditions=())


def test_score_bars_show_id_with_short_title_and_full_title_in_tooltip(qtbot: Any) -> None:
    from trustframe.ui.widgets.score_panel import ScorePanel, short_title

    panel = ScorePanel()
    qtbot.addWidget(panel)
    panel.resize(220, 900)
    titles = {"GOV": "Security governance and enterprise risk management",
              "TRN": "Technical transparency - SBOM, source, build and behaviour"}
    panel.set_result(_result(), titles)
    assert [label for label, _, _ in panel.domain_chart.items()] == [
        "GOV Security governance", "TRN Technical transparency"]
    tips = panel.domain_chart.tooltips()
    assert tips[0].startswith("GOV · Security governance and enterprise risk management: 44 / 100")
    assert "10 of 13" in tips[0]
    assert tips[1].startswith("TRN · Technical transparency - SBOM, source, build and behaviour: — / 100")
    assert [label for label, _, _ in panel.pillar_chart.items()] == ["Transparency", "Accountability"]
    assert panel.pillar_chart.tooltips()[0].startswith("Transparency: 59 / 100")
    # Stacked bars: the label line spans the panel, so a narrow panel still fits the short title.
    fm = panel.domain_chart.fontMetrics()
    assert fm.horizontalAdvance("GOV Security governance") < panel.domain_chart.width()
    assert short_title("Vendor operational security: information, physical and personnel") == (
        "Vendor operational security")
    assert short_title("Resilience") == "Resilience"
    assert short_title("Secure-by-default product properties") == "Secure-by-default product"


def test_score_panel_names_go_through_labels(marked_labels: None, qtbot: Any) -> None:
    from trustframe.ui.widgets.score_panel import ScorePanel

    panel = ScorePanel()
    qtbot.addWidget(panel)
    panel.set_result(_result())
    assert "DE:Reject" in panel.recommendation_label.text()
    assert panel.pillar_chart.items()[0][0] == "DE:Transparency"


# -- 4. register red flags ------------------------------------------------------------------------


def make_row(i: int, **overrides: object) -> Any:
    from trustframe.domain.portfolio import RegisterRow

    values: dict[str, object] = dict(
        vendor_id=i, vendor_name=f"Vendor {i}", country="DE", product_id=i, product_name=f"Product {i}",
        category=ProductCategory.SOFTWARE, assessment_id=i, status=AssessmentStatus.IN_REVIEW, tier=2,
        score=50.0, rating=Rating.HIGH, recommendation=None, completeness=1.0, open_flags=0, critical_flags=0,
        evidence_expiring=0, evidence_expired=0, next_review_due=None, decision=None, decided_on=None)
    values.update(overrides)
    return RegisterRow(**values)  # type: ignore[arg-type]


def test_red_flag_counts_follow_one_rule_with_a_tooltip(qapp: Any) -> None:
    from PySide6.QtCore import Qt

    from trustframe.ui import theme
    from trustframe.ui.models.register_model import Column, RegisterTableModel, Role

    model = RegisterTableModel()
    model.set_rows([make_row(1, open_flags=3, critical_flags=1), make_row(2, open_flags=5, critical_flags=0),
                    make_row(3, open_flags=1, critical_flags=0), make_row(4, open_flags=0, critical_flags=0)],
                   date(2026, 6, 1))

    def cell(row: int, role: int) -> Any:
        return model.index(row, Column.FLAGS).data(role)

    assert [cell(r, Role.FLAG_LEVEL) for r in range(4)] == ["critical", "open", "open", None]
    assert cell(0, Qt.ItemDataRole.ToolTipRole) == "3 open red flags (1 critical)"
    assert cell(1, Qt.ItemDataRole.ToolTipRole) == "5 open red flags (0 critical)"
    assert cell(2, Qt.ItemDataRole.ToolTipRole) == "1 open red flag (0 critical)"
    assert cell(3, Qt.ItemDataRole.ToolTipRole) is None and cell(3, Qt.ItemDataRole.DisplayRole) == ""
    assert cell(0, Qt.ItemDataRole.ForegroundRole).color() == theme.DANGER
    assert cell(1, Qt.ItemDataRole.ForegroundRole).color() == theme.WARNING


def test_register_draws_flag_counts_as_badges(qtbot: Any, qapp: Any) -> None:
    from trustframe.ui.context import UiContext
    from trustframe.ui.models.register_model import Column
    from trustframe.ui.models.register_store import RegisterStore
    from trustframe.ui.settings import AppSettings
    from trustframe.ui.views.register_view import RegisterView
    from trustframe.ui.widgets.badges import FlagCountBadgeDelegate

    ctx = UiContext(None, AppSettings())
    view = RegisterView(ctx, RegisterStore(ctx))
    qtbot.addWidget(view)
    assert isinstance(view.table.itemDelegateForColumn(Column.FLAGS), FlagCountBadgeDelegate)


# -- 5. report dialog -----------------------------------------------------------------------------


def test_report_dialog_list_elides_instead_of_scrolling_sideways(qtbot: Any, services: Any,
                                                                 sample_assessment: Any) -> None:
    from PySide6.QtCore import Qt

    from trustframe.ui.context import UiContext
    from trustframe.ui.dialogs.report_dialog import ReportDialog

    vendor = services.vendors.add_vendor("A Vendor With A Remarkably Long Registered Company Name GmbH", "DE")
    product = services.vendors.add_product(vendor.id, "An Equally Long Product Name For A Managed Service", "software")
    services.assessments.create(vendor.id, product.id, "sample-trust")
    dialog = ReportDialog(UiContext(services, settings=None), [sample_assessment.id])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fm = dialog.fontMetrics()
    assert dialog.width() >= fm.averageCharWidth() * 100  # room for a typical row next to the preview
    lst = dialog.assessment_list
    assert lst.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    assert lst.horizontalScrollBar().maximum() == 0
    for row in range(lst.count()):
        item = lst.item(row)
        assert item.toolTip() == item.text()
        assert lst.visualItemRect(item).width() <= lst.viewport().width()
