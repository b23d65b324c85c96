"""Imported by the report ``forkserver`` as its first preload module: ties the server to the
application that started it (see :func:`trustframe.lifeline.tie_forkserver_to_parent`).

Importing this module has that effect and nothing else; only
:func:`trustframe.reports.parallel.executor` names it, in the server's preload list. Never import
it in the application itself (it would end the application when its parent, e.g. a shell, ends).
"""

from __future__ import annotations

from trustframe import lifeline

lifeline.tie_forkserver_to_parent()
