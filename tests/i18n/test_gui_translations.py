"""The GUI translations: every string finished for German, compiled .qm files up to date,
placeholders and accelerators kept, the glossary's terms used, and German actually shown."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
sys.path.insert(0, str(ROOT / "tools"))
import translations as pipeline  # noqa: E402  (tools/translations.py, the pipeline under test)

GERMAN = FOLDER / "trustframe_de.ts"
PLACEHOLDER = re.compile(r"%n|%L?\d|\{[^}]*\}")


def messages(ts: Path) -> Iterator[tuple[str, bool, list[str]]]:
    """(source, numerus, translations) of every message of a .ts file."""
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.findall("numerusform")] if message.get("numerus") == "yes" \
            else [translation.text or ""]
        yield message.findtext("source") or "", message.get("numerus") == "yes", forms


def has_tool(name: str) -> bool:
    return (Path(sys.executable).parent / name).exists() or shutil.which(name) is not None


def test_every_german_gui_string_is_finished() -> None:
    missing = pipeline.unfinished(GERMAN)
    assert not missing, f"{len(missing)} GUI strings are not translated to German: {missing[:10]}"


@pytest.mark.skipif(not has_tool("pyside6-lupdate"), reason="pyside6-lupdate is not installed")
def test_no_gui_string_in_the_sources_lacks_a_german_translation(tmp_path: Path) -> None:
    # Re-extract from today's sources into a copy: a new tr() string added without a German
    # translation (or a changed English text) shows up as unfinished. `make translations` fixes it.
    copy = tmp_path / GERMAN.name
    shutil.copy(GERMAN, copy)
    subprocess.run([pipeline.tool("pyside6-lupdate"), *pipeline.source_files(), "-no-obsolete",
                    "-locations", "none", "-ts", str(copy)], cwd=ROOT, check=True, capture_output=True)
    missing = pipeline.unfinished(copy)
    assert not missing, (f"{len(missing)} GUI strings have no German translation; run `make translations` "
                         f"and translate them in {GERMAN.name}: {missing[:10]}")


@pytest.mark.skipif(not has_tool("pyside6-lrelease"), reason="pyside6-lrelease is not installed")
@pytest.mark.parametrize("ts", sorted(FOLDER.glob("trustframe_*.ts")), ids=lambda p: p.name)
def test_committed_qm_is_compiled_from_the_current_ts(ts: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    pipeline.compile_qm(ts, fresh)
    committed = ts.with_suffix(".qm")
    assert committed.exists(), f"{committed.name} is missing; run `make translations`"
    assert committed.read_bytes() == fresh.read_bytes(), f"{committed.name} is stale; run `make translations`"


@pytest.mark.parametrize("ts", sorted(FOLDER.glob("trustframe_*.ts")), ids=lambda p: p.name)
def test_translations_keep_placeholders_and_accelerators(ts: Path) -> None:
    for source, numerus, forms in messages(ts):
        for form in forms:
            if not form:
                continue
            assert sorted(PLACEHOLDER.findall(form)) == sorted(PLACEHOLDER.findall(source)), (source, form)
            # One & (a keyboard accelerator) in the source needs exactly one in the translation.
            assert form.replace("&&", "").count("&") == source.replace("&&", "").count("&"), (source, form)


def glossary() -> list[tuple[str, str, str]]:
    rows = []
    for line in (FOLDER / "glossary_de.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            english, german, match, _note = (line.split("\t") + [""])[:4]
            rows.append((english, german, match))
    return rows


def test_glossary_has_one_german_term_per_english_term() -> None:
    rows = glossary()
    english = [r[0].casefold() for r in rows]
    assert len(english) == len(set(english))
    assert {"assessment", "vendor", "red flag", "knock-out", "tier", "evidence"} <= set(english)


@pytest.mark.parametrize("english,german,match", [r for r in glossary() if r[2] != "-"], ids=lambda v: str(v))
def test_glossary_term_is_used_in_every_german_gui_string(english: str, german: str, match: str) -> None:
    word = re.compile(r"\b" + re.escape(english) + r"(s|es|ed|ing)?\b", re.IGNORECASE)
    offenders = []
    for source, _numerus, forms in messages(GERMAN):
        text = PLACEHOLDER.sub("", source.replace("&", ""))
        if word.search(text):
            offenders += [f for f in forms if match not in f.replace("&", "").casefold()]
    assert not offenders, f"'{english}' should read '{german}' in: {offenders[:5]}"


def test_preferences_offer_each_language_by_its_own_name(qapp: object) -> None:
    from trustframe.ui import i18n

    codes = i18n.available_languages()
    assert {"en", "de"} <= set(codes)
    assert i18n.native_name("de") == "Deutsch" and i18n.native_name("en") == "English"


def test_language_follows_the_choice_then_the_system_then_english(qapp: object) -> None:
    from trustframe.ui import i18n

    assert i18n.resolve_language("de", "en_GB") == "de"
    assert i18n.resolve_language("", "de_AT") == "de"
    assert i18n.resolve_language("", "en_US") == "en"
    assert i18n.resolve_language("", "xx_YY") == "en"  # no translation: English
    assert i18n.resolve_language("xx", "de_DE") == "de"


@pytest.fixture
def german(qapp: object) -> Iterator[None]:
    from PySide6.QtCore import QCoreApplication, QLocale

    from trustframe.ui import i18n

    installed = i18n.install_translations(QCoreApplication.instance(), "de")  # type: ignore[arg-type]
    yield
    i18n.remove_translations(installed)


def test_bank_is_shown_in_the_gui_language(german: None) -> None:
    from trustframe.exchange.questionnaire_files import bundled_questionnaire_files, load_questionnaire
    from trustframe.ui import i18n

    bank = load_questionnaire(bundled_questionnaire_files()[1], trusted=True)
    shown = i18n.for_display(bank)
    assert shown.key == bank.key and shown.language == "de"
    assert next(shown.iter_questions()).text != next(bank.iter_questions()).text
    assert i18n.report_language() == "de"


def test_german_strings_plurals_and_qt_dialogs_are_shown(german: None) -> None:
    from PySide6.QtCore import QCoreApplication

    tr = QCoreApplication.translate
    assert tr("MainWindow", "&Quit") == "&Beenden"
    assert tr("labels", "Tier {n}") == "Stufe {n}"
    assert tr("VendorView", "%n product(s)", "", 1) == "1 Produkt"
    assert tr("VendorView", "%n product(s)", "", 3) == "3 Produkte"
    # Qt's own strings (standard buttons, file dialogs) come from qtbase_de.qm.
    assert tr("QPlatformTheme", "Cancel") == "Abbrechen"


def test_english_plurals_read_right(qapp: object) -> None:
    from PySide6.QtCore import QCoreApplication

    from trustframe.ui import i18n

    installed = i18n.install_translations(QCoreApplication.instance(), "en")  # type: ignore[arg-type]
    try:
        tr = QCoreApplication.translate
        assert tr("VendorView", "%n product(s)", "", 1) == "1 product"
        assert tr("VendorView", "%n product(s)", "", 2) == "2 products"
    finally:
        i18n.remove_translations(installed)
