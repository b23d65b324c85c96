"""Question-bank translation overlays: complete for German, validated against the bank (every
id covered, no extra ids), applied without touching ids or scores, gaps shown in English."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from trustframe.domain.translation import QuestionnaireTranslation, QuestionText, coverage_issues, translate
from trustframe.exchange import questionnaire_translations as qt
from trustframe.exchange.questionnaire_files import bundled_questionnaire_files, load_questionnaire

BUNDLED = {p.stem: load_questionnaire(p, trusted=True) for p in bundled_questionnaire_files()}


@pytest.mark.parametrize("key", sorted(BUNDLED))
def test_every_bundled_questionnaire_is_completely_translated_to_german(key: str) -> None:
    questionnaire = BUNDLED[key]
    assert "de" in qt.languages_for(questionnaire)
    issues = qt.check_translations(questionnaire)
    assert not issues, "\n".join(str(i) for i in issues[:20])


def german(key: str) -> QuestionnaireTranslation:
    overlay = qt.overlay_for(BUNDLED[key], "de")
    assert overlay is not None
    return overlay


def test_a_missing_question_is_reported_and_shown_in_english() -> None:
    bank = BUNDLED["ict-supply-chain-trust"]
    overlay = german("ict-supply-chain-trust")
    for question in bank.iter_questions():
        trimmed = dataclasses.replace(overlay, questions={k: v for k, v in overlay.questions.items() if k != question.id})
        gaps = coverage_issues(bank, trimmed)
        assert any(g.where == f"questions.{question.id}" and not g.extra for g in gaps)
        shown = translate(bank, trimmed).question(question.id)
        assert shown.text == question.text  # falls back to English, visibly listed above


def test_an_extra_id_is_an_error() -> None:
    bank = BUNDLED["ict-supply-chain-trust"]
    overlay = german("ict-supply-chain-trust")
    extra = dataclasses.replace(overlay, questions={**overlay.questions, "NOPE-99": QuestionText(text="x")},
                                sections={**overlay.sections, "ZZZ": {"title": "x"}},
                                option_labels={**overlay.option_labels, "Never offered": "Nie"})
    extras = {g.where for g in coverage_issues(bank, extra) if g.extra}
    assert {"questions.NOPE-99", "sections.ZZZ", "options.'Never offered'"} <= extras


def test_every_option_and_guidance_field_must_be_covered() -> None:
    bank = BUNDLED["ict-supply-chain-trust"]
    overlay = german("ict-supply-chain-trust")
    question = next(q for q in bank.iter_questions() if q.options and q.guidance.why)
    words = overlay.questions[question.id]
    option = question.options[0]
    labels = {k: v for k, v in overlay.option_labels.items() if k != option.label}
    broken = dataclasses.replace(overlay, option_labels=labels, questions={
        **overlay.questions, question.id: dataclasses.replace(words, guidance={**words.guidance, "why": ""})})
    wheres = {g.where for g in coverage_issues(bank, broken)}
    assert f"questions.{question.id}.guidance.why" in wheres
    assert f"questions.{question.id}.options.{option.id}" in wheres


@pytest.mark.parametrize("key", sorted(BUNDLED))
def test_translation_changes_words_only(key: str) -> None:
    english = BUNDLED[key]
    shown = qt.in_language(english, "de")
    assert shown.language == "de"
    assert [q.id for q in shown.iter_questions()] == [q.id for q in english.iter_questions()]
    for a, b in zip(english.iter_questions(), shown.iter_questions()):
        assert (a.type, a.importance, a.applies_to, a.show_if, a.weight) == (b.type, b.importance, b.applies_to,
                                                                            b.show_if, b.weight)
        assert [(o.id, o.score, o.not_applicable) for o in a.options] == [(o.id, o.score, o.not_applicable)
                                                                          for o in b.options]
        assert [(f.id, f.when, f.severity) for f in a.red_flags] == [(f.id, f.when, f.severity) for f in b.red_flags]
        assert b.text != a.text


def test_german_option_labels_map_back_to_the_same_ids() -> None:
    bank = BUNDLED["ict-supply-chain-trust"]
    aliases = qt.label_aliases(bank)
    shown = qt.in_language(bank, "de")
    for question in shown.iter_questions():
        for option in question.options:
            assert aliases[question.id][option.label.casefold()] == option.id


def test_an_unknown_language_is_refused_with_the_available_ones() -> None:
    with pytest.raises(Exception, match="available: en, de"):
        qt.in_language(BUNDLED["ict-supply-chain-trust"], "xx")


@pytest.mark.parametrize("text,message", [
    ("- a list", "mapping"),
    ("format: other/1\nquestionnaire: q\nversion: '1'\nlanguage: de\n", "format must be"),
    ("format: trustframe-questionnaire-translation/1\nversion: '1'\nlanguage: de\n", "questionnaire is missing"),
    ("format: trustframe-questionnaire-translation/1\nquestionnaire: q\nversion: '1'\nlanguage: de\n"
     "questions: {A-1: {text: [1, 2]}}\n", "expected text"),
    ("format: trustframe-questionnaire-translation/1\nquestionnaire: q\nversion: '1'\nlanguage: de\n"
     "questions: {A-1: {colour: red}}\n", "unknown field"),
    ("a: [unclosed", "not valid YAML"),
])
def test_broken_overlays_are_refused_with_a_reason(text: str, message: str) -> None:
    overlay, issues = qt.parse_overlay(text, "x.yaml")
    assert overlay is None
    assert any(message in i.message for i in issues), issues


def test_validate_warns_about_untranslated_items(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    # A copy of the German overlay without one question: `questionnaire validate` still passes
    # (English is shown) but lists the gap as a warning.
    source = qt.overlay_path("ict-supply-chain-trust", BUNDLED["ict-supply-chain-trust"].version, "de")
    folder = tmp_path / "translations" / "de"
    folder.mkdir(parents=True)
    text = source.read_text(encoding="utf-8").replace("  GOV-02:\n", "  GOV-02-REMOVED:\n", 1)
    (folder / source.name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(qt, "translations_dir", lambda: tmp_path / "translations")
    from trustframe.cli import main

    code = main(["questionnaire", "validate", str(BUNDLED["ict-supply-chain-trust"].origin or
                                                  bundled_questionnaire_files()[1])])
    err = capsys.readouterr().err
    assert "GOV-02" in err and "not translated" in err
    assert "no question GOV-02-REMOVED" in err and code == 1  # the renamed id is extra: an error


#: Glossary terms the question bank uses in the glossary's sense (others, such as "scope" or
#: "condition", mean a certificate's scope or a contract's conditions there).
BANK_TERMS = ("vendor", "tier", "evidence", "product", "knock-out", "pillar", "comment")


def test_bank_uses_the_glossary_terms() -> None:
    import re

    from trustframe.exchange.reports_language import bank_pairs

    glossary = {}
    folder = qt.paths.resources_dir() / "translations"
    for line in (folder / "glossary_de.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            english, _german, match = line.split("\t")[:3]
            glossary[english] = match
    bank = BUNDLED["ict-supply-chain-trust"]
    top = {bank.title, bank.description, bank.disclaimer}  # these quote English report titles
    pairs = [(e, d) for e, d in bank_pairs(bank, "de") if e and d and e not in top]
    for term in BANK_TERMS:
        word = re.compile(r"\b" + re.escape(term) + r"(s|es)?\b", re.IGNORECASE)
        offenders = [d for e, d in pairs if word.search(e) and glossary[term] not in d.casefold()]
        assert not offenders, (term, offenders[:3])


def test_every_kept_bank_version_keeps_its_complete_german_translation() -> None:
    """Assessments pinned to an earlier bank version (archived in questionnaires/archive) are
    still shown in German: each archived version has its own complete overlay."""
    from trustframe.exchange.questionnaire_files import archived_questionnaire_files

    archived = [load_questionnaire(p, trusted=True) for p in archived_questionnaire_files()]
    assert any(q.key == "ict-supply-chain-trust@1.0.0" for q in archived)
    for questionnaire in archived:
        assert "de" in qt.languages_for(questionnaire), questionnaire.key
        assert not qt.check_translations(questionnaire), questionnaire.key


def test_german_bank_1_1_covers_the_new_and_split_questions() -> None:
    """The questions bank 1.1 added (splits, AI/ML, post-quantum, firmware, end of support) have
    German text, help and options, and the German of reworded questions follows the new English
    (stale 1.0 wording would pass the completeness check, so it is checked here)."""
    bank = BUNDLED["ict-supply-chain-trust"]
    shown = qt.in_language(bank, "de")
    for qid in ("GOV-15", "GOV-18", "OWN-14", "OWN-16", "SBD-17", "SBD-20", "TRN-15", "TRN-17", "ASR-16",
                "VUL-17", "VUL-18", "VUL-19", "RES-16", "RES-17"):
        q = shown.question(qid)
        assert q.text != bank.question(qid).text and q.help != bank.question(qid).help, qid
        for o, english in zip(q.options, bank.question(qid).options):
            assert o.label != english.label, (qid, o.id)
    assert "VUL-17" in shown.question("VUL-13").text
    assert "Art. 9" in shown.question("OWN-10").help and "Namen" in shown.question("OWN-10").help
    assert "Zertifizierungsskala" in shown.question("ASR-14").help
    assert shown.question("GOV-18").option("current_accredited").label.startswith("Ja: gültig")
