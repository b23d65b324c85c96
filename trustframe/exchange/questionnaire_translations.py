"""Translation overlays of questionnaires: finding, reading and checking them.

An overlay lives at ``questionnaires/translations/<lang>/<questionnaire-id>-<version>.yaml``
(see docs/translating.md for the format). Overlays are read defensively like questionnaires
(size limit, safe loader, every value checked), and a broken overlay is reported, never half
applied. The domain side (applying an overlay, listing gaps) is ``trustframe.domain.translation``.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from trustframe import paths
from trustframe.domain.questionnaire import Question, Questionnaire
from trustframe.domain.translation import (
    GUIDANCE_FIELDS,
    RED_FLAG_FIELDS,
    SECTION_FIELDS,
    TOP_FIELDS,
    Gap,
    QuestionnaireTranslation,
    QuestionText,
    coverage_issues,
    translate,
)
from trustframe.errors import Issue, QuestionnaireError
from trustframe.exchange.yaml_cache import safe_load_cached

FORMAT = "trustframe-questionnaire-translation/1"
MAX_FILE_BYTES = 5 * 1024 * 1024
#: The language questionnaires are written in; it needs no overlay.
SOURCE_LANGUAGE = "en"


def translations_dir() -> Path:
    """``questionnaires/translations``: one folder per language."""
    return paths.questionnaires_dir() / "translations"


def overlay_path(questionnaire_id: str, version: str, language: str) -> Path:
    """Where the overlay of ``language`` for this questionnaire version lives."""
    return translations_dir() / language / f"{questionnaire_id}-{version}.yaml"


def languages_for(questionnaire: Questionnaire) -> list[str]:
    """Languages this questionnaire version can be shown in: English and every overlay's."""
    folder = translations_dir()
    found = [p.parent.name for p in folder.glob(f"*/{questionnaire.id}-{questionnaire.version}.yaml")] \
        if folder.is_dir() else []
    return [SOURCE_LANGUAGE] + sorted(set(found) - {SOURCE_LANGUAGE})


def supported_languages() -> list[str]:
    """Every language some questionnaire has an overlay for, English first."""
    folder = translations_dir()
    found = {p.name for p in folder.iterdir() if p.is_dir()} if folder.is_dir() else set()
    return [SOURCE_LANGUAGE] + sorted(found - {SOURCE_LANGUAGE})


def _strings(value: Any, where: str, names: tuple[str, ...], issues: list[Issue], file: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        issues.append(Issue("expected a mapping of texts", file=file, where=where))
        return {}
    out: dict[str, str] = {}
    for key, text in value.items():
        if names and key not in names:
            issues.append(Issue(f"unknown field {key!r} (expected one of {', '.join(names)})", file=file,
                                where=f"{where}.{key}"))
        elif not isinstance(text, str):
            issues.append(Issue("expected text", file=file, where=f"{where}.{key}"))
        else:
            out[str(key)] = text.strip()
    return out


def parse_overlay(text: str, file: str = "<text>", *,
                  cached: bool = False) -> tuple[QuestionnaireTranslation | None, list[Issue]]:
    """Read overlay YAML; returns the overlay (None when unusable) and every problem found.

    ``cached``: take the YAML parse from the user cache when it holds one of exactly this text
    (bundled overlays; see :mod:`trustframe.exchange.yaml_cache`). The checks below run either way."""
    issues: list[Issue] = []
    if len(text.encode("utf-8", errors="replace")) > MAX_FILE_BYTES:
        return None, [Issue(f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB", file=file)]
    try:
        data = safe_load_cached(text) if cached else yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [Issue(f"not valid YAML: {getattr(exc, 'problem', None) or exc}", file=file,
                            line=mark.line + 1 if mark is not None else None)]
    if not isinstance(data, dict):
        return None, [Issue("the top level must be a mapping (key: value pairs)", file=file)]
    if data.get("format") != FORMAT:
        issues.append(Issue(f"format must be {FORMAT!r}", file=file, where="format"))
    head = {}
    for key in ("questionnaire", "version", "language"):
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            issues.append(Issue(f"{key} is missing", file=file, where=key))
        head[key] = str(value or "")
    top = _strings({k: data[k] for k in TOP_FIELDS if k in data}, "", TOP_FIELDS, issues, file)
    labels = _strings(data.get("options"), "options", (), issues, file)
    tier_reasons = _strings(data.get("tier_reasons"), "tier_reasons", (), issues, file)
    sections: dict[str, dict[str, str]] = {}
    raw_sections = data.get("sections") or {}
    if not isinstance(raw_sections, dict):
        issues.append(Issue("sections must be a mapping of section ids", file=file, where="sections"))
        raw_sections = {}
    for sid, value in raw_sections.items():
        sections[str(sid)] = _strings(value, f"sections.{sid}", SECTION_FIELDS, issues, file)
    questions: dict[str, QuestionText] = {}
    raw_questions = data.get("questions") or {}
    if not isinstance(raw_questions, dict):
        issues.append(Issue("questions must be a mapping of question ids", file=file, where="questions"))
        raw_questions = {}
    for qid, value in raw_questions.items():
        where = f"questions.{qid}"
        if not isinstance(value, dict):
            issues.append(Issue("expected a mapping (text, help, guidance, options, red_flags)", file=file,
                                where=where))
            continue
        plain = _strings({k: v for k, v in value.items() if k in ("text", "help")}, where, (), issues, file)
        for key in value:
            if key not in ("text", "help", "guidance", "options", "red_flags"):
                issues.append(Issue(f"unknown field {key!r}", file=file, where=f"{where}.{key}"))
        flags: dict[str, dict[str, str]] = {}
        raw_flags = value.get("red_flags") or {}
        if not isinstance(raw_flags, dict):
            issues.append(Issue("red_flags must be a mapping of red-flag ids", file=file, where=f"{where}.red_flags"))
            raw_flags = {}
        for fid, texts in raw_flags.items():
            flags[str(fid)] = _strings(texts, f"{where}.red_flags.{fid}", RED_FLAG_FIELDS, issues, file)
        questions[str(qid)] = QuestionText(
            text=plain.get("text", ""), help=plain.get("help", ""),
            guidance=_strings(value.get("guidance"), f"{where}.guidance", GUIDANCE_FIELDS, issues, file),
            options={str(k): v
                     for k, v in _strings(value.get("options"), f"{where}.options", (), issues, file).items()},
            red_flags=flags)
    if any(i.severity == "error" for i in issues):
        return None, issues
    return QuestionnaireTranslation(head["questionnaire"], head["version"], head["language"], top, labels,
                                    sections, questions, tier_reasons), issues


def read_overlay(path: Path, *, cached: bool = False) -> tuple[QuestionnaireTranslation | None, list[Issue]]:
    """Read an overlay file; see :func:`parse_overlay`."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except OSError as exc:
        return None, [Issue(f"cannot read the file: {exc.strerror or exc}", file=path.name)]
    except UnicodeDecodeError as exc:
        return None, [Issue(f"the file is not UTF-8 text (byte {exc.start})", file=path.name)]
    return parse_overlay(text, path.name, cached=cached)


def gap_issues(gaps: list[Gap], file: str) -> list[Issue]:
    """Gaps as issues: ids the questionnaire lacks are errors, untranslated text a warning
    (it is shown in English)."""
    return [Issue(g.message if g.extra else f"{g.message}; English is shown instead", file=file, where=g.where,
                  severity="error" if g.extra else "warning") for g in gaps]


def check_translations(questionnaire: Questionnaire) -> list[Issue]:
    """Every problem and gap of every overlay of this questionnaire version."""
    issues: list[Issue] = []
    for language in languages_for(questionnaire)[1:]:
        path = overlay_path(questionnaire.id, questionnaire.version, language)
        overlay, problems = read_overlay(path)
        issues.extend(problems)
        if overlay is not None:
            if overlay.language != language:
                issues.append(Issue(f"language is {overlay.language!r} but the file is in the {language!r} folder",
                                    file=path.name, where="language"))
            issues.extend(gap_issues(coverage_issues(questionnaire, overlay), f"{language}/{path.name}"))
    return issues


@lru_cache(maxsize=32)
def _overlay_cached(path: Path, mtime: float) -> QuestionnaireTranslation | None:
    # Bundled overlays only (``translations_dir``): their parse may come from the JSON cache.
    overlay, issues = read_overlay(path, cached=True)
    if overlay is None:
        raise QuestionnaireError(f"The {path.parent.name} translation {path.name} cannot be used", issues)
    return overlay


def overlay_for(questionnaire: Questionnaire, language: str) -> QuestionnaireTranslation | None:
    """The overlay of ``language`` for this questionnaire version (None for English or when
    there is none); raises QuestionnaireError when the file is broken."""
    if language == SOURCE_LANGUAGE:
        return None
    path = overlay_path(questionnaire.id, questionnaire.version, language)
    if not path.is_file():
        return None
    return _overlay_cached(path, path.stat().st_mtime)


def in_language(questionnaire: Questionnaire, language: str) -> Questionnaire:
    """The questionnaire in ``language``; English text where the overlay has no translation.

    Raises QuestionnaireError when the questionnaire has no overlay for ``language`` at all.
    """
    if language == SOURCE_LANGUAGE or not language:
        return questionnaire
    overlay = overlay_for(questionnaire, language)
    if overlay is None:
        available = ", ".join(languages_for(questionnaire))
        raise QuestionnaireError(f"{questionnaire.key} is not available in {language!r}; "
                                 f"available: {available}.", [])
    if (overlay.questionnaire_id, overlay.version) != (questionnaire.id, questionnaire.version):
        raise QuestionnaireError(f"The {language} translation is for {overlay.questionnaire_id}@{overlay.version}, "
                                 f"not {questionnaire.key}.", [])
    return translate(questionnaire, overlay)


def label_aliases(questionnaire: Questionnaire) -> Mapping[str, Mapping[str, str]]:
    """question id -> casefolded option label in any language -> option id.

    A vendor may return a workbook in any language TrustFrame speaks; its option labels all map
    to the same ids. A broken overlay contributes nothing (the English labels still work).
    """
    aliases: dict[str, dict[str, str]] = {}
    for language in languages_for(questionnaire)[1:]:
        try:
            overlay = overlay_for(questionnaire, language)
        except QuestionnaireError:
            continue
        if overlay is None:
            continue
        for question in questionnaire.iter_questions():
            for option in question.options:
                label = overlay.option_label(question.id, option)
                if label:
                    aliases.setdefault(question.id, {}).setdefault(label.casefold(), option.id)
    return aliases


def question_texts(questionnaire: Questionnaire, question: Question,
                   languages: list[str] | None = None) -> list[str]:
    """The question's text in English and in every overlay language (for checksums on import).

    ``languages``: ``languages_for(questionnaire)``, when the caller asks for many questions
    (it lists the translations folder)."""
    texts = [question.text]
    for language in (languages_for(questionnaire) if languages is None else languages)[1:]:
        try:
            overlay = overlay_for(questionnaire, language)
        except QuestionnaireError:
            continue
        words = overlay.questions.get(question.id) if overlay is not None else None
        if words is not None and words.text:
            texts.append(words.text)
    return texts


def _all_overlays() -> list[QuestionnaireTranslation]:
    folder = translations_dir()
    found = []
    for path in sorted(folder.glob("*/*.yaml")) if folder.is_dir() else []:
        try:
            overlay = _overlay_cached(path, path.stat().st_mtime)
        except (QuestionnaireError, OSError):
            continue  # a broken overlay offers no labels; the English ones still work
        if overlay is not None:
            found.append(overlay)
    return found


def translated_option(question: Question, raw: str) -> str | None:
    """The id of the option of ``question`` whose label in some overlay language is ``raw``.

    Used by the workbook import, which sees only the question: labels are looked up by the
    option's English label (shared by every question using it) and per-question overrides.
    """
    folded = raw.strip().casefold()
    if not folded:
        return None
    for overlay in _all_overlays():
        for option in question.options:
            label = overlay.option_label(question.id, option)
            if label and label.casefold() == folded:
                return option.id
    return None
