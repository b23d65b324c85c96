"""A questionnaire in another language: the translation overlay and applying it.

A question bank is written once, in English, and stays the one source of ids, scores, rules and
traces. A translation overlay carries only the words of one language for one questionnaire
version: titles, question texts, help, guidance, option labels and red-flag texts, keyed by id.
:func:`translate` returns the questionnaire with those words put in; whatever the overlay lacks
stays English, and :func:`coverage_issues` lists it, so a gap is visible rather than silent.

Option labels are translated by their English label (``"Yes" -> "Ja"``), once for every question
that uses it, with optional per-question overrides by option id; a label means the same thing
wherever it appears, and the workbook import maps a label of any language back to the same id.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from trustframe.domain.questionnaire import Guidance, Option, Question, Questionnaire, RedFlagRule

#: Question fields an overlay translates, besides guidance, options and red flags.
QUESTION_FIELDS = ("text", "help")
GUIDANCE_FIELDS = ("why", "good_evidence", "weak_answer")
RED_FLAG_FIELDS = ("title", "rationale", "mitigation", "contract_clause")
SECTION_FIELDS = ("title", "description")
TOP_FIELDS = ("title", "description", "disclaimer")


@dataclass(frozen=True)
class QuestionText:
    """One question's words in the overlay language (empty = not translated)."""

    text: str = ""
    help: str = ""
    guidance: Mapping[str, str] = field(default_factory=dict)
    #: option id -> label, overriding the shared label translation for this question only.
    options: Mapping[str, str] = field(default_factory=dict)
    #: red-flag id -> field -> text.
    red_flags: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class QuestionnaireTranslation:
    """The words of one language for one questionnaire version."""

    questionnaire_id: str
    version: str
    language: str
    top: Mapping[str, str] = field(default_factory=dict)
    #: English option label -> label in this language.
    option_labels: Mapping[str, str] = field(default_factory=dict)
    #: section id -> field -> text.
    sections: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    questions: Mapping[str, QuestionText] = field(default_factory=dict)
    #: English reason of a profile's tier escalation -> reason in this language.
    tier_reasons: Mapping[str, str] = field(default_factory=dict)

    def option_label(self, question_id: str, option: Option) -> str:
        """The translated label of ``option`` of a question ("" when there is none)."""
        own = self.questions.get(question_id)
        if own is not None and own.options.get(option.id):
            return own.options[option.id]
        return self.option_labels.get(option.label, "")


@dataclass(frozen=True)
class Gap:
    """Something the overlay does not translate (``extra`` = something it names that does not exist)."""

    where: str
    message: str
    extra: bool = False


def _pick(translated: str, english: str) -> str:
    return translated.strip() if translated and translated.strip() else english


def translate(questionnaire: Questionnaire, translation: QuestionnaireTranslation) -> Questionnaire:
    """``questionnaire`` with the overlay's words in place; untranslated text stays English.

    Ids, scores, conditions and traces are untouched, so answers, scores and exchanges made in
    one language hold in every other.
    """
    sections = []
    for section in questionnaire.sections:
        words = translation.sections.get(section.id, {})
        questions = tuple(_translate_question(q, translation) for q in section.questions)
        sections.append(dataclasses.replace(
            section, title=_pick(words.get("title", ""), section.title),
            description=_pick(words.get("description", ""), section.description), questions=questions))
    top = translation.top
    tiering = questionnaire.tiering
    if tiering is not None:
        tiering = dataclasses.replace(tiering, escalations=tuple(
            dataclasses.replace(e, reason=_pick(translation.tier_reasons.get(e.reason, ""), e.reason))
            for e in tiering.escalations))
    return dataclasses.replace(
        questionnaire, sections=tuple(sections), language=translation.language, tiering=tiering,
        title=_pick(top.get("title", ""), questionnaire.title),
        description=_pick(top.get("description", ""), questionnaire.description),
        disclaimer=_pick(top.get("disclaimer", ""), questionnaire.disclaimer))


def _translate_question(question: Question, translation: QuestionnaireTranslation) -> Question:
    words = translation.questions.get(question.id, QuestionText())
    guidance = Guidance(**{name: _pick(words.guidance.get(name, ""), getattr(question.guidance, name))
                           for name in GUIDANCE_FIELDS})
    options = tuple(dataclasses.replace(o, label=_pick(translation.option_label(question.id, o), o.label))
                    for o in question.options)
    flags = []
    for flag in question.red_flags:
        texts = words.red_flags.get(flag.id, {})
        changes: dict[str, Any] = {name: _pick(texts.get(name, ""), getattr(flag, name)) for name in RED_FLAG_FIELDS}
        flags.append(dataclasses.replace(flag, **changes))
    return dataclasses.replace(question, text=_pick(words.text, question.text), help=_pick(words.help, question.help),
                               guidance=guidance, options=options, red_flags=tuple(flags))


def coverage_issues(questionnaire: Questionnaire, translation: QuestionnaireTranslation) -> list[Gap]:
    """Every English text the overlay leaves untranslated, and every id it names that the
    questionnaire does not have (those are ``extra``)."""
    gaps: list[Gap] = []
    if (translation.questionnaire_id, translation.version) != (questionnaire.id, questionnaire.version):
        gaps.append(Gap("", f"the overlay is for {translation.questionnaire_id}@{translation.version}, "
                            f"not {questionnaire.key}", extra=True))
    for name in TOP_FIELDS:
        if getattr(questionnaire, name) and not translation.top.get(name, "").strip():
            gaps.append(Gap(name, f"{name} is not translated"))
    known_sections = questionnaire.sections_by_id
    for section_id in translation.sections:
        if section_id not in known_sections:
            gaps.append(Gap(f"sections.{section_id}", f"there is no section {section_id}", extra=True))
    for section in questionnaire.sections:
        words = translation.sections.get(section.id, {})
        for name in SECTION_FIELDS:
            if getattr(section, name) and not words.get(name, "").strip():
                gaps.append(Gap(f"sections.{section.id}.{name}", f"section {section.id} {name} is not translated"))
    questions = questionnaire.questions_by_id
    for qid in translation.questions:
        if qid not in questions:
            gaps.append(Gap(f"questions.{qid}", f"there is no question {qid}", extra=True))
    used_labels: set[str] = set()
    for question in questionnaire.iter_questions():
        gaps.extend(_question_gaps(question, translation, used_labels))
    reasons = {e.reason for e in questionnaire.tiering.escalations} if questionnaire.tiering else set()
    for reason in sorted(reasons):
        if not translation.tier_reasons.get(reason, "").strip():
            gaps.append(Gap("tier_reasons", f"tier escalation reason {reason!r} is not translated"))
    for reason in translation.tier_reasons:
        if reason not in reasons:
            gaps.append(Gap("tier_reasons", f"no tier escalation has the reason {reason!r}", extra=True))
    for label in translation.option_labels:
        if label not in used_labels:
            gaps.append(Gap(f"options.{label!r}", f"no option is labelled {label!r}", extra=True))
    return gaps


def _question_gaps(question: Question, translation: QuestionnaireTranslation, used_labels: set[str]) -> list[Gap]:
    gaps: list[Gap] = []
    qid = question.id
    words = translation.questions.get(qid)
    if words is None:
        return [Gap(f"questions.{qid}", f"question {qid} is not translated")] + [
            Gap(f"questions.{qid}.options.{o.id}", f"{qid} option {o.id} ({o.label!r}) is not translated")
            for o in question.options if o.label not in translation.option_labels]
    for name in QUESTION_FIELDS:
        if getattr(question, name).strip() and not getattr(words, name).strip():
            gaps.append(Gap(f"questions.{qid}.{name}", f"{qid} {name} is not translated"))
    for name in GUIDANCE_FIELDS:
        if getattr(question.guidance, name).strip() and not words.guidance.get(name, "").strip():
            gaps.append(Gap(f"questions.{qid}.guidance.{name}", f"{qid} guidance {name} is not translated"))
    for name in words.guidance:
        if name not in GUIDANCE_FIELDS:
            gaps.append(Gap(f"questions.{qid}.guidance.{name}", f"guidance has no field {name}", extra=True))
    option_ids = set(question.option_ids)
    for option_id in words.options:
        if option_id not in option_ids:
            gaps.append(Gap(f"questions.{qid}.options.{option_id}", f"{qid} has no option {option_id}", extra=True))
    for option in question.options:
        if not words.options.get(option.id):
            used_labels.add(option.label)
            if not translation.option_labels.get(option.label, "").strip():
                gaps.append(Gap(f"questions.{qid}.options.{option.id}",
                                f"{qid} option {option.id} ({option.label!r}) is not translated"))
    flags: dict[str, RedFlagRule] = {f.id: f for f in question.red_flags}
    for flag_id in words.red_flags:
        if flag_id not in flags:
            gaps.append(Gap(f"questions.{qid}.red_flags.{flag_id}", f"{qid} has no red flag {flag_id}", extra=True))
    for flag in question.red_flags:
        texts = words.red_flags.get(flag.id, {})
        for name in RED_FLAG_FIELDS:
            if getattr(flag, name).strip() and not texts.get(name, "").strip():
                gaps.append(Gap(f"questions.{qid}.red_flags.{flag.id}.{name}",
                                f"red flag {flag.id} {name} is not translated"))
    return gaps

