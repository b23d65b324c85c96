"""Where the reliability suites leave their totals for docs/reliability.md.

``make reliability`` sets ``TRUSTFRAME_RELIABILITY_OUT`` to a folder; each suite writes one
JSON file there (``record``) and ``write_report.py`` turns them into the document. Without the
variable (``make test``) nothing is written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

#: The long forms run when this is "full" (``make reliability``); ``make test`` runs the short ones.
FULL = os.environ.get("TRUSTFRAME_RELIABILITY", "").lower() == "full"

#: Counters every suite may report; write_report.py sums them across suites.
COUNTERS = ("mutants", "crashes", "hangs", "memory", "partial_writes", "bad_messages", "kills", "corruptions",
            "lost_writes")


def record(suite: str, counts: dict[str, Any], notes: list[str] | None = None) -> None:
    """Write a suite's totals when the run asked for them."""
    folder = os.environ.get("TRUSTFRAME_RELIABILITY_OUT")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    (Path(folder) / f"{suite}.json").write_text(
        json.dumps({"suite": suite, "full": FULL, "counts": counts, "notes": notes or []}, indent=2, default=str))
