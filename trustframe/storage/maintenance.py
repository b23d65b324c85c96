"""Checking, repairing and restoring workspace files, without ever changing the original
unless the user asked for exactly that (restore, which backs up first).

- :func:`check_file` reads a file (read-only) and says what it is: a good workspace, one that
  needs an upgrade, one from a newer version, a damaged one (with what was found), or not a
  workspace at all; it runs ``PRAGMA integrity_check`` and ``PRAGMA foreign_key_check``.
- :func:`repair_copy` copies the file next to itself and repairs the copy: the original is
  kept byte for byte.
- :func:`restore_backup` copies a backup's content back into the workspace with SQLite's online
  backup API (after backing up the current content), so the file is never removed or truncated.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from trustframe.errors import NotAWorkspaceError, WorkspaceDamagedError, WorkspaceError, WorkspaceTooNewError
from trustframe.storage import database
from trustframe.storage.backups import take_backup
from trustframe.storage.faults import translate


@dataclass
class CheckReport:
    """What :func:`check_file` found."""

    path: Path
    #: "ok", "needs-upgrade", "too-new", "damaged", "not-a-workspace", "missing"
    state: str
    summary: str
    revision: str | None = None
    tables: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the file is a healthy workspace this version can use (maybe after an upgrade)."""
        return self.state in ("ok", "needs-upgrade") and not self.findings


def _connect_ro(path: Path) -> sqlite3.Connection:
    import os

    immutable = "&immutable=1" if not os.access(path.parent, os.W_OK) else ""
    return sqlite3.connect(f"file:{path}?mode=ro{immutable}", uri=True, timeout=database.BUSY_TIMEOUT_MS / 1000)


def _head_schema() -> dict[str, set[str]]:
    """Table -> columns of a fresh workspace at the head revision (built in memory)."""
    from sqlalchemy import create_engine

    engine = create_engine("sqlite://")
    try:
        database._run_migrations(engine)
        with engine.connect() as conn:
            return _schema_of(conn.connection.dbapi_connection)  # type: ignore[arg-type]
    finally:
        engine.dispose()


def _schema_of(con: sqlite3.Connection) -> dict[str, set[str]]:
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    return {t: {r[1] for r in con.execute(f'PRAGMA table_info("{t}")')} for t in tables}


def _structural_findings(con: sqlite3.Connection) -> list[str]:
    findings: list[str] = []
    try:
        rows = [r[0] for r in con.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as exc:
        return [f"the integrity check could not run: {exc}"]
    if rows != ["ok"]:
        findings.extend(f"integrity: {r}" for r in rows)
    try:
        violations = con.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        findings.append(f"the foreign key check could not run: {exc}")
        return findings
    by_table: dict[tuple[str, str], int] = {}
    for table, _rowid, parent, _fk in violations:
        by_table[(table, parent)] = by_table.get((table, parent), 0) + 1
    findings.extend(f"foreign keys: {n} row(s) of {t} refer to missing rows of {p}"
                    for (t, p), n in sorted(by_table.items()))
    return findings


def check_file(path: Path) -> CheckReport:
    """Examine ``path`` without changing it and say what it is and what is wrong with it."""
    path = Path(path).expanduser().resolve()
    if not path.exists():
        return CheckReport(path, "missing", f"There is no file at {path}.")
    state, revision = "ok", None
    try:
        revision = database.inspect_file(path)
        if revision is None:
            return CheckReport(path, "not-a-workspace", f"{path.name} is empty: it holds no workspace yet.")
        summary = f"{path.name} is a TrustFrame workspace (schema {revision})."
        if revision != database.SCHEMA_HEAD:
            state = "needs-upgrade"
            summary += (f" It was saved by an older version; `trustframe --workspace {path} workspace upgrade` "
                        "upgrades it after a backup.")
    except WorkspaceTooNewError as exc:
        state, summary = "too-new", str(exc)
    except WorkspaceDamagedError as exc:
        state, summary = "damaged", str(exc)
    except NotAWorkspaceError as exc:
        state, summary = "not-a-workspace", str(exc)
    report = CheckReport(path, state, summary, revision)
    if state == "not-a-workspace" and ("not an SQLite database" in summary or path.is_dir()):
        return report  # nothing SQLite could check
    try:
        con = _connect_ro(path)
        try:
            schema = _schema_of(con)
            report.tables = sorted(schema)
            if state == "damaged":
                rows = con.execute("SELECT version_num FROM alembic_version").fetchall() \
                    if "alembic_version" in schema else []
                report.findings.append(f"schema revision rows: {[r[0] for r in rows]}")
                missing = sorted(set(_head_schema()) - set(schema))
                if missing:
                    report.findings.append(f"TrustFrame tables missing: {', '.join(missing)}")
            report.findings.extend(_structural_findings(con))
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        report.findings.append(f"the file cannot be read as an SQLite database: {exc}")
        if state == "ok":
            report.state = "damaged"
    if report.findings and report.state == "ok":
        report.state = "damaged"
        report.summary = f"{path.name} is a TrustFrame workspace (schema {revision}), but it is damaged."
    return report


@dataclass
class RepairResult:
    """What :func:`repair_copy` did."""

    original: Path
    copy: Path
    actions: list[str]
    after: CheckReport


def _copy_database(src_path: Path, dst_path: Path) -> list[str]:
    """Copy ``src_path`` into a new file; falls back to a row-by-row dump for damaged files."""
    src = _connect_ro(src_path)
    try:
        dst = sqlite3.connect(str(dst_path))
        try:
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
                return [f"copied {src_path.name} to {dst_path.name}"]
            except sqlite3.DatabaseError:
                pass  # too damaged for the online backup: the salvage below copies what it can
        finally:
            dst.close()
    finally:
        src.close()
    # The page copy failed (damaged pages): salvage what SQL can still read, statement by statement.
    dst_path.write_bytes(b"")  # our own new file (created just above), emptied before the salvage
    src = _connect_ro(src_path)
    dst = sqlite3.connect(str(dst_path), isolation_level=None)
    skipped = 0
    try:
        dst.execute("BEGIN")
        try:
            for statement in src.iterdump():
                if statement in ("BEGIN TRANSACTION;", "COMMIT;"):
                    continue
                try:
                    dst.execute(statement)
                except sqlite3.Error:
                    skipped += 1
        except sqlite3.DatabaseError:
            skipped += 1
        dst.execute("COMMIT")
    finally:
        src.close()
        dst.close()
    return [f"salvaged what could be read from {src_path.name} into {dst_path.name}"
            + (f" ({skipped} statement(s) could not be recovered)" if skipped else "")]


def repair_copy(path: Path, target: Path | None = None) -> RepairResult:
    """Repair a copy of ``path`` (the original is not changed) and check the copy.

    Repairs: a missing schema revision is restored when the tables match this version's schema
    exactly; a missing TrustFrame marker is restored in the same case; damaged pages are
    salvaged row by row. Foreign-key problems are reported, not "fixed" by deleting rows.
    """
    path = Path(path).expanduser().resolve()
    if not path.exists():
        raise WorkspaceError(f"There is no file at {path}.")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = target or path.with_name(f"{path.stem}.repaired-{stamp}{path.suffix or '.tfw'}")
    if target.exists():
        raise WorkspaceError(f"{target} already exists; choose another name for the repaired copy.")
    try:
        actions = _copy_database(path, target)
        con = sqlite3.connect(str(target), isolation_level=None)
        try:
            schema = _schema_of(con)
            head = _head_schema()
            matches = all(t in schema and head[t] <= schema[t] for t in head)
            rows = con.execute("SELECT version_num FROM alembic_version").fetchall() \
                if "alembic_version" in schema else []
            known = len(rows) == 1 and rows[0][0] in database.KNOWN_REVISIONS
            if not known:
                if matches:
                    con.execute("BEGIN")
                    con.execute("DELETE FROM alembic_version")
                    con.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (database.SCHEMA_HEAD,))
                    con.execute("COMMIT")
                    actions.append(f"the tables match schema {database.SCHEMA_HEAD}: recorded that revision")
                else:
                    actions.append("the tables do not match this version's schema: the revision was left as found")
            if matches and "workspace_meta" in schema:
                marker = con.execute("SELECT value FROM workspace_meta WHERE key='app'").fetchone()
                if not marker or marker[0] != database.APP_MARKER:
                    con.execute("INSERT OR REPLACE INTO workspace_meta (key, value) VALUES ('app', ?)",
                                (database.APP_MARKER,))
                    actions.append("restored the TrustFrame marker")
        finally:
            con.close()
    except (OSError, sqlite3.Error) as exc:
        fault = translate(exc, target)
        raise WorkspaceError(f"The repaired copy could not be written: {fault or exc}. "
                             f"{path.name} was not changed.") from exc
    return RepairResult(path, target, actions, check_file(target))


def restore_backup(workspace: Path, backup: Path) -> Path:
    """Replace the content of ``workspace`` with that of ``backup``; returns the backup of the
    content it replaced.

    The backup is checked first (a workspace this version can open, passing the integrity
    check). The current content is backed up, then the backup's pages are copied in with
    SQLite's online backup API, which takes the write lock like any writer: other programs see
    the old or the new content, never a mix, and the file itself is never removed.
    """
    workspace = Path(workspace).expanduser().resolve()
    backup = Path(backup).expanduser().resolve()
    if workspace == backup:
        raise WorkspaceError("Choose a backup file, not the workspace itself.")
    report = check_file(backup)
    if report.state not in ("ok", "needs-upgrade") or report.findings:
        details = "; ".join(report.findings[:3])
        raise WorkspaceError(f"{backup.name} cannot be restored: {report.summary}"
                             + (f" ({details})" if details else "") + f" {workspace.name} was not changed.")
    safety = take_backup(workspace, "before-restore") if workspace.exists() else None
    try:
        src = _connect_ro(backup)
        try:
            dst = sqlite3.connect(str(workspace), timeout=database.BUSY_TIMEOUT_MS / 1000)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except (OSError, sqlite3.Error) as exc:
        fault = translate(exc, workspace)
        raise WorkspaceError(f"{backup.name} could not be restored: {fault or exc}. The content before the "
                             f"restore is in {safety}.") from exc
    return safety if safety is not None else workspace
