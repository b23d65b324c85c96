"""The questionnaire catalog: bundled questionnaires plus the copies kept in a workspace."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from trustframe.domain.questionnaire import Questionnaire, QuestionnaireKind
from trustframe.errors import NotFoundError, QuestionnaireError
from trustframe.exchange.questionnaire_files import (
    archived_questionnaire_files,
    bundled_questionnaire_files,
    check_questionnaire_text,
    load_questionnaire,
)

if TYPE_CHECKING:
    from trustframe.exchange.overlays import AppliedOverlay

    # Only for hints: the catalog is also used by the dry run's light path, which must not
    # import SQLAlchemy (the repositories are imported where a workspace is actually read).
    from trustframe.storage.database import Workspace

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

    Bundled files are the current versions; earlier bundled versions stay loadable by
    ``id@version`` from ``questionnaires/archive``; a workspace keeps a copy of every version its
    assessments use, so an assessment made with 1.0.0 still opens after the bundle moves on.
    """

    def __init__(self, workspace: Workspace | None = None, extra_dirs: tuple[Path, ...] = (), *,
                 stored_text: Callable[[str, str], str | None] | None = None) -> None:
        """``stored_text(id, version)`` reads the workspace's copy of a questionnaire version
        instead of ``workspace`` (the light path of the import dry run passes its sqlite3 read)."""
        self.workspace = workspace
        self.extra_dirs = extra_dirs
        self._stored_text_reader = stored_text
        self._bundled: dict[str, Questionnaire] | None = None
        self._by_key: dict[str, Questionnaire] = {}
        self._texts: dict[str, str] = {}
        self._overlays: dict[str, tuple[OverlayInfo, str]] | None = None
        self._merged: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[Questionnaire, list[AppliedOverlay]]] = {}
        #: Bundled files read on their own by :meth:`_bundled_alone`, by path.
        self._alone: dict[Path, Questionnaire] = {}

    def _load_bundled(self) -> dict[str, Questionnaire]:
        if self._bundled is None:
            found: dict[str, Questionnaire] = {}
            files = [(p, True) for p in bundled_questionnaire_files()]
            for folder in self.extra_dirs:
                files.extend((p, False) for p in sorted(folder.glob("*.yaml")))
            for path, bundled in files:
                alone = self._alone.get(path)
                if alone is not None:
                    # Already read by _bundled_alone: the same object, so that everyone holding
                    # the questionnaire this catalog returned holds the one it keeps.
                    found[alone.id] = alone
                    continue
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

    def list_questionnaires(self) -> list[QuestionnaireInfo]:
        """Current bundled questionnaires plus other versions stored in the workspace."""
        items = {q.key: q for q in self._load_bundled().values()}
        if self.workspace is not None:
            from trustframe.storage.repositories import QuestionnaireTextRepository

            with self.workspace.reading() as session:
                for row in QuestionnaireTextRepository(session).all_texts():
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
        if version is not None and self._bundled is None and not self.extra_dirs:
            alone = self._bundled_alone(questionnaire_id, version)
            if alone is not None:
                return alone
        bundled = self._load_bundled()
        if version is None:
            stored: list[str] = []
            if self.workspace is not None:
                from trustframe.storage.repositories import QuestionnaireTextRepository

                with self.workspace.reading() as session:
                    stored = [row.version for row in QuestionnaireTextRepository(session).all_texts()
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
        if self.workspace is not None or self._stored_text_reader is not None:
            text = self._stored_text(questionnaire_id, version)
            if text is not None:
                q, issues = check_questionnaire_text(text, file=f"{key} (workspace copy)")
                if q is None:
                    raise QuestionnaireError(f"The stored copy of {key} is not valid", issues)
                self._by_key[key] = q
                self._texts[key] = text
                return q
        # The workspace's own copy (above) is what its assessments were made with; the archive
        # serves versions this workspace never stored.
        archived = self._archived(questionnaire_id, version)
        if archived is not None:
            return archived
        raise NotFoundError(f"Questionnaire {key} is neither bundled nor stored in this workspace.")

    def _archived(self, questionnaire_id: str, version: str) -> Questionnaire | None:
        """An earlier bundled version from ``questionnaires/archive`` (``<id>-<version>.yaml``).

        Loaded only when asked for by ``id@version`` (diffs, reassessment from an old version,
        a workspace made before questionnaire texts were stored); never "the newest" of its id,
        so new assessments always start on the current version."""
        for path in archived_questionnaire_files():
            if path.stem != f"{questionnaire_id}-{version}":
                continue
            try:
                q = load_questionnaire(path, trusted=True)
            except QuestionnaireError as exc:
                log.error("Skipping invalid archived questionnaire %s: %s", path, exc)
                return None
            if q.key != f"{questionnaire_id}@{version}":
                log.error("Archived file %s holds %s, not %s@%s", path, q.key, questionnaire_id, version)
                return None
            self._by_key[q.key] = q
            self._texts[q.key] = path.read_text(encoding="utf-8-sig")
            return q
        return None

    def _bundled_alone(self, questionnaire_id: str, version: str) -> Questionnaire | None:
        """The bundled file ``<id>.yaml`` when it is exactly this version, read without the other
        bundled files (an import preview needs one questionnaire; each costs a parse). None sends
        the caller to the full lookup, which also logs a broken file."""
        key = f"{questionnaire_id}@{version}"
        if key in self._by_key:
            return self._by_key[key]
        path = next((p for p in bundled_questionnaire_files() if p.name == f"{questionnaire_id}.yaml"), None)
        if path is None:
            return None
        try:
            q = load_questionnaire(path, trusted=True)
        except QuestionnaireError:
            return None
        if q.key != key:
            return None
        self._by_key[key] = q
        self._texts[key] = path.read_text(encoding="utf-8-sig")
        self._alone[path] = q
        return q

    def _stored_text(self, questionnaire_id: str, version: str) -> str | None:
        """The workspace's copy of a questionnaire version, if it keeps one."""
        if self._stored_text_reader is not None:
            return self._stored_text_reader(questionnaire_id, version)
        from trustframe.storage.repositories import QuestionnaireTextRepository

        assert self.workspace is not None
        with self.workspace.reading() as session:
            row = QuestionnaireTextRepository(session).get(questionnaire_id, version)
            return row.text if row else None

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
            from trustframe.storage.repositories import QuestionnaireTextRepository

            with self.workspace.transaction() as session:
                QuestionnaireTextRepository(session).put(q.id, q.version, text, origin="custom")
        return q

    # -- overlays --------------------------------------------------------------------------------

    def _load_overlays(self) -> dict[str, tuple[OverlayInfo, str]]:
        if self._overlays is None:
            import yaml  # only when overlays are used: start-up does not need it

            from trustframe.exchange.overlays import bundled_overlay_files

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
        if self.workspace is not None or self._stored_text_reader is not None:
            text = self._stored_text(OVERLAY_TEXT_PREFIX + overlay_id, version)
            if text is not None:
                return text
        raise NotFoundError(f"Overlay {overlay_id}@{version} is neither bundled nor stored in this workspace.")

    def keep_overlay_text(self, session: object, overlay_id: str, version: str) -> None:
        """Keep a copy of an overlay version in the workspace (inside the caller's transaction), so
        assessments that use it still open after the bundle moves on."""
        from trustframe.storage.repositories import QuestionnaireTextRepository

        QuestionnaireTextRepository(session).put(  # type: ignore[arg-type]
            OVERLAY_TEXT_PREFIX + overlay_id, version, self.overlay_text(overlay_id, version), origin="overlay")

    def with_overlays(self, bank: Questionnaire, overlays: tuple[tuple[str, str], ...],
                      ) -> tuple[Questionnaire, list[AppliedOverlay]]:
        """``bank`` with the overlays ``((id, version), ...)`` applied in order (cached): same id
        and version as the bank, plus the overlays' questions, raised importances and red flags."""
        key = (bank.key, tuple(overlays))
        cached = self._merged.get(key)
        if cached is None:
            from trustframe.exchange.overlays import apply_overlays

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
