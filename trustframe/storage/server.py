"""Team mode: a workspace in a PostgreSQL database instead of a file (docs/team-mode.md).

A server location is a SQLAlchemy URL (``postgresql+psycopg://host/db``, ``postgresql://...``)
or a libpq service name (``service=trustframe``). Passwords follow libpq's conventions
(``~/.pgpass``, the service file, ``PGPASSWORD``) or are asked each time by the front end; a
location is only ever shown or remembered without its password (:func:`display_location`).

The same Alembic migrations create and upgrade both engines. A server workspace is created or
migrated in one transaction under an advisory lock, so two programs opening a new database at
once end with one schema, and a failed migration leaves the database as it was (PostgreSQL's DDL
is transactional). There are no file backups on a server: use ``pg_dump`` (docs/team-mode.md).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import URL, make_url

from trustframe.errors import NotAWorkspaceError, WorkspaceDamagedError, WorkspaceError, WorkspaceTooNewError
from trustframe.storage.locations import SERVER_PREFIXES, is_server_location  # noqa: F401 (re-exported)

#: Arbitrary but fixed: serialises creating/migrating one database between programs.
MIGRATION_LOCK_KEY = 7_243_551_001


def server_url(location: str, password: str | None = None) -> URL:
    """The SQLAlchemy URL (psycopg 3 driver) of a server location.

    ``service=NAME`` becomes a URL whose only parameter is the libpq service, so host, port,
    database and user come from the service file. ``password`` (asked by a front end) is added
    to the URL in memory only.
    """
    text_ = location.strip()
    if text_.startswith("service="):
        name = text_.split("=", 1)[1].strip()
        if not name:
            raise WorkspaceError("A service location needs a name: service=NAME (see ~/.pg_service.conf).")
        url = URL.create("postgresql+psycopg", query={"service": name})
    else:
        if text_.startswith("postgres://"):
            text_ = "postgresql://" + text_[len("postgres://"):]
        try:
            url = make_url(text_)
        except Exception as exc:
            raise WorkspaceError(f"{display_location(location)} is not a valid PostgreSQL URL: {exc}") from exc
        url = url.set(drivername="postgresql+psycopg")
    if password:
        url = url.set(password=password)
    return url


def display_location(location: str | URL) -> str:
    """The location as it may be shown and remembered: never with a password."""
    if isinstance(location, URL):
        url = location
    else:
        text_ = location.strip()
        if text_.startswith("service="):
            return text_
        try:
            url = make_url(text_)
        except Exception:  # noqa: BLE001 - any text SQLAlchemy cannot read is shown by its host part
            return text_.split("@")[-1]
    if url.query.get("service") and not url.host and not url.database:
        return f"service={url.query['service']}"
    return url._replace(password=None).render_as_string(hide_password=False)


def short_name(url: URL) -> str:
    """A short name for messages: ``db on host`` or ``service=NAME``."""
    if url.query.get("service") and not url.database:
        return f"service={url.query['service']}"
    return f"{url.database or 'postgres'} on {url.host or 'localhost'}"


def create_server_engine(url: URL, *, read_only: bool = False) -> Engine:
    """An engine for a server workspace. ``read_only`` makes every transaction read-only on the
    server, so reading commands cannot change anything even by mistake."""
    connect_args: dict[str, Any] = {"connect_timeout": 10, "application_name": "trustframe"}
    if read_only:
        connect_args["options"] = "-c default_transaction_read_only=on"
    return create_engine(url, future=True, pool_pre_ping=True, connect_args=connect_args)


def needs_password(exc: BaseException) -> bool:
    """True when a connection failed only because no (or a wrong) password was given."""
    message = str(getattr(exc, "orig", exc) or exc).lower()
    return "password" in message and ("no password supplied" in message or "authentication failed" in message)


def connection_error(exc: BaseException, url: URL) -> WorkspaceError:
    """One sentence for a server that cannot be reached or refuses the login."""
    detail = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return WorkspaceError(f"Cannot connect to the team workspace {short_name(url)}: {detail}. Check the address, "
                          "that the server runs and that your login may connect (nothing was changed).")


def inspect_server(engine: Engine, known_revisions: tuple[str, ...], app_marker: str) -> str | None:
    """The schema revision of a server workspace, or None for an empty database.

    Like :func:`trustframe.storage.database.inspect_file`: a database with other tables, or
    TrustFrame's tables without a marker or revision, or from a newer version, is refused unchanged.
    """
    name = short_name(engine.url)
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        if not tables:
            return None
        if "workspace_meta" not in tables or "alembic_version" not in tables:
            shown = ", ".join(sorted(tables)[:6])
            raise NotAWorkspaceError(f"The database {name} is not a TrustFrame workspace (it has the tables {shown}). "
                                     "Nothing was changed.")
        marker = conn.execute(text("SELECT value FROM workspace_meta WHERE key = 'app'")).fetchone()
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).fetchall()
    if not marker or marker[0] != app_marker or len(rows) != 1:
        raise WorkspaceDamagedError(f"The database {name} has TrustFrame's tables but no valid marker or schema "
                                    "revision; nothing was changed.")
    revision = str(rows[0][0])
    if revision not in known_revisions:
        raise WorkspaceTooNewError(f"The database {name} was saved by a newer version of TrustFrame (schema "
                                   f"{revision}). Update TrustFrame to open it; nothing was changed.")
    return revision


def migrate_server(engine: Engine, run_migrations: Any, write_identity: Any) -> None:
    """Create or upgrade the schema in one transaction, serialised by an advisory lock (a second
    program waits, then finds the schema current and does nothing)."""
    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        run_migrations(conn)
        write_identity(conn)


def session_user(engine: Engine) -> str:
    """The database login of this connection: the identity recorded in team mode."""
    with engine.connect() as conn:
        return str(conn.execute(text("SELECT session_user")).scalar_one())
