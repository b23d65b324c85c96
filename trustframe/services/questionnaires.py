"""The questionnaire catalog: bundled questionnaires plus the copies kept in a workspace."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

import yaml

from trustframe.domain.questionnaire import Questionnaire, QuestionnaireKind
from trustframe.errors import NotFoundError, QuestionnaireError
from trustframe.exchange.overlays import AppliedOverlay, apply_overlays, bundled_overlay_files
from trustframe.exchange.questionnaire_files import (
    bundled_questionnaire_files,
    check_questionnaire_text,
    load_questionnaire,
)
from trustframe.storage.database import Workspace
from trustframe.storage.repositories import QuestionnaireTextRepository

log = logging.getLogger(__name__)

#: The questionnaire new assessments use unless told otherwise, and the criticality profile.
DEFAULT_QUESTIONNAIRE_ID = "ict-supply-chain-trust"
PROFILE_ID = "criticality-profile"
#: The buyer and operator module, answered by the buying organisation about itself.
BUYER_MODULE_ID = "buyer-readiness"
#: Workspace copies of overlays are kept beside the questionnaires under this id prefix.
OVERLAY_TEXT_PREFIX = "overlay:"


@dataclass(frozen=True)
class OverlayInfo:
    """A regulatory overlay that can be applied to assessments on its base bank."""

    id: str
    version: str
    title: str
    regime: str
    base: str          # the bank id it extends
    added: int         # questions it adds


@dataclass(frozen=True)
class QuestionnaireInfo:
    """A catalog entry for listings."""

    id: str
    version: str
    title: str
    kind: QuestionnaireKind
    question_count: int
    section_count: int
    origin: str


class QuestionnaireCatalog:
    """Finds questionnaires by id and version; caches parsed files.

    Bundled files are the current versions; a workspace keeps a copy of every version its
    assessments use, so an assessment made with 1.0.0 still opens after the bundle moves on.
    """

    def __init__(self, workspace: Workspace | None = None, extra_dirs: tuple[Path, ...] = ()) -> None:
        self.workspace = workspace
        self.extra_dirs = extra_dirs
        self._bundled: dict[str, Questionnaire] | None = None
        self._by_key: dict[str, Questionnaire] = {}
        self._texts: dict[str, str] = {}
        self._overlays: dict[str, tuple[OverlayInfo, str]] | None = None
        self._merged: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[Questionnaire, list[AppliedOverlay]]] = {}

    def _load_bundled(self) -> dict[str, Questionnaire]:
        if self._bundled is None:
            found: dict[str, Questionnaire] = {}
            files = [(p, True) for p in bundled_questionnaire_files()]
            for folder in self.extra_dirs:
                files.extend((p, False) for p in sorted(folder.glob("*.yaml")))
            for path, bundled in files:
                try:
                    # Bundled files are validated in full by the test suite; skipping the
                    # schema pass keeps start-up fast. Anything else is untrusted.
                    q = load_questionnaire(path, trusted=bundled)
                except QuestionnaireError as exc:
                    log.error("Skipping invalid questionnaire %s: %s", path, exc)
                    continue
                found[q.id] = q
                self._by_key[q.key] = q
                self._texts[q.key] = path.read_text(encoding="utf-8-sig")
            self._bundled = found
        return self._bundled

    def list(self) -> list[QuestionnaireInfo]:
        """Current bundled questionnaires plus other versions stored in the workspace."""
        items = {q.key: q for q in self._load_bundled().values()}
        if self.workspace is not None:
            with self.workspace.reading() as session:
                for row in QuestionnaireTextRepository(session).list():
                    if row.questionnaire_id.startswith(OVERLAY_TEXT_PREFIX):
                        continue  # an overlay's copy, not a questionnaire (see with_overlays)
                    key = f"{row.questionnaire_id}@{row.version}"
                    if key not in items:
                        try:
                            items[key] = self.get(row.questionnaire_id, row.version)
                        except NotFoundError:
                            continue
        bundled_keys = {q.key for q in self._load_bundled().values()}
        return [
            QuestionnaireInfo(q.id, q.version, q.title, q.kind, q.question_count, len(q.sections),
                              "bundled" if q.key in bundled_keys else "workspace")
            for q in sorted(items.values(), key=lambda q: (q.kind.value, q.id, _version_key(q.version)))
        ]

    def get(self, questionnaire_id: str, version: str | None = None) -> Questionnaire:
        """The questionnaire ``id`` at ``version``; without a version the newest one known
        (bundled, or a custom questionnaire kept in the workspace)."""
        bundled = self._load_bundled()
        if version is None:
            stored: list[str] = []
            if self.workspace is not None:
                with self.workspace.reading() as session:
                    stored = [row.version for row in QuestionnaireTextRepository(session).list()
                              if row.questionnaire_id == questionnaire_id]
            current = bundled.get(questionnaire_id)
            newest = max(stored, key=_version_key, default=None)
            if current is not None and (newest is None or _version_key(current.version) >= _version_key(newest)):
                return current
            if newest is None:
                raise NotFoundError(f"There is no questionnaire '{questionnaire_id}'. "
                                    f"Known: {', '.join(sorted(bundled)) or 'none'}.")
            version = newest
        key = f"{questionnaire_id}@{version}"
        if key in self._by_key:
            return self._by_key[key]
        if self.workspace is not None:
            with self.workspace.reading() as session:
                row = QuestionnaireTextRepository(session).get(questionnaire_id, version)
                text = row.text if row else None
            if text is not None:
                q, issues = check_questionnaire_text(text, file=f"{key} (workspace copy)")
                if q is None:
                    raise QuestionnaireError(f"The stored copy of {key} is not valid", issues)
                self._by_key[key] = q
                self._texts[key] = text
                return q
        raise NotFoundError(f"Questionnaire {key} is neither bundled nor stored in this workspace.")

    def text(self, questionnaire: Questionnaire) -> str:
        """The YAML source of a loaded questionnaire."""
        self._load_bundled()
        return self._texts[questionnaire.key]

    def text_sha256(self, questionnaire: Questionnaire) -> str:
        """Hash of the YAML source (identifies the exact text)."""
        return hashlib.sha256(self.text(questionnaire).encode("utf-8")).hexdigest()

    def add_file(self, path: Path) -> Questionnaire:
        """Validate a custom questionnaire file and make it available (kept in the workspace)."""
        q = load_questionnaire(path)
        text = Path(path).read_text(encoding="utf-8-sig")
        self._by_key[q.key] = q
        self._texts[q.key] = text
        if self.workspace is not None:
            with self.workspace.transaction() as session:
                QuestionnaireTextRepository(session).put(q.id, q.version, text, origin="custom")
        return q

    # -- overlays --------------------------------------------------------------------------------

    def _load_overlays(self) -> dict[str, tuple[OverlayInfo, str]]:
        if self._overlays is None:
            found: dict[str, tuple[OverlayInfo, str]] = {}
            for path in bundled_overlay_files():
                # Bundled overlays are validated in full by the test suite (and `questionnaire
                # validate`); reading their header is enough here. Applying one checks it again.
                text = path.read_text(encoding="utf-8-sig")
                try:
                    data = yaml.safe_load(text)
                    info = OverlayInfo(str(data["id"]), str(data["version"]), str(data["title"]),
                                       str(data["regime"]), str(data["base"]),
                                       sum(len(sec.get("questions") or []) for sec in data.get("sections") or []))
                except (yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
                    log.error("Skipping unreadable overlay %s: %s", path, exc.__class__.__name__)
                    continue
                found[info.id] = (info, text)
            self._overlays = found
        return self._overlays

    def overlays(self, base: str | None = None) -> list[OverlayInfo]:
        """The bundled overlays (of the bank ``base`` when given), by id."""
        return sorted((info for info, _ in self._load_overlays().values() if base is None or info.base == base),
                      key=lambda i: i.id)

    def overlay(self, overlay_id: str) -> OverlayInfo:
        """The bundled overlay ``overlay_id``; NotFoundError names the known ones."""
        found = self._load_overlays().get(overlay_id)
        if found is None:
            raise NotFoundError(f"There is no overlay '{overlay_id}'. Known: "
                                f"{', '.join(sorted(self._load_overlays())) or 'none'}.")
        return found[0]

    def overlay_text(self, overlay_id: str, version: str) -> str:
        """The text of an overlay version: the bundled file, or the copy kept in the workspace."""
        bundled = self._load_overlays().get(overlay_id)
        if bundled is not None and bundled[0].version == version:
            return bundled[1]
        if self.workspace is not None:
            with self.workspace.reading() as session:
                row = QuestionnaireTextRepository(session).get(OVERLAY_TEXT_PREFIX + overlay_id, version)
                if row is not None:
                    return row.text
        raise NotFoundError(f"Overlay {overlay_id}@{version} is neither bundled nor stored in this workspace.")

    def keep_overlay_text(self, session: object, overlay_id: str, version: str) -> None:
        """Keep a copy of an overlay version in the workspace (inside the caller's transaction), so
        assessments that use it still open after the bundle moves on."""
        QuestionnaireTextRepository(session).put(  # type: ignore[arg-type]
            OVERLAY_TEXT_PREFIX + overlay_id, version, self.overlay_text(overlay_id, version), origin="overlay")

    def with_overlays(self, bank: Questionnaire, overlays: tuple[tuple[str, str], ...],
                      ) -> tuple[Questionnaire, list[AppliedOverlay]]:
        """``bank`` with the overlays ``((id, version), ...)`` applied in order (cached): same id
        and version as the bank, plus the overlays' questions, raised importances and red flags."""
        key = (bank.key, tuple(overlays))
        cached = self._merged.get(key)
        if cached is None:
            bundled = self._load_overlays()
            texts = [(f"{oid}@{version}", self.overlay_text(oid, version)) for oid, version in overlays]
            trusted = all(oid in bundled and bundled[oid][0].version == version for oid, version in overlays)
            cached = apply_overlays(self.text(bank), texts, trusted=trusted)
            self._merged[key] = cached
        return cached

    def profile(self) -> Questionnaire:
        """The bundled criticality profile."""
        return self.get(PROFILE_ID)

    def buyer_module(self) -> Questionnaire:
        """The buyer and operator module (its newest version; see :data:`BUYER_MODULE_ID`)."""
        module = self.get(BUYER_MODULE_ID)
        if module.kind is not QuestionnaireKind.BUYER:
            raise QuestionnaireError(f"{module.key} is a {module.kind.value} questionnaire, not a buyer module.", [])
        return module


def _version_key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in version.split("."))
    except ValueError:
        return (0,)
