"""Round trip through LibreOffice: export a workbook, fill it, let LibreOffice (headless) save it
as .xlsx, and import the result back.

    python bench/soffice_roundtrip.py [--keep DIR]

Exit 0 when the LibreOffice-saved file imports with every answer intact, 1 otherwise, 77 when
``soffice`` is not installed (Debian: ``apt-get install --no-install-recommends
libreoffice-calc-nogui``). The test ``tests/exchange/test_soffice_roundtrip.py`` runs the same
function.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "tests" / "data" / "sample-questionnaire.yaml"

#: What the "vendor" types: one answer per answer type of the sample questionnaire.
VENDOR_ANSWERS: dict[str, Any] = {
    "GOV-01": "Yes, independently verified",
    "GOV-02": "ISO/IEC 27001; SOC 2 Type II",
    "GOV-03": "+24/7 on call; -no outsourcing",
    "VUL-01": "Yes",
    "VUL-02": 21,
    "VUL-03": date(2025, 3, 14),
}
EXPECTED: dict[str, Any] = {
    "GOV-01": "verified",
    "GOV-02": ["iso27001", "soc2"],
    "GOV-03": "+24/7 on call; -no outsourcing",
    "VUL-01": "yes",
    "VUL-02": 21,
    "VUL-03": "2025-03-14",
}


def soffice() -> str | None:
    """Path of the LibreOffice binary, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_with_soffice(source: Path, out_dir: Path, timeout: float = 180) -> Path:
    """Open ``source`` in LibreOffice headless and save it as .xlsx into ``out_dir``."""
    binary = soffice()
    if binary is None:
        raise RuntimeError("soffice is not installed")
    out_dir.mkdir(parents=True, exist_ok=True)
    # A private profile: no clash with a running LibreOffice and no state left behind.
    profile = Path(tempfile.mkdtemp(prefix="tf-soffice-profile-"))
    try:
        subprocess.run(
            [binary, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out_dir), str(source)],
            check=True, capture_output=True, timeout=timeout, env={**os.environ, "HOME": str(profile)})
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    result = out_dir / (source.stem + ".xlsx")
    if not result.exists():
        raise RuntimeError(f"LibreOffice did not write {result}")
    return result


def roundtrip(work: Path) -> dict[str, Any]:
    """Run the round trip in ``work``; returns a report (raises AssertionError on a mismatch)."""
    os.environ.setdefault("TRUSTFRAME_HOME", str(work / "home"))
    from trustframe.services.context import Services
    from trustframe.services.questionnaires import QuestionnaireCatalog
    from trustframe.storage.database import Workspace

    sys.path.insert(0, str(ROOT / "tests"))
    from exchange_support import fill

    extra = work / "questionnaires"
    extra.mkdir(parents=True, exist_ok=True)
    shutil.copy(SAMPLE, extra / SAMPLE.name)
    workspace = Workspace.open(work / "roundtrip.tfw")
    services = Services(workspace, QuestionnaireCatalog(workspace, extra_dirs=(extra,)), user="roundtrip")
    try:
        vendor = services.vendors.add_vendor("=Evil Vendor Ltd", "GB")
        product = services.vendors.add_product(vendor.id, "Gateway", "software")
        assessment = services.assessments.create(vendor.id, product.id, "sample-trust")
        exported = work / "sent.xlsx"
        services.exchange.export_questionnaire(assessment.id, exported, deadline=date(2026, 6, 30))
        filled = fill(exported, VENDOR_ANSWERS, comments={"GOV-01": "-see audit"},
                      evidence={"GOV-01": "@ISO cert 12345"}, out=work / "filled.xlsx")
        start = time.perf_counter()
        converted = convert_with_soffice(filled, work / "libreoffice")
        convert_seconds = time.perf_counter() - start
        preview = services.exchange.preview_import(converted)
        errors = [str(i) for i in preview.issues if i.severity == "error"]
        assert not errors, f"problems after LibreOffice: {errors}"
        assert preview.identified_by == "metadata", preview.identified_by
        result = services.exchange.apply_import(preview)
        answers = {qid: a.value for qid, a in services.assessments.answers(assessment.id).items()}
        assert answers == EXPECTED, f"answers differ after LibreOffice: {answers}"
        comment = services.assessments.answers(assessment.id)["GOV-01"].comment
        assert comment == "-see audit\nEvidence: @ISO cert 12345", comment
        again = services.exchange.preview_import(converted)
        assert not again.default_accepted, "a second import would change something"
        return {"converted": str(converted), "applied": len(result.applied), "soffice_seconds": convert_seconds,
                "counts": preview.counts}
    finally:
        services.close()


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="work in this folder and keep the files")
    args = parser.parse_args(argv)
    if soffice() is None:
        print("soffice not found: install libreoffice-calc-nogui", file=sys.stderr)
        return 77
    work = args.keep or Path(tempfile.mkdtemp(prefix="tf-roundtrip-"))
    try:
        report = roundtrip(work)
    except (AssertionError, RuntimeError, subprocess.SubprocessError) as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"LibreOffice round trip OK: {report['applied']} answers imported from the LibreOffice-saved file "
          f"(LibreOffice took {report['soffice_seconds']:.1f} s); counts {report['counts']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
