"""Records of questionnaire workbooks sent to vendors and returned by them.

Plain data: storage turns the ``exports``/``imports`` rows into these, services read them to
detect conflicts (what was sent versus what the officer has now) and repeated imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class ExportRecord:
    """A workbook sent to a vendor.

    ``answers`` maps question id to ``{"value": ..., "comment": ..., "prefilled": bool}``: the
    answer each exported question had at export time (whether or not it was pre-filled in the
    workbook). That snapshot is the common base of a three-way comparison on import.
    """

    uid: str
    assessment_id: int
    exported_at: datetime
    exported_by: str = ""
    file_name: str = ""
    answers: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    question_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportRecord:
    """Provenance of one applied vendor workbook."""

    id: int
    assessment_id: int
    file_name: str
    sha256: str
    imported_at: datetime
    importer: str = ""
    summary: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
