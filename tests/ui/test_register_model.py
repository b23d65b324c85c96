"""The register's Qt models: model tester, sorting, filtering, loading without I/O in data()."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from trustframe.domain.assessment import AssessmentStatus
from trustframe.domain.portfolio import RegisterRow
from trustframe.domain.questionnaire import ProductCategory
from trustframe.domain.scoring_model import Rating
from trustframe.ui.models.register_model import (
    NONE,
    Column,
    RegisterFilterProxyModel,
    RegisterTableModel,
    Role,
    load_register_rows,
)

TODAY = date(2026, 6, 1)


def make_row(i: int, **overrides: object) -> RegisterRow:
    ratings = [Rating.LOW, Rating.MODERATE, Rating.HIGH, Rating.CRITICAL, None]
    values: dict[str, object] = dict(
        vendor_id=i, vendor_name=f"Vendor {i:05d}", country="DE", product_id=i, product_name=f"Product {i}",
        category=list(ProductCategory)[i % 6], assessment_id=i, status=list(AssessmentStatus)[i % 5],
        tier=1 + i % 4, score=None if i % 7 == 0 else float(i % 100), rating=ratings[i % 5],
        recommendation=None, completeness=0.5, open_flags=i % 3, critical_flags=i % 2,
        evidence_expiring=i % 4, evidence_expired=i % 5 == 0,
        next_review_due=TODAY + timedelta(days=(i % 20) - 10), decision=None, decided_on=None)
    values.update(overrides)
    return RegisterRow(**values)  # type: ignore[arg-type]


@pytest.fixture
def rows() -> list[RegisterRow]:
    return [make_row(i) for i in range(1, 60)]


def test_source_model_passes_the_model_tester(qtmodeltester, rows: list[RegisterRow]) -> None:
    model = RegisterTableModel()
    model.set_rows(rows, TODAY)
    qtmodeltester.check(model, force_py=True)


def test_proxy_passes_the_model_tester_while_filtering_and_sorting(qtmodeltester, rows: list[RegisterRow]) -> None:
    model = RegisterTableModel()
    model.set_rows(rows, TODAY)
    proxy = RegisterFilterProxyModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_rating(Rating.HIGH)
    proxy.set_search_text("vendor 0001")
    proxy.sort(Column.SCORE, Qt.SortOrder.DescendingOrder)
    model.set_rows(rows[:10], TODAY)
    proxy.clear_filters()
    assert proxy.rowCount() == 10


def test_sort_puts_missing_values_last_both_ways(rows: list[RegisterRow]) -> None:
    model = RegisterTableModel()
    model.set_rows(rows, TODAY)
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        model.sort(Column.SCORE, order)
        scores = [r.score for r in model.rows]
        present = [s for s in scores if s is not None]
        assert scores[len(present):] == [None] * (len(scores) - len(present))
        assert present == sorted(present, reverse=order == Qt.SortOrder.DescendingOrder)


def test_filters_combine(rows: list[RegisterRow]) -> None:
    model = RegisterTableModel()
    model.set_rows(rows, TODAY)
    proxy = RegisterFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.set_rating(NONE)
    assert all(proxy.index(r, 0).data(Role.RATING) is None for r in range(proxy.rowCount()))
    proxy.clear_filters()
    proxy.set_tier(2)
    proxy.set_overdue_only(True)
    shown = [proxy.index(r, 0).data(Role.ROW) for r in range(proxy.rowCount())]
    assert shown and all(r.tier == 2 and r.overdue(TODAY) for r in shown)
    proxy.clear_filters()
    proxy.set_status(AssessmentStatus.DECIDED)
    assert all(proxy.index(r, 0).data(Role.ROW).status is AssessmentStatus.DECIDED for r in range(proxy.rowCount()))


def test_overdue_date_is_marked(rows: list[RegisterRow]) -> None:
    model = RegisterTableModel()
    model.set_rows([make_row(1, next_review_due=TODAY - timedelta(days=3))], TODAY)
    index = model.index(0, Column.NEXT_REVIEW)
    assert "overdue" in index.data()
    assert index.data(Role.OVERDUE) is True
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_ten_thousand_rows_filter_and_sort() -> None:
    # Speed is measured by bench/bench_startup.py, not here: timed unit tests are flaky on
    # shared machines. This checks that search and sort are right at register scale.
    model = RegisterTableModel()
    model.set_rows([make_row(i) for i in range(10_000)], TODAY)
    proxy = RegisterFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.set_search_text("vendor 0999")
    proxy.sort(Column.SCORE, Qt.SortOrder.DescendingOrder)
    assert proxy.rowCount() == 10
    scores = [proxy.index(r, Column.SCORE).data(Qt.ItemDataRole.DisplayRole) for r in range(proxy.rowCount())]
    assert scores == sorted(scores, key=lambda v: float(v) if v not in (None, "", "–", "—") else -1, reverse=True)


def test_rows_come_from_the_workspace(services) -> None:
    vendor = services.vendors.add_vendor("Acme Secure Ltd", "GB")
    services.vendors.add_product(vendor.id, "Acme Gateway", "software")
    services.vendors.add_vendor("Lonely Vendor BV", "NL")
    rows = load_register_rows(services)
    assert {(r.vendor_name, r.product_name) for r in rows} == {("Acme Secure Ltd", "Acme Gateway"),
                                                              ("Lonely Vendor BV", "")}
