"""The shipped scoring-profile files (``resources/scoring``), by version.

``default.json`` is the newest version; each earlier version stays shipped as
``default-<version>.json`` so assessments pinned to it keep their score. Kept apart from the
scoring service so creating an assessment (which pins the newest version) does not load it.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from trustframe import paths

log = logging.getLogger(__name__)


def newest_profile_data() -> dict[str, Any]:
    """The newest shipped default profile (``default.json``) as a dictionary."""
    with (paths.scoring_profiles_dir() / "default.json").open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def newest_profile_version() -> str:
    """The version new assessments are pinned to."""
    return str(newest_profile_data().get("version"))


def profile_data(version: str | None) -> dict[str, Any]:
    """The shipped default profile at ``version``; the newest one for None or a version that is
    not shipped (logged)."""
    newest = newest_profile_data()
    if version is None or version == str(newest.get("version")):
        return newest
    path = paths.scoring_profiles_dir() / f"default-{version}.json"
    if not path.is_file():
        log.warning("Scoring profile %s is not shipped; using %s", version, newest.get("version"))
        return newest
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data
