"""User settings: the one module that knows every QSettings key.

Settings live in an INI file in the user config folder (``paths.user_config_dir()``), not in
the platform registry, so ``TRUSTFRAME_HOME`` isolates them in tests and a user can back them
up or delete them like any file. Workspace-level values that reports and exports need (the
organisation's name and logo) are mirrored into the workspace by the preferences dialog.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from trustframe import paths

# -- keys (the only place they are spelled) --------------------------------------------------
ORGANISATION_NAME = "organisation/name"
ORGANISATION_LOGO = "organisation/logo"
ASSESSOR_NAME = "assessment/assessor_name"
DEFAULT_SCORING_PROFILE = "assessment/default_scoring_profile"
LANGUAGE = "ui/language"
RECENT_WORKSPACES = "workspaces/recent"
LAST_WORKSPACE = "workspaces/last"
WINDOW_GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
REGISTER_HEADER = "window/register_header"

#: How many workspaces File > Open Recent remembers.
MAX_RECENT = 8

#: Workspace-level setting keys the preferences mirror (read by reports and exports).
WORKSPACE_ORGANISATION_NAME = "organisation_name"
WORKSPACE_ORGANISATION_LOGO = "organisation_logo"
WORKSPACE_SCORING_PROFILE = "default_scoring_profile"


def settings_file() -> Path:
    """Where the settings INI file lives."""
    return paths.user_config_dir() / "settings.ini"


class AppSettings:
    """Typed access to the user's settings. Pass one instance around in the UiContext."""

    def __init__(self, path: Path | None = None) -> None:
        target = path or settings_file()
        target.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(target), QSettings.Format.IniFormat)

    # -- plain values ---------------------------------------------------------------------------

    def _text(self, key: str, default: str = "") -> str:
        value = self._qs.value(key, default)
        return "" if value is None else str(value)

    def _set(self, key: str, value: Any) -> None:
        self._qs.setValue(key, value)
        self._qs.sync()

    @property
    def organisation_name(self) -> str:
        """The buying organisation's name, printed on reports."""
        return self._text(ORGANISATION_NAME)

    @organisation_name.setter
    def organisation_name(self, value: str) -> None:
        self._set(ORGANISATION_NAME, value.strip())

    @property
    def organisation_logo(self) -> str:
        """Path of the logo image printed on reports ("" for none)."""
        return self._text(ORGANISATION_LOGO)

    @organisation_logo.setter
    def organisation_logo(self, value: str) -> None:
        self._set(ORGANISATION_LOGO, value.strip())

    @property
    def assessor_name(self) -> str:
        """Name put on new assessments as the assessor."""
        return self._text(ASSESSOR_NAME)

    @assessor_name.setter
    def assessor_name(self, value: str) -> None:
        self._set(ASSESSOR_NAME, value.strip())

    @property
    def default_scoring_profile(self) -> str:
        """Scoring profile id used for new assessments ("" = the bundled default)."""
        return self._text(DEFAULT_SCORING_PROFILE)

    @default_scoring_profile.setter
    def default_scoring_profile(self, value: str) -> None:
        self._set(DEFAULT_SCORING_PROFILE, value.strip())

    @property
    def language(self) -> str:
        """UI language code ("" = follow the system)."""
        return self._text(LANGUAGE)

    @language.setter
    def language(self, value: str) -> None:
        self._set(LANGUAGE, value.strip())

    # -- workspaces ----------------------------------------------------------------------------

    @property
    def recent_workspaces(self) -> list[str]:
        """Recently opened workspace paths, newest first."""
        # Stored as JSON text: INI string lists come back as a bare str when they hold one item.
        raw = self._text(RECENT_WORKSPACES, "[]")
        try:
            items = json.loads(raw)
        except ValueError:
            return []
        return [str(i) for i in items if isinstance(i, str)][:MAX_RECENT]

    def add_recent_workspace(self, path: Path | str) -> None:
        """Put ``path`` first in the recent list and remember it as the last workspace."""
        text = _location_text(path)
        items = [text] + [p for p in self.recent_workspaces if p != text]
        self._set(RECENT_WORKSPACES, json.dumps(items[:MAX_RECENT]))
        self._set(LAST_WORKSPACE, text)

    def remove_recent_workspace(self, path: Path | str) -> None:
        """Forget ``path`` (it was moved or deleted)."""
        text = _location_text(path)
        self._set(RECENT_WORKSPACES, json.dumps([p for p in self.recent_workspaces if p != text]))
        if self.last_workspace == text:
            self._set(LAST_WORKSPACE, "")

    def clear_recent_workspaces(self) -> None:
        """Empty the recent list."""
        self._set(RECENT_WORKSPACES, "[]")

    @property
    def last_workspace(self) -> str:
        """The workspace open when the app last closed ("" for none)."""
        return self._text(LAST_WORKSPACE)

    @last_workspace.setter
    def last_workspace(self, value: str) -> None:
        self._set(LAST_WORKSPACE, value)

    # -- window --------------------------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @property
    def window_geometry(self) -> QByteArray | None:
        """Saved main-window geometry."""
        return self._bytes(WINDOW_GEOMETRY)

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._set(WINDOW_GEOMETRY, value)

    @property
    def window_state(self) -> QByteArray | None:
        """Saved toolbar/dock state."""
        return self._bytes(WINDOW_STATE)

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._set(WINDOW_STATE, value)

    @property
    def register_header(self) -> QByteArray | None:
        """Saved column widths and order of the register table."""
        return self._bytes(REGISTER_HEADER)

    @register_header.setter
    def register_header(self, value: QByteArray) -> None:
        self._set(REGISTER_HEADER, value)

    def value(self, key: str, default: Any = None) -> Any:
        """Escape hatch for other screens' keys; prefer adding a property here."""
        return self._qs.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        """Store a value under ``key``."""
        self._set(key, value)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._qs.sync()


def _location_text(location: Path | str) -> str:
    """A workspace as remembered: a file path as the OS spells it, a team workspace's URL as given
    (``Path`` would fold its ``//``); the URL comes without password (Workspace.location)."""
    text = str(location)
    if text.startswith(("postgresql://", "postgresql+psycopg://", "postgres://", "service=")):
        return text
    return str(Path(location))
