"""A team workspace's dropped connection is one plain error, whatever psycopg calls it."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from trustframe.errors import ConnectionLostError
from trustframe.storage.faults import translate


@pytest.mark.parametrize("error", [
    psycopg.OperationalError("server closed the connection unexpectedly"),
    psycopg.InterfaceError("the connection is closed"),
])
def test_a_lost_server_connection_is_said_plainly(error: Exception) -> None:
    fault = translate(error, Path("trustframe on db.example"))
    assert isinstance(fault, ConnectionLostError)
    assert "connection to the team workspace" in str(fault) and "not saved" in str(fault)


def test_other_driver_errors_are_not_taken_for_a_lost_connection() -> None:
    assert translate(psycopg.DataError("invalid input syntax"), Path("w")) is None
