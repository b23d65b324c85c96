"""Alembic environment: runs on the connection handed over by ``storage.database``."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from trustframe.storage.orm import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    """Run migrations on the caller's connection (inside its transaction)."""
    connection = context.config.attributes.get("connection")
    if connection is None:
        from pathlib import Path

        from trustframe.storage.database import create_sqlite_engine

        url = context.config.get_main_option("sqlalchemy.url") or ""
        engine = create_sqlite_engine(Path(url.replace("sqlite:///", "")))
        with engine.begin() as conn:
            _configure(conn)
        return
    _configure(connection)


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite needs batch mode for ALTER
        compare_type=True,
    )
    context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("TrustFrame migrations run online only.")
run_migrations_online()
