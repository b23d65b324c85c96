"""The command line (no Qt): ``trustframe [--workspace PATH] [--json] COMMAND ...``.

Exit codes: 0 success, 1 problems found (invalid file, unknown vendor...), 2 usage error.
Each command module registers its sub-commands through ``register(subparsers, groups)``;
``groups`` holds the sub-parser collections of command groups (``assessment``, ``report``...)
so other modules can add to them.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from trustframe import __version__
from trustframe.errors import TrustFrameError, ValidationFailed, WorkspaceError, describe_fault

#: Command modules, in help order. Missing optional modules are skipped.
COMMAND_MODULES = (
    "trustframe.cli.core",
    "trustframe.cli.scoring_commands",
    "trustframe.cli.exchange_commands",
    "trustframe.cli.report_commands",
    "trustframe.cli.bank_commands",
    "trustframe.cli.export_commands",
    "trustframe.cli.workspace_commands",
    "trustframe.cli.team_commands",
)


class CliContext:
    """What a command gets: parsed arguments, the output helpers and the open services."""

    def __init__(self, args: argparse.Namespace, out: Any = None, err: Any = None) -> None:
        self.args = args
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self._services: Any = None

    @property
    def json(self) -> bool:
        """True when ``--json`` was given."""
        return bool(getattr(self.args, "json", False))

    @property
    def services(self) -> Any:
        """Services of the workspace named by ``--workspace`` (or the default one), opened once."""
        if self._services is None:
            from trustframe import paths
            from trustframe.services.context import Services

            announce = False
            from trustframe.storage.locations import is_server_location

            if self.args.workspace and is_server_location(self.args.workspace):
                self._services = self._open_server(self.args.workspace)
                return self._services
            if self.args.workspace:
                path = Path(self.args.workspace).expanduser()
                if not path.exists():
                    # A mistyped path must not silently become an empty workspace: only commands
                    # that start one (vendor add, demo) create it, and they say so.
                    if not getattr(self.args, "creates_workspace", False):
                        raise WorkspaceError(
                            f"There is no workspace at {path}. Check the path, or create one with "
                            f"`trustframe --workspace {path} vendor add NAME` (or open the app).")
                    if not path.parent.is_dir():
                        raise WorkspaceError(f"The folder {path.parent} does not exist.")
                    announce = True
            else:
                path = paths.default_workspace_path()
            from trustframe import actor

            mode = workspace_mode(self.args)
            self._services = Services.open(path, user=actor.resolve(getattr(self.args, "actor", None)),
                                           migrate=mode == "write", read_only=mode == "read")
            if announce:
                # Said once the workspace exists: a creation that failed prints only its error.
                print(f"Created a new workspace at {path}", file=self.err)
        return self._services

    def _open_server(self, location: str) -> Any:
        """A team workspace on PostgreSQL. Only commands that start a workspace create its schema
        in an empty database. When the server asks for a password that libpq's files do not
        give, it is asked on the terminal (never stored)."""
        from trustframe import actor
        from trustframe.services.context import Services
        from trustframe.storage.database import Workspace
        from trustframe.storage.server import needs_password

        mode = workspace_mode(self.args)
        create = bool(getattr(self.args, "creates_workspace", False)) or mode == "server-admin"
        migrate, read_only = mode in ("write", "server-admin"), mode == "read"
        try:
            workspace = Workspace.open_server(location, create=create, migrate=migrate, read_only=read_only)
        except WorkspaceError as exc:
            if not (needs_password(exc.__cause__ or exc) and sys.stdin.isatty()):
                raise
            workspace = Workspace.open_server(location, password=_ask_secret("Password: "), create=create,
                                              migrate=migrate, read_only=read_only)
        return Services(workspace, user=actor.resolve(getattr(self.args, "actor", None)))

    def print(self, text: str = "") -> None:
        """Write a line of human output."""
        print(text, file=self.out)

    def emit_json(self, data: Any) -> None:
        """Write data as JSON."""
        json.dump(data, self.out, indent=2, ensure_ascii=False, default=str)
        self.out.write("\n")

    def close(self) -> None:
        """Close the workspace if it was opened."""
        if self._services is not None:
            self._services.close()


def _ask_secret(prompt: str) -> str:
    """Read a password from the terminal without showing it (team workspaces; never stored)."""
    print(prompt, end="", file=sys.stderr, flush=True)
    try:
        import termios
    except ImportError:  # pragma: no cover - Windows: the console cannot hide it this way
        return input()
    fd = sys.stdin.fileno()
    before = termios.tcgetattr(fd)
    hidden = termios.tcgetattr(fd)
    hidden[3] &= ~termios.ECHO
    try:
        termios.tcsetattr(fd, termios.TCSADRAIN, hidden)
        return sys.stdin.readline().rstrip("\n")
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, before)
        print(file=sys.stderr)


Handler = Callable[[CliContext], int]

#: Sub-commands that only look at the workspace: opened read-only, never created or migrated.
READ_ONLY_SUBCOMMANDS = frozenset({"list", "show", "score", "compare", "register", "summary", "crosswalk", "diff"})
#: Commands that only read the workspace (reports and exports write their own files, not the workspace).
READ_ONLY_COMMANDS = frozenset({"report", "export"})
#: Commands that write a record but must not migrate the workspace as a side effect.
NO_MIGRATION_COMMANDS = frozenset({"export-questionnaire"})


def workspace_mode(args: argparse.Namespace) -> str:
    """How a command opens the workspace: "read" (never writes or migrates), "no-migrate"
    (may record what it did, never migrates) or "write" (may create and migrate, after a backup).

    A command module can decide for itself with ``set_defaults(workspace_mode=...)``."""
    explicit = getattr(args, "workspace_mode", None)
    if explicit:
        return str(explicit)
    command = getattr(args, "command", None)
    if command in READ_ONLY_COMMANDS or getattr(args, "subcommand", None) in READ_ONLY_SUBCOMMANDS:
        return "read"
    if command in NO_MIGRATION_COMMANDS:
        return "no-migrate"
    return "write"


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser with every registered command."""
    import functools
    import gettext
    import importlib

    # argparse asks gettext for a translation in every parser it builds (about 90 times here),
    # and each call searches the locale folders again: half of --help's time. The answer cannot
    # change while the parser is built, so the lookups are cached for the duration.
    find = gettext.find
    # typeshed types gettext.find with overloads, which a cached wrapper cannot restate
    gettext.find = functools.lru_cache(maxsize=None)(find)  # type: ignore[assignment]
    try:
        return _build_parser(importlib)
    finally:
        gettext.find = find


def _build_parser(importlib: Any) -> argparse.ArgumentParser:

    parser = argparse.ArgumentParser(
        prog="trustframe",
        description="Assess the trustworthiness of ICT products and services. "
                    "Run without a command to open the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"TrustFrame {__version__}")
    parser.add_argument("--workspace", metavar="PATH",
                        help="workspace file (default: the one in your user data folder)")
    parser.add_argument("--json", action="store_true", help="print data as JSON")
    parser.add_argument("--actor", metavar="NAME",
                        help="your name for the change log and reports (default: TRUSTFRAME_USER, else the "
                             "name set in the app's Preferences)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    groups: dict[str, Any] = {}
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(subparsers, groups)
    _accept_json_anywhere(parser)
    return parser


def _accept_json_anywhere(parser: argparse.ArgumentParser) -> None:
    """Let ``--json`` follow the command too (``assessment list --json``), not only precede it.

    The local flag uses SUPPRESS as its default so it never resets a global ``--json``."""
    for action in parser._actions:  # argparse has no public API to walk sub-parsers
        if isinstance(action, argparse._SubParsersAction):
            for sub in set(action.choices.values()):
                _accept_json_anywhere(sub)
            return
    if parser is not None and not any("--json" in a.option_strings for a in parser._actions):
        parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print data as JSON")


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help/--version exit 0
        return int(exc.code or 0)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    ctx = CliContext(args)
    try:
        return handler(ctx)
    except ValidationFailed as exc:
        if ctx.json:
            ctx.emit_json({"error": exc.args[0], "issues": [
                {"message": i.message, "file": i.file, "where": i.where, "line": i.line} for i in exc.issues]})
        else:
            print(f"error: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:  # e.g. AnswerValueError from the domain (a TrustFrameError too): always stderr
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except TrustFrameError as exc:
        if ctx.json:
            ctx.emit_json({"error": str(exc)})
        else:
            print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, as Unix tools do.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:
        # SQLAlchemy wraps SQLite's errors; a lock, a read-only file or a full disk that got
        # this far is still one sentence, never a traceback. Anything else is a bug: re-raise.
        if describe_fault(exc) is None:
            raise
        return _report_fault(ctx, exc)
    finally:
        ctx.close()


def _report_fault(ctx: CliContext, exc: BaseException) -> int:
    fault = describe_fault(exc)
    if fault is None:
        raise exc
    logging.getLogger("trustframe.cli").debug("Environment fault", exc_info=exc)
    if ctx.json:
        ctx.emit_json({"error": str(fault)})
    else:
        print(f"error: {fault}", file=sys.stderr)
    return 1


def table(rows: list[list[Any]], headers: list[str]) -> str:
    """A plain-text table with aligned columns."""
    cells = [[str(h) for h in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
