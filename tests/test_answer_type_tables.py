"""Every layer's per-type table covers every answer type (adding a type without its parts fails here).

The domain dispatches with ``match`` + ``assert_never`` (mypy proves it exhaustive); the tables of
the layers above are plain dicts, so this test is what keeps them complete.
"""

from __future__ import annotations

from typing import Any

import pytest

from trustframe.domain.answer_types import kind_of
from trustframe.domain.questionnaire import AnswerType
from trustframe.exchange.excel_export import ANSWER_CELLS
from trustframe.exchange.excel_import import CELL_READERS
from trustframe.services.demo import DEMO_ANSWERS
from trustframe.ui.widgets.answer_widgets import EDITORS

TABLES: dict[str, dict[AnswerType, Any]] = {
    "exchange.excel_export.ANSWER_CELLS": ANSWER_CELLS,
    "exchange.excel_import.CELL_READERS": CELL_READERS,
    "ui.widgets.answer_widgets.EDITORS": EDITORS,
    "services.demo.DEMO_ANSWERS": DEMO_ANSWERS,
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_table_has_an_entry_for_every_answer_type(name: str) -> None:
    table = TABLES[name]
    missing = [t.value for t in AnswerType if t not in table]
    assert not missing, f"{name} lacks {missing} (see docs/architecture.md, 'Adding an answer type')"
    assert set(table) == set(AnswerType)


def test_the_domain_has_a_kind_for_every_answer_type() -> None:
    assert [kind_of(t).answer_type for t in AnswerType] == list(AnswerType)
