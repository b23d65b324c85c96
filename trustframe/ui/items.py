"""Typed access to the items of QTreeWidget and QTableWidget.

PySide6's type stubs declare ``topLevelItem(i)``, ``child(i)`` and ``item(row, column)`` as
returning ``... | None``: Qt returns null for an index out of range or a cell never filled. The
screens read only the cells they filled, within the counts Qt reports, so these helpers keep the
loops free of checks for a None that cannot occur, and a cell that is missing after all fails with
an error naming it rather than an ``AttributeError`` on None further on.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem


def top_level_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """The tree's top-level items, in order."""
    return [item for i in range(tree.topLevelItemCount()) if (item := tree.topLevelItem(i)) is not None]


def child_items(parent: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """The item's children, in order."""
    return [item for i in range(parent.childCount()) if (item := parent.child(i)) is not None]


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    """The item the screen put into ``(row, column)``; LookupError when the cell is empty."""
    item = table.item(row, column)
    if item is None:
        raise LookupError(f"{table.objectName() or type(table).__name__}: no item in row {row}, column {column}")
    return item
