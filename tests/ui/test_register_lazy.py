"""The register's rows kept as tuples (RegisterRows) with a RegisterRow built only for the rows a
view reads: the cells, sort orders and filters over the tuples equal those computed from the
eagerly built rows, for every column, and the rows off screen are never built (issue 13)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from trustframe.domain.assessment import AssessmentStatus, Decision
from trustframe.domain.portfolio import FIELD_INDEX, RegisterRow, RegisterRows, register_row_factory
from trustframe.domain.questionnaire import ProductCategory
from trustframe.domain.scoring_model import Rating, Recommendation
from trustframe.ui import labels
from trustframe.ui.models import register_model
from trustframe.ui.models.register_model import NONE, Column, RegisterFilter, RegisterTableModel, Role

TODAY = date(2026, 6, 1)
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
         Qt.ItemDataRole.FontRole, Qt.ItemDataRole.AccessibleTextRole, Role.SORT_KEY, Role.OVERDUE,
         Role.FLAG_LEVEL, Role.RATING, Role.VENDOR_ID, Role.ASSESSMENT_ID)


def _values(i: int) -> tuple[Any, ...]:
    """A varied row as a tuple of RegisterRow's fields: every column has empty values, ties and
    reassessments somewhere."""
    statuses = [*AssessmentStatus, None]
    ratings = [*Rating, None]
    has_product = i % 11 != 0
    assessed = has_product and i % 9 != 0
    status = statuses[i % len(statuses)] if assessed else None
    reassessing = assessed and i % 13 == 0
    vendor = i // 2  # two rows per vendor, with one name
    return (vendor, f"{'Ärzte' if vendor % 17 == 0 else 'Vendor'} {vendor % 50:03d}", ["DE", "FR", ""][vendor % 3],
            i if has_product else None, f"Product {i % 23}" if has_product else "",
            list(ProductCategory)[i % len(ProductCategory)] if has_product and i % 5 else None,
            i if assessed else None, status, (1 + i % 4) if assessed and i % 6 else None,
            float(i % 100) if assessed and i % 7 else None, ratings[i % len(ratings)] if assessed else None,
            list(Recommendation)[i % len(Recommendation)] if assessed else None, (i % 10) / 10, i % 3, i % 2,
            i % 4, i % 5, TODAY + timedelta(days=(i % 40) - 20) if assessed and i % 8 else None,
            list(Decision)[i % len(Decision)] if status is AssessmentStatus.DECIDED or reassessing else None,
            TODAY - timedelta(days=i % 30) if reassessing else None, 1 + reassessing,
            i + 100_000 if reassessing else None, AssessmentStatus.IN_REVIEW if reassessing else None)


@pytest.fixture
def table() -> RegisterRows:
    return RegisterRows([_values(i) for i in range(1, 300)])


@pytest.fixture(scope="module")
def demo_rows(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RegisterRows, list[RegisterRow]]]:
    """The demo workspace's register, read lazily (the start-up read) and eagerly (the services)."""
    from trustframe.services.context import Services
    from trustframe.services.demo import build_demo_workspace
    from trustframe.services.register_build import read_register_light

    folder = tmp_path_factory.mktemp("lazy-demo")
    path = folder / "demo.tfw"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRUSTFRAME_HOME", str(folder / "home"))
        build_demo_workspace(path, rescore=True)
        light = read_register_light(Path(path))
        with Services.open(path, create=False, read_only=True) as services:
            eager = services.scoring.register_rows(light.as_of if light else None)
    assert light is not None and light.stale == {}
    yield light.rows, eager


def _cells(model: RegisterTableModel) -> list[list[Any]]:
    return [[_plain(model.index(r, c).data(role)) for c in range(model.columnCount()) for role in ROLES]
            for r in range(model.rowCount())]


def _plain(value: Any) -> Any:
    """Brushes and fonts compared by what they show."""
    if hasattr(value, "color") and callable(value.color):
        return ("brush", value.color().name())
    if hasattr(value, "bold") and callable(value.bold):
        return ("font", value.bold())
    return value


def _expected_order(rows: list[RegisterRow], column: Column, order: Qt.SortOrder) -> list[RegisterRow]:
    """The documented sort on RegisterRow objects: stable by the column's key over the vendor
    order, empty values last both ways."""
    key = register_model._SORT_KEYS[column]
    present = sorted((r for r in rows if key(r) is not None), key=key)
    missing = [r for r in rows if key(r) is None]
    if order == Qt.SortOrder.DescendingOrder:
        present.reverse()  # the ascending order reversed, as the model documents
    return present + missing


def _passes(row: RegisterRow, f: RegisterFilter, today: date) -> bool:
    """The register's filters, evaluated on a RegisterRow."""
    if f.rating is not None and (row.rating is not None if f.rating == NONE else row.rating != f.rating):
        return False
    if f.tier is not None and row.tier != f.tier:
        return False
    if f.status is not None:
        if f.status == NONE:
            if row.status is not None:
                return False
        elif row.status != f.status and row.reassessment_status != f.status:
            return False
    if f.overdue_only and not row.overdue(today):
        return False
    return True


FILTERS = [RegisterFilter(), RegisterFilter(rating=Rating.HIGH), RegisterFilter(rating=NONE),
           RegisterFilter(tier=2), RegisterFilter(status=AssessmentStatus.IN_REVIEW), RegisterFilter(status=NONE),
           RegisterFilter(status=AssessmentStatus.DECIDED.value, overdue_only=True),
           RegisterFilter(rating=Rating.LOW.value, tier=1)]


def test_register_rows_behave_as_the_list_of_rows(table: RegisterRows) -> None:
    make = register_row_factory()
    eager = [make(v) for v in table.values]
    assert len(table) == len(eager) and table == eager and eager == table and list(table) == eager
    assert table.to_list() == eager and table[3:9] == eager[3:9] and table[-1] == eager[-1]
    assert table[5] is table[5], "a row read twice is built once"
    copy = table.copy()
    changed = RegisterRow(**{**{name: getattr(eager[5], name) for name in FIELD_INDEX}, "score": 12.5})
    copy[5] = changed
    assert copy[5] is changed and copy.values[5][FIELD_INDEX["score"]] == 12.5
    assert table[5] == eager[5] and table != copy, "a copy changes alone"
    again = RegisterRows.of(eager)
    assert again == table and again[7] is eager[7], "rows already built are kept"
    assert RegisterRows.of(table) is table
    counted = RegisterRows(list(table.values), counts=(1, 2))
    counted[0] = table[0]
    assert counted.counts == (1, 2), "same vendor and product: the builder's counts stand"
    counted[0] = RegisterRow(**{**{name: getattr(eager[0], name) for name in FIELD_INDEX}, "vendor_id": -1})
    assert counted.counts is None, "another vendor: the counts are recomputed"
    assert RegisterRows([]) == [] and not RegisterRows([])
    fresh = RegisterRows(list(table.values))
    assert fresh.of_vendor(7) == [r for r in eager if r.vendor_id == 7] != []
    assert sum(1 for row in fresh._objects or [] if row is not None) == 2, "only that vendor's rows are built"


@pytest.mark.parametrize("source", ["synthetic", "demo"])
def test_sort_keys_on_the_tuples_equal_those_on_the_rows(source: str, table: RegisterRows, demo_rows: Any) -> None:
    rows = table if source == "synthetic" else demo_rows[0]
    make = register_row_factory()
    for column in Column:
        value_key, row_key = register_model._VALUE_SORT_KEYS[column], register_model._SORT_KEYS[column]
        for values in rows.values:
            assert value_key(values) == row_key(make(values)), (column, values)


@pytest.mark.parametrize("source", ["synthetic", "demo"])
def test_lazy_rows_show_what_eager_rows_show_for_every_column_sort_and_filter(
        qapp: Any, source: str, table: RegisterRows, demo_rows: Any) -> None:
    lazy_rows, eager_rows = (table, table.to_list()) if source == "synthetic" else demo_rows
    today = TODAY if source == "synthetic" else date.today()
    lazy, eager = RegisterTableModel(), RegisterTableModel()
    lazy.set_rows(lazy_rows, today)
    # The eager model gets RegisterRow objects: each cell comes from the row the services built.
    eager.set_rows(list(eager_rows), today)
    assert _cells(lazy) == _cells(eager)
    vendor_order = list(eager_rows)
    for column in Column:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            lazy.sort(column, order)
            eager.sort(column, order)
            for n, f in enumerate(FILTERS):
                lazy.set_filter(f)
                eager.set_filter(f)
                expected = [r for r in _expected_order(vendor_order, column, order) if _passes(r, f, today)]
                assert list(lazy.rows) == expected, (column, order, f)
                assert [lazy.row_at(n) for n in range(lazy.rowCount())] == expected
                if n == len(FILTERS) - 2 and column in (Column.SCORE, Column.STATUS):  # every cell: slow
                    assert _cells(lazy) == _cells(eager), (column, order, f)
            lazy.clear_filters()
            eager.clear_filters()
    lazy.sort(Column.VENDOR, Qt.SortOrder.AscendingOrder)
    for text in ("ärzte", "de", "software", "product 1", "a"):
        lazy.set_search_text(text)
        expected = [r for r in _expected_order(vendor_order, Column.VENDOR, Qt.SortOrder.AscendingOrder) if text in
                    f"{r.vendor_name} {r.product_name} {r.country} {labels.category(r.category)}".casefold()]
        assert list(lazy.rows) == expected, text
        if source == "synthetic" and text != "software":
            assert expected, text


def test_only_the_rows_on_screen_are_built(qtbot: Any) -> None:
    rows = RegisterRows([_values(i) for i in range(1, 20_001)], vendor_ordered=False)
    model = RegisterTableModel()
    view = QTableView()
    qtbot.addWidget(view)
    view.verticalHeader().setSectionResizeMode(view.verticalHeader().ResizeMode.Fixed)
    view.setModel(model)
    view.resize(900, 500)
    view.show()
    model.set_rows(rows, TODAY)
    model.set_rating(Rating.HIGH)
    model.sort(Column.SCORE, Qt.SortOrder.DescendingOrder)
    model.set_search_text("product 1")
    model.clear_filters()
    model.sort(Column.NEXT_REVIEW, Qt.SortOrder.AscendingOrder)
    qtbot.wait(50)
    built = sum(1 for row in rows._objects or [] if row is not None)
    assert 0 < built < 500, f"{built} of {len(rows)} rows were built for a screen of about 20"
    assert model.vendor_count == len({v[0] for v in rows.values})
    assert model.product_count == sum(1 for v in rows.values if v[3] is not None)
