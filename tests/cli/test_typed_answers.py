"""One parser for typed answers: the CLI (``answer A Q TEXT``) and a returned vendor workbook
accept exactly the same text, with the same result and the same message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trustframe import paths
from trustframe.cli import main
from trustframe.domain.answers import AnswerValueError
from trustframe.domain.questionnaire import Question, Questionnaire
from trustframe.exchange.excel_import import parse_answer
from trustframe.exchange.questionnaire_files import load_questionnaire
from trustframe.exchange.questionnaire_translations import overlay_for

#: (question id, typed text). GOV-15 single choice, SDL-05 multiple choice, VUL-05 number in
#: days, ASR-05 date, VUL-13 free text (questionnaires/ict-supply-chain-trust.yaml).
TYPED: list[tuple[str, str]] = [
    ("GOV-15", "declined"), ("GOV-15", "DECLINED"), ("GOV-15", "perhaps"), ("GOV-15", "  "),
    ("SDL-05", "sast; sca"), ("SDL-05", "SAST,fuzz"), ("SDL-05", "sast\ndast"),
    ("SDL-05", "Static analysis of source code (SAST); fuzz"), ("SDL-05", "sast; bogus"),
    ("SDL-05", "none; sast"),
    ("VUL-05", "30"), ("VUL-05", "30 days"), ("VUL-05", "2.5"), ("VUL-05", "soon"), ("VUL-05", "-5"),
    ("ASR-05", "2026-02-01"), ("ASR-05", "next week"),
    ("VUL-13", "  Reviewed yearly by internal audit.  "), ("VUL-13", "x" * 10_001),
]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def bank() -> Questionnaire:
    return load_questionnaire(paths.questionnaires_dir() / "ict-supply-chain-trust.yaml", trusted=True)


@pytest.fixture
def workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    ws = str(tmp_path / "typed.tfw")
    assert _run(capsys, "--workspace", ws, "vendor", "add", "Acme")[0] == 0
    assert _run(capsys, "--workspace", ws, "product", "add", "Acme", "Gateway", "--category", "software")[0] == 0
    assert _run(capsys, "--workspace", ws, "assessment", "create", "--vendor", "Acme", "--product", "Gateway")[0] == 0
    return ws


def _excel(question: Question, text: str) -> tuple[object, str]:
    try:
        return parse_answer(question, text), ""
    except AnswerValueError as exc:
        return None, str(exc)


def _translated_rows(bank: Questionnaire) -> list[tuple[str, str]]:
    """GOV-15 typed with the German label of its first option (as a German workbook returns it)."""
    overlay = overlay_for(bank, "de")
    assert overlay is not None
    question = bank.questions_by_id["GOV-15"]
    label = overlay.option_label(question.id, question.options[0])
    assert label and label.casefold() != question.options[0].label.casefold()
    return [("GOV-15", label)]


def test_cli_and_workbook_accept_the_same_typed_answers(capsys: pytest.CaptureFixture[str], workspace: str,
                                                        bank: Questionnaire) -> None:
    accepted = refused = 0
    for qid, text in TYPED + _translated_rows(bank):
        question = bank.questions_by_id[qid]
        expected, message = _excel(question, text)
        code, out, err = _run(capsys, "--workspace", workspace, "--json", "answer", "1", qid, text)
        if message:
            refused += 1
            assert code == 1, (qid, text, out)
            assert message in err, (qid, text, err)
        else:
            accepted += 1
            assert code == 0, (qid, text, err)
            assert json.loads(out)["value"] == expected, (qid, text)
    assert accepted >= 10 and refused >= 6  # the table exercises both outcomes
