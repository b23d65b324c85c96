"""The services container: one object per open workspace, passed to the GUI and the CLI
(no module-level singletons)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trustframe.domain.history import ChangeLogEntry
from trustframe.services.assessments import AssessmentService
from trustframe.services.changes import Change, ChangeNotifier, Entity
from trustframe.services.evidence import EvidenceService
from trustframe.services.questionnaires import QuestionnaireCatalog
from trustframe.services.vendors import VendorService
from trustframe.storage.database import Workspace
from trustframe.storage.repositories import HistoryRepository, SettingsRepository

if TYPE_CHECKING:
    # Imported for the annotations only: the services below are built on first use (not every
    # command needs them, and importing them here would make import cycles).
    from sqlalchemy.orm import Session

    from trustframe.services.answer_library import AnswerLibraryService
    from trustframe.services.buyer_readiness import BuyerReadinessService
    from trustframe.services.exchange import ExchangeService
    from trustframe.services.reports import ReportService
    from trustframe.services.scoring import ScoringService


def current_user() -> str:
    """The name recorded in the change log when the caller names nobody: ``TRUSTFRAME_USER`` or
    the name in Preferences, never the operating-system login (see :mod:`trustframe.actor`)."""
    from trustframe import actor

    return actor.resolve()


class Services:
    """Every use case of one open workspace. ``user`` is the actor recorded in the change log and
    on what is created or decided; front ends pass it explicitly (Preferences, ``--actor``)."""

    def __init__(self, workspace: Workspace, catalog: QuestionnaireCatalog | None = None,
                 user: str | None = None) -> None:
        self.workspace = workspace
        self.catalog = catalog or QuestionnaireCatalog(workspace)
        # Team mode: the database login is who acts (a name chosen in Preferences or --actor
        # cannot stand in for it; the database records the login anyway).
        #: Team mode: the database login (None for a workspace file or a server without team mode).
        self.team_login = workspace.team_identity()
        self.user = self.team_login or user or current_user()
        self.changes = ChangeNotifier()
        self.vendors = VendorService(self)
        self.assessments = AssessmentService(self)
        self.evidence = EvidenceService(self)
        #: The newest change-log entry already seen by :meth:`poll_changes` (None: not yet polled).
        self._seen_log_id: int | None = None
        #: Hook the scoring service installs to store a snapshot inside the decision's transaction.
        self.snapshot_on_decision: Callable[[Session, int, Any], None] | None = None

    @classmethod
    def open(cls, path: Path | str, user: str | None = None, create: bool = True, migrate: bool = True,
             read_only: bool = False, password: str | None = None) -> Services:
        """Open (creating or migrating as needed) the workspace at ``path``.

        ``migrate=False`` refuses an older workspace instead of upgrading it; ``read_only`` opens
        it without writing anything (see :meth:`Workspace.open`)."""
        return cls(Workspace.open(path, create=create, migrate=migrate, read_only=read_only, password=password),
                   user=user)

    @cached_property
    def scoring(self) -> ScoringService:
        """The scoring service (imported lazily: not every command needs it)."""
        from trustframe.services.scoring import ScoringService

        return ScoringService(self)

    @cached_property
    def exchange(self) -> ExchangeService:
        """The Excel exchange service."""
        from trustframe.services.exchange import ExchangeService

        return ExchangeService(self)

    @cached_property
    def reports(self) -> ReportService:
        """The report service."""
        from trustframe.services.reports import ReportService

        return ReportService(self)

    @cached_property
    def buyer(self) -> BuyerReadinessService:
        """Buyer readiness: the buyer's own module of each assessment, scored separately."""
        from trustframe.services.buyer_readiness import BuyerReadinessService

        return BuyerReadinessService(self)

    @cached_property
    def answer_library(self) -> AnswerLibraryService:
        """The vendor answer library (earlier answers offered "to confirm")."""
        from trustframe.services.answer_library import AnswerLibraryService

        return AnswerLibraryService(self)

    def poll_changes(self) -> list[Change]:
        """Team mode: announce what others committed since the last call (read from the change
        log, which every save writes to), so open screens refresh. The first call only notes
        where the log ends. Own changes are left out: they were announced when made."""
        with self.workspace.reading() as session:
            history = HistoryRepository(session)
            if self._seen_log_id is None:
                self._seen_log_id = history.last_id()
                return []
            entries = history.after(self._seen_log_id)
        found: list[Change] = []
        for log_id, actor, entity, entity_id, assessment_id in entries:
            self._seen_log_id = log_id
            if actor == self.user:
                continue
            key: int | str | None = int(entity_id) if entity_id.isdigit() and entity != "answer" else entity_id
            change = Change(Entity(entity), key, assessment_id)  # ValueError for an unknown name, as before
            if change not in found:
                found.append(change)
        for change in found:
            self.changes.announce(change)
        return found

    def history(self, assessment_id: int | None = None, limit: int = 1000) -> list[ChangeLogEntry]:
        """Change log entries, newest first."""
        with self.workspace.reading() as session:
            return HistoryRepository(session).entries(assessment_id=assessment_id, limit=limit)

    def setting(self, key: str, default: Any = None) -> Any:
        """A workspace-level setting."""
        with self.workspace.reading() as session:
            return SettingsRepository(session).get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        """Change a workspace-level setting (logged)."""
        with self.workspace.transaction() as session:
            repo = SettingsRepository(session)
            HistoryRepository(session).record(self.user, "settings", key, "value", repo.get(key), value)
            repo.set(key, value)
        self.changes.announce(Change(Entity.SETTINGS, key))

    def close(self) -> None:
        """Close the workspace."""
        self.workspace.close()

    def __enter__(self) -> Services:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
