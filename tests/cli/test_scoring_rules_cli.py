"""Issue 14 through the services and the CLI: N/A acceptance (rule 3), bounded inputs (rule 6),
per-rule reasons in ``assessment score --json``, and ``portfolio rescore`` old vs new."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trustframe.cli import main
from trustframe.services.context import Services
from trustframe.services.vendors import InvalidInput
from trustframe.storage.orm import ScoreSnapshotRow


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def ws(tmp_path: Path) -> tuple[str, int]:
    """One software assessment of the bundled bank: two N/A answers (one with a reason)."""
    path = tmp_path / "rules.tfw"
    with Services.open(path, user="tester") as s:
        v = s.vendors.add_vendor("Acme", "GB")
        p = s.vendors.add_product(v.id, "Acme Cloud", "software")
        a = s.assessments.create(v.id, p.id)
        na = [q for q in s.assessments.applicable_questions(a)
              if any(o.not_applicable for o in q.options) and q.show_if is None][:2]
        for i, q in enumerate(na):
            option = next(o.id for o in q.options if o.not_applicable)
            s.assessments.set_answer(a.id, q.id, option, comment="We ship no hardware." if i == 0 else "")
        return str(path), a.id


def test_na_is_a_gap_until_accepted_with_a_reason(capsys: pytest.CaptureFixture[str], ws: tuple[str, int]) -> None:
    path, a = ws
    with Services.open(Path(path), user="reviewer") as s:
        items = s.assessments.not_applicable_answers(a)
        assert len(items) == 2 and not any(i.accepted for i in items)
        with_reason, without = items
        before = s.scoring.score(a)
        assert with_reason.question_id in before.gaps
        with pytest.raises(InvalidInput, match=f"{without.question_id}.*without a reason"):
            s.assessments.accept_not_applicable(a, [with_reason.question_id, without.question_id], "Agreed")
        # all or nothing: the valid one was not accepted either
        assert not any(i.accepted for i in s.assessments.not_applicable_answers(a))
        with pytest.raises(InvalidInput, match="reason"):
            s.assessments.accept_not_applicable(a, [with_reason.question_id], "  ")
    code, out, _ = run(capsys, "--workspace", path, "assessment", "accept-na", str(a), "--all",
                       "--reason", "Software only, confirmed by the architect")
    assert code == 0 and with_reason.question_id in out
    with Services.open(Path(path), user="reviewer") as s:
        after = s.scoring.score(a)
        assert with_reason.question_id not in after.gaps and without.question_id in after.gaps
        assert len(after.gaps) == len(before.gaps) - 1
        accepted = {i.question_id: i for i in s.assessments.not_applicable_answers(a)}
        assert accepted[with_reason.question_id].accepted_by == "tester"
        # a changed answer needs a new acceptance
        q = with_reason.question_id
        question = s.catalog.get("ict-supply-chain-trust").question(q)
        s.assessments.set_answer(a, q, next(o.id for o in question.options if o.score == 0.0))
        s.assessments.set_answer(a, q, next(o.id for o in question.options if o.not_applicable))
        assert q in s.scoring.score(a).gaps
    code, out, _ = run(capsys, "--workspace", path, "assessment", "na", str(a), "--json")
    assert code == 0 and all(not item["accepted"] for item in json.loads(out))


def test_out_of_range_numbers_and_exclusive_options_are_refused_by_the_cli(
        capsys: pytest.CaptureFixture[str], ws: tuple[str, int]) -> None:
    path, a = ws
    code, _out, err = run(capsys, "--workspace", path, "answer", str(a), "VUL-05", "-3")
    assert code != 0 and "VUL-05" in err and "out of range" in err
    code, _out, err = run(capsys, "--workspace", path, "answer", str(a), "VUL-05", "99999")
    assert code != 0 and "out of range" in err
    code, _out, err = run(capsys, "--workspace", path, "answer", str(a), "SDL-05", "sast, none")
    assert code != 0 and "cannot be combined" in err
    code, _out, _err = run(capsys, "--workspace", path, "answer", str(a), "VUL-05", "5")
    assert code == 0


def test_score_json_gives_machine_readable_reasons_per_rule(capsys: pytest.CaptureFixture[str],
                                                             ws: tuple[str, int]) -> None:
    path, a = ws
    code, out, _ = run(capsys, "--workspace", path, "assessment", "score", str(a), "--json")
    assert code == 0
    data = json.loads(out)
    rules = {r["rule"]: r for r in data["rules"]}
    assert {"knock_out", "withheld_knock_out", "not_applicable", "flag_accumulation", "evidence_fit",
            "input_bounds", "conditions"} <= set(rules)
    # nearly nothing answered: the knock-out questions are withheld (unanswered)
    assert rules["withheld_knock_out"]["fired"] and rules["withheld_knock_out"]["question_ids"]
    assert rules["not_applicable"]["fired"] and len(rules["not_applicable"]["question_ids"]) == 2
    assert data["profile_version"] and data["profile_version"] in data["profile_id"]


def test_portfolio_rescore_previews_old_against_new_and_counts_changes(
        capsys: pytest.CaptureFixture[str], ws: tuple[str, int]) -> None:
    path, a = ws
    code, out, _ = run(capsys, "--workspace", path, "portfolio", "rescore")
    assert code == 0 and "ratings change" in out
    # Pretend the stored score came from an older profile with another rating.
    with Services.open(Path(path), user="tester") as s:
        with s.workspace.transaction() as session:
            row = session.query(ScoreSnapshotRow).filter_by(assessment_id=a).order_by(ScoreSnapshotRow.id.desc()).first()
            assert row.profile_version == s.scoring.profile.version  # stored with the version
            row.rating, row.profile_id, row.profile_version = "low", "default@1.0.0#old", "1.0.0"
    code, out, _ = run(capsys, "--workspace", path, "portfolio", "rescore", "--dry-run", "--json")
    data = json.loads(out)
    assert code == 0 and data["dry_run"] and data["ratings_changed"] == 1 and data["saved"] is None
    change = data["changes"][0]
    assert change["old_rating"] == "low" and change["old_profile"] == "default@1.0.0#old"
    assert change["new_rating"] != "low"
    code, out, _ = run(capsys, "--workspace", path, "portfolio", "rescore", "--dry-run")
    assert "1 of 1 ratings change" in out and "Dry run: nothing saved." in out
    with Services.open(Path(path), user="tester") as s, s.workspace.reading() as session:
        assert session.query(ScoreSnapshotRow).filter_by(assessment_id=a).order_by(
            ScoreSnapshotRow.id.desc()).first().rating == "low"
    code, out, _ = run(capsys, "--workspace", path, "portfolio", "rescore")
    assert code == 0 and "1 of 1 ratings change" in out and "saved" in out
    code, out, _ = run(capsys, "--workspace", path, "portfolio", "rescore", "--dry-run")
    assert "0 of 1 ratings change" in out
