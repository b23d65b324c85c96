"""Reference hygiene: which standard a question cites, and whether its edition is current.

``questionnaire validate --references`` checks every reference of a questionnaire against the
bundled catalogue of standards (``resources/standards/catalogue.yaml``):

- a reference to a **withdrawn** edition (e.g. NIST SP 800-88 Rev. 1, replaced by Rev. 2) is an
  error: it names the edition and the one that replaced it;
- a reference to a standard the catalogue does not know is a warning (add it to the catalogue,
  or correct the name);
- a reference to a standard that has editions but names none is a warning.

The same catalogue groups standards into the columns of ``questionnaire crosswalk``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from trustframe import paths
from trustframe.domain.questionnaire import Questionnaire, Reference


@dataclass(frozen=True)
class Standard:
    """A standard in the catalogue."""

    id: str
    title: str
    pattern: re.Pattern[str]
    edition_pattern: re.Pattern[str] | None = None
    editioned: bool = False
    current: str = ""
    withdrawn: dict[str, str] = field(default_factory=dict)
    column: str = ""
    confidence: str = ""

    def edition_of(self, reference: Reference) -> str | None:
        """The edition a reference names, or None when it names none."""
        if self.edition_pattern is None:
            return None
        m = self.edition_pattern.search(reference.standard)
        return m.group(1) if m else None


@dataclass(frozen=True)
class ReferenceFinding:
    """One problem with one reference of one question."""

    question_id: str
    standard: str
    severity: str  # "error" or "warning"
    message: str
    catalogue_id: str = ""

    def as_dict(self) -> dict[str, str]:
        """A JSON-ready form."""
        return {"question": self.question_id, "standard": self.standard, "severity": self.severity,
                "message": self.message, "catalogue_id": self.catalogue_id}


def catalogue_path() -> Path:
    """Where the bundled standards catalogue lives."""
    return paths.resources_dir() / "standards" / "catalogue.yaml"


@lru_cache(maxsize=4)
def load_catalogue(path: Path | None = None) -> tuple[Standard, ...]:
    """The standards of the catalogue, in match order (the first matching entry wins)."""
    raw: Any = yaml.safe_load((path or catalogue_path()).read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or raw.get("format") != "trustframe-standards/1":
        raise ValueError(f"{path or catalogue_path()}: not a trustframe-standards/1 catalogue")
    out: list[Standard] = []
    for item in raw.get("standards", []):
        out.append(Standard(
            id=str(item["id"]),
            title=str(item.get("title", "")),
            pattern=re.compile(str(item["match"]), re.IGNORECASE),
            edition_pattern=re.compile(str(item["edition"]), re.IGNORECASE) if item.get("edition") else None,
            editioned=bool(item.get("editioned", False)),
            current=str(item.get("current", "")),
            withdrawn={str(k): str(v) for k, v in (item.get("withdrawn") or {}).items()},
            column=str(item.get("column", "")),
            confidence=str(item.get("confidence", "")),
        ))
    return tuple(out)


def match_standard(reference: Reference, catalogue: tuple[Standard, ...] | None = None) -> Standard | None:
    """The catalogue entry a reference cites, or None when the catalogue does not know it."""
    for standard in catalogue if catalogue is not None else load_catalogue():
        if standard.pattern.search(reference.standard):
            return standard
    return None


def check_references(questionnaire: Questionnaire,
                     catalogue: tuple[Standard, ...] | None = None) -> list[ReferenceFinding]:
    """Every reference problem of a questionnaire, errors (withdrawn editions) first."""
    cat = catalogue if catalogue is not None else load_catalogue()
    findings: list[ReferenceFinding] = []
    for question in questionnaire.iter_questions():
        for ref in question.references:
            std = match_standard(ref, cat)
            if std is None:
                findings.append(ReferenceFinding(
                    question.id, ref.standard, "warning",
                    f"{question.id}: '{ref.standard}' is not in the standards catalogue; "
                    "correct the name or add the standard to resources/standards/catalogue.yaml"))
                continue
            edition = std.edition_of(ref)
            if edition is not None and edition in std.withdrawn:
                findings.append(ReferenceFinding(
                    question.id, ref.standard, "error",
                    f"{question.id}: '{ref.standard}' cites a withdrawn edition ({edition}); "
                    f"the current edition is {std.withdrawn[edition]}", std.id))
            elif edition is None and std.editioned:
                findings.append(ReferenceFinding(
                    question.id, ref.standard, "warning",
                    f"{question.id}: '{ref.standard}' names no edition; the current one is {std.current}",
                    std.id))
    findings.sort(key=lambda f: (f.severity != "error", f.question_id))
    return findings
