"""What the GUI needs from the workspace file before SQLAlchemy and the services load.

The window shows the register of the start-up workspace before SQLAlchemy is imported (see
:mod:`trustframe.ui.startup`), through the sqlite3-only reader of :mod:`trustframe.storage.light`.
The front ends do not import ``trustframe.storage`` directly (an import-linter contract in
pyproject.toml), so the few light functions they need are offered here.

Keep this module cheap at import: only the standard library, the domain and the light storage
modules, never SQLAlchemy or another service (``tests/test_architecture.py`` checks it).
"""

from __future__ import annotations

from trustframe.storage.light import LightReader, open_reader
from trustframe.storage.register_filters import SORT_COLUMNS, RegisterCounts, RegisterQuery

__all__ = ["SORT_COLUMNS", "LightReader", "RegisterCounts", "RegisterQuery", "open_reader"]
