"""The ``trustframe`` command: no sub-command opens the GUI, sub-commands are the CLI."""

from __future__ import annotations

import os
import sys

NO_DISPLAY_MESSAGE = (
    "TrustFrame cannot open its window: no display was found (DISPLAY is not set).\n"
    "On a headless machine run it under a virtual display:  xvfb-run -a trustframe\n"
    "The command line works without a display: trustframe --help"
)


def has_display() -> bool:
    """False on Linux/BSD when neither X11 nor Wayland is reachable and Qt was not told to
    render off screen; Qt would otherwise abort the process with a cryptic message."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM"))


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the GUI or the CLI."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:
        # Answered before anything else is imported (the parser imports every command module).
        from trustframe import __version__

        print(f"TrustFrame {__version__}")
        return 0
    if not args or (len(args) == 2 and args[0] == "--workspace") or args == ["gui"]:
        if not has_display():
            print(NO_DISPLAY_MESSAGE, file=sys.stderr)
            return 1
        from trustframe import app

        workspace = args[1] if len(args) == 2 and args[0] == "--workspace" else None
        return app.main(workspace=workspace)
    from trustframe import cli

    return cli.main(args)
