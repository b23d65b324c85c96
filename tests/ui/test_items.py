"""Typed access to tree and table items (trustframe/ui/items.py)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem

from trustframe.ui.items import cell, child_items, top_level_items


def test_tree_items_come_in_order_with_their_children(qapp: Any) -> None:
    tree = QTreeWidget()
    first, second = QTreeWidgetItem(["A"]), QTreeWidgetItem(["B"])
    tree.addTopLevelItems([first, second])
    QTreeWidgetItem(second, ["B1"])
    QTreeWidgetItem(second, ["B2"])

    assert [item.text(0) for item in top_level_items(tree)] == ["A", "B"]
    assert child_items(first) == []
    assert [item.text(0) for item in child_items(second)] == ["B1", "B2"]
    assert top_level_items(QTreeWidget()) == []


def test_a_filled_cell_is_returned_and_an_empty_one_is_named(qapp: Any) -> None:
    table = QTableWidget(2, 2)
    table.setObjectName("contacts")
    table.setItem(0, 1, QTableWidgetItem("x"))

    assert cell(table, 0, 1).text() == "x"
    with pytest.raises(LookupError, match=r"contacts: no item in row 1, column 0"):
        cell(table, 1, 0)
