"""Names on records come from Preferences (asked once on first start), ``--actor`` or
TRUSTFRAME_USER, never from the operating-system login (issue 13 §4)."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Any

import pytest

from tests.ui.assessment_ui_support import no_dialogs  # noqa: F401 (fixture)


@pytest.fixture
def no_env_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """No TRUSTFRAME_USER, and an OS login that must never show up anywhere."""
    monkeypatch.delenv("TRUSTFRAME_USER", raising=False)
    monkeypatch.setenv("USER", "os-login-xy")
    monkeypatch.setenv("LOGNAME", "os-login-xy")
    monkeypatch.setenv("USERNAME", "os-login-xy")
    monkeypatch.setattr(getpass, "getuser", lambda: "os-login-xy")


def test_services_never_record_the_os_login(no_env_name: None, tmp_path: Path) -> None:
    from trustframe import actor
    from trustframe.services.context import Services

    with Services.open(tmp_path / "w.tfw") as s:
        assert s.user == actor.UNNAMED
        vendor = s.vendors.add_vendor("Acme", "GB")
        assert all("os-login" not in e.actor for e in s.history())
        assert vendor.id is not None
    with Services.open(tmp_path / "w.tfw", user="Rita Reviewer") as s:
        s.vendors.add_vendor("Beta", "DE")
        assert s.history()[0].actor == "Rita Reviewer"


def test_preference_name_is_read_without_qt(no_env_name: None, qapp: Any) -> None:
    """The CLI (no Qt) reads the name the app's Preferences saved, quoting and all."""
    from trustframe import actor
    from trustframe.ui.settings import AppSettings

    for name in ("Alex Officer", "Zoë O'Brien, CISO", 'Dana "DJ" Jones', "Jürgen Groß \\ IT"):
        AppSettings().assessor_name = name
        assert actor.preference_name() == name
        assert actor.resolve() == name
    assert actor.resolve("Given On CLI") == "Given On CLI"


def test_cli_records_actor_option_then_preference(no_env_name: None, tmp_path: Path, qapp: Any,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from trustframe.cli import main
    from trustframe.services.context import Services
    from trustframe.ui.settings import AppSettings

    ws = tmp_path / "cli.tfw"
    assert main(["--workspace", str(ws), "--actor", "Casey CLI", "vendor", "add", "Acme"]) == 0
    AppSettings().assessor_name = "Pat Preferences"
    assert main(["--workspace", str(ws), "vendor", "add", "Beta"]) == 0
    with Services.open(ws, user="reader") as s:
        actors = {e.actor for e in s.history()}
    assert {"Casey CLI", "Pat Preferences"} <= actors
    assert not any("os-login" in a for a in actors)


def test_first_start_asks_the_name_once_and_uses_it(no_env_name: None, qtbot: Any, services: Any,
                                                    monkeypatch: pytest.MonkeyPatch, no_dialogs: list) -> None:
    from trustframe.ui import prompts
    from trustframe.ui.context import UiContext
    from trustframe.ui.main_window import MainWindow
    from trustframe.ui.settings import AppSettings

    services.user = "(name not set)"
    asked: list[Any] = []

    def fill(dialog: Any) -> bool:
        asked.append(dialog)
        assert dialog.focusWidget() in (None, dialog.name_edit) or dialog.name_edit.hasFocus()
        dialog.name_edit.setText("  Alex   Officer ")
        dialog._on_buttons_accepted()
        return True

    monkeypatch.setattr(prompts, "exec_dialog", fill)
    settings = AppSettings()
    window = MainWindow(UiContext(services, settings))
    qtbot.addWidget(window)
    window.ask_user_name_once()
    window.ask_user_name_once()                  # asked once only
    assert len(asked) == 1
    assert settings.assessor_name == "Alex Officer"
    assert services.user == "Alex Officer"
    vendor = services.vendors.add_vendor("Named Ltd", "FR")
    assert services.history()[0].actor == "Alex Officer" and vendor.id


def test_no_module_reads_the_os_login() -> None:
    """getpass/os.getlogin/$USER must not come back into the code base."""
    root = Path(__file__).resolve().parents[2] / "trustframe"
    offenders = []
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for needle in ("getpass", "getlogin", "getuser", 'environ.get("USER', "environ['USER", 'environ["USER',
                       'getenv("USER', 'getenv("LOGNAME', "pwd.getpwuid"):
            if needle in text:
                offenders.append(f"{path.relative_to(root)}: {needle}")
    assert not offenders, offenders
