"""Assessments pinned to bank 1.0.0 keep working after the bundled bank moved to 1.1.0."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def test_an_assessment_on_bank_1_0_opens_answers_and_scores_after_the_move_to_1_1(services: Any) -> None:
    from trustframe.services.questionnaires import QuestionnaireCatalog

    vendor = services.vendors.add_vendor("Borealis Systems", "FI")
    product = services.vendors.add_product(vendor.id, "Borealis Core", "software")
    old = services.assessments.create(vendor.id, product.id, version="1.0.0", tier=2)
    new = services.assessments.create(vendor.id, product.id, tier=2)
    assert (old.questionnaire_version, new.questionnaire_version) == ("1.0.0", "1.1.0")
    # Questions retired in 1.1 can still be answered on the 1.0 assessment, and not on the 1.1 one.
    services.assessments.set_answer(old.id, "VUL-12", "notified")
    services.assessments.set_answer(new.id, "VUL-17", "yes")
    assert "VUL-12" in services.assessments.answers(old.id)
    assert "VUL-12" not in services.assessments.questionnaire(new).questions_by_id
    # The workspace keeps the 1.0 text it was made with, and a fresh catalog opens that version.
    from trustframe.storage.repositories import QuestionnaireTextRepository

    with services.workspace.reading() as session:
        stored = QuestionnaireTextRepository(session).get("ict-supply-chain-trust", "1.0.0")
        assert stored is not None and "VUL-12" in stored.text
    fresh = QuestionnaireCatalog(services.workspace)
    assert fresh.get("ict-supply-chain-trust", "1.0.0").question_count == 187
    assert services.scoring.score(old.id, as_of=date(2026, 12, 1)).completeness > 0
