"""Regulatory overlays (questionnaires/overlays/*.yaml): each validates merged with the bank it
extends, every question it adds cites its article, importance is only ever raised, and a broken
overlay is refused with a message naming what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from trustframe import paths
from trustframe.exchange.overlays import _ARTICLE, _RANK, bundled_overlay_files, check_overlay_file, check_overlay_text
from trustframe.exchange.questionnaire_files import load_questionnaire
from trustframe.exchange.references import check_references

BANK = paths.questionnaires_dir() / "ict-supply-chain-trust.yaml"
OVERLAYS = bundled_overlay_files()


def test_the_regimes_of_the_issue_have_overlays() -> None:
    assert {p.stem for p in OVERLAYS} >= {"eu-nis2", "eu-cra", "eu-dora", "us-far-889", "uk-tsa"}


@pytest.mark.parametrize("path", OVERLAYS, ids=lambda p: p.stem)
def test_overlay_validates_and_cites_its_articles(path: Path) -> None:
    overlay, issues = check_overlay_file(path)
    assert overlay is not None, "\n".join(str(i) for i in issues)
    bank = load_questionnaire(BANK, trusted=True)
    added = list(overlay.questions.iter_questions())
    assert added or overlay.raises or overlay.red_flag_ids, "an overlay must change something"
    assert overlay.merged.question_count == bank.question_count + len(added)
    for q in added:
        assert q.id.startswith(overlay.prefix) and q.id not in bank.questions_by_id
        assert any(_ARTICLE.search(f"{r.clause} {r.standard}") for r in q.references), q.id
        assert q.help and q.guidance.why and q.trace.sources
    for r in overlay.raises:
        before, after = bank.question(r.question_id).importance, overlay.merged.question(r.question_id).importance
        assert after is r.importance and _RANK[after] > _RANK[before]
        assert _ARTICLE.search(r.reason)
    for flag_id in overlay.red_flag_ids:
        assert any(f.id == flag_id for q in overlay.merged.iter_questions() for f in q.red_flags)
    findings = check_references(overlay.questions)
    assert not [f for f in findings if f.severity == "error"]
    assert not [f for f in findings if "not in the standards catalogue" in f.message]


def _broken(replace: tuple[str, str]) -> list[str]:
    text = (paths.questionnaires_dir() / "overlays" / "eu-dora.yaml").read_text(encoding="utf-8")
    assert replace[0] in text
    overlay, issues = check_overlay_text(text.replace(*replace, 1), BANK.read_text(encoding="utf-8"), "dora.yaml")
    assert overlay is None
    return [str(i) for i in issues]


@pytest.mark.parametrize(("replace", "expected"), [
    (("{question: CON-07, importance: critical", "{question: CON-07, importance: standard"), "may only raise importance"),
    (("{question: CON-02,", "{question: CON-99,"), "the bank has no question 'CON-99'"),
    (('clause: "Art. 26"', 'clause: "testing"'), None),  # still cites Art. 30(3): valid, checked below
    (("- id: DORA-02", "- id: XX-02"), "start with 'DORA-'"),
    (("when: {in: [\"no\", declined]}\n    severity: high", "when: {in: [\"never\"]}\n    severity: high"), "never"),
    (("base: ict-supply-chain-trust", "base: other-bank"), "extends 'other-bank'"),
])
def test_a_broken_overlay_is_refused_with_a_clear_message(replace: tuple[str, str], expected: str | None) -> None:
    if expected is None:
        text = (paths.questionnaires_dir() / "overlays" / "eu-dora.yaml").read_text(encoding="utf-8")
        overlay, _ = check_overlay_text(text.replace(*replace, 1), BANK.read_text(encoding="utf-8"))
        assert overlay is not None
        return
    messages = _broken(replace)
    assert any(expected in m for m in messages), messages


def test_an_added_question_without_an_article_is_refused() -> None:
    messages = _broken(('clause: "Art. 30(2)", note: "Description of services', 'clause: "", note: "Description of services'))
    assert any("DORA-02 must cite the article" in m for m in messages), messages


def test_cli_validates_overlays(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from trustframe.cli import main

    for path in OVERLAYS:
        assert main(["questionnaire", "validate", "--references", str(path)]) == 0
    out = capsys.readouterr().out
    assert "overlay for ict-supply-chain-trust@" in out and "0 withdrawn" in out
    bad = tmp_path / "bad.yaml"
    bad.write_text((paths.questionnaires_dir() / "overlays" / "eu-nis2.yaml").read_text(encoding="utf-8")
                   .replace("{question: VUL-11,", "{question: NOPE-1,"), encoding="utf-8")
    assert main(["questionnaire", "validate", str(bad)]) == 1
    assert "the bank has no question 'NOPE-1'" in capsys.readouterr().err


@pytest.mark.parametrize("body", ["raise: [1, 2]\n", "sections: [{questions: [3]}]\n", "red_flags: {a: 1}\n",
                                  "sections: 5\n", "- not a mapping\n"])
def test_a_malformed_overlay_is_one_clear_issue_not_a_crash(body: str) -> None:
    header = ("format: trustframe-overlay/1\nid: x\nversion: '1'\ntitle: t\nbase: ict-supply-chain-trust\n"
              "prefix: X-\nregime: r\n")
    text = body if body.startswith("-") else header + body
    overlay, issues = check_overlay_text(text, BANK.read_text(encoding="utf-8"), "m.yaml")
    assert overlay is None and len(issues) == 1 and issues[0].file == "m.yaml"
