"""The only module that knows where bundled data and user folders are.

Bundled folders (``questionnaires/``, ``report_templates/``, ``resources/``) live at the top of
a source checkout; in an installed wheel they are copied into ``trustframe/_data/``. User
folders come from platformdirs and can be redirected with ``TRUSTFRAME_HOME`` (tests do this).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

APP_NAME = "TrustFrame"
APP_AUTHOR = "TrustFrame"
WORKSPACE_SUFFIX = ".tfw"

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def _bundle_root() -> Path:
    """The folder holding the bundled data folders."""
    installed = _PACKAGE_DIR / "_data"
    if (installed / "questionnaires").is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent
    if (checkout / "questionnaires").is_dir():
        return checkout
    raise FileNotFoundError(
        f"TrustFrame's bundled data is missing: neither {installed} nor {checkout} has a "
        "'questionnaires' folder. Reinstall the package."
    )


def questionnaires_dir() -> Path:
    """Bundled questionnaire definitions (YAML)."""
    return _bundle_root() / "questionnaires"


def questionnaire_schema_path() -> Path:
    """The JSON Schema of questionnaire files."""
    return questionnaires_dir() / "schema" / "questionnaire.schema.json"


def report_templates_dir() -> Path:
    """Jinja2 templates and CSS for reports."""
    return _bundle_root() / "report_templates"


def resources_dir() -> Path:
    """Icons, fonts and translations."""
    return _bundle_root() / "resources"


def scoring_profiles_dir() -> Path:
    """Bundled scoring profiles (data, not code)."""
    return resources_dir() / "scoring"


def _user_dir(kind: str) -> Path:
    home = os.environ.get("TRUSTFRAME_HOME")
    if home:
        return Path(home) / kind
    import platformdirs  # imported lazily: only user folders need it

    getters: dict[str, Callable[[str, str], str]] = {
        "data": platformdirs.user_data_dir,
        "config": platformdirs.user_config_dir,
        "log": platformdirs.user_log_dir,
        "cache": platformdirs.user_cache_dir,
    }
    return Path(getters[kind](APP_NAME, APP_AUTHOR))


def user_data_dir() -> Path:
    """Where the default workspace lives."""
    return _user_dir("data")


def user_config_dir() -> Path:
    """Where settings live."""
    return _user_dir("config")


def user_log_dir() -> Path:
    """Where the rotating log file lives."""
    return _user_dir("log")


def user_cache_dir() -> Path:
    """Where data that can be rebuilt at any time is kept (parsed bundled questionnaires)."""
    return _user_dir("cache")


def default_workspace_path() -> Path:
    """The workspace used when none is named."""
    return user_data_dir() / f"workspace{WORKSPACE_SUFFIX}"


def demo_workspace_path() -> Path:
    """Where ``trustframe demo`` builds the demo workspace when no workspace is named."""
    return user_data_dir() / f"demo{WORKSPACE_SUFFIX}"


def log_file_path() -> Path:
    """The application log file."""
    return user_log_dir() / "trustframe.log"
