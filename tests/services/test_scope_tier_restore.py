"""AssessmentService.restore_scope_and_tier(): the service under the GUI's undo of tier and scope
changes puts the stored state back exactly, in one transaction, and only appends to the log."""

from __future__ import annotations

import dataclasses

import pytest

from trustframe.domain.assessment import AssessmentStatus, Decision
from trustframe.services.assessments import ScopeTierState

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def test_restore_puts_back_the_exact_state_and_only_appends(services, sample_assessment) -> None:
    s = services
    aid = sample_assessment.id
    before = ScopeTierState.of(s.assessments.get(aid))
    log_before = s.history(aid)
    s.assessments.override_tier(aid, 2, "Handles payroll data")
    s.assessments.set_scope(aid, removed=["VUL-02"])
    changed = ScopeTierState.of(s.assessments.get(aid))
    assert changed != before and changed.tier_override == 2 and "VUL-02" in changed.scope_removed

    change = s.assessments.restore_scope_and_tier(aid, before)
    assert ScopeTierState.of(s.assessments.get(aid)) == before == change.after
    assert change.before == changed
    log = s.history(aid)
    # The earlier entries are untouched and the restore added entries noted "undo".
    assert [e.id for e in log_before] == [e.id for e in log if e.id in {x.id for x in log_before}]
    added = [e for e in log if e.id not in {x.id for x in log_before}]
    assert any(e.note and e.note.startswith("undo") and e.field == "tier_override" for e in added)
    assert any(e.note == "undo" and e.field == "scope" for e in added)

    # And forward again (redo), reason included.
    s.assessments.restore_scope_and_tier(aid, changed, note="redo")
    again = ScopeTierState.of(s.assessments.get(aid))
    assert again == changed and again.tier_override_reason == "Handles payroll data"


def test_restore_refuses_bad_tiers_and_decided_assessments(services, sample_assessment) -> None:
    s = services
    aid = sample_assessment.id
    state = ScopeTierState.of(s.assessments.get(aid))
    log_before = len(s.history(aid))
    with pytest.raises(Exception, match="Tier 7 does not exist"):
        s.assessments.restore_scope_and_tier(aid, dataclasses.replace(state, tier_override=7))
    assert len(s.history(aid)) == log_before
    s.assessments.set_status(aid, AssessmentStatus.IN_REVIEW)
    s.assessments.decide(aid, Decision.APPROVE, decided_by="M. Reviewer")
    decided_log = len(s.history(aid))
    with pytest.raises(Exception):
        s.assessments.restore_scope_and_tier(aid, dataclasses.replace(state, tier_override=3,
                                                                      tier_override_reason="x"))
    assert ScopeTierState.of(s.assessments.get(aid)).tier_override is None
    assert len(s.history(aid)) == decided_log
