"""Pseudo-locale walk: with every tr() string replaced by an accented, 30 % longer, marked
pseudo-translation, the main screens and dialogs may show no text that is not marked (text that
bypassed tr()), and the main views' labels must still fit (room for longer languages)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import translations as pipeline  # noqa: E402

pytestmark = pytest.mark.skipif(
    not (Path(sys.executable).parent / "pyside6-lupdate").exists() and shutil.which("pyside6-lupdate") is None,
    reason="PySide6's translation tools are not installed")

MARKED = re.compile(re.escape(pipeline.PSEUDO_OPEN) + r".*?" + re.escape(pipeline.PSEUDO_CLOSE), re.DOTALL)
WORD = re.compile(r"[A-Za-z]{3,}")
#: Text that is data or a name, not interface wording (vendor and product names of the test,
#: the product's name, file names, standard names).
DATA = re.compile(r"\b[A-Z]{2,4}-\d+[A-Za-z-]*|Acme Secure Ltd|Acme Gateway|TrustFrame|\S+\.tfw|^test — |"
                  r"ict-supply-chain-trust|ISO/IEC[^,;)]*|Ctrl\+\w|https?://\S*|DejaVu|SHA-256")
#: Qt's own buttons (translated by qtbase_<lang>.qm, not by us).
QT_STANDARD = {"OK", "&OK", "Cancel", "&Cancel", "Apply", "&Apply", "Close", "&Close", "Help", "&Help", "Save",
               "&Save", "Yes", "&Yes", "No", "&No", "Reset", "Restore Defaults", "< &Back", "&Next >", "&Finish",
               "&Commit", "Discard", "Open", "&Open"}


@pytest.fixture(scope="module")
def pseudo_qm(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pseudo")
    ts = folder / "trustframe_xx.ts"
    shutil.copy(pipeline.FOLDER / "trustframe_de.ts", ts)
    # Today's sources, so strings added since the last `make translations` are walked too.
    subprocess.run([pipeline.tool("pyside6-lupdate"), *pipeline.source_files(), "-no-obsolete", "-locations",
                    "none", "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)
    pipeline.write_pseudo(ts, ts)
    qm = folder / "trustframe_xx.qm"
    pipeline.compile_qm(ts, qm)
    return qm


@pytest.fixture
def pseudo(qapp: Any, pseudo_qm: Path) -> Iterator[None]:
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(pseudo_qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def visible_texts(top: Any) -> Iterator[tuple[str, Any]]:
    """(text, widget) for every text a user can see in ``top``."""
    from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QDialogButtonBox, QGroupBox, QLabel,
                                   QLineEdit, QMainWindow, QTabWidget, QWidget, QWizard)

    if top.windowTitle():
        yield top.windowTitle(), top
    if isinstance(top, QMainWindow):
        for menu_action in top.menuBar().actions():
            yield menu_action.text(), menu_action
            if menu_action.menu() is not None:
                for action in menu_action.menu().actions():
                    if action.text() and not action.isSeparator():
                        yield action.text(), action
    if isinstance(top, QWizard):
        page = top.currentPage()
        if page is not None:
            yield page.title(), page
            yield page.subTitle(), page
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top):
            continue
        if isinstance(widget, QLabel):
            yield re.sub(r"<[^>]+>", " ", widget.text()), widget
        elif isinstance(widget, QAbstractButton):
            if not isinstance(widget.parent(), QDialogButtonBox) or widget.text() not in QT_STANDARD:
                yield widget.text(), widget
        elif isinstance(widget, QGroupBox):
            yield widget.title(), widget
        elif isinstance(widget, QLineEdit):
            yield widget.placeholderText(), widget
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield widget.tabText(index), widget
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            from PySide6.QtCore import Qt

            from PySide6.QtCore import QModelIndex

            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # list models keep columnCount private: they have no header
                continue
            for column in range(columns):
                header = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                if isinstance(header, str):
                    yield header, widget


def _bank_texts() -> list[str]:
    """The question bank's words (data shown in the GUI, translated by the bank's overlay)."""
    from trustframe.exchange.questionnaire_files import bundled_questionnaire_files, load_questionnaire

    texts: set[str] = set()
    for path in bundled_questionnaire_files():
        q = load_questionnaire(path, trusted=True)
        texts |= {q.title, q.description, q.disclaimer}
        for section in q.sections:
            texts |= {section.title, section.description}
            for question in section.questions:
                texts |= {question.text, question.help, question.guidance.why, question.guidance.good_evidence,
                          question.guidance.weak_answer} | {o.label for o in question.options}
                for flag in question.red_flags:
                    texts |= {flag.title, flag.rationale, flag.mitigation}
    return sorted((t.strip() for t in texts if t and len(t.strip()) > 3), key=len, reverse=True)


BANK = _bank_texts()


def untranslated(top: Any) -> list[str]:
    """Visible texts with wording that went through neither tr() nor a translation the
    catalogue or the bank overlay provides (so would stay English in every language)."""
    from trustframe.exchange import i18n as words

    catalogue = words.catalogue("de")
    found = []
    for text, widget in visible_texts(top):
        if not text or text in QT_STANDARD:
            continue
        lines = "\n".join(" ".join(line.split()) for line in text.split("\n"))
        rest = DATA.sub(" ", MARKED.sub(" ", lines))
        for bank_text in BANK:
            if bank_text in rest:
                rest = rest.replace(bank_text, " ")
        if catalogue.knows("\n".join(line.strip(" •·:") for line in rest.split("\n"))):
            continue
        if WORD.search(rest):
            found.append(f"{type(widget).__name__} {widget.objectName() or ''}: {text!r}")
    return found


def truncated(top: Any) -> list[str]:
    """Single-line labels and buttons narrower than their text."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QHeaderView, QLabel, QWidget

    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or widget.width() <= 0:
            continue
        if isinstance(widget, QLabel) and not widget.wordWrap() and widget.text() and "<" not in widget.text():
            need = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", "")) + 2 * widget.margin()
            if need > widget.contentsRect().width() + 1:
                found.append(f"label {widget.text()[:50]!r}: {widget.contentsRect().width()} < {need}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.width() + 1 < widget.minimumSizeHint().width():
                found.append(f"button {widget.text()[:50]!r}: {widget.width()} < {widget.minimumSizeHint().width()}")
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal \
                and widget.model() is not None:
            model = widget.model()
            last = widget.count() - 1
            for section in range(widget.count()):
                if widget.isSectionHidden(section) or (section == last and widget.stretchLastSection()):
                    continue
                title = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
                if isinstance(title, str) and title:
                    need = widget.fontMetrics().horizontalAdvance(title) + 8
                    if widget.sectionSize(section) < need:
                        found.append(f"column {title[:40]!r}: {widget.sectionSize(section)} < {need}")
    return found


@pytest.fixture
def populated(services: Any) -> Any:
    vendor = services.vendors.add_vendor("Acme Secure Ltd", "GB")
    product = services.vendors.add_product(vendor.id, "Acme Gateway", "software")
    assessment = services.assessments.create(vendor.id, product.id, "ict-supply-chain-trust", tier=3)
    return services, vendor, product, assessment


def _window(qtbot: Any, services: Any) -> Any:
    from trustframe.ui.context import UiContext
    from trustframe.ui.main_window import MainWindow
    from trustframe.ui.settings import AppSettings

    window = MainWindow(UiContext(services, AppSettings()))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: window.store.is_loaded and not window.store.is_loading, timeout=20000)
    qtbot.wait(100)  # let the layouts take the loaded texts
    return window


def test_main_screens_show_only_translated_text(qtbot: Any, pseudo: None, populated: Any) -> None:
    services, vendor, _product, assessment = populated
    window = _window(qtbot, services)
    problems = untranslated(window)
    window.open_vendor(vendor.id)
    qtbot.wait(50)
    problems += untranslated(window)
    window.open_assessment(assessment.id)
    qtbot.wait(50)
    problems += untranslated(window)
    assert not problems, "text shown without tr():\n" + "\n".join(sorted(set(problems)))


def test_main_views_have_room_for_longer_text(qtbot: Any, pseudo: None, populated: Any) -> None:
    services, vendor, _product, assessment = populated
    window = _window(qtbot, services)
    problems = truncated(window)
    window.open_assessment(assessment.id)
    qtbot.wait(50)
    problems += truncated(window)
    assert not problems, "cut-off text at 1280x800 with 30 % longer strings:\n" + "\n".join(sorted(set(problems)))


@pytest.mark.parametrize("dialog", ["preferences", "vendor", "export", "import", "report", "new_assessment"])
def test_dialogs_show_only_translated_text(qtbot: Any, pseudo: None, populated: Any, dialog: str) -> None:
    from trustframe.ui.context import UiContext
    from trustframe.ui.settings import AppSettings

    services, _vendor, _product, assessment = populated
    ctx = UiContext(services, AppSettings())
    if dialog == "preferences":
        from trustframe.ui.dialogs.preferences_dialog import PreferencesDialog
        widget: Any = PreferencesDialog(ctx)
    elif dialog == "vendor":
        from trustframe.ui.dialogs.vendor_dialog import VendorDialog
        widget = VendorDialog(ctx)
    elif dialog == "export":
        from trustframe.ui.dialogs.export_dialog import ExportDialog
        widget = ExportDialog(ctx, assessment.id)
    elif dialog == "import":
        from trustframe.ui.dialogs.import_dialog import ImportDialog
        widget = ImportDialog(ctx, assessment.id)
    elif dialog == "report":
        from trustframe.ui.dialogs.report_dialog import ReportDialog
        widget = ReportDialog(ctx, [assessment.id])
    else:
        from trustframe.ui.dialogs.new_assessment import NewAssessmentDialog
        widget = NewAssessmentDialog(ctx)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.wait(20)
    problems = untranslated(widget)
    assert not problems, "text shown without tr():\n" + "\n".join(sorted(set(problems)))
