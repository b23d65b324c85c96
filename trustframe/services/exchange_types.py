"""The exchange value types the screens show: the result of a workbook export, the preview and
result of an import, and the questions an import asks back (which assessment; accept a legacy
seal). The front ends do not import ``trustframe.exchange`` directly (an import-linter contract
in pyproject.toml); they take these types from here.

Cheap at import (dataclasses and enums only; no openpyxl, no SQLAlchemy): the register screen
imports :mod:`trustframe.ui.labels`, which names :class:`RowCategory`, at start-up.
"""

from __future__ import annotations

from trustframe.exchange.excel_model import ExportResult, ImportPreview, ImportResult, ImportRowPreview, RowCategory
from trustframe.exchange.workbook_identity import AssessmentChoiceNeeded, LegacySealNeedsConfirmation

__all__ = ["AssessmentChoiceNeeded", "ExportResult", "ImportPreview", "ImportResult", "ImportRowPreview",
           "LegacySealNeedsConfirmation", "RowCategory"]
