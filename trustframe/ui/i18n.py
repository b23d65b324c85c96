"""Which language the GUI speaks, and installing its translations (ours and Qt's own).

TrustFrame's strings come from ``resources/translations/trustframe_<lang>.qm`` (compiled from the
.ts files by ``make translations``); Qt's own dialogs and buttons from PySide6's
``qtbase_<lang>.qm``. English is the source language, but its plural forms ("1 vendor",
"2 vendors") also come from a compiled ``trustframe_en.qm``, which is loaded whenever no other
TrustFrame translation is, so "%n vendor(s)" never shows. See docs/translating.md.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from trustframe import paths
from trustframe.domain.questionnaire import Questionnaire

#: The language the sources are written in.
SOURCE_LANGUAGE = "en"
#: The language installed by :func:`install_translations` (what the GUI speaks now).
_current = SOURCE_LANGUAGE


def current_language() -> str:
    """The language the GUI speaks (set at start-up)."""
    return _current


def for_display(questionnaire: Questionnaire) -> Questionnaire:
    """``questionnaire`` with its words in the GUI's language where its translation overlay has
    them; ids, options, scores and rules are unchanged, so answers and scores are the same."""
    if _current == SOURCE_LANGUAGE:
        return questionnaire
    from trustframe.errors import QuestionnaireError
    from trustframe.services.translations import questionnaire_in

    try:
        return questionnaire_in(questionnaire, _current)
    except QuestionnaireError:  # a broken overlay must not stop the assessment: show English
        return questionnaire


def words(text: str) -> str:
    """A text made outside the GUI (a scoring or tiering reason) in the GUI's language, from the
    catalogue the reports use; English when it has no entry."""
    if _current == SOURCE_LANGUAGE:
        return text
    from trustframe.services.translations import catalogue

    lookup = catalogue(_current)

    def part(piece: str, depth: int = 0) -> str:
        # Reasons nest ("Incomplete (a; b): ..."): translate captured parts, and "; "-joined lists
        # piece by piece.
        translated = lookup.line(piece, inner=(lambda inner: part(inner, depth + 1)) if depth < 3 else None)
        if translated == piece and "; " in piece:
            return "; ".join(part(p, depth + 1) for p in piece.split("; "))
        return translated

    return part(text)


def report_language() -> str:
    """The language new reports are written in: the GUI's, when reports can be written in it."""
    from trustframe.services.translations import report_languages

    return _current if _current in report_languages() else SOURCE_LANGUAGE


def translations_dir() -> Path:
    """The folder holding trustframe_<lang>.qm."""
    return paths.resources_dir() / "translations"


def available_languages() -> list[str]:
    """Codes of the languages the GUI can speak: English plus every compiled translation."""
    folder = translations_dir()
    codes = {p.stem.split("_", 1)[1] for p in folder.glob("trustframe_*.qm")} if folder.is_dir() else set()
    return sorted(codes | {SOURCE_LANGUAGE})


def native_name(code: str) -> str:
    """A language's name in that language ("Deutsch" for de), as Preferences lists it."""
    if code == SOURCE_LANGUAGE:
        return "English"
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


def resolve_language(chosen: str, system: str | None = None) -> str:
    """The language to use: the one chosen in Preferences, else the system's, if we have it.

    ``system`` is a locale name such as ``de_AT`` (default: the system locale). A language
    without a translation falls back to English.
    """
    available = available_languages()
    for candidate in (chosen, (system if system is not None else QLocale.system().name())):
        code = (candidate or "").replace("-", "_").split("_")[0].lower()
        if code in available:
            return code
    return SOURCE_LANGUAGE


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load and install TrustFrame's and Qt's translations for ``language``; returns them.

    The translators are parented to ``app`` so they live as long as it does. The default
    QLocale is set too, so date and number widgets follow the language.
    """
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(f"trustframe_{language}", str(translations_dir())):
        installed.append(ours)
    elif language != SOURCE_LANGUAGE:
        # No translation for this language: English with correct plurals beats "%n vendor(s)".
        fallback = QTranslator(app)
        if fallback.load(f"trustframe_{SOURCE_LANGUAGE}", str(translations_dir())):
            installed.append(fallback)
    if language != SOURCE_LANGUAGE:
        qt = QTranslator(app)
        if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            installed.append(qt)
    for translator in installed:
        QCoreApplication.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
    global _current
    _current = language
    return installed


def remove_translations(installed: list[QTranslator]) -> None:
    """Undo :func:`install_translations` (tests switch languages within one process)."""
    global _current
    for translator in installed:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
    _current = SOURCE_LANGUAGE
