"""The one module that names icon files.

TrustFrame ships its own small set of line icons (``resources/icons/*.svg``, 24 px grid,
1.7 px stroke) so the app looks the same on every platform and stays sharp at any scale.
Widgets ask for icons by the constants below, never by file name.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from trustframe import paths

APP = "app"
WORKSPACE_NEW = "workspace-new"
OPEN = "open"
DEMO = "demo"
IMPORT = "import"
EXPORT = "export"
REPORT = "report"
PREFERENCES = "preferences"
QUIT = "quit"
UNDO = "undo"
REDO = "redo"
SEARCH = "search"
REGISTER = "register"
PORTFOLIO = "portfolio"
ASSESSMENT_NEW = "assessment-new"
ASSESSMENT = "assessment"
COMPARE = "compare"
ABOUT = "about"
LOG_FOLDER = "log-folder"
VENDOR = "vendor"
PRODUCT = "product"
EVIDENCE = "evidence"
ADD = "add"
EDIT = "edit"
DELETE = "delete"
REFRESH = "refresh"
LINK = "link"
FILE = "file"
SAVE = "save"
WARNING = "warning"
CALENDAR = "calendar"
CLOSE = "close"
HOME = "home"
CHEVRON_DOWN = "chevron-down"

ALL = (APP, WORKSPACE_NEW, OPEN, DEMO, IMPORT, EXPORT, REPORT, PREFERENCES, QUIT, UNDO, REDO, SEARCH,
       REGISTER, PORTFOLIO, ASSESSMENT_NEW, ASSESSMENT, COMPARE, ABOUT, LOG_FOLDER, VENDOR, PRODUCT,
       EVIDENCE, ADD, EDIT, DELETE, REFRESH, LINK, FILE, SAVE, WARNING, CALENDAR, CLOSE, HOME, CHEVRON_DOWN)


def icon_path(name: str) -> str:
    """The SVG file of icon ``name``."""
    return str(paths.resources_dir() / "icons" / f"{name}.svg")


@cache
def icon(name: str) -> QIcon:
    """The icon ``name`` (one of the constants above). Cached: QIcon is cheap to copy."""
    return QIcon(icon_path(name))
