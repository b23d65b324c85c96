"""A throwaway PostgreSQL cluster for the tests (team mode, docs/team-mode.md).

Started once per test session, only when a test asks for it: ``initdb`` into a temporary folder
and ``pg_ctl start`` on a free loopback port with ``fsync=off`` (nothing in it must survive a
crash), as the ``postgres`` user when the tests run as root (the server refuses to run as root).
Stopped, and its folder removed, when the session ends.

Without the server binaries (Debian package ``postgresql``) or psycopg the PostgreSQL tests skip
with a message saying what is missing; ``TRUSTFRAME_REQUIRE_POSTGRES=1`` (set by ``.ci/run``)
turns that skip into a failure, so CI cannot pass with the team-mode tests silently skipped.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest

REQUIRE_ENV = "TRUSTFRAME_REQUIRE_POSTGRES"
BIN_ENV = "TRUSTFRAME_PG_BIN"


def required() -> bool:
    """True when a missing server must fail the run instead of skipping (CI)."""
    return os.environ.get(REQUIRE_ENV, "").strip() not in ("", "0", "false", "no")


def unavailable(reason: str) -> None:
    """Skip the calling test, or fail it when PostgreSQL is required."""
    message = f"PostgreSQL tests need a server: {reason}"
    if required():
        pytest.fail(f"{message} ({REQUIRE_ENV}=1 is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(message)


def find_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl: $TRUSTFRAME_PG_BIN, Debian's newest
    /usr/lib/postgresql/N/bin, or the folder of an initdb on PATH."""
    candidates: list[str] = []
    if os.environ.get(BIN_ENV):
        # Named explicitly: used alone (a wrong folder means no server, not another one).
        folder = Path(os.environ[BIN_ENV])
        return folder if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file() else None
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                         key=lambda p: int(Path(p).parent.name) if Path(p).parent.name.isdigit() else 0,
                         reverse=True)
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).parent))
    for folder in candidates:
        if (Path(folder) / "initdb").is_file() and (Path(folder) / "pg_ctl").is_file():
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """A running throwaway cluster; ``url(db)`` gives a SQLAlchemy URL for one database."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="trustframe-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.port = 0
        self.superuser = "postgres"
        self._as_user: str | None = None
        if os.geteuid() == 0:
            # The server refuses to run as root: initdb and pg_ctl run as the postgres user.
            try:
                entry = pwd.getpwnam("postgres")
            except KeyError:
                shutil.rmtree(self.root, ignore_errors=True)
                raise RuntimeError("running as root but there is no 'postgres' user to run the server as") from None
            os.chown(self.root, entry.pw_uid, entry.pw_gid)
            self._as_user = "postgres"

    def _run(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        command = [str(a) for a in args]
        if self._as_user:
            runuser = shutil.which("runuser")
            command = ([runuser, "-u", self._as_user, "--"] + command if runuser
                       else ["su", self._as_user, "-s", "/bin/sh", "-c", " ".join(_quote(c) for c in command)])
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd="/")

    def start(self) -> None:
        """initdb, then start on a free port (retried: another program may take the port first)."""
        result = self._run(self.bindir / "initdb", "-D", str(self.data), "-U", self.superuser, "-A", "trust",
                           "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        if result.returncode != 0:
            # Some systems lack the C.UTF-8 locale: fall back to the C locale.
            shutil.rmtree(self.data, ignore_errors=True)
            result = self._run(self.bindir / "initdb", "-D", str(self.data), "-U", self.superuser, "-A", "trust",
                               "-E", "UTF8", "--locale=C", "--no-sync")
        if result.returncode != 0:
            raise RuntimeError(f"initdb failed: {result.stderr.strip() or result.stdout.strip()}")
        last = ""
        for _attempt in range(5):
            self.port = _free_port()
            options = (f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
            result = self._run(self.bindir / "pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w",
                               "-t", "30", "-o", options, "start")
            if result.returncode == 0:
                return
            last = result.stderr.strip() or result.stdout.strip()
            time.sleep(0.2)
        log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
        raise RuntimeError(f"pg_ctl start failed: {last}\n{log}")

    def stop(self) -> None:
        """Stop the server and remove its folder (it was created by this session only)."""
        try:
            self._run(self.bindir / "pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", timeout=30)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres", user: str | None = None) -> str:
        """A SQLAlchemy URL (psycopg 3) for ``database`` as ``user`` (the superuser by default)."""
        return f"postgresql+psycopg://{user or self.superuser}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement as the superuser on the maintenance database (autocommit)."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=self.superuser, dbname="postgres",
                             autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def new_database(self, template: str | None = None) -> str:
        """Create a fresh database (from ``template`` when given) and return its name."""
        name = "t_" + uuid.uuid4().hex[:16]
        sql = f'CREATE DATABASE "{name}"'
        if template:
            sql += f' TEMPLATE "{template}"'
            if self._server_version() >= 150000:
                # PostgreSQL 15's default (WAL_LOG) writes every page of the copy to the WAL; a file
                # copy is faster for these small workspaces, and fsync=off makes its checkpoint cheap.
                sql += " STRATEGY FILE_COPY"
        self.admin(sql)
        return name

    def drop_database(self, name: str) -> None:
        """Drop a test's database (its connections are ended first), so that a session of a few
        hundred tests does not leave a gigabyte of copies to write and then delete. Best effort:
        the whole cluster is removed when the session ends anyway."""
        import psycopg

        force = " WITH (FORCE)" if self._server_version() >= 130000 else ""
        try:
            self.admin(f'DROP DATABASE IF EXISTS "{name}"{force}')
        except psycopg.Error:
            pass

    def _server_version(self) -> int:
        """The server's version number (e.g. 150010), asked once."""
        if not getattr(self, "_version", 0):
            import psycopg

            with psycopg.connect(host="127.0.0.1", port=self.port, user=self.superuser, dbname="postgres") as conn:
                self._version = int(conn.info.server_version)
        return self._version


def _quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


def start_cluster() -> Cluster:
    """Start a cluster, or skip/fail (see :func:`unavailable`) saying what is missing."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        unavailable("the Python driver psycopg is not installed (pip install 'psycopg[binary]')")
    bindir = find_bindir()
    if bindir is None:
        unavailable("no PostgreSQL server binaries (initdb, pg_ctl) found; install the Debian package "
                    "'postgresql' (make setup does it as root) or set TRUSTFRAME_PG_BIN")
    try:
        cluster = Cluster(bindir)  # type: ignore[arg-type]
    except RuntimeError as exc:
        unavailable(str(exc))
    try:
        cluster.start()
    except (RuntimeError, subprocess.TimeoutExpired, OSError) as exc:
        cluster.stop()
        unavailable(f"the throwaway cluster did not start: {exc}")
    return cluster
