"""A stale save of an assessment's details (or decision) says what is stored now: the refusal
carries the fields as given (yours) and the assessment as stored (theirs), so the GUI can show
both side by side. On SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from trustframe.domain.assessment import Assessment, Decision
from trustframe.errors import StaleWriteError

pytestmark = pytest.mark.both_engines


def test_a_stale_details_save_carries_yours_and_theirs(services: Any, sample_assessment: Any) -> None:
    read = services.assessments.get(sample_assessment.id)
    services.assessments.update_details(read.id, expected_version=read.version, procurement="RFP-1",
                                        due_date=date(2027, 1, 1))
    with pytest.raises(StaleWriteError) as refused:
        services.assessments.update_details(read.id, expected_version=read.version, procurement="RFP-2")
    conflict = refused.value
    assert conflict.entity == "assessment" and conflict.key == read.id
    assert conflict.yours == {"procurement": "RFP-2"}
    assert isinstance(conflict.theirs, Assessment)
    assert (conflict.theirs.procurement, conflict.theirs.due_date) == ("RFP-1", date(2027, 1, 1))
    assert conflict.version == read.version + 1 == services.assessments.get(read.id).version
    # Nothing was written; saving the choice against the version now stored goes through.
    assert services.assessments.get(read.id).procurement == "RFP-1"
    saved = services.assessments.update_details(read.id, expected_version=conflict.version, procurement="RFP-2")
    assert (saved.procurement, saved.due_date, saved.version) == ("RFP-2", date(2027, 1, 1), conflict.version + 1)


def test_answering_does_not_move_the_assessments_version(services: Any, sample_assessment: Any) -> None:
    """Two officers answering questions never conflict with one editing the details."""
    read = services.assessments.get(sample_assessment.id)
    services.assessments.set_answer(read.id, "GOV-03", "an answer")
    services.assessments.update_details(read.id, expected_version=read.version, procurement="RFP-1")
    assert services.assessments.get(read.id).procurement == "RFP-1"


def test_a_decision_on_a_stale_assessment_is_refused_with_what_is_stored(services: Any,
                                                                         sample_assessment: Any) -> None:
    read = services.assessments.get(sample_assessment.id)
    services.assessments.update_details(read.id, reviewer="Rita")
    with pytest.raises(StaleWriteError) as refused:
        services.assessments.decide(read.id, Decision.APPROVE, decided_by="Dora", expected_version=read.version)
    assert refused.value.theirs.reviewer == "Rita"
    assert services.assessments.get(read.id).decision is None


def test_scope_and_tier_writes_refuse_a_stale_version(services: Any, sample_assessment: Any) -> None:
    read = services.assessments.get(sample_assessment.id)
    services.assessments.override_tier(read.id, 1, "Theirs", expected_version=read.version)  # a colleague
    for write in (lambda v: services.assessments.override_tier(read.id, 2, "Mine", expected_version=v),
                  lambda v: services.assessments.set_scope(read.id, removed=["GOV-03"], expected_version=v),
                  lambda v: services.assessments.set_profile_answers(read.id, {}, expected_version=v)):
        with pytest.raises(StaleWriteError) as refused:
            write(read.version)
        assert refused.value.theirs.tier_override == 1
    stored = services.assessments.get(read.id)
    assert (stored.tier_override, stored.scope_removed, stored.version) == (1, (), read.version + 1)
    services.assessments.override_tier(read.id, 2, "Mine", expected_version=stored.version)
    assert services.assessments.get(read.id).tier_override == 2
