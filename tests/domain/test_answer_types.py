"""The answer-type registry: one kind per type, one parser for typed text, one "is answered"."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from trustframe.domain import answers
from trustframe.domain.answer_types import AnswerValueError, is_answered, kind_of
from trustframe.domain.conditions import AnswerTest, Op
from trustframe.domain.questionnaire import AnswerType, Band, Option, Question


def _q(qtype: AnswerType, **kw: object) -> Question:
    return Question(id="Q-1", section_id="S", text="?", type=qtype, **kw)  # type: ignore[arg-type]


CERTS = _q(AnswerType.MULTIPLE_CHOICE, options=(
    Option("iso", "ISO/IEC 27001", score=0.6),
    Option("soc2", "SOC 2", score=0.6),
    Option("both", "Yes, independently verified", score=0.3),
    Option("none", "None of these", score=0.0, exclusive=True),
))
DAYS = _q(AnswerType.NUMBER, unit="days", min_value=0, max_value=365,
          bands=(Band(min=None, max=30, score=1.0, label="Within a month"), Band(min=30, max=None, score=0.2)))


def test_every_answer_type_has_its_own_kind() -> None:
    kinds = {t: kind_of(t) for t in AnswerType}
    assert all(kind.answer_type is t for t, kind in kinds.items())
    assert len({id(k) for k in kinds.values()}) == len(AnswerType)


@pytest.mark.parametrize("value, answered", [
    (None, False), ("", False), ("  \n", False), ([], False), ((), False),
    ("x", True), (0, True), (0.0, True), (False, True), (["a"], True), (date(2026, 1, 1), True),
])
def test_is_answered_is_one_rule_for_conditions_normalising_and_scoring(value: object, answered: bool) -> None:
    assert is_answered(value) is answered
    assert AnswerTest("Q-1", Op.ANSWERED, True).evaluate({"Q-1": value}) is answered
    if not answered:
        assert answers.normalise(_q(AnswerType.TEXT), value) is None
        assert answers.normalise(CERTS, value) is None


def test_multiple_choice_text_splits_on_semicolons_new_lines_and_commas_but_keeps_labels_whole() -> None:
    assert answers.parse_text(CERTS, "soc2; ISO/IEC 27001") == ["iso", "soc2"]
    assert answers.parse_text(CERTS, "soc2\niso") == ["iso", "soc2"]
    assert answers.parse_text(CERTS, "soc2, iso") == ["iso", "soc2"]
    assert answers.parse_text(CERTS, "Yes, independently verified") == ["both"]
    assert answers.parse_text(CERTS, "yes, independently verified; soc2,iso") == ["iso", "soc2", "both"]
    with pytest.raises(AnswerValueError, match="'maybe' is not an option of Q-1; choose one of: iso"):
        answers.parse_text(CERTS, "soc2, maybe")
    with pytest.raises(AnswerValueError, match="cannot be combined"):
        answers.parse_text(CERTS, "none; soc2")


def test_option_alias_is_asked_only_for_text_that_is_no_option() -> None:
    asked: list[str] = []

    def alias(question: Question, raw: str) -> str | None:
        asked.append(raw)
        return "soc2" if raw == "SOC-2-Bericht" else None

    assert answers.parse_text(CERTS, "iso; SOC-2-Bericht", alias) == ["iso", "soc2"]
    assert asked == ["SOC-2-Bericht"]


def test_numbers_accept_their_unit_and_stay_in_range() -> None:
    assert answers.parse_text(DAYS, "30 days") == 30
    assert answers.parse_text(DAYS, "2.5") == 2.5
    assert answers.display(DAYS, 30) == "30 days"
    with pytest.raises(AnswerValueError, match="out of range"):
        answers.parse_text(DAYS, "400")
    with pytest.raises(AnswerValueError, match="expects a number"):
        answers.parse_text(DAYS, "soon")
    with pytest.raises(AnswerValueError, match="expects a number"):
        answers.normalise(DAYS, True)


def test_dates_and_text() -> None:
    when = _q(AnswerType.DATE)
    assert answers.normalise(when, datetime(2026, 2, 1, 13, 5)) == "2026-02-01"
    assert answers.parse_text(when, " 2026-02-01 ") == "2026-02-01"
    with pytest.raises(AnswerValueError, match="YYYY-MM-DD"):
        answers.parse_text(when, "next week")
    assert answers.parse_text(_q(AnswerType.TEXT), "  words  ") == "words"
    with pytest.raises(AnswerValueError, match="the limit is 10000"):
        answers.normalise(_q(AnswerType.TEXT), "x" * 10_001)


class _Facts:
    def __init__(self, question: Question) -> None:
        self.options = {o.id: (o.score, o.not_applicable) for o in question.options}
        self.exclusive = frozenset(o.id for o in question.options if o.exclusive)
        self.bands = question.bands
        self.min_value, self.max_value = question.min_value, question.max_value


def test_score_and_best_answer_per_kind() -> None:
    multi = kind_of(AnswerType.MULTIPLE_CHOICE)
    assert multi.score(_Facts(CERTS), ["iso", "soc2"]) == (True, False, 1.0)
    assert multi.score(_Facts(CERTS), ["none", "iso"]) == (False, False, None)
    best = multi.best(CERTS)
    assert best is not None and best.score == 1.0 and best.value == ["iso", "soc2"]
    number = kind_of(AnswerType.NUMBER)
    assert number.score(_Facts(DAYS), 10) == (True, False, 1.0)
    assert number.score(_Facts(DAYS), 500) == (False, False, None)
    best = number.best(DAYS)
    assert best is not None and (best.score, best.value, best.label) == (1.0, 29, "Within a month")
    assert kind_of(AnswerType.TEXT).best(_q(AnswerType.TEXT)) is None
    assert kind_of(AnswerType.DATE).best(_q(AnswerType.DATE)) is None


def test_scoring_knows_every_score_rule_and_follows_the_kind() -> None:
    from trustframe.domain import scoring
    from trustframe.domain.answer_types import ScoreRule

    assert set(scoring._SCORE_RULE) == set(ScoreRule)
    assert {t: kind_of(t).score_rule for t in AnswerType} == {
        AnswerType.SINGLE_CHOICE: ScoreRule.CHOICE, AnswerType.YES_NO: ScoreRule.CHOICE,
        AnswerType.MULTIPLE_CHOICE: ScoreRule.MULTIPLE, AnswerType.NUMBER: ScoreRule.BANDS,
        AnswerType.TEXT: ScoreRule.NONE, AnswerType.DATE: ScoreRule.NONE}
