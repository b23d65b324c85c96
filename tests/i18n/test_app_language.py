"""TrustFrame starts in the language chosen in Preferences: window, menus, dialogs and errors."""

from __future__ import annotations

from typing import Any, Iterator

import pytest


@pytest.fixture
def started_in_german(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    from PySide6.QtCore import QTranslator

    from trustframe import app as gui
    from trustframe.ui import i18n, theme
    from trustframe.ui.settings import AppSettings

    # Re-styling a long-lived test application that still holds other tests' widgets can crash
    # Qt; the look is not what is tested here.
    monkeypatch.setattr(theme, "apply", lambda app: None)

    AppSettings().language = "de"
    application = gui.create_application()
    yield application
    installed = [tr for tr in application.findChildren(QTranslator) if tr.language() != i18n.SOURCE_LANGUAGE]
    i18n.remove_translations(installed)


def test_window_menus_and_errors_are_german(qtbot: Any, started_in_german: Any) -> None:
    from trustframe import errors
    from trustframe.ui import error_dialog, i18n
    from trustframe.ui.context import UiContext
    from trustframe.ui.main_window import MainWindow
    from trustframe.ui.settings import AppSettings

    assert i18n.current_language() == "de"
    window = MainWindow(UiContext(None, AppSettings()))
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert {"&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"} <= set(menus), menus
    assert window.welcome.new_button.text().startswith("Arbeitsbereich anlegen…")
    assert error_dialog.advice_for(errors.NotFoundError("x"))[0] == "Nicht gefunden"


def test_preferences_offer_deutsch_and_say_restart_applies(qtbot: Any, started_in_german: Any,
                                                           services: Any) -> None:
    from trustframe.ui.context import UiContext
    from trustframe.ui.dialogs.preferences_dialog import PreferencesDialog
    from trustframe.ui.settings import AppSettings

    dialog = PreferencesDialog(UiContext(services, AppSettings()))
    qtbot.addWidget(dialog)
    names = [dialog.language_combo.itemText(i) for i in range(dialog.language_combo.count())]
    assert "Deutsch" in names and "English" in names
    assert dialog.language_combo.currentData() == "de"
    assert "Neustart" in dialog.language_note.text()
