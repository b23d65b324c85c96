"""The ``trustframe`` command: no sub-command opens the GUI, sub-commands are the CLI."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the GUI or the CLI."""
    args = sys.argv[1:] if argv is None else argv
    if not args or (len(args) == 2 and args[0] == "--workspace") or args == ["gui"]:
        from trustframe import app

        workspace = args[1] if len(args) == 2 and args[0] == "--workspace" else None
        return app.main(workspace=workspace)
    from trustframe import cli

    return cli.main(args)
