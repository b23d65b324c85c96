"""kill -9 during an import, a burst of answers, a report render and a demo build (issue 22).

``make test`` kills 20 times; ``make reliability`` (TRUSTFRAME_RELIABILITY=full) at least 200
times and records the totals for docs/reliability.md. The checks are in ``crash_kill.Campaign``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crash_kill import run  # noqa: E402
from results import FULL, record  # noqa: E402

PLAN = {"import": 80, "answers": 70, "report": 30, "demo": 20} if FULL else \
    {"import": 8, "answers": 8, "report": 2, "demo": 2}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL and /proc")
def test_kill_minus_nine_leaves_consistent_workspaces(tmp_path: Path) -> None:
    totals = run(tmp_path, PLAN)
    record("kill-9", {
        "kills": totals.kills, "kills_by_operation": totals.by_scenario, "completed_before_kill": totals.completed,
        "corruptions": totals.corruptions, "lost_writes": totals.lost_writes,
        "partial_writes": totals.partial_imports + totals.partial_reports, "orphan_workers": totals.orphans,
        "stale_temporaries": totals.stale_temporaries, "unopenable": totals.unopenable,
        "seconds_per_operation": getattr(totals, "durations", {}),
    }, totals.failures[:50])
    assert totals.kills >= sum(PLAN.values())
    assert totals.ok, "\n".join(totals.failures[:20])
