"""Loader and validator: valid files load into domain objects; every kind of broken file is
reported with its location (file, path, line)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from trustframe.domain.conditions import AnswerTest, Op
from trustframe.domain.questionnaire import AnswerType, Importance, QuestionnaireKind
from trustframe.errors import QuestionnaireError
from trustframe.exchange.questionnaire_files import (
    check_questionnaire_file,
    check_questionnaire_text,
    load_questionnaire,
)

HEADER = """\
format: trustframe-questionnaire/1
id: t
version: 1.0.0
title: Test
kind: assessment
"""


def issues_of(body: str) -> list:
    """Validate HEADER + body; return the issues (the questionnaire must be rejected)."""
    q, issues = check_questionnaire_text(HEADER + textwrap.dedent(body), file="t.yaml")
    assert q is None, "expected the file to be rejected"
    assert issues
    return issues


def assert_one_issue(body: str, *needles: str) -> "object":
    issues = issues_of(body)
    matching = [i for i in issues if all(n in i.message or n in i.where for n in needles)]
    assert matching, f"no issue mentions {needles}: {[str(i) for i in issues]}"
    return matching[0]


def test_sample_questionnaire_loads(data_dir: Path) -> None:
    q = load_questionnaire(data_dir / "sample-questionnaire.yaml")
    assert q.key == "sample-trust@1.2.0"
    assert q.kind is QuestionnaireKind.ASSESSMENT
    assert [s.id for s in q.sections] == ["GOV", "VUL", "HW"]
    gov1 = q.question("GOV-01")
    assert gov1.importance is Importance.HIGH
    assert gov1.option_ids == ("verified", "documented", "partial", "no", "declined", "na")
    assert gov1.option("na").not_applicable and gov1.option("na").score is None
    assert gov1.red_flags[0].when == AnswerTest("GOV-01", Op.IN, ("no", "declined"))
    # yes_no without options gets the default set
    assert q.question("VUL-01").type is AnswerType.YES_NO
    assert q.question("VUL-01").option_ids == ("yes", "partial", "no", "na")
    # show_if and bands
    assert q.question("VUL-02").show_if is not None
    assert [b.score for b in q.question("VUL-02").bands] == [1.0, 0.6, 0.3, 0.0]
    assert q.question("VUL-03").applies_to.tiers == frozenset({1, 2})
    assert q.sources[0].id == "ewi-bg-2016"


def test_minimal_example_from_the_docs_is_valid() -> None:
    doc = Path(__file__).resolve().parents[2] / "docs" / "questionnaire-format.md"
    text = doc.read_text(encoding="utf-8")
    example = text.split("## A minimal example", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]
    q, issues = check_questionnaire_text(example)
    assert q is not None, [str(i) for i in issues]
    assert q.question("VUL-01").option("no").score == 0.0


def test_yaml_syntax_error_has_line() -> None:
    issue = assert_one_issue("sections:\n  - id: A\n    title: [unclosed\n", "not valid YAML")
    assert issue.line is not None and issue.line >= 8


def test_unknown_key_is_reported_with_line() -> None:
    issue = assert_one_issue(
        """\
        sections:
          - id: A
            title: A
            questions:
              - id: A-1
                text: Q
                type: yes_no
                colour: red
        """, "unknown key", "colour")
    assert issue.where == "sections[0].questions[0].colour"
    assert issue.line == 13
    assert str(issue).startswith("t.yaml:13: sections[0].questions[0].colour: unknown key")


def test_duplicate_question_id() -> None:
    issue = assert_one_issue(
        """\
        sections:
          - id: A
            title: A
            questions:
              - {id: A-1, text: One, type: yes_no}
              - {id: A-1, text: Two, type: yes_no}
        """, "duplicate question id 'A-1'")
    assert issue.line == 11
    assert "first used at line 10" in issue.message


def test_duplicate_mapping_key() -> None:
    issue = assert_one_issue(
        """\
        sections:
          - id: A
            id: B
            title: A
            questions:
              - {id: A-1, text: One, type: yes_no}
        """, "duplicate key 'id'")
    assert issue.line == 8


def test_reference_to_missing_question() -> None:
    issue = assert_one_issue(
        """\
        sections:
          - id: A
            title: A
            questions:
              - {id: A-1, text: One, type: yes_no, show_if: {question: NOPE, equals: "yes"}}
        """, "question 'NOPE' does not exist")
    assert issue.where.startswith("sections[0].questions[0].show_if")


def test_cyclic_conditions() -> None:
    issue = assert_one_issue(
        """\
        sections:
          - id: A
            title: A
            questions:
              - {id: A-1, text: One, type: yes_no, show_if: {question: A-2, equals: "yes"}}
              - {id: A-2, text: Two, type: yes_no, show_if: {question: A-3, equals: "yes"}}
              - {id: A-3, text: Three, type: yes_no, show_if: {question: A-1, equals: "yes"}}
        """, "cycle")
    assert "A-1" in issue.message and "A-2" in issue.message and "A-3" in issue.message


def test_self_referencing_condition() -> None:
    assert_one_issue(
        """\
        sections:
          - id: A
            title: A
            questions:
              - {id: A-1, text: One, type: yes_no, show_if: {question: A-1, equals: "yes"}}
        """, "its own answer")


def test_score_out_of_range() -> None:
    issue = assert_one_issue(
        """\
        sections:
          - id: A
            title: A
            questions:
              - id: A-1
                text: One
                type: single_choice
                options:
                  - {id: good, label: Good, score: 1.5}
                  - {id: bad, label: Bad, score: 0}
        """, "greater than the maximum")
    assert issue.where == "sections[0].questions[0].options[0].score"
    assert issue.line == 14


def test_red_flag_on_missing_option() -> None:
    issue = assert_one_issue(
        """\
        sections:
          - id: A
            title: A
            questions:
              - id: A-1
                text: One
                type: single_choice
                options:
                  - {id: good, label: Good, score: 1}
                  - {id: bad, label: Bad, score: 0}
                red_flags:
                  - {id: RF-1, when: {in: [terrible]}, severity: high, title: T, rationale: R, mitigation: M}
        """, "option 'terrible' does not exist", "A-1")
    assert "options: good, bad" in issue.message
    assert issue.where.startswith("sections[0].questions[0].red_flags[0].when")


def test_yaml_boolean_used_as_option_id() -> None:
    issue = assert_one_issue(
        """\
        sections:
          - id: A
            title: A
            questions:
              - id: A-1
                text: One
                type: single_choice
                options:
                  - {id: no, label: "No", score: 0}
        """, "YAML boolean")
    assert '"no"' in issue.message


def test_missing_required_key_and_bad_enum() -> None:
    issues = issues_of(
        """\
        sections:
          - id: A
            title: A
            questions:
              - {id: A-1, type: yes_no, importance: urgent}
        """)
    messages = " | ".join(i.message for i in issues)
    assert "'text' is required here" in messages
    assert "'urgent' is not one of" in messages


def test_bad_version_and_format() -> None:
    q, issues = check_questionnaire_text(
        "format: trustframe-questionnaire/9\nid: t\nversion: one\ntitle: T\nkind: assessment\n"
        "sections: [{id: A, title: A, questions: [{id: A-1, text: Q, type: yes_no}]}]\n", file="v.yaml")
    assert q is None
    wheres = {i.where for i in issues}
    assert {"format", "version"} <= wheres


def test_choice_question_without_options() -> None:
    assert_one_issue(
        """\
        sections:
          - id: A
            title: A
            questions:
              - {id: A-1, text: Pick one, type: single_choice}
        """, "needs 'options'")


def test_unknown_option_set() -> None:
    assert_one_issue(
        """\
        sections:
          - id: A
            title: A
            questions:
              - {id: A-1, text: Pick one, type: single_choice, option_set: graded}
        """, "option set 'graded' is not defined")


def test_operator_does_not_fit_question_type() -> None:
    assert_one_issue(
        """\
        sections:
          - id: A
            title: A
            questions:
              - {id: A-1, text: Days, type: number}
              - {id: A-2, text: Next, type: yes_no, show_if: {question: A-1, equals: "yes"}}
        """, "is a number question")


def test_overlapping_bands() -> None:
    assert_one_issue(
        """\
        sections:
          - id: A
            title: A
            questions:
              - id: A-1
                text: Days
                type: number
                bands: [{max: 30, score: 1}, {min: 20, score: 0}]
        """, "bands overlap")


def test_unknown_trace_source() -> None:
    assert_one_issue(
        """\
        sections:
          - id: A
            title: A
            questions:
              - {id: A-1, text: Q, type: yes_no, trace: {sources: [nowhere]}}
        """, "source 'nowhere' is not listed")


def test_profile_needs_tiering_and_weights() -> None:
    q, issues = check_questionnaire_text(
        "format: trustframe-questionnaire/1\nid: p\nversion: 1.0.0\ntitle: P\nkind: profile\n"
        "sections: [{id: A, title: A, questions: [{id: P-1, text: Q, type: yes_no}]}]\n", file="p.yaml")
    assert q is None
    messages = " | ".join(i.message for i in issues)
    assert "needs a 'tiering' block" in messages
    assert "needs a 'weight'" in messages


def test_alias_expansion_bomb_is_refused() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    q, issues = check_questionnaire_text("\n".join(lines) + "\n", file="bomb.yaml")
    assert q is None
    assert any("more than" in i.message and "nodes" in i.message for i in issues)


def test_not_a_mapping_and_empty_and_not_utf8(tmp_path: Path) -> None:
    q, issues = check_questionnaire_text("- just\n- a list\n")
    assert q is None and "top level must be a mapping" in issues[0].message
    q, issues = check_questionnaire_text("")
    assert q is None and "empty" in issues[0].message
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("title: caf\xe9\n".encode("latin-1"))
    q, issues = check_questionnaire_file(bad)
    assert q is None and "not UTF-8" in issues[0].message


def test_file_too_large_is_refused_without_parsing(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (5 * 1024 * 1024 + 10))
    q, issues = check_questionnaire_file(big)
    assert q is None and "larger than 5 MB" in issues[0].message


def test_load_raises_with_all_issues(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(HEADER + "sections:\n  - {id: A, title: A, questions: [{id: A-1, text: Q, type: yes_no, x: 1},"
                    " {id: A-1, text: Q, type: yes_no, y: 2}]}\n", encoding="utf-8")
    with pytest.raises(QuestionnaireError) as info:
        load_questionnaire(path)
    assert len(info.value.issues) >= 2
    assert "broken.yaml is not a valid questionnaire" in str(info.value)


def test_schema_and_semantic_problems_are_reported_in_one_pass() -> None:
    issues = issues_of(
        """\
        sections:
          - id: A
            title: A
            questions:
              - id: A-1
                text: One
                type: single_choice
                colour: red
                options:
                  - {id: good, label: Good, score: 1.4}
                  - {id: bad, label: Bad, score: 0}
                red_flags:
                  - {id: RF-1, when: {in: [terrible]}, severity: high, title: T, rationale: R, mitigation: M}
              - {id: A-1, text: Two, type: yes_no}
        """)
    messages = " | ".join(i.message for i in issues)
    assert "unknown key" in messages and "greater than the maximum" in messages
    assert "duplicate question id 'A-1'" in messages
    assert "option 'terrible' does not exist" in messages
    assert [i.line for i in issues] == sorted(i.line for i in issues)
