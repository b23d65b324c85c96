"""Opening a workspace: one SQLite file, checked, migrated (after a backup) and configured.

Every write goes through :meth:`Workspace.transaction`, one unit of work per user action:
it commits when the block ends and rolls everything back when it raises, so a failed import or
a crash leaves the data as it was. Writes begin with ``BEGIN IMMEDIATE`` so they wait for
another program's lock (bounded, then one sentence) instead of failing.

Nothing here ever deletes or truncates a file that existed before the call: a file that is not
a recognisable workspace is refused unchanged, a new workspace is built in a temporary file and
linked into place without replacing anything, and a migration runs in one transaction after a
backup. See docs/workspace.md.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import shutil
import socket
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from trustframe.errors import (
    NotAWorkspaceError,
    WorkspaceBusyError,
    WorkspaceDamagedError,
    WorkspaceError,
    WorkspaceNeedsUpgradeError,
    WorkspaceReadOnlyError,
    WorkspaceTooNewError,
)
from trustframe.storage.backups import take_backup
from trustframe.storage.faults import faults_translated, is_lock_error
from trustframe.storage.faults import translate as translate_fault

log = logging.getLogger(__name__)

#: The Alembic head this code expects; a test checks it against the migration scripts. Kept
#: as a constant so opening an up-to-date workspace does not import Alembic (start-up time).
SCHEMA_HEAD = "0013"
#: Every revision this code knows, oldest first.
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0010", "0011", "0012", "0013")

APP_MARKER = "trustframe"
SQLITE_HEADER = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


#: How long one statement waits for another program's write lock (SQLite busy timeout).
BUSY_TIMEOUT_MS = 5000
#: How long a write transaction keeps retrying (with back-off) before reporting the lock
#: (``TRUSTFRAME_LOCK_WAIT_SECONDS`` overrides it, e.g. for scripts that should give up sooner).
LOCK_WAIT_SECONDS = 20.0


def lock_wait_seconds() -> float:
    """The configured bound on waiting for another program's write lock."""
    try:
        return max(0.0, float(os.environ.get("TRUSTFRAME_LOCK_WAIT_SECONDS", LOCK_WAIT_SECONDS)))
    except ValueError:
        return LOCK_WAIT_SECONDS


def _lower(text: Any) -> Any:
    """SQL ``lower()`` folding every letter, as PostgreSQL's does in a UTF-8 locale."""
    return text.lower() if isinstance(text, str) else text


def _configure_sqlite(dbapi_connection: Any, _record: Any, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS,
                      read_only: bool = False) -> None:
    # Hand transaction control to SQLAlchemy ("BEGIN" below) instead of pysqlite's implicit
    # transactions, so DDL and DML are both transactional.
    dbapi_connection.isolation_level = None
    # SQLite's own lower() folds ASCII letters only; PostgreSQL's (team mode) folds every letter.
    # Names are unique ignoring case ("Ärzte IT" = "ÄRZTE IT") and sorted by lower(): the same
    # function on both engines makes them agree. No index uses lower(), so nothing stored changes.
    dbapi_connection.create_function("lower", 1, _lower, deterministic=True)
    cursor = dbapi_connection.cursor()
    # The busy timeout first: even switching to WAL may have to wait for another writer.
    cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    cursor.execute("PRAGMA foreign_keys = ON")
    if read_only:
        # A read-only open must not even change the journal mode: it writes nothing at all.
        cursor.execute("PRAGMA query_only = ON")
    else:
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


#: Execution option naming a connection that only reads (its transactions use a plain BEGIN).
READ_OPTION = "trustframe_read"


def _begin(conn: Any) -> None:
    # Writes start with BEGIN IMMEDIATE: the write lock is taken up front, where the busy timeout
    # applies. A deferred BEGIN that reads and then writes cannot wait for the lock in WAL mode
    # (SQLite returns "database is locked" at once to avoid a deadlock), which is what users saw.
    if conn.get_execution_options().get(READ_OPTION) or conn.engine.url.query.get("mode") == "ro":
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def create_sqlite_engine(path: Path, *, read_only: bool = False, immutable: bool = False,
                         busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    """An engine with TrustFrame's SQLite settings (foreign keys, WAL, busy timeout).

    ``read_only`` opens the file with ``mode=ro`` and ``query_only``; ``immutable`` (for files
    on read-only media) additionally tells SQLite that nobody changes the file, so it needs no
    lock file next to it.
    """
    if read_only:
        flags = "mode=ro" + ("&immutable=1" if immutable else "")
        url = f"sqlite:///file:{path}?{flags}&uri=true"
    else:
        url = f"sqlite:///{path}"
    engine = create_engine(url, future=True)

    def on_connect(dbapi_connection: Any, record: Any) -> None:
        _configure_sqlite(dbapi_connection, record, busy_timeout_ms=busy_timeout_ms, read_only=read_only)

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", _begin)
    return engine


def _describe_tables(tables: set[str]) -> str:
    shown = ", ".join(sorted(tables)[:6])
    return shown + (f" and {len(tables) - 6} more" if len(tables) > 6 else "")


def _wal_has_content(path: Path) -> bool:
    wal = Path(f"{path}-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def _writable(path: Path) -> bool:
    """True when ``path`` (an existing file) and its folder may be written by this process."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def inspect_file(path: Path) -> str | None:
    """The schema revision of an existing workspace file, or None when there is nothing there
    yet (no file, or an empty one, or an SQLite file without any table).

    A file with tables but no recognisable revision, or with tables that are not TrustFrame's,
    raises :class:`NotAWorkspaceError` (:class:`WorkspaceDamagedError`) naming what was found;
    one from a newer version raises :class:`WorkspaceTooNewError`. The file is only read.
    """
    if path.is_dir():
        raise NotAWorkspaceError(f"{path} is a folder, not a TrustFrame workspace file.")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise WorkspaceError(f"{path.name} cannot be read: {exc.strerror}.") from exc
    if size == 0 and not _wal_has_content(path):
        return None
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise WorkspaceError(f"{path.name} cannot be read: {exc.strerror}.") from exc
    if size > 0 and header != SQLITE_HEADER:
        raise NotAWorkspaceError(
            f"{path.name} is not a TrustFrame workspace (it is not an SQLite database). "
            "Choose a .tfw file, or create a new workspace."
        )
    # Read-only URI: inspecting must never modify the file. On a read-only folder SQLite cannot
    # create the lock file a WAL database needs, so the file is then read as immutable.
    immutable = "&immutable=1" if not os.access(path.parent, os.W_OK) else ""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro{immutable}", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                return None
            if "workspace_meta" not in tables or "alembic_version" not in tables:
                raise NotAWorkspaceError(
                    f"{path.name} is an SQLite database but not a TrustFrame workspace "
                    f"(it has the tables {_describe_tables(tables)}). Nothing was changed."
                )
            marker = con.execute("SELECT value FROM workspace_meta WHERE key='app'").fetchone()
            rows = con.execute("SELECT version_num FROM alembic_version").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        fault = translate_fault(exc, path)
        if fault is not None:
            raise fault from exc
        raise NotAWorkspaceError(f"{path.name} cannot be read as a workspace ({exc}); it may be damaged or "
                                 "truncated. Nothing was changed.") from exc
    if not marker or marker[0] != APP_MARKER:
        raise WorkspaceDamagedError(
            f"{path.name} is not a TrustFrame workspace, or it is damaged: it has the tables of one "
            f"({_describe_tables(tables)}) but no TrustFrame marker. Nothing was changed; "
            f"`trustframe workspace check {path}` explains what was found.")
    if len(rows) != 1 or not rows[0][0]:
        found = "no schema revision" if not rows else f"{len(rows)} schema revisions"
        raise WorkspaceDamagedError(
            f"{path.name} is not a TrustFrame workspace, or it is damaged: it has {len(tables)} tables "
            f"({_describe_tables(tables)}) but {found}. Nothing was changed; "
            f"`trustframe workspace check --repair {path}` makes a repaired copy and keeps the original.")
    revision = str(rows[0][0])
    if revision not in KNOWN_REVISIONS:
        raise WorkspaceTooNewError(
            f"{path.name} was saved by a newer version of TrustFrame (schema {revision}). "
            "Update TrustFrame to open it; nothing was changed."
        )
    return revision


#: Alembic's ``context`` and ``op`` are module-level proxies: one migration per process at a time.
_MIGRATION_LOCK = threading.Lock()


def _run_migrations(engine: Engine | Any) -> None:
    """Upgrade to the head revision in one transaction (``engine``: an Engine, or a connection
    whose transaction the caller owns, as the server path does)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    context = engine.begin() if isinstance(engine, Engine) else contextlib.nullcontext(engine)
    with _MIGRATION_LOCK, context as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _write_identity(engine: Engine | Any) -> None:
    """Mark a freshly migrated workspace as TrustFrame's (keys already present are kept).

    ``engine`` may also be an open connection (the server path writes the identity inside the
    migration's transaction). Written with bound parameters both engines understand."""
    from sqlalchemy import text

    from trustframe import __version__

    values = (("app", APP_MARKER), ("workspace_id", str(uuid.uuid4())),
              ("created_at", datetime.now().isoformat(timespec="seconds")), ("created_by_version", __version__))
    context = engine.begin() if isinstance(engine, Engine) else contextlib.nullcontext(engine)
    with context as conn:
        present = {r[0] for r in conn.execute(text("SELECT key FROM workspace_meta"))}
        for key, value in values:
            if key not in present:
                conn.execute(text("INSERT INTO workspace_meta (key, value) VALUES (:key, :value)"),
                             {"key": key, "value": value})


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """Serialise publishing new workspaces in ``folder`` between processes (POSIX advisory lock;
    elsewhere a no-op: publishing then relies on the atomic link alone)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _publish(temp: Path, target: Path) -> bool:
    """Move the finished ``temp`` to ``target`` without ever replacing an existing workspace.

    Returns False when ``target`` already holds something (another process created it first).
    An existing empty (0-byte) file, as file dialogs and ``touch`` leave, is replaced only while
    it is still empty, under the folder lock.
    """
    with _folder_lock(target.parent):
        try:
            os.link(temp, target)  # atomic, and fails if target exists: never replaces
            return True
        except FileExistsError:
            try:
                still_empty = target.stat().st_size == 0 and not _wal_has_content(target)
            except FileNotFoundError:
                still_empty = False
            if still_empty:
                # An empty file holds nothing to lose; checked again under the folder lock.
                os.replace(temp, target)
                return True
            return False
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
                raise
        # No hard links on this file system (FAT, some network shares): create the target
        # exclusively, then copy the finished file into it.
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            return False
        with os.fdopen(fd, "wb") as out, temp.open("rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
        return True


_HOST = re.sub(r"[^A-Za-z0-9]+", "", socket.gethostname())[:32] or "host"


def _temp_name(target: Path) -> Path:
    return target.with_name(f".{target.name}.creating-{_HOST}-{os.getpid()}-{uuid.uuid4().hex[:8]}")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but belongs to someone else, or cannot be asked: assume alive
        return True
    return True


def sweep_stale_temporaries(target: Path) -> list[Path]:
    """Remove temporary files that an interrupted creation of ``target`` left behind.

    Only files named like :func:`_temp_name` for this very target are considered, and only when
    the process that made them is gone (same machine) or they are more than a day old (a
    creation takes seconds): they were never published, so they hold no one's workspace.
    """
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.creating-([A-Za-z0-9]+)-(\d+)-[0-9a-f]{{8}}"
                         r"(-wal|-shm|-journal)?$")
    removed: list[Path] = []
    try:
        entries = list(target.parent.iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = pattern.match(entry.name)
        if not match:
            continue
        try:
            old = time.time() - entry.stat().st_mtime > 86400
        except OSError:
            continue
        if old or (match.group(1) == _HOST and not _pid_alive(int(match.group(2)))):
            with contextlib.suppress(OSError):
                # An unpublished temporary of an interrupted creation (see the docstring).
                entry.unlink()
                removed.append(entry)
    return removed


def _discard_own_temp(temp: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        # Only the temporary file this call created under a unique name (pid + random part),
        # and its SQLite side files, are removed; nobody else knows that name.
        Path(f"{temp}{suffix}").unlink(missing_ok=True)


def create_workspace_file(target: Path, fill: Callable[[Path], None] | None = None,
                          replace: bool = False) -> bool:
    """Build a new workspace next to ``target`` and move it into place when complete.

    The schema, the identity and ``fill`` (if given, called with the temporary path, e.g. to add
    the demo data) all happen in a temporary file, so an interrupted creation never leaves a
    half-made workspace at ``target``. Publishing never replaces an existing file unless
    ``replace`` is true (used only for the demo file, which is rebuilt on request). Returns True
    when this call's file was published, False when another process created ``target`` first
    (open theirs). Nothing but the temporary file is ever deleted.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise (translate_fault(exc, target) or WorkspaceError(
            f"Cannot create the folder for {target}: {exc.strerror}")) from exc
    if not os.access(target.parent, os.W_OK):
        raise WorkspaceReadOnlyError(
            f"Cannot create {target.name}: the folder {target.parent} is read-only (or on a read-only disk); "
            "choose a folder you may write to.")
    sweep_stale_temporaries(target)
    temp = _temp_name(target)
    try:
        with faults_translated(target):
            engine = create_sqlite_engine(temp)
            try:
                _run_migrations(engine)
                _write_identity(engine)
            finally:
                engine.dispose()
            if fill is not None:
                fill(temp)
            # Fold the WAL into the file so the published file is complete on its own.
            con = sqlite3.connect(str(temp))
            try:
                con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                con.close()
            _discard_side_files(temp)
            if replace:
                for suffix in ("-wal", "-shm"):
                    # Replacing is only asked for the demo file, rebuilt on request: its old side
                    # files describe the content being replaced and would corrupt the new file.
                    Path(f"{target}{suffix}").unlink(missing_ok=True)
                os.replace(temp, target)
                return True
            return _publish(temp, target)
    finally:
        _discard_own_temp(temp)


def _discard_side_files(temp: Path) -> None:
    for suffix in ("-wal", "-shm"):
        # Side files of our own temporary file, empty after the checkpoint above.
        Path(f"{temp}{suffix}").unlink(missing_ok=True)


class Workspace:
    """An open workspace file. Create with :meth:`open`; close with :meth:`close`."""

    def __init__(self, path: Path, engine: Engine, read_only: bool = False,
                 lock_wait_seconds: float | None = None, location: str | None = None) -> None:
        #: The file; for a server workspace a short name used in messages only (see ``location``).
        self.path = path
        self.engine = engine
        self.read_only = read_only
        #: What names this workspace for the user and in settings: the file path, or the server
        #: URL without any password (``service=NAME`` stays as it is).
        self.location = location or str(path)
        #: "sqlite" (a workspace file) or "postgresql" (team mode on a server).
        self.dialect = engine.dialect.name
        #: How long a write keeps retrying a held lock before :class:`WorkspaceBusyError`.
        self.lock_wait_seconds = LOCK_WAIT_SECONDS if lock_wait_seconds is None else lock_wait_seconds
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(engine.execution_options(**{READ_OPTION: True}),
                                           expire_on_commit=False)
        self.backup_path: Path | None = None
        #: Per thread: how many write transactions are open (see :meth:`transaction`).
        self._writing = threading.local()

    @classmethod
    def open(cls, path: Path | str, create: bool = True, migrate: bool = True,
             read_only: bool = False, password: str | None = None) -> Workspace:
        """Open (and if needed create or migrate) the workspace at ``path``.

        Refuses, without changing a byte, a file that is not a workspace, is damaged, or was
        written by a newer version. A new workspace is built in a temporary file and moved into
        place (never over an existing file). Before migrating an older workspace a backup is
        taken; with ``migrate=False`` (read-only commands) an older workspace is refused with
        the command that upgrades it. ``read_only`` opens without any write (``query_only``).
        A PostgreSQL URL or ``service=NAME`` opens a team workspace (:meth:`open_server`;
        ``password``, asked by the front end, is used only there and never stored).
        A failure never deletes or truncates a file that existed before the call.
        """
        from trustframe.storage.locations import is_server_location

        if is_server_location(path):
            return cls.open_server(str(path), create=create, migrate=migrate, read_only=read_only,
                                   password=password)
        path = Path(path).expanduser().resolve()
        revision = inspect_file(path)
        if revision is None:
            if not create or read_only:
                raise WorkspaceError(f"There is no workspace at {path}.")
            if not path.exists() or path.stat().st_size == 0:
                try:
                    published = create_workspace_file(path)
                except WorkspaceError:
                    raise
                except Exception as exc:
                    raise WorkspaceError(f"Cannot create the workspace {path.name}: {exc}. Nothing was left "
                                         "behind.") from exc
                if not published:
                    log.info("%s was created by another program meanwhile; opening it", path)
                revision = inspect_file(path)
            if revision is None:
                # An SQLite file without tables (made by another tool): nothing in it can be lost,
                # so it is migrated in place, in one transaction.
                revision = cls._migrate_in_place(path, None)
        if not read_only and not _writable(path):
            raise WorkspaceReadOnlyError(
                f"{path.name} cannot be changed because the file, its folder or its disk is read-only; "
                "copy it to a folder you may write to (nothing was changed).")
        backup = None
        if revision != SCHEMA_HEAD:
            if not migrate or read_only:
                raise WorkspaceNeedsUpgradeError(
                    f"{path.name} was saved by an older version of TrustFrame and must be upgraded before use: "
                    f"run `trustframe --workspace {path} workspace upgrade` (it makes a backup first).")
            backup = take_backup(path, f"before-upgrade-from-{revision}")
            cls._migrate_in_place(path, backup)
        wait = lock_wait_seconds()
        engine = create_sqlite_engine(path, read_only=read_only,
                                      immutable=read_only and not os.access(path.parent, os.W_OK),
                                      busy_timeout_ms=min(BUSY_TIMEOUT_MS, max(50, int(wait * 1000))))
        ws = cls(path, engine, read_only=read_only, lock_wait_seconds=wait)
        ws.backup_path = backup
        try:
            with ws.reading() as session:  # surfaces a missing lock file or an unreadable WAL now
                session.connection().exec_driver_sql("SELECT 1 FROM workspace_meta LIMIT 1")
        except Exception:
            engine.dispose()
            raise
        return ws

    @classmethod
    def open_server(cls, location: str, create: bool = True, migrate: bool = True, read_only: bool = False,
                    password: str | None = None) -> Workspace:
        """Open a team workspace on PostgreSQL (``postgresql+psycopg://host/db`` or ``service=NAME``).

        An empty database is given the schema when ``create`` is true; an older schema is
        migrated in one transaction (refused with ``migrate=False`` or ``read_only``). A database
        that is not a workspace, or from a newer version, is refused unchanged. ``password``
        (asked by the front end) is used for this connection only, never stored.
        """
        from trustframe.storage import server

        url = server.server_url(location, password)
        name = server.short_name(url)
        engine = server.create_server_engine(url, read_only=read_only)
        try:
            try:
                revision = server.inspect_server(engine, KNOWN_REVISIONS, APP_MARKER)
            except WorkspaceError:
                raise
            except Exception as exc:
                raise server.connection_error(exc, url) from exc
            if revision is None and (not create or read_only):
                raise WorkspaceError(f"There is no workspace in the database {name}.")
            if revision != SCHEMA_HEAD:
                if revision is not None and (not migrate or read_only):
                    raise WorkspaceNeedsUpgradeError(
                        f"The team workspace {name} was saved by an older version of TrustFrame and must be "
                        f"upgraded before use: run `trustframe --workspace {server.display_location(url)} "
                        "workspace upgrade` (take a pg_dump first).")
                writer = engine if not read_only else server.create_server_engine(url)
                try:
                    server.migrate_server(writer, _run_migrations, _write_identity)
                except Exception as exc:
                    raise WorkspaceError(f"Cannot prepare the team workspace {name}: {exc}. "
                                         "The database was not changed.") from exc
                finally:
                    if writer is not engine:
                        writer.dispose()
        except BaseException:
            engine.dispose()
            raise
        return cls(Path(name), engine, read_only=read_only, lock_wait_seconds=lock_wait_seconds(),
                   location=server.display_location(url))

    def team_identity(self) -> str | None:
        """Team mode (a server workspace after ``team init``): the database login, which is the
        identity recorded everywhere (the database enforces it too). None otherwise."""
        if not self.is_server:
            return None
        from trustframe.storage import team

        with self.reading() as session:
            return team.session_user(session) if team.team_mode(session) else None

    @property
    def is_server(self) -> bool:
        """True for a team workspace on a database server (PostgreSQL)."""
        return self.dialect != "sqlite"

    @staticmethod
    def _migrate_in_place(path: Path, backup: Path | None) -> str:
        """Migrate ``path`` to the head revision in one transaction (rolled back on failure)."""
        engine = create_sqlite_engine(path)
        try:
            with faults_translated(path):
                _run_migrations(engine)
                _write_identity(engine)
        except Exception as exc:
            # The migration ran in one transaction, so the file is as it was; nothing is removed.
            kept = f" A backup taken before the upgrade is at {backup}." if backup else ""
            if isinstance(exc, WorkspaceError):
                raise WorkspaceError(f"{exc} The workspace was not changed.{kept}") from exc
            raise WorkspaceError(f"Cannot upgrade the workspace {path.name}: {exc}. "
                                 f"The workspace was not changed.{kept}") from exc
        finally:
            engine.dispose()
        log.info("Migrated %s to %s (backup: %s)", path, SCHEMA_HEAD, backup)
        return SCHEMA_HEAD

    def backup(self, reason: str) -> Path | None:
        """Take a backup of this workspace now (before an import, a restore...).

        A team workspace on a server has no file to copy: its backups are the server's
        (``pg_dump``, docs/team-mode.md), so nothing is taken here and None is returned."""
        if self.is_server:
            return None
        self.backup_path = take_backup(self.path, reason)
        return self.backup_path

    def _begin_write(self) -> Session:
        """A session whose write transaction has begun (BEGIN IMMEDIATE holds the write lock).

        SQLite waits up to the busy timeout for another writer; when the lock outlasts that, the
        attempt is repeated with a growing pause until :attr:`lock_wait_seconds` have passed,
        then :class:`WorkspaceBusyError` says so in one sentence. Nothing has been done yet at
        this point, so retrying is always safe.
        """
        deadline = time.monotonic() + self.lock_wait_seconds
        pause = 0.05
        while True:
            session = self._sessions()
            try:
                session.begin()
                session.connection()  # runs BEGIN IMMEDIATE now, before any of the caller's work
                return session
            except Exception as exc:
                session.close()
                if not is_lock_error(exc):
                    fault = translate_fault(exc, self.path)
                    if fault is not None:
                        raise fault from exc
                    raise
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise WorkspaceBusyError(
                        f"Another program is writing to the workspace {self.path.name}; try again in a moment "
                        "(nothing was lost).") from exc
                log.info("Workspace %s is locked by another program; retrying", self.path)
                time.sleep(min(pause, remaining))
                pause = min(pause * 2, 1.0)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any exception.

        The write lock is taken when the block starts (waiting for another program if needed);
        a lock, read-only or full-disk failure becomes a one-sentence :class:`WorkspaceError`.
        """
        if self.read_only:
            raise WorkspaceReadOnlyError(f"{self.path.name} was opened for reading only; nothing was changed.")
        depth = getattr(self._writing, "depth", 0)
        if depth:
            # A transaction opened inside another one on this thread would wait for the lock its
            # own outer transaction holds. It keeps the deferred BEGIN it always had instead
            # (fine for reads; a write there is a bug that SQLite reports at once).
            log.warning("Nested write transaction on %s; the inner one begins deferred", self.path)
            session = self._read_sessions()
        else:
            session = self._begin_write()
        self._writing.depth = depth + 1
        try:
            with faults_translated(self.path):
                try:
                    yield session
                except BaseException:
                    session.rollback()
                    raise
                session.commit()
        finally:
            self._writing.depth = depth
            session.close()

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads only (rolled back at the end; takes no write lock)."""
        session = self._read_sessions()
        try:
            with faults_translated(self.path):
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

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
