"""Opening a workspace: one SQLite file, checked, migrated (after a backup) and configured.

Every write goes through :meth:`Workspace.transaction`, one unit of work per user action:
it commits when the block ends and rolls everything back when it raises, so a failed import or
a crash leaves the data as it was.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import sqlite3
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from trustframe.errors import NotAWorkspaceError, WorkspaceError, WorkspaceTooNewError

log = logging.getLogger(__name__)

#: The Alembic head this code expects; a test checks it against the migration scripts. Kept
#: as a constant so opening an up-to-date workspace does not import Alembic (start-up time).
SCHEMA_HEAD = "0003"
#: Every revision this code knows, oldest first.
KNOWN_REVISIONS = ("0001", "0003")

APP_MARKER = "trustframe"
SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # Hand transaction control to SQLAlchemy ("BEGIN" below) instead of pysqlite's implicit
    # transactions, so DDL and DML are both transactional.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.close()


def _begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def create_sqlite_engine(path: Path) -> Engine:
    """An engine with TrustFrame's SQLite settings (foreign keys, WAL, busy timeout)."""
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin)
    return engine


def inspect_file(path: Path) -> str | None:
    """The schema revision of an existing workspace file, or None when the file is new/empty.

    Raises :class:`NotAWorkspaceError` or :class:`WorkspaceTooNewError` without changing the
    file.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    if path.is_dir():
        raise NotAWorkspaceError(f"{path} is a folder, not a TrustFrame workspace file.")
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != SQLITE_HEADER:
        raise NotAWorkspaceError(
            f"{path.name} is not a TrustFrame workspace (it is not an SQLite database). "
            "Choose a .tfw file, or create a new workspace."
        )
    try:
        # Read-only URI: inspecting must never modify the file.
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                return None
            if "workspace_meta" not in tables or "alembic_version" not in tables:
                raise NotAWorkspaceError(
                    f"{path.name} is an SQLite database but not a TrustFrame workspace "
                    f"(it has tables {', '.join(sorted(tables)[:5])}...). Nothing was changed."
                )
            marker = con.execute("SELECT value FROM workspace_meta WHERE key='app'").fetchone()
            if not marker or marker[0] != APP_MARKER:
                raise NotAWorkspaceError(f"{path.name} is not a TrustFrame workspace. Nothing was changed.")
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise NotAWorkspaceError(f"{path.name} cannot be read as a workspace: {exc}. Nothing was changed.") from exc
    revision = row[0] if row else None
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise WorkspaceTooNewError(
            f"{path.name} was saved by a newer version of TrustFrame (schema {revision}). "
            "Update TrustFrame to open it; nothing was changed."
        )
    return revision


def _backup(path: Path, revision: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{revision}-{stamp}{path.suffix}.bak")
    src = sqlite3.connect(str(path))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _run_migrations(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class Workspace:
    """An open workspace file. Create with :meth:`open`; close with :meth:`close`."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.backup_path: Path | None = None

    @classmethod
    def open(cls, path: Path | str, create: bool = True) -> "Workspace":
        """Open (and if needed create or migrate) the workspace at ``path``.

        Refuses, without changing anything, a file that is not a workspace or that a newer
        version wrote. Before migrating an older workspace, a backup copy is written next to it.
        """
        path = Path(path).expanduser().resolve()
        revision = inspect_file(path)
        is_new = revision is None
        if is_new and not create:
            raise WorkspaceError(f"There is no workspace at {path}.")
        if is_new:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise WorkspaceError(f"Cannot create the folder for {path}: {exc.strerror}") from exc
        backup = None
        if not is_new and revision != SCHEMA_HEAD:
            backup = _backup(path, revision or "unknown")
            log.info("Backed up %s to %s before migrating", path, backup)
        engine = create_sqlite_engine(path)
        try:
            if revision != SCHEMA_HEAD:
                _run_migrations(engine)
            if is_new:
                cls._write_identity(engine)
        except Exception as exc:
            engine.dispose()
            if is_new and path.exists():
                with contextlib.suppress(OSError):
                    path.unlink()
            if backup is not None:
                shutil.copyfile(backup, path)
            if isinstance(exc, WorkspaceError):
                raise
            raise WorkspaceError(f"Cannot open the workspace {path.name}: {exc}") from exc
        ws = cls(path, engine)
        ws.backup_path = backup
        return ws

    @staticmethod
    def _write_identity(engine: Engine) -> None:
        from trustframe import __version__
        from trustframe.storage.orm import WorkspaceMetaRow

        with Session(engine) as session, session.begin():
            for key, value in (("app", APP_MARKER), ("workspace_id", str(uuid.uuid4())),
                               ("created_at", datetime.now().isoformat(timespec="seconds")),
                               ("created_by_version", __version__)):
                session.merge(WorkspaceMetaRow(key=key, value=value))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any exception."""
        session = self._sessions()
        try:
            with session.begin():
                yield session
        finally:
            session.close()

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only (rolled back at the end)."""
        session = self._sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    @property
    def workspace_id(self) -> str:
        """The workspace's unique id (written into exported workbooks)."""
        from trustframe.storage.orm import WorkspaceMetaRow

        with self.reading() as session:
            row = session.get(WorkspaceMetaRow, "workspace_id")
            return row.value if row else ""

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
