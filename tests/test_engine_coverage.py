"""Every service-level test module runs on both engines (SQLite and PostgreSQL, team mode), or
says here why it does not: a new module in tests/services or tests/storage cannot silently test
SQLite alone (issue 16, section 1).

"Runs on both engines" means the module is marked ``both_engines`` and its tests take a fixture
that tests/conftest.py then parametrises over the engines (``services``, ``sample_assessment``,
``workspace_location`` or a module demo through ``demo_location``)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).parent
FOLDERS = ("services", "storage")

#: Fixtures through which a test gets a workspace on the parametrised engine.
ENGINE_FIXTURES = {"services", "sample_assessment", "workspace_location", "demo_location"}

#: Modules that test SQLite alone on purpose, and why.
SQLITE_ONLY = {
    "services/test_register_build.py": "the light register read (GUI start-up) opens the workspace file with "
                                       "sqlite3 alone; on a server the normal services path is used",
    "storage/test_workspace_safety.py": "the workspace file itself: locks, atomic creation, backups, damage and "
                                        "repair",
}

#: Modules about one engine's own features or about both engines at once, and why.
ENGINE_SPECIFIC = {
    "services/test_team_mode.py": "roles, four-eyes and the append-only audit grants exist on PostgreSQL only",
    "services/test_checkout_merge.py": "checks out from PostgreSQL into a SQLite file and merges back: both "
                                       "engines in every test by design",
    "storage/test_server_workspace.py": "compares the migrations on both engines and tests server-only opening",
    "services/test_checkout_merge_evidence.py": "checks out into a SQLite file and merges back into a team "
                                                "workspace parametrised over both engines (its own `engine`)",
}

#: Modules that touch no workspace at all.
NO_STORAGE = {
    "services/test_change_entity.py": "the change notifier's Entity enum, in memory",
}


def _modules() -> list[str]:
    return sorted(str(p.relative_to(TESTS)) for folder in FOLDERS for p in (TESTS / folder).glob("test_*.py"))


def _marked_both_engines(tree: ast.Module) -> bool:
    """True when the module's ``pytestmark`` names ``both_engines``."""
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "pytestmark"
                                                for t in node.targets):
            return any(isinstance(n, ast.Attribute) and n.attr == "both_engines" for n in ast.walk(node.value))
    return False


def _fixtures_taken(tree: ast.Module) -> set[str]:
    """The argument names of every function in the module (tests and the module's fixtures)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.update(a.arg for a in node.args.args + node.args.kwonlyargs)
    return names


def test_every_service_test_module_runs_on_both_engines_or_says_why_not() -> None:
    listed = {**SQLITE_ONLY, **ENGINE_SPECIFIC, **NO_STORAGE}
    problems = []
    for module in _modules():
        tree = ast.parse((TESTS / module).read_text(encoding="utf-8"))
        both = _marked_both_engines(tree)
        if both and module in listed:
            problems.append(f"{module} is marked both_engines and also listed as an exception here")
        elif both and not (_fixtures_taken(tree) & ENGINE_FIXTURES):
            problems.append(f"{module} is marked both_engines but no test takes one of {sorted(ENGINE_FIXTURES)}, "
                            "so nothing in it runs on PostgreSQL")
        elif not both and module not in listed:
            problems.append(f"{module} runs on SQLite only: mark it `pytestmark = pytest.mark.both_engines` "
                            "(tests/conftest.py), or list it in tests/test_engine_coverage.py with the reason")
    assert not problems, "\n".join(problems)


def test_every_exception_names_an_existing_module_and_a_reason() -> None:
    modules = set(_modules())
    for name, reason in {**SQLITE_ONLY, **ENGINE_SPECIFIC, **NO_STORAGE}.items():
        assert name in modules, f"{name} is listed in tests/test_engine_coverage.py but does not exist"
        assert len(reason.split()) >= 4, f"{name}: say why it does not run on both engines"


def test_a_sqlite_only_test_in_a_both_engines_module_says_why() -> None:
    """``@pytest.mark.sqlite_only`` carries its reason as a comment on the same line."""
    missing = []
    for module in _modules():
        for number, line in enumerate((TESTS / module).read_text(encoding="utf-8").splitlines(), 1):
            if "mark.sqlite_only" in line and "#" not in line.split("mark.sqlite_only", 1)[1]:
                missing.append(f"{module}:{number}")
    assert not missing, f"sqlite_only without a reason comment: {missing}"


def test_the_check_sees_an_unmarked_module() -> None:
    """The AST checks above recognise the marker and the fixtures (so the main test can fail)."""
    marked = ast.parse("import pytest\npytestmark = [pytest.mark.slow, pytest.mark.both_engines]\n"
                       "def test_x(services): pass\n")
    plain = ast.parse("import pytest\npytestmark = pytest.mark.slow\ndef test_x(workspace_path): pass\n")
    assert _marked_both_engines(marked) and "services" in _fixtures_taken(marked)
    assert not _marked_both_engines(plain) and not (_fixtures_taken(plain) & ENGINE_FIXTURES)
