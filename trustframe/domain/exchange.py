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


@dataclass(frozen=True)
class ExportBinding:
    """The assessment, vendor and product an exported workbook was made for.

    A returned workbook can change only the assessment its export uid is bound to. ``seal`` is
    how the workbook was sealed: "hmac-sha256" (keyed with the workspace's secret) or "sha256"
    (the old unkeyed seal of workbooks exported before the keyed seal existed).
    """

    export_uid: str
    assessment_id: int
    vendor_id: int
    product_id: int
    exported_at: datetime
    seal: str
    #: The vendor's name as written in the workbook when it was sent.
    vendor_name: str = ""


#: Name of the workbook seal key in ``workspace_secrets`` (created by migration 0002).
SEAL_KEY_NAME = "workbook_seal_key"
#: How a workbook is sealed, as recorded per export: keyed with the workspace's secret, or the
#: old unkeyed seal of workbooks exported before the keyed seal existed.
SEAL_KEYED = "hmac-sha256"
SEAL_LEGACY = "sha256"
#: Said when the seal key is missing (a workspace damaged by hand), by every read path alike.
SEAL_KEY_MISSING = ("This workspace has lost its workbook seal key, so vendor workbooks can neither be sealed nor "
                    "checked. Restore the workspace from a backup.")
