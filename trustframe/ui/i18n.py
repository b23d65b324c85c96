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

#: The language the sources are written in.
SOURCE_LANGUAGE = "en"


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
    return installed
