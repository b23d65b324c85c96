"""``import-response --dry-run`` on the light read path (issue 22, import speed).

The dry run reads the workspace with sqlite3 alone (no SQLAlchemy, ORM or services). These tests
pin that it says exactly what the normal path says, on valid returns and on every kind of
refusal the binding rules make (another assessment, an old-style seal, altered identification,
missing identification, missing rows), in plain and ``--json`` output, and that it still falls
back to the normal open when it must.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import openpyxl
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # shared helpers live in tests/
from exchange_support import fill, rewrite_meta, row_of  # noqa: E402
from trustframe.cli import main  # noqa: E402
from trustframe.exchange.excel_model import LEGACY_EXCHANGE_FORMAT, META_SHEET, QUESTIONS_SHEET  # noqa: E402
from trustframe.exchange.workbook_identity import legacy_seal  # noqa: E402
from trustframe.storage.export_bindings import SEAL_LEGACY  # noqa: E402
from trustframe.storage.orm import ExportBindingRow  # noqa: E402


def _run(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _both_paths(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                args: list[str]) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    """(light path result, normal path result) of the same command; fails unless the light path
    really answered (no fallback) in the first run."""
    import trustframe.services.import_preview as module

    real = module.light_preview
    outcomes: list[str] = []

    def spy(*a: Any, **k: Any) -> Any:
        try:
            preview = real(*a, **k)
        except Exception:
            outcomes.append("raised")
            raise
        outcomes.append("fell back" if preview is None else "preview")
        return preview

    monkeypatch.setattr(module, "light_preview", spy)
    light = _run(capsys, args)
    assert outcomes and outcomes[-1] != "fell back", (args, outcomes)
    monkeypatch.setattr(module, "light_preview", lambda *a, **k: None)
    full = _run(capsys, args)
    monkeypatch.setattr(module, "light_preview", real)
    return light, full


@pytest.fixture
def world(services: Any, sample_assessment: Any, tmp_path: Path) -> dict[str, Any]:
    """Assessment A with an export, B (another product of A's vendor) and C (another vendor)."""
    s = services
    product = s.vendors.add_product(sample_assessment.vendor_id, "Acme Cloud", "software")
    other = s.vendors.add_vendor("Globex Corp", "US")
    other_product = s.vendors.add_product(other.id, "Globex Router", "software")
    b = s.assessments.create(sample_assessment.vendor_id, product.id, "sample-trust")
    c = s.assessments.create(other.id, other_product.id, "sample-trust")
    exported = tmp_path / "a.xlsx"
    result = s.exchange.export_questionnaire(sample_assessment.id, exported)
    return {"A": sample_assessment, "B": b, "C": c, "export": exported, "export_uid": result.export_uid,
            "ws": str(s.workspace.path)}


def _cases(services: Any, world: dict[str, Any], tmp_path: Path) -> dict[str, tuple[Path, list[str]]]:
    """Returned files and the options they are previewed with."""
    exported: Path = world["export"]
    valid = fill(exported, {"VUL-01": "Yes", "GOV-01": "No"}, comments={"VUL-01": "see policy"},
                 out=tmp_path / "valid.xlsx")
    # Missing rows: two rows deleted from the Questions sheet.
    wb = openpyxl.load_workbook(valid)
    ws = wb[QUESTIONS_SHEET]
    for qid in ("GOV-02", "VUL-02"):
        ws.delete_rows(row_of(ws, qid))
    missing = tmp_path / "missing-rows.xlsx"
    wb.save(missing)
    # No identification sheet at all: needs --assessment; then unverified.
    wb = openpyxl.load_workbook(valid)
    del wb[META_SHEET]
    no_meta = tmp_path / "no-meta.xlsx"
    wb.save(no_meta)
    # An old-style seal on an export sealed with the key: tampering.
    downgraded = rewrite_meta(valid, tmp_path / "downgraded.xlsx", legacy_seal, format=LEGACY_EXCHANGE_FORMAT)
    # Identification re-pointed to another assessment and sealed again the old way.
    repointed = rewrite_meta(valid, tmp_path / "repointed.xlsx", legacy_seal, format=LEGACY_EXCHANGE_FORMAT,
                             assessment_uid=services.assessments.uid(world["B"].id))
    # An export uid this workspace never made.
    unknown = rewrite_meta(valid, tmp_path / "unknown-export.xlsx", legacy_seal, format=LEGACY_EXCHANGE_FORMAT,
                           export_uid=str(uuid.uuid4()))
    a, b, c = (str(world[k].id) for k in "ABC")
    return {
        "valid": (valid, []),
        "valid, own assessment named": (valid, ["--assessment", a]),
        "another assessment of the vendor": (valid, ["--assessment", b]),
        "another vendor's assessment": (valid, ["--assessment", c]),
        "no such assessment": (valid, ["--assessment", "999"]),
        "missing rows": (missing, []),
        "no identification": (no_meta, []),
        "no identification, assessment chosen": (no_meta, ["--assessment", a]),
        "no identification, other vendor chosen": (no_meta, ["--assessment", c]),
        "old seal on a keyed export": (downgraded, ["--accept-legacy-seal"]),
        "re-pointed identification": (repointed, ["--accept-legacy-seal", "--assessment", b]),
        "unknown export": (unknown, ["--accept-legacy-seal"]),
    }


def _compare(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], workspace: str,
             cases: dict[str, tuple[Path, list[str]]]) -> dict[str, int]:
    codes = {}
    for name, (path, options) in cases.items():
        for output in ([], ["--json"]):
            args = ["--workspace", workspace, "import-response", str(path), "--dry-run", *options, *output]
            light, full = _both_paths(monkeypatch, capsys, args)
            assert light == full, (name, output)
            codes[name] = light[0]
    return codes


def test_light_dry_run_says_exactly_what_the_normal_path_says(services: Any, world: dict[str, Any],
                                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    codes = _compare(monkeypatch, capsys, world["ws"], _cases(services, world, tmp_path))
    # The comparison covers accepted previews and refusals alike (not two identical crashes).
    assert codes["valid"] == 0 and codes["no identification, assessment chosen"] == 0
    assert all(codes[name] == 1 for name in ("another assessment of the vendor", "another vendor's assessment",
                                             "no such assessment", "missing rows", "no identification",
                                             "old seal on a keyed export", "re-pointed identification",
                                             "unknown export"))


def test_changed_answers_conflicts_repeats_and_legacy_seals_alike(services: Any, world: dict[str, Any],
                                                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    s = services
    # Numbers and dates too: SQLite stores the JSON text of a number as a number (NUMERIC
    # affinity), which the light path must read back as SQLAlchemy does.
    first = fill(world["export"], {"VUL-01": "Yes", "GOV-01": "No", "VUL-02": 14, "VUL-03": "2026-05-01"},
                 out=tmp_path / "first.xlsx")
    s.exchange.apply_import(s.exchange.preview_import(first))
    # The officer changes an answer after the export; the vendor changes others.
    s.assessments.set_answer(world["A"].id, "GOV-01", "partial")
    s.assessments.set_answer(world["A"].id, "VUL-02", 7.5)
    changed = fill(world["export"], {"VUL-01": "No", "GOV-01": "Yes, documented", "GOV-02": "SOC 2 Type II",
                                     "GOV-03": "A team of five.", "VUL-02": 30}, out=tmp_path / "changed.xlsx")
    # An export made before the keyed seal, returned with its old seal.
    old_export = tmp_path / "old.xlsx"
    uid = s.exchange.export_questionnaire(world["A"].id, old_export).export_uid
    with s.workspace.transaction() as session:
        session.get(ExportBindingRow, uid).seal = SEAL_LEGACY
    legacy = rewrite_meta(fill(old_export, {"VUL-01": "Yes"}, out=tmp_path / "old-filled.xlsx"),
                          tmp_path / "legacy.xlsx", legacy_seal, format=LEGACY_EXCHANGE_FORMAT)
    cases = {
        "already imported": (first, []),
        "changed and conflicting": (changed, []),
        "changed, assessment named": (changed, ["--assessment", str(world["A"].id)]),
        "legacy seal, not confirmed": (legacy, []),
        "legacy seal, confirmed": (legacy, ["--accept-legacy-seal"]),
    }
    codes = _compare(monkeypatch, capsys, world["ws"], cases)
    assert codes["legacy seal, not confirmed"] == 1 and codes["legacy seal, confirmed"] == 0
    code, out, _ = _run(capsys, ["--workspace", world["ws"], "import-response", str(changed), "--dry-run"])
    assert "Changed" in out or "changed" in out
    assert "already imported" in _run(capsys, ["--workspace", world["ws"], "import-response", str(first),
                                              "--dry-run"])[1]


def test_a_lost_seal_key_is_refused_alike(services: Any, world: dict[str, Any],
                                                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from trustframe.storage.orm import WorkspaceSecretRow

    valid = fill(world["export"], {"VUL-01": "Yes"}, out=tmp_path / "valid.xlsx")
    args = ["--workspace", world["ws"], "import-response", str(valid), "--dry-run"]
    with services.workspace.transaction() as session:
        session.get(WorkspaceSecretRow, "workbook_seal_key").value = b""
    light, full = _both_paths(monkeypatch, capsys, args)
    assert light == full and light[0] == 1 and "lost its workbook seal key" in light[2]


def test_the_light_path_falls_back_for_files_it_must_not_read(services: Any, world: dict[str, Any],
                                                              tmp_path: Path) -> None:
    from trustframe.services.import_preview import light_preview
    from trustframe.storage.light import LightWorkspace

    valid = fill(world["export"], {"VUL-01": "Yes"}, out=tmp_path / "valid.xlsx")
    workspace = Path(world["ws"])
    assert light_preview(workspace, valid) is not None
    assert LightWorkspace.open(tmp_path / "nothing.tfw") is None
    not_a_workspace = tmp_path / "text.tfw"
    not_a_workspace.write_text("hello")
    assert LightWorkspace.open(not_a_workspace) is None
    if os.geteuid() != 0:  # root may write anything: the normal open would not refuse it either
        workspace.chmod(0o444)
        try:
            assert LightWorkspace.open(workspace) is None
        finally:
            workspace.chmod(0o644)


def test_the_dry_run_imports_no_sqlalchemy(services: Any, world: dict[str, Any], tmp_path: Path) -> None:
    valid = fill(world["export"], {"VUL-01": "Yes"}, out=tmp_path / "valid.xlsx")
    probe = ("import io, sys, contextlib\n"
             "from trustframe.launcher import main\n"
             "out = io.StringIO()\n"
             "with contextlib.redirect_stdout(out):\n"
             "    code = main(sys.argv[1:])\n"
             "heavy = sorted(m for m in ('sqlalchemy', 'alembic', 'trustframe.services.context', "
             "'trustframe.storage.orm') if m in sys.modules)\n"
             "print(repr((code, heavy, 'VUL-01' in out.getvalue())), file=sys.stderr)\n")
    proc = subprocess.run([sys.executable, "-c", probe, "--workspace", world["ws"], "import-response", str(valid),
                           "--dry-run"], capture_output=True, text=True, timeout=120)
    assert eval(proc.stderr.strip().splitlines()[-1]) == (0, [], True), proc.stderr  # noqa: S307 - our own repr
