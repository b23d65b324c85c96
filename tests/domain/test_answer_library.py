"""The answer library's rules, tested from their statement over generated answers."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trustframe.domain.answer_library import LibraryAnswer, cutoff, pick_reusable
from trustframe.domain.questionnaire import Questionnaire
from trustframe.exchange.questionnaire_files import load_questionnaire

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 12, 6)


@pytest.fixture(scope="module")
def bank() -> Questionnaire:
    return load_questionnaire(ROOT / "questionnaires" / "ict-supply-chain-trust.yaml", trusted=True)


_BANK = load_questionnaire(ROOT / "questionnaires" / "ict-supply-chain-trust.yaml", trusted=True)
_IDS = sorted(_BANK.questions_by_id)

answers = st.builds(
    LibraryAnswer,
    question_id=st.sampled_from([*_IDS[:12], "NOT-IN-BANK"]),
    value=st.sampled_from(["yes", "no", "documented", None, ""]),
    comment=st.just(""),
    assessment_id=st.integers(1, 6),
    answered_on=st.dates(AS_OF - timedelta(days=800), AS_OF + timedelta(days=30)),
)


@settings(max_examples=200, deadline=None)
@given(cands=st.lists(answers, max_size=40), months=st.integers(0, 36),
       answered=st.sets(st.sampled_from(_IDS[:12]), max_size=4))
def test_offers_follow_the_rules(cands: list[LibraryAnswer], months: int, answered: set[str]) -> None:
    picked = pick_reusable(cands, _BANK, as_of=AS_OF, max_age_months=months, already_answered=answered)
    oldest = cutoff(AS_OF, months)
    for qid, offer in picked.items():
        assert qid == offer.question_id
        assert qid in _BANK.questions_by_id                 # only questions of the target
        assert qid not in answered                          # never overwrite an answer
        assert oldest <= offer.answered_on <= AS_OF          # within the age limit, not from the future
        assert offer.value not in (None, "")
        # newest wins: no eligible candidate for the same question is newer
        newer = [c for c in cands if c.question_id == qid and c.value not in (None, "")
                 and oldest <= c.answered_on <= AS_OF and c.answered_on > offer.answered_on]
        assert newer == []
    # every eligible question is offered
    eligible = {c.question_id for c in cands if c.question_id in _BANK.questions_by_id and c.question_id not in answered
                and c.value not in (None, "") and oldest <= c.answered_on <= AS_OF}
    assert set(picked) == eligible


def test_validity_hook_drops_answers_the_target_would_refuse(bank: Questionnaire) -> None:
    qid = _IDS[0]
    cands = [LibraryAnswer(qid, "gone-option", "", 1, AS_OF - timedelta(days=10))]
    assert pick_reusable(cands, bank, as_of=AS_OF, is_valid=lambda q, v: v in q.option_ids) == {}


def test_provenance_names_assessment_product_and_date() -> None:
    a = LibraryAnswer("GOV-01", "yes", "", 12, date(2026, 3, 2), product_name="NW-7000")
    assert a.provenance == "assessment 12 (NW-7000, 2026-03-02)"


def test_negative_age_is_refused() -> None:
    with pytest.raises(ValueError):
        cutoff(AS_OF, -1)
