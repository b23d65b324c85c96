"""mypy and ruff, run like import-linter: the packages that reached 0 stay at 0.

Which packages are held to 0 is listed here and in docs/architecture.md (with the counts of the
others, which are brought down package by package and then added to CLEAN).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Checked with mypy in strict mode ([tool.mypy] overrides) and with ruff; both must report nothing.
CLEAN_MYPY = ["trustframe.domain", "trustframe.errors", "trustframe.exchange", "trustframe.reports", "trustframe.cli",
              "trustframe", "trustframe.__main__", "trustframe.app", "trustframe.paths", "trustframe.actor",
              "trustframe.files", "trustframe.launcher", "trustframe.lifeline", "trustframe.forkserver_lifeline",
              "trustframe.ui", "trustframe.services", "trustframe.storage"]
CLEAN_RUFF = ["trustframe/domain", "trustframe/errors.py", "trustframe/exchange", "trustframe/reports",
              "trustframe/cli", "trustframe/__init__.py", "trustframe/__main__.py", "trustframe/app.py",
              "trustframe/paths.py", "trustframe/actor.py", "trustframe/files.py", "trustframe/launcher.py",
              "trustframe/lifeline.py", "trustframe/forkserver_lifeline.py", "trustframe/ui", "trustframe/storage",
              "trustframe/services"]


def _tool(name: str) -> Path:
    exe = Path(sys.executable).with_name(name)
    if not exe.exists():
        pytest.fail(f"{name} is not installed (pip install -e '.[test]')")
    return exe


def _is_package(module: str) -> bool:
    """A sub-package (checked with -p, with all its modules); "trustframe" itself stands for its __init__ only."""
    return module.count(".") == 1 and (ROOT / module.replace(".", "/")).is_dir()


def test_mypy_strict_finds_nothing_in_the_clean_packages() -> None:
    args = [str(_tool("mypy")), "--config-file", str(ROOT / "pyproject.toml"), "--no-incremental"]
    for module in CLEAN_MYPY:
        args += ["-p" if _is_package(module) else "-m", module]
    result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_ruff_finds_nothing_in_the_clean_packages() -> None:
    result = subprocess.run([str(_tool("ruff")), "check", "--no-cache", *CLEAN_RUFF], capture_output=True, text=True,
                            cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_strict_packages_are_strict_in_the_configuration() -> None:
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    strict = config.split("[[tool.mypy.overrides]]")[1]
    assert "strict = true" in strict
    for module in CLEAN_MYPY:
        assert f'"{module}"' in strict, module
        if _is_package(module):
            assert f'"{module}.*"' in strict, module
    assert "line-length = 120" in config
    assert 'select = ["E", "F", "W", "B", "I", "UP", "BLE"]' in config
