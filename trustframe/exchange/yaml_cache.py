"""Bundled YAML files read through a JSON cache of their parse (translation overlays, catalogues).

Why: the pure-Python YAML parser needs about 0.2-0.5 s for the German overlay of the bank, and
the import preview reads it for every returned workbook (question texts in every language the
vendor may have answered in). Reading the same data as JSON takes a few milliseconds. The cache
entry holds the parsed data with the SHA-256 of the text it came from, so an edited or replaced
file is parsed again; a document that JSON cannot hold exactly (dates, number keys, tuples) is
never cached. Same scheme as the questionnaire cache in :mod:`questionnaire_files`.

Only for text whose YAML parse succeeds the normal way: errors (with their line numbers) always
come from the real parser, because nothing is cached for a text that does not parse.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from trustframe import paths

#: Version of the cache entries (change it when what is stored changes).
_FORMAT = 1


def safe_load_cached(text: str) -> Any:
    """``yaml.safe_load(text)``, from the user cache when an entry for exactly this text exists.

    Raises what ``yaml.safe_load`` raises for a text that does not parse (it is then parsed)."""
    import os
    import tempfile

    digest = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
    try:
        folder = paths.user_cache_dir() / "yaml"
        cached = folder / f"{digest}.json"
    except Exception:  # noqa: BLE001 - no cache folder (platformdirs unavailable): just parse
        return _parse(text)
    try:
        stored = json.loads(cached.read_text(encoding="utf-8"))
        if isinstance(stored, dict) and stored.get("format") == _FORMAT and stored.get("sha256") == digest:
            return stored["data"]
    except (OSError, ValueError, KeyError):
        pass  # no entry, or an unreadable or stale one: parse the YAML below
    data = _parse(text)
    try:
        payload = json.dumps({"format": _FORMAT, "sha256": digest, "data": data}, ensure_ascii=False)
        if json.loads(payload)["data"] != data:
            return data  # JSON would change it (number keys, tuples): never cache an approximation
        folder.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".~", suffix=".json", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(payload)
        # Safe: replaces only this cache entry (named by the text's SHA-256) with a complete new
        # copy; a reader sees the old file or the whole new one.
        os.replace(temp, cached)
    except (OSError, TypeError, ValueError):
        pass  # dates and other non-JSON values, a read-only cache folder: no cache, same result
    return data


def _parse(text: str) -> Any:
    import yaml

    return yaml.safe_load(text)
