"""The register's Qt model: model tester, sorting, filtering, loading without I/O in data()."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from trustframe.domain.assessment import AssessmentStatus
from trustframe.domain.portfolio import RegisterRow
from trustframe.domain.questionnaire import ProductCategory
from trustframe.domain.scoring_model import Rating
from trustframe.ui import labels
from trustframe.ui.models.register_model import (
    NONE,
    Column,
    RegisterFilter,
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


def test_model_passes_the_model_tester_while_filtering_and_sorting(qtmodeltester, rows: list[RegisterRow]) -> None:
    model = RegisterTableModel()
    model.set_rows(rows, TODAY)
    qtmodeltester.check(model, force_py=True)
    model.set_rating(Rating.HIGH)
    model.set_search_text("vendor 0001")
    model.sort(Column.SCORE, Qt.SortOrder.DescendingOrder)
    model.set_rows(rows[:10], TODAY)
    model.clear_filters()
    assert model.rowCount() == 10


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
    model.set_rating(NONE)
    assert model.rowCount() and all(model.index(r, 0).data(Role.RATING) is None for r in range(model.rowCount()))
    model.clear_filters()
    model.set_tier(2)
    model.set_overdue_only(True)
    shown = [model.index(r, 0).data(Role.ROW) for r in range(model.rowCount())]
    assert shown and all(r.tier == 2 and r.overdue(TODAY) for r in shown)
    model.clear_filters()
    model.set_status(AssessmentStatus.DECIDED)
    assert all(model.index(r, 0).data(Role.ROW).status is AssessmentStatus.DECIDED for r in range(model.rowCount()))


def test_every_filter_combination_shows_exactly_the_matching_rows_in_sort_order(rows: list[RegisterRow]) -> None:
    # Property-style: for every filter and a few sorts, the model shows exactly the rows the
    # filter's statement selects, in the order the sort's statement gives.
    model = RegisterTableModel()
    model.set_rows(rows, TODAY)
    filters = [RegisterFilter(), RegisterFilter(text="VENDOR 0002"), RegisterFilter(text="de"),
               RegisterFilter(text="software", tier=1), RegisterFilter(rating=NONE), RegisterFilter(status=NONE),
               *(RegisterFilter(rating=r) for r in Rating), *(RegisterFilter(tier=t) for t in (1, 2, 3, 4)),
               *(RegisterFilter(status=s, overdue_only=True) for s in AssessmentStatus)]

    def passes(r: RegisterRow, f: RegisterFilter) -> bool:
        hay = " ".join((r.vendor_name, r.product_name, r.country, labels.category(r.category))).casefold()
        return ((not f.text or f.text.casefold() in hay)
                and (f.rating is None or (r.rating is None if f.rating == NONE else r.rating == f.rating))
                and (f.tier is None or r.tier == f.tier)
                and (f.status is None or (r.status is None if f.status == NONE else r.status == f.status))
                and (not f.overdue_only or r.overdue(TODAY)))

    for column, order in ((Column.VENDOR, Qt.SortOrder.AscendingOrder), (Column.SCORE, Qt.SortOrder.DescendingOrder),
                          (Column.TIER, Qt.SortOrder.AscendingOrder)):
        model.sort(column, order)
        for f in filters:
            model.set_filter(f)
            shown = [model.row_at(i) for i in range(model.rowCount())]
            assert sorted(map(id, shown)) == sorted(id(r) for r in rows if passes(r, f)), f
            assert model.visible_count == len(shown) and model.total_count == len(rows)
            assert model.is_filtered == (f != RegisterFilter())
            keys = [model.index(i, column).data(Role.SORT_KEY) for i in range(model.rowCount())]
            present = [k for k in keys if k is not None]
            assert keys[len(present):] == [None] * (len(keys) - len(present))
            assert present == sorted(present, reverse=order == Qt.SortOrder.DescendingOrder)


def test_a_filter_change_resets_once_and_never_announces_rows_one_by_one(rows: list[RegisterRow]) -> None:
    model = RegisterTableModel()
    model.set_rows(rows, TODAY)
    events: list[str] = []
    model.modelReset.connect(lambda: events.append("reset"))
    model.rowsRemoved.connect(lambda *_: events.append("removed"))
    model.rowsInserted.connect(lambda *_: events.append("inserted"))
    model.set_filter(RegisterFilter(text="vendor 0001", tier=2, overdue_only=True))
    assert events == ["reset"]
    model.set_filter(RegisterFilter(text="vendor 0001", tier=2, overdue_only=True))  # unchanged: nothing
    assert events == ["reset"]


def test_typing_narrows_the_search_from_the_shown_rows(rows: list[RegisterRow]) -> None:
    model = RegisterTableModel()
    model.set_rows(rows, TODAY)
    for typed in ("v", "ve", "vendor 0", "vendor 00", "vendor 000", "vendor 0001"):
        model.set_search_text(typed)
        assert [model.row_at(i).vendor_name for i in range(model.rowCount())] == sorted(
            r.vendor_name for r in rows if typed in r.vendor_name.casefold())
    model.set_search_text("vendor 00012")  # narrowing to a single row
    assert [model.row_at(i).vendor_id for i in range(model.rowCount())] == [12]
    model.set_search_text("vendor 0004")   # not a narrowing: searched from all rows again
    assert {model.row_at(i).vendor_id for i in range(model.rowCount())} == set(range(40, 50))


def test_reassessment_in_progress_shows_the_standing_decision(rows: list[RegisterRow]) -> None:
    from trustframe.domain.assessment import Decision

    model = RegisterTableModel()
    standing = make_row(1, status=AssessmentStatus.DECIDED, decision=Decision.APPROVE,
                        decided_on=date(2026, 3, 2), rating=Rating.LOW, reassessment_id=99,
                        reassessment_status=AssessmentStatus.DRAFT)
    model.set_rows([standing, make_row(2, status=AssessmentStatus.DECIDED, decision=Decision.REJECT,
                                       decided_on=date(2026, 4, 1))], TODAY)
    model.sort(Column.VENDOR)
    status = model.index(0, Column.STATUS)
    assert status.data() == "approved 2026-03-02; reassessment in progress"
    assert "reassessment" in status.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, Column.RATING).data(Role.RATING) == Rating.LOW
    assert model.index(1, Column.STATUS).data() == "Decided"
    # Filtering by status finds the product under its decision and under the open reassessment.
    model.set_status(AssessmentStatus.DRAFT)
    assert [model.row_at(i).vendor_id for i in range(model.rowCount())] == [1]
    model.set_status(AssessmentStatus.DECIDED)
    assert model.rowCount() == 2


def test_overdue_date_is_marked(rows: list[RegisterRow]) -> None:
    model = RegisterTableModel()
    model.set_rows([make_row(1, next_review_due=TODAY - timedelta(days=3))], TODAY)
    index = model.index(0, Column.NEXT_REVIEW)
    assert "overdue" in index.data()
    assert index.data(Role.OVERDUE) is True
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None


def test_ten_thousand_rows_filter_and_sort() -> None:
    # Speed is measured by bench/bench_register.py, not here: timed unit tests are flaky on
    # shared machines. This checks that search and sort are right at register scale.
    model = RegisterTableModel()
    model.set_rows([make_row(i) for i in range(10_000)], TODAY)
    model.set_search_text("vendor 0999")
    model.sort(Column.SCORE, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 10
    scores = [model.index(r, Column.SCORE).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]
    assert scores == sorted(scores, key=lambda v: float(v) if v not in (None, "", "–", "—") else -1, reverse=True)


def test_rows_come_from_the_workspace(services) -> None:
    vendor = services.vendors.add_vendor("Acme Secure Ltd", "GB")
    services.vendors.add_product(vendor.id, "Acme Gateway", "software")
    services.vendors.add_vendor("Lonely Vendor BV", "NL")
    rows = load_register_rows(services)
    assert {(r.vendor_name, r.product_name) for r in rows} == {("Acme Secure Ltd", "Acme Gateway"),
                                                              ("Lonely Vendor BV", "")}
