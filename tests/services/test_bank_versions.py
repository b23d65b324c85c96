"""Question bank versions (issue 15): reassessing onto a newer bank version, regulatory overlays
chosen per assessment, the buyer module and the scoring profile pinned per assessment.

The newer bank here is synthetic (built from the bundled 1.0.0 in the test), so the tests do not
depend on the bundled bank's next version."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from trustframe import paths
from trustframe.domain.assessment import Decision
from trustframe.domain.questionnaire import AnswerType
from trustframe.errors import ConflictError, NotFoundError
from trustframe.services.vendors import InvalidInput
from trustframe.storage.orm import AssessmentRow

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

AS_OF = date(2026, 6, 1)
BANK = paths.questionnaires_dir() / "ict-supply-chain-trust.yaml"
BUYER = paths.questionnaires_dir() / "buyer-readiness.yaml"
#: The bundled versions (the "old" side) and the synthetic newer ones, which must sort after
#: whatever the bundle ships next: the tests do not depend on the bundled bank's version.
OLD = str(yaml.safe_load(BANK.read_text(encoding="utf-8"))["version"])
OLD_BUYER = str(yaml.safe_load(BUYER.read_text(encoding="utf-8"))["version"])
NEW = NEW_BUYER = "99.0.0"

def _pick() -> tuple[str, str]:
    """A question to reword (a GOV single choice with a "declined" option) and one to split (a VUL
    single choice with a red flag), chosen from the bundled bank so the tests follow its version."""
    from trustframe.exchange.questionnaire_files import load_questionnaire

    bank = load_questionnaire(BANK, trusted=True)
    single = [q for q in bank.iter_questions() if q.type is AnswerType.SINGLE_CHOICE]
    reword = next(q.id for q in single if q.id.startswith("GOV") and q.option("declined") is not None)
    split = next(q.id for q in single if q.id.startswith("VUL") and q.red_flags and not q.split_from)
    return reword, split


REWORD, SPLIT = _pick()
PART = SPLIT + "z"   # the synthetic second part of the split (an id no real bank version uses)


def _bank_1_1(text: str) -> tuple[dict[str, Any], str]:
    """A newer bank from the bundled one: REWORD reworded, SPLIT split into SPLIT and PART, one
    question dropped (one nothing else refers to). Returns the data and the dropped id."""
    data = yaml.safe_load(text)
    data["version"] = NEW
    questions = {q["id"]: (sec, q) for sec in data["sections"] for q in sec["questions"]}
    questions[REWORD][1]["text"] = questions[REWORD][1]["text"].strip() + " Name the person."
    sec, vul12 = questions[SPLIT]
    part = copy.deepcopy(vul12)
    vul12["text"] = "In the last 36 months, has a security incident affected your customers?"
    part["id"], part["split_from"] = PART, SPLIT
    part["text"] = "Were all customers affected by a security incident in the last 36 months notified at the time?"
    for flag in part.get("red_flags") or []:
        flag["id"] = flag["id"].replace(SPLIT, PART)
    vul12["split_from"] = SPLIT  # the narrowed original is a part too (ignored: same id)
    sec["questions"].insert(sec["questions"].index(vul12) + 1, part)
    dropped = next(qid for qid, (_, q) in questions.items()
                   if text.count(qid) == 1 and q.get("type") == "single_choice" and qid.startswith("OPS"))
    dsec, dq = questions[dropped]
    dsec["questions"].remove(dq)
    return data, dropped


@pytest.fixture
def newer(tmp_path: Path, sample_dir: Path) -> Iterator[tuple[Path, str]]:
    """An extra catalog folder with a newer bank and buyer module (its first question reworded)."""
    data, dropped = _bank_1_1(BANK.read_text(encoding="utf-8"))
    (sample_dir / "bank-1.1.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                              encoding="utf-8")
    buyer = yaml.safe_load(BUYER.read_text(encoding="utf-8"))
    buyer["version"] = NEW_BUYER
    first = buyer["sections"][0]["questions"][0]
    first["text"] = first["text"].strip() + " (including the last renewal)"
    (sample_dir / "buyer-1.1.yaml").write_text(yaml.safe_dump(buyer, allow_unicode=True, sort_keys=False),
                                               encoding="utf-8")
    yield sample_dir, dropped


def _single(services: Any, questionnaire: Any, qid: str) -> str:
    q = questionnaire.question(qid)
    assert q.type in (AnswerType.SINGLE_CHOICE, AnswerType.YES_NO)
    return q.options[0].id


def _assessment_on(services: Any, version: str) -> Any:
    vendor = services.vendors.add_vendor("Borealis Systems", "FI")
    product = services.vendors.add_product(vendor.id, "Borealis Core", "software")
    return services.assessments.create(vendor.id, product.id, version=version, tier=1)


def test_reassessment_onto_a_newer_bank_carries_confirms_drops_and_splits(services: Any, newer: Any) -> None:
    _, dropped = newer
    s = services.assessments
    assert services.catalog.get("ict-supply-chain-trust").version == NEW  # the synthetic one is newest
    old = _assessment_on(services, OLD)
    bank = s.questionnaire(old)
    unchanged = [q.id for q in s.applicable_questions(old) if q.type is AnswerType.SINGLE_CHOICE
                 and q.id.startswith("SDL")][:3]
    for qid in [REWORD, SPLIT, dropped, *unchanged]:
        s.set_answer(old.id, qid, _single(services, bank, qid), comment=f"said {qid}")
    # The buyer answered when module 1.0.0 was the newest (its first answer pinned it then).
    with services.workspace.transaction() as session:
        session.get(AssessmentRow, old.id).buyer_module_version = OLD_BUYER
    buyer_q = services.buyer.module(old.id).sections[0].questions[0]
    assert services.buyer.module(old.id).version == OLD_BUYER
    services.buyer.set_answer(old.id, buyer_q.id, buyer_q.options[0].id)
    assert s.get(old.id).buyer_module_version == OLD_BUYER

    report = s.reassess_report(old.id)
    new = report.assessment
    assert (report.old_key, report.new_key) == (f"ict-supply-chain-trust@{OLD}", f"ict-supply-chain-trust@{NEW}")
    assert report.new_version and new.questionnaire_version == NEW
    assert sorted(report.carried) == sorted(unchanged)
    assert [qid for qid, _ in report.confirm] == [REWORD] and "question text" in report.confirm[0][1]
    assert report.dropped == (dropped,)
    assert report.to_answer == (SPLIT, PART)
    answers = s.answers(new.id)
    assert set(answers) == {*unchanged, REWORD}
    assert all(a.to_confirm for a in answers.values())
    assert answers[REWORD].confirm_note.startswith("reworded")
    assert answers[unchanged[0]].confirm_note == "" and answers[unchanged[0]].comment == f"said {unchanged[0]}"
    # The earlier assessment stays intact on its own version.
    assert s.get(old.id).questionnaire_version == OLD
    assert set(s.answers(old.id)) == {REWORD, SPLIT, dropped, *unchanged}
    # The change log names what was not carried.
    log = {e.field: e for e in services.history(new.id)}
    assert dropped in (log["reassessment_dropped"].new_value or "")
    assert PART in (log["reassessment_split"].new_value or "")
    assert f"{OLD} -> " in log["reassessment_of"].note
    # Buyer answers move onto the newest module, the reworded one to confirm with its reason.
    assert report.buyer_confirm and report.buyer_confirm[0][0] == buyer_q.id
    assert s.get(new.id).buyer_module_version == NEW_BUYER
    carried_buyer = services.buyer.answers(new.id)[buyer_q.id]
    assert carried_buyer.to_confirm and carried_buyer.confirm_note.startswith("reworded")
    # Answering (or confirming) clears the note.
    s.set_answer(new.id, REWORD, to_confirm=False)
    assert s.answers(new.id)[REWORD].confirm_note == ""


def test_first_buyer_answer_pins_the_module_version(services: Any, newer: Any) -> None:
    s = services.assessments
    a = _assessment_on(services, OLD)
    assert s.get(a.id).buyer_module_version is None
    question = services.buyer.module(a.id).sections[0].questions[1]
    services.buyer.set_answer(a.id, question.id, question.options[0].id)
    assert s.get(a.id).buyer_module_version == NEW_BUYER


def test_reassessment_on_the_same_version_carries_everything_to_confirm(services: Any, sample_assessment: Any) -> None:
    s = services.assessments
    s.set_answer(sample_assessment.id, "GOV-01", "documented")  # the sample questionnaire's GOV-01
    report = s.reassess_report(sample_assessment.id)
    assert not report.new_version and report.carried == ("GOV-01",)
    assert report.dropped == report.to_answer == () and report.confirm == ()


def test_overlays_are_chosen_per_assessment_and_add_their_questions(services: Any) -> None:
    s = services.assessments
    vendor = services.vendors.add_vendor("Borealis Systems", "FI")
    product = services.vendors.add_product(vendor.id, "Borealis Core", "software")
    a = s.create(vendor.id, product.id, tier=1)
    plain = s.questionnaire(a).question_count
    version = s.get(a.id).version
    a = s.set_overlays(a.id, ["eu-nis2", "eu-dora"])
    assert a.version == version + 1  # an edit of the assessment moves its row version (team mode)
    assert a.overlay_ids == ("eu-nis2", "eu-dora")
    merged = s.questionnaire(a)
    assert merged.key == s.bank(a).key and merged.question_count == plain + 4
    assert "NIS2-01" in merged.questions_by_id and "DORA-01" in merged.questions_by_id
    applied = {o.id: o for o in s.applied_overlays(a)}
    assert "NIS2-01" in applied["eu-nis2"].mapped and "VUL-11" in applied["eu-nis2"].mapped
    # Overlay questions are answered and scored like any other.
    s.set_answer(a.id, "NIS2-01", merged.question("NIS2-01").options[0].id)
    assert "NIS2-01" in s.answers(a.id)
    log = [e for e in services.history(a.id) if e.field == "overlays"]
    assert log and "eu-nis2@1.0.0" in (log[-1].new_value or "")
    # Removing one keeps the answer stored but the question no longer counts.
    a = s.set_overlays(a.id, ["eu-dora"])
    assert "NIS2-01" not in s.questionnaire(a).questions_by_id and "NIS2-01" in s.answers(a.id)
    with pytest.raises(NotFoundError):
        s.set_overlays(a.id, ["no-such-overlay"])
    assert s.get(a.id).overlay_ids == ("eu-dora",)  # refused as a whole
    # A reassessment keeps the overlays.
    assert s.reassess(a.id).overlay_ids == ("eu-dora",)
    s.decide(a.id, Decision.APPROVE, justification="test")
    with pytest.raises(ConflictError):
        s.set_overlays(a.id, [])


def test_overlays_chosen_at_creation_and_refused_on_another_bank(services: Any, sample_assessment: Any) -> None:
    s = services.assessments
    with pytest.raises(InvalidInput):
        s.set_overlays(sample_assessment.id, ["eu-nis2"])  # extends the bundled bank, not the sample one
    vendor = services.vendors.add_vendor("Other", "DE")
    product = services.vendors.add_product(vendor.id, "Box", "hardware")
    a = s.create(vendor.id, product.id, overlays=["us-far-889"])
    assert a.overlays == (("us-far-889", services.catalog.overlay("us-far-889").version),)
    assert "FAR-01" in s.questionnaire(a).questions_by_id


def test_overlay_sub_score_counts_only_the_mapped_questions(services: Any) -> None:
    s = services.assessments
    vendor = services.vendors.add_vendor("Borealis Systems", "FI")
    product = services.vendors.add_product(vendor.id, "Borealis Core", "software")
    a = s.create(vendor.id, product.id, tier=1, overlays=["eu-nis2"])
    merged = s.questionnaire(a)
    best = {qid: max((o for o in merged.question(qid).options if o.score is not None),
                     key=lambda o: o.score or 0).id for qid in ("NIS2-01", "NIS2-02")}
    for qid, value in best.items():
        s.set_answer(a.id, qid, value)
    worst = min((o for o in merged.question(REWORD).options if o.score is not None), key=lambda o: o.score or 0)
    s.set_answer(a.id, REWORD, worst.id)  # not mapped by NIS2: must not move its sub-score
    scores = services.scoring.overlay_scores(a.id, AS_OF)
    assert [o.overlay_id for o in scores] == ["eu-nis2"]
    nis2 = scores[0]
    assert nis2.answered == 2 and nis2.applicable == len(nis2.question_ids)
    assert nis2.score is not None and nis2.score > 50
    assert {r.question_id for r in nis2.rows} == set(nis2.question_ids)


def test_existing_assessments_keep_their_pinned_profile_and_score(services: Any, sample_assessment: Any) -> None:
    """An assessment pinned to profile 2.0.0 (as migration 0011 pins existing ones) scores exactly
    as 2.0.0 did; a new one is pinned to the newest version."""
    from trustframe.domain.scoring import score_assessment
    from trustframe.domain.scoring_profile import ScoringProfile

    s = services.assessments
    vendor = services.vendors.add_vendor("Borealis Systems", "FI")
    product = services.vendors.add_product(vendor.id, "Borealis Core", "software")
    a = s.create(vendor.id, product.id, tier=2)
    newest = json.loads((paths.scoring_profiles_dir() / "default.json").read_text(encoding="utf-8"))
    assert a.scoring_profile_version == newest["version"] == "2.1.0"
    for i, q in enumerate(s.applicable_questions(a)):
        if q.options and q.type is AnswerType.SINGLE_CHOICE:
            s.set_answer(a.id, q.id, q.options[i % len(q.options)].id)
    with services.workspace.transaction() as session:
        session.get(AssessmentRow, a.id).scoring_profile_version = "2.0.0"
    old_profile = ScoringProfile.from_dict(json.loads(
        (paths.scoring_profiles_dir() / "default-2.0.0.json").read_text(encoding="utf-8")))
    pinned = s.get(a.id)
    expected = score_assessment(pinned, s.questionnaire(pinned), s.answers(a.id), profile=old_profile, as_of=AS_OF)
    result = services.scoring.score(a.id, AS_OF)
    assert result.overall == expected.overall and result.rating is expected.rating
    assert result.profile_version == "2.0.0"
    with services.workspace.transaction() as session:
        session.get(AssessmentRow, a.id).scoring_profile_version = "2.1.0"
    moved = services.scoring.score(a.id, AS_OF)
    assert moved.profile_version == "2.1.0" and moved.overall != expected.overall
    # The bulk path (register, rescore) uses the pinned version too.
    with services.workspace.transaction() as session:
        session.get(AssessmentRow, a.id).scoring_profile_version = "2.0.0"
    services.scoring.rescore_all(as_of=AS_OF)
    row = next(r for r in services.scoring.register_rows(AS_OF) if r.assessment_id == a.id)
    assert row.score == expected.overall


def test_profile_override_must_cover_every_domain_with_positive_weights(services: Any) -> None:
    scoring = services.scoring
    with pytest.raises(InvalidInput, match="positive"):
        scoring.set_profile_override({"domain_weights": {"ict-supply-chain-trust": {"VUL": 0}}})
    with pytest.raises(InvalidInput, match="has no domain"):
        scoring.set_profile_override({"domain_weights": {"ict-supply-chain-trust": {"XYZ": 1}}})
    with pytest.raises(InvalidInput, match="no weight for domain"):
        scoring.set_profile_override({"domain_weights": {"buyer-readiness": {"BDD": 2}}})
    profile = scoring.set_profile_override({"domain_weights": {"ict-supply-chain-trust": {"VUL": 3}}})
    assert profile.domain_weight("ict-supply-chain-trust", "VUL") == 3
    assert profile.domain_weight("ict-supply-chain-trust", "GOV") == 1.0


def _workbook_rows(path: Path) -> dict[str, dict[str, Any]]:
    import openpyxl

    from trustframe.exchange.excel_model import COLUMN_INDEX, FIRST_DATA_ROW, QUESTIONS_SHEET

    ws = openpyxl.load_workbook(path)[QUESTIONS_SHEET]
    out = {}
    for row in range(FIRST_DATA_ROW, ws.max_row + 1):
        qid = ws.cell(row, COLUMN_INDEX["id"]).value
        if qid:
            out[str(qid)] = {key: ws.cell(row, col).value for key, col in COLUMN_INDEX.items()}
    return out


def test_vendor_workbook_asks_overlay_questions_and_flags_reworded_answers(services: Any, newer: Any,
                                                                          tmp_path: Path) -> None:
    from trustframe.exchange.excel_export import REWORDED_NOTE

    s = services.assessments
    old = _assessment_on(services, OLD)
    old = s.set_overlays(old.id, ["eu-nis2"])
    bank = s.questionnaire(old)
    unchanged = next(q.id for q in s.applicable_questions(old) if q.type is AnswerType.SINGLE_CHOICE
                     and q.id.startswith("SDL"))
    for qid in (REWORD, unchanged, "NIS2-01"):
        s.set_answer(old.id, qid, _single(services, bank, qid))
    buyer_q = services.buyer.module(old.id).sections[0].questions[0]
    services.buyer.set_answer(old.id, buyer_q.id, buyer_q.options[0].id)
    report = s.reassess_report(old.id)
    assert report.assessment.overlay_ids == ("eu-nis2",) and "NIS2-01" in report.carried
    target = tmp_path / "vendor.xlsx"
    services.exchange.export_questionnaire(report.assessment.id, target)
    rows = _workbook_rows(target)
    assert "NIS2-01" in rows and not any(qid.startswith("BUY-") for qid in rows)
    assert REWORDED_NOTE in rows[REWORD]["help"]
    assert REWORDED_NOTE not in rows[unchanged]["help"] and "confirm" in rows[unchanged]["help"]
    # The workbook's own words are translated for the vendor (the bank version here has no German).
    from trustframe.exchange import i18n

    assert "umformuliert" in i18n.catalogue("de").text(REWORDED_NOTE)


def test_a_returned_workbook_answers_overlay_questions(services: Any, tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: shared exchange helpers
    from exchange_support import fill  # the helper that fills a workbook as a vendor would

    s = services.assessments
    vendor = services.vendors.add_vendor("Borealis Systems", "FI")
    product = services.vendors.add_product(vendor.id, "Borealis Core", "software")
    a = s.create(vendor.id, product.id, tier=1, overlays=["eu-nis2"])
    sent = tmp_path / "to-vendor.xlsx"
    services.exchange.export_questionnaire(a.id, sent)
    returned = fill(sent, {"NIS2-01": "accept"})
    preview = services.exchange.preview_import(returned)
    assert preview.assessment_id == a.id and preview.counts["rejected"] == 0
    services.exchange.apply_import(preview)
    assert s.answers(a.id)["NIS2-01"].value == "accept"


def test_demo_assessment_reassessed_from_bank_1_0_to_1_1(services: Any, tmp_path: Path) -> None:
    """Issue 15's acceptance test: a demo assessment moves from bank 1.0 to a (synthetic) 1.1 with
    the expected carried, to-confirm, dropped and to-answer counts."""
    from trustframe.services.context import Services
    from trustframe.services.demo import build_demo
    from trustframe.services.questionnaires import QuestionnaireCatalog

    build_demo(services, today=date(2026, 3, 2))
    # The demo's answers, on bank 1.0.0 (the newest the demo knew).
    demo = max((a for a in services.assessments.list_assessments() if a.questionnaire_version == OLD),
               key=lambda a: len(services.assessments.answers(a.id)))
    answered = {qid for qid, a in services.assessments.answers(demo.id).items() if a.value is not None}
    folder = tmp_path / "bank-1.1"
    folder.mkdir()
    data, dropped = _bank_1_1(BANK.read_text(encoding="utf-8"))
    answered_dropped = next((q["id"] for sec in yaml.safe_load(BANK.read_text(encoding="utf-8"))["sections"]
                             for q in sec["questions"] if q["id"] in answered and q["id"].startswith("OPS")
                             and q["id"] != dropped and BANK.read_text(encoding="utf-8").count(q["id"]) == 1), None)
    for sec in data["sections"]:  # also drop one the demo answered, so "dropped" is not empty
        sec["questions"] = [q for q in sec["questions"] if q["id"] != answered_dropped]
    (folder / "bank-1.1.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    later = Services(services.workspace, QuestionnaireCatalog(services.workspace, extra_dirs=(folder,)), user="tester")
    report = later.assessments.reassess_report(demo.id)
    gone = {dropped, answered_dropped} - {None}
    split = {SPLIT}
    assert report.new_key == f"ict-supply-chain-trust@{NEW}"
    assert set(report.carried) == answered - gone - split - {REWORD}
    assert [q for q, _ in report.confirm] == ([REWORD] if REWORD in answered else [])
    assert set(report.dropped) == answered & gone and report.dropped
    assert report.to_answer == ((SPLIT, PART) if SPLIT in answered else ())
    new_answers = later.assessments.answers(report.assessment.id)
    assert len(new_answers) == len(report.carried) + len(report.confirm)
    assert all(a.to_confirm for a in new_answers.values())


def test_reassessment_from_the_archived_bank_follows_its_real_diff(services: Any) -> None:
    """On the bundled bank and the archived versions it keeps: whatever the newest version split,
    dropped or reworded is handled as its diff says (no synthetic bank here)."""
    from trustframe.domain.bank_diff import carry_plan, diff_banks

    current = services.catalog.get("ict-supply-chain-trust")
    # questionnaires/archive keeps 1.0.0 (the version earlier assessments are pinned to)
    old_version = "1.0.0"
    assert current.version != old_version
    old_bank = services.catalog.get("ict-supply-chain-trust", old_version)
    a = _assessment_on(services, old_version)
    answerable = [q for q in services.assessments.applicable_questions(a) if q.type is AnswerType.SINGLE_CHOICE]
    for q in answerable:
        services.assessments.set_answer(a.id, q.id, q.options[0].id)
    expected = carry_plan(diff_banks(old_bank, current), frozenset(q.id for q in answerable))
    report = services.assessments.reassess_report(a.id)
    assert report.new_key == current.key
    reask = dict(report.reask)
    assert set(report.carried) == set(expected.carry) - set(reask)
    assert dict(report.confirm) == {q: why for q, why in expected.confirm if q not in reask}
    assert set(report.dropped) == set(expected.dropped)
    assert report.to_answer == expected.to_answer
    carried = services.assessments.answers(report.assessment.id)
    assert len(carried) == len(expected.carry) + len(expected.confirm) - len(reask)
    # Every carried value is one the new question accepts; every re-asked one is not.
    from trustframe.domain import answers as answer_values

    old_answers = services.assessments.answers(a.id)
    for qid, answer in carried.items():
        answer_values.normalise(current.questions_by_id[qid], answer.value)
    for qid in reask:
        assert qid not in carried
        with pytest.raises(ValueError):
            answer_values.normalise(current.questions_by_id[qid], old_answers[qid].value)
    assert set(reask) <= set(expected.carry) | {q for q, _ in expected.confirm}
    # Nothing of a split question lands on its parts, and nothing dropped comes along.
    split_sources = {old for old, _ in expected.diff.split}
    assert not (set(carried) & (set(expected.to_answer) | set(expected.dropped)))
    assert all(carried[q].confirm_note for q, _ in expected.confirm if q not in reask)
    if split_sources & {q.id for q in answerable}:
        assert report.to_answer


def test_a_carried_value_the_new_question_no_longer_offers_is_asked_again(services: Any) -> None:
    """Bank 1.1 moved GOV-14 and six other certification questions onto one scale: a 1.0 answer
    such as an option 1.1 no longer has must not be carried as it was (found in review)."""
    current = services.catalog.get("ict-supply-chain-trust")
    old_bank = services.catalog.get("ict-supply-chain-trust", "1.0.0")  # kept in questionnaires/archive
    a = _assessment_on(services, "1.0.0")
    stale = [q for q in services.assessments.applicable_questions(a)
             if q.type is AnswerType.SINGLE_CHOICE and q.id in current.questions_by_id
             and {o.id for o in q.options} - {o.id for o in current.questions_by_id[q.id].options}]
    assert stale, "bank 1.1 changed no options of a kept question"
    question = stale[0]
    gone = sorted({o.id for o in question.options} - {o.id for o in current.questions_by_id[question.id].options})[0]
    services.assessments.set_answer(a.id, question.id, gone)
    report = services.assessments.reassess_report(a.id)
    assert question.id in dict(report.reask)
    assert question.id not in services.assessments.answers(report.assessment.id)
    log = [h for h in services.history(report.assessment.id) if h.field == "reassessment_reask"]
    assert log and question.id in (log[-1].new_value or "")
    assert old_bank.questions_by_id[question.id]


def test_a_reworded_buyer_answer_the_new_module_no_longer_offers_is_asked_again(services: Any,
                                                                                sample_dir: Path) -> None:
    """A buyer question reworded in the newer module whose options changed too: the earlier value
    is asked again, not carried to confirm (the check once looked the confirmed buyer questions up
    by their (id, reason) pairs and so never found them; found by mypy)."""
    buyer = yaml.safe_load(BUYER.read_text(encoding="utf-8"))
    buyer["version"] = NEW_BUYER
    first = buyer["sections"][0]["questions"][0]
    assert first["option_set"] == "done_graded"
    first["option_set"] = "capability"  # no "verified" there; its red flag's "no" and "unknown" remain
    (sample_dir / "buyer-1.1.yaml").write_text(yaml.safe_dump(buyer, allow_unicode=True, sort_keys=False),
                                               encoding="utf-8")
    s = services.assessments
    old = _assessment_on(services, OLD)
    with services.workspace.transaction() as session:
        session.get(AssessmentRow, old.id).buyer_module_version = OLD_BUYER
    buyer_q = services.buyer.module(old.id).sections[0].questions[0]
    assert buyer_q.id == first["id"]
    services.buyer.set_answer(old.id, buyer_q.id, "verified")

    report = s.reassess_report(old.id)
    assert s.get(report.assessment.id).buyer_module_version == NEW_BUYER
    assert buyer_q.id in dict(report.reask)
    assert buyer_q.id not in dict(report.buyer_confirm)
    assert buyer_q.id not in services.buyer.answers(report.assessment.id)
