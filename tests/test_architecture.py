"""The layering contract and the packaging: checked on every test run."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_layering_contracts_hold() -> None:
    """import-linter: domain <- storage/exchange <- services <- ui/cli; only ui imports PySide6."""
    exe = Path(sys.executable).with_name("lint-imports")
    if not exe.exists():
        pytest.fail("import-linter is not installed (pip install -e '.[test]')")
    result = subprocess.run([str(exe), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout
    assert "0 broken" in result.stdout


def test_importing_the_package_has_no_side_effects() -> None:
    code = ("import sys, trustframe; "
            "bad = [m for m in ('PySide6', 'sqlalchemy', 'weasyprint', 'openpyxl') if m in sys.modules]; "
            "print(trustframe.__version__, bad)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("[]")


def test_wheel_ships_the_data_folders_and_finds_them(tmp_path: Path) -> None:
    """A non-editable install must find the bundled questionnaires inside the package."""
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                             "--disable-pip-version-check", "-q", "-w", str(tmp_path), str(ROOT)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = tmp_path.glob("trustframe-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        zf.extractall(tmp_path / "site")
    assert "trustframe/_data/questionnaires/ict-supply-chain-trust.yaml" in names
    assert "trustframe/_data/questionnaires/schema/questionnaire.schema.json" in names
    assert any(n.startswith("trustframe/_data/report_templates/") for n in names)
    assert any(n.startswith("trustframe/_data/resources/") for n in names)
    assert not any(n.startswith("tests/") for n in names)
    site = tmp_path / "site"
    code = ("import sys; sys.path.insert(0, sys.argv[1]); "
            "from trustframe import paths; assert str(paths.questionnaires_dir()).startswith(sys.argv[1]), "
            "paths.questionnaires_dir(); from trustframe.cli import main; raise SystemExit(main(['questionnaire', 'list']))")
    run = subprocess.run([sys.executable, "-c", code, str(site)], capture_output=True, text=True, timeout=120,
                         cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert "ict-supply-chain-trust" in run.stdout and "criticality-profile" in run.stdout


def test_the_light_service_modules_the_gui_imports_before_the_services_stay_light() -> None:
    """ui/startup.py and ui/main_window.py reach storage through these before SQLAlchemy loads."""
    code = ("import sys; import trustframe.services.light_register, trustframe.services.locations, "
            "trustframe.services.exchange_types, trustframe.services.translations; "
            "heavy = [m for m in ('sqlalchemy', 'trustframe.storage.orm', 'trustframe.storage.database', "
            "'trustframe.services.context', 'openpyxl', 'yaml', 'PySide6') if m in sys.modules]; print(heavy)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
