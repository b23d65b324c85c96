"""Who is acting: the name recorded in the change log, on assessments and on reports.

Names come from the user's Preferences (the desktop app asks once on first start and stores it in
the settings file), from ``--actor`` on the command line, or from ``TRUSTFRAME_USER``; never from
the operating-system login, which is often an opaque account id and would put a machine name in
an audit trail that managers sign. Standard library only: the CLI reads the same settings file
the desktop app writes, without Qt.
"""

from __future__ import annotations

import configparser
import os
import re
from pathlib import Path

from trustframe import paths

#: Recorded when nobody has said who they are (honest, and easy to find in the change log).
UNNAMED = "(name not set)"

#: Where the desktop app's Preferences keep the name (QSettings INI: [assessment] assessor_name).
SETTINGS_SECTION = "assessment"
SETTINGS_KEY = "assessor_name"

_QT_ESCAPE = re.compile(r"\\x([0-9a-fA-F]{1,4})|\\(.)")


def settings_file() -> Path:
    """The desktop app's settings file (the same path as ``trustframe.ui.settings``)."""
    return paths.user_config_dir() / "settings.ini"


def _qt_ini_value(raw: str) -> str:
    """Undo QSettings' INI quoting: surrounding quotes and backslash escapes."""
    text = raw.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]

    def unescape(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return chr(int(match.group(1), 16))
        return {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(match.group(2), match.group(2))

    return _QT_ESCAPE.sub(unescape, text)


def preference_name(path: Path | None = None) -> str:
    """The name saved in Preferences ("" when none is set or the file cannot be read)."""
    target = path or settings_file()
    parser = configparser.RawConfigParser(interpolation=None, strict=False)
    try:
        parser.read(target, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return ""
    if not parser.has_option(SETTINGS_SECTION, SETTINGS_KEY):
        return ""
    return _qt_ini_value(parser.get(SETTINGS_SECTION, SETTINGS_KEY)).strip()


def resolve(explicit: str | None = None) -> str:
    """The actor's name: ``explicit`` (``--actor``), else ``TRUSTFRAME_USER``, else the
    Preferences name, else :data:`UNNAMED`."""
    for candidate in (explicit, os.environ.get("TRUSTFRAME_USER"), preference_name()):
        if candidate and candidate.strip():
            return candidate.strip()
    return UNNAMED
