"""Modal questions and messages used by the assessment screens, in one patchable place.

Views call ``prompts.ask_reason(...)`` through this module, so tests replace it with
``monkeypatch.setattr`` instead of fighting a blocking modal dialog. Message boxes go through
the shell's ``trustframe.ui.messages`` seam.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget


def ask_reason(parent: QWidget | None, title: str, prompt: str, ok_text: str = "") -> str | None:
    """Ask for a reason; None when cancelled."""
    from trustframe.ui.dialogs.reason_dialog import ReasonDialog

    dialog = ReasonDialog(title, prompt, parent, ok_text=ok_text)
    return dialog.reason() if dialog.exec() == ReasonDialog.DialogCode.Accepted else None


def exec_dialog(dialog: QDialog) -> bool:
    """Run a dialog modally; True when accepted. Tests patch this to fill in and accept."""
    return dialog.exec() == QDialog.DialogCode.Accepted
