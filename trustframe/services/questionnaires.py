"""The questionnaire catalog: bundled questionnaires plus the copies kept in a workspace."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from trustframe.domain.questionnaire import Questionnaire, QuestionnaireKind
from trustframe.errors import NotFoundError, QuestionnaireError
from trustframe.exchange.questionnaire_files import (
    archived_questionnaire_files,
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

    def __init__(self, workspace: Workspace | None = None, extra_dirs: tuple[Path, ...] = ()) -> None:
        self.workspace = workspace
        self.extra_dirs = extra_dirs
        self._bundled: dict[str, Questionnaire] | None = None
        self._by_key: dict[str, Questionnaire] = {}
        self._texts: dict[str, str] = {}

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
