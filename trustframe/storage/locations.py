"""What a workspace location names: a file, or a team workspace on PostgreSQL.

Kept free of SQLAlchemy (and of Qt) so the GUI's start-up and the CLI can decide which way to open
a workspace before loading the database toolkit; ``storage.server`` re-exports it.
"""

from __future__ import annotations

#: URL schemes of a PostgreSQL workspace (``service=NAME`` names a libpq service instead).
SERVER_PREFIXES = ("postgresql://", "postgresql+psycopg://", "postgres://")


def is_server_location(location: object) -> bool:
    """True when ``location`` names a PostgreSQL workspace (a URL or ``service=NAME``)."""
    if not isinstance(location, str):
        return False
    text = location.strip()
    return text.startswith(SERVER_PREFIXES) or text.startswith("service=")
