"""``trustframe report``: the three forms, format from the file name, and usage errors."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from trustframe.cli import main
from trustframe.cli.report_commands import UsageError, parse_target


def test_parse_target() -> None:
    assert parse_target(["12"]) == ("assessment", [12])
    assert parse_target(["compare", "3", "#4"]) == ("comparison", [3, 4])
    assert parse_target(["portfolio"]) == ("portfolio", [])
    for bad in (["compare", "3"], ["portfolio", "3"], ["12", "13"], ["twelve"], ["compare", "x", "y"]):
        with pytest.raises(UsageError):
            parse_target(bad)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A workspace with two assessed products (answered through the CLI's services)."""
    from trustframe.services.context import Services

    path = tmp_path / "w.tfw"
    with Services.open(path, user="tester") as s:
        for name in ("Alpha", "Beta"):
            vendor = s.vendors.add_vendor(f"{name} Ltd", "GB")
            product = s.vendors.add_product(vendor.id, f"{name} Box", "software")
            a = s.assessments.create(vendor.id, product.id)
            for q in s.assessments.scoped_questions(a.id)[:6]:
                if q.type.has_options and q.options:
                    s.assessments.set_answer(a.id, q.id, q.options[0].id if q.type.value != "multiple_choice"
                                             else [q.options[0].id])
    return path


def test_report_forms(workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = ["--workspace", str(workspace)]
    assert main([*ws, "report", "1", "--format", "xlsx", "-o", str(tmp_path / "a.xlsx")]) == 0
    assert openpyxl.load_workbook(tmp_path / "a.xlsx").sheetnames[0] == "Summary"
    assert main([*ws, "report", "portfolio", "-o", str(tmp_path / "p.xlsx")]) == 0  # format from the suffix
    assert "Portfolio" in openpyxl.load_workbook(tmp_path / "p.xlsx").sheetnames
    assert main([*ws, "report", "compare", "1", "2", "-o", str(tmp_path / "c.pdf")]) == 0
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
    out = capsys.readouterr().out
    assert "Wrote comparison report" in out and "pages" in out


@pytest.mark.slow
def test_report_pdf_variant(workspace: Path, tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    assert main(["--workspace", str(workspace), "report", "1", "--format", "pdf", "-o", str(target),
                 "--pdf-variant", "pdf/ua-1"]) == 0
    assert target.read_bytes().startswith(b"%PDF")


def test_report_usage_errors(workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = ["--workspace", str(workspace)]
    assert main([*ws, "report", "compare", "1", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "at least two" in capsys.readouterr().err
    assert main([*ws, "report", "bogus", "-o", str(tmp_path / "x.pdf")]) == 2
    assert main([*ws, "report", "1", "--format", "xlsx", "--pdf-variant", "pdf/ua-1", "-o", str(tmp_path / "x")]) == 2
    assert main([*ws, "report", "99", "-o", str(tmp_path / "x.pdf")]) == 1  # unknown assessment
    assert main([*ws, "report", "compare", "1", "2", "--format", "xlsx", "-o", str(tmp_path / "x.xlsx")]) == 1
    assert not list(tmp_path.glob("x*"))


def test_report_no_appendix(workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--no-appendix leaves Appendix A out of the assessment PDF (fewer pages); elsewhere it is a usage error."""
    ws = ["--workspace", str(workspace)]
    assert main([*ws, "--json", "report", "1", "--no-appendix", "-o", str(tmp_path / "short.pdf")]) == 0
    import json

    short = json.loads(capsys.readouterr().out)["pages"]
    assert main([*ws, "--json", "report", "1", "-o", str(tmp_path / "full.pdf")]) == 0
    full = json.loads(capsys.readouterr().out)["pages"]
    assert short < full
    assert main([*ws, "report", "1", "--no-appendix", "-o", str(tmp_path / "a.xlsx")]) == 2
    assert main([*ws, "report", "portfolio", "--no-appendix", "-o", str(tmp_path / "p.pdf")]) == 2
    assert "--no-appendix applies to the assessment PDF only" in capsys.readouterr().err
