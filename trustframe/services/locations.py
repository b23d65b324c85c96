"""Where a workspace lives (a file or a team server), for the front ends, which do not import
``trustframe.storage`` directly (an import-linter contract in pyproject.toml).

The main window imports this at start-up: it imports only :mod:`trustframe.storage.locations`
(string checks, no database code).
"""

from __future__ import annotations

from trustframe.storage.locations import is_server_location

__all__ = ["is_server_location"]
