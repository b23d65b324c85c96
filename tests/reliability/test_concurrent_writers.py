"""Several processes writing one workspace: every acknowledged write is kept, a held lock is
waited for (never reported raw), and the workspace stays sound.

The short forms run in ``make test``; the long forms (60 s of three writers; 120 s of two
importers; more rounds) are marked ``reliability_long`` and run by ``make reliability``.
``TRUSTFRAME_WRITERS_SECONDS`` overrides the duration of the writers test,
``TRUSTFRAME_IMPORTERS_SECONDS`` that of the import-vs-import test (8 s in the short form).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import record  # noqa: E402

WORKERS = Path(__file__).with_name("workspace_workers.py")


def _spawn(*args: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(WORKERS), *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})


def _finish(procs: list[subprocess.Popen[str]], timeout: float) -> list[str]:
    problems = []
    for proc in procs:
        out, err = proc.communicate(timeout=timeout)
        problems += [line for line in out.splitlines() if line.startswith("ERROR")]
        if proc.returncode != 0 or "Traceback" in err:
            problems.append(f"worker exited {proc.returncode}: {err[-2000:]}")
    return problems


def _rows(path: Path, query: str) -> list[tuple]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(query).fetchall()
    finally:
        con.close()


def _integrity(path: Path) -> tuple[str, list[tuple]]:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0], con.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        con.close()


def _race_to_create(tmp_path: Path, rounds: int) -> None:
    acks = [tmp_path / "acks-a.txt", tmp_path / "acks-b.txt"]
    procs = [_spawn("create", tmp_path, worker, rounds, ack) for worker, ack in zip("ab", acks)]
    problems = _finish(procs, timeout=60 + rounds * 10)
    assert problems == []
    acknowledged = [line.split("\t") for ack in acks for line in ack.read_text().splitlines()]
    lost = corrupt = 0
    for r in range(rounds):
        path = tmp_path / f"round-{r}.tfw"
        if not path.is_file() or _integrity(path) != ("ok", []):
            corrupt += 1
            continue
        names = {n for (n,) in _rows(path, "SELECT name FROM vendors")}
        lost += sum(1 for rr, name in acknowledged if int(rr) == r and name not in names)
    record(f"concurrent-creation-{rounds}", {"lost_writes": lost, "corruptions": corrupt},
           [f"{rounds} rounds of two processes creating one new workspace: {len(acknowledged)} acknowledged "
            f"vendors, {lost} lost, {corrupt} workspaces missing or corrupt, {len(problems)} errors shown"])
    assert len(acknowledged) == 2 * rounds
    for r in range(rounds):
        path = tmp_path / f"round-{r}.tfw"
        assert path.is_file(), f"round {r}: the workspace is gone"
        assert _integrity(path) == ("ok", [])
        names = {n for (n,) in _rows(path, "SELECT name FROM vendors")}
        expected = {name for rr, name in acknowledged if int(rr) == r}
        assert expected <= names, f"round {r}: acknowledged vendors lost: {expected - names}"
        assert len(_rows(path, "SELECT value FROM workspace_meta WHERE key = 'workspace_id'")) == 1
    leftovers = [p.name for p in tmp_path.iterdir() if ".creating-" in p.name]
    assert leftovers == []


def test_two_processes_creating_one_new_workspace_50_rounds(tmp_path: Path) -> None:
    """Issue 21: in 6 of 12 trials one process reported success and no file was left at all."""
    _race_to_create(tmp_path, 50)


def _writers(tmp_path: Path, seconds: float) -> None:
    from trustframe.services.context import Services

    workspace = tmp_path / "shared.tfw"
    Services.open(workspace).close()
    modes = ("vendor", "answer", "import")
    acks = [tmp_path / f"acks-{i}.txt" for i in range(len(modes))]
    procs = [_spawn("write", workspace, i, seconds, ack, mode) for i, (ack, mode) in enumerate(zip(acks, modes))]
    problems = _finish(procs, timeout=seconds + 120)
    _record_writers(workspace, acks, seconds, problems)
    assert problems == [], "lock errors or failures surfaced:\n" + "\n".join(problems[:20])
    assert _integrity(workspace) == ("ok", [])
    stored_vendors = {n for (n,) in _rows(workspace, "SELECT name FROM vendors")}
    acked_vendors = [line.split("\t")[1] for ack in acks for line in ack.read_text().splitlines()
                     if line.startswith("vendor\t")]
    assert len(acked_vendors) > 5, "the vendor writer wrote (almost) nothing"
    lost = set(acked_vendors) - stored_vendors
    assert not lost, f"{len(lost)} acknowledged vendors lost"
    # Answers: the last acknowledged comment of each question is what is stored.
    last: dict[tuple[int, str], str] = {}
    for line in acks[1].read_text().splitlines():
        parts = line.split("\t")
        if parts[0] == "answer":
            last[(int(parts[1]), parts[2])] = parts[3]
    assert last, "the answering writer wrote nothing"
    acked_imports = {int(line.split("\t")[1]) for line in acks[2].read_text().splitlines()
                     if line.startswith("import\t")}
    assert acked_imports, "the importing writer applied nothing"
    stored_imports = {i for (i,) in _rows(workspace, "SELECT id FROM imports")}
    assert acked_imports <= stored_imports, f"acknowledged imports lost: {acked_imports - stored_imports}"
    for (assessment_id, qid), comment in last.items():
        stored = _rows(workspace, f"SELECT comment FROM answers WHERE assessment_id = {assessment_id} "
                                  f"AND question_id = '{qid}'")
        assert stored == [(comment,)], f"{qid}: acknowledged answer lost"


def _record_writers(workspace: Path, acks: list[Path], seconds: float, problems: list[str]) -> None:
    """Totals for docs/reliability.md (written only under ``make reliability``)."""
    lines = [line.split("\t") for ack in acks for line in ack.read_text().splitlines()]
    vendors = {n for (n,) in _rows(workspace, "SELECT name FROM vendors")}
    imports = {i for (i,) in _rows(workspace, "SELECT id FROM imports")}
    lost = sum(1 for p in lines if p[0] == "vendor" and p[1] not in vendors)
    lost += sum(1 for p in lines if p[0] == "import" and int(p[1]) not in imports)
    writes = sum(1 for p in lines if p[0] in ("vendor", "answer", "import"))
    corrupt = int(_integrity(workspace) != ("ok", []))
    record(f"concurrent-writers-{int(seconds)}s", {"lost_writes": lost, "corruptions": corrupt},
           [f"three processes (vendors, answers, vendor-return imports) for {seconds:g} s: {writes} acknowledged "
            f"writes, {lost} lost, {len(problems)} errors shown (lock errors included)"])


def _seconds(default: float) -> float:
    return float(os.environ.get("TRUSTFRAME_WRITERS_SECONDS", default))


def test_three_writers_short_form(tmp_path: Path) -> None:
    """Issue 21: 12,859 "database is locked" errors in two minutes of three writers."""
    _writers(tmp_path, _seconds(10))


@pytest.mark.reliability_long
def test_three_writers_for_a_minute(tmp_path: Path) -> None:
    _writers(tmp_path, _seconds(60))


@pytest.mark.reliability_long
def test_two_processes_creating_one_new_workspace_200_rounds(tmp_path: Path) -> None:
    _race_to_create(tmp_path, 200)


# -- import vs import ---------------------------------------------------------------------------------


def _importers(tmp_path: Path, seconds: float) -> None:
    """Two processes importing vendor returns into one workspace for ``seconds``: each into an
    assessment of its own and both into a shared one. Every acknowledged import is stored with
    its answers, the answers of each assessment are those of its last committed import, no lock
    error reaches the user, and the workspace stays sound."""
    from trustframe.services.context import Services
    from workspace_workers import two_returns  # type: ignore[import-not-found]

    workspace = tmp_path / "imports.tfw"
    with Services.open(workspace, user="setup") as services:
        vendor = services.vendors.add_vendor("Shared vendor")
        product = services.vendors.add_product(vendor.id, "Shared product", "software")
        shared_assessment = services.assessments.create(vendor.id, product.id, "ict-supply-chain-trust", tier=4)
        shared = two_returns(services, shared_assessment, tmp_path, "shared")
    acks = [tmp_path / f"import-acks-{w}.txt" for w in "ab"]
    procs = [subprocess.Popen([sys.executable, str(WORKERS), "imports", *map(str, (workspace, w, seconds, ack, *shared))],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONUNBUFFERED": "1"})
             for w, ack in zip("ab", acks)]
    problems = _finish(procs, timeout=seconds + 120)
    lines = [line.split("\t") for ack in acks for line in ack.read_text().splitlines()]
    acked = {int(p[1]): (int(p[2]), p[3]) for p in lines if p[0] == "import"}
    stale = sum(1 for p in lines if p[0] == "stale")
    stored = {i: a for i, a in _rows(workspace, "SELECT id, assessment_id FROM imports")}
    lost = sum(1 for i, (assessment_id, _label) in acked.items() if stored.get(i) != assessment_id)
    corrupt = int(_integrity(workspace) != ("ok", []))
    record(f"concurrent-imports-{int(seconds)}s", {"lost_writes": lost, "corruptions": corrupt},
           [f"two processes importing vendor returns into one workspace (own and shared assessments) for "
            f"{seconds:g} s: {len(acked)} acknowledged imports, {lost} lost, {stale} refused as stale previews "
            f"(the other process had changed the answers), {len(problems)} errors shown (lock errors included)"])
    assert problems == [], "errors surfaced:\n" + "\n".join(problems[:20])
    assert corrupt == 0 and lost == 0
    assert set(stored) == set(acked), "an import was committed without being acknowledged"
    by_assessment: dict[int, list[int]] = {}
    for import_id, (assessment_id, _label) in acked.items():
        by_assessment.setdefault(assessment_id, []).append(import_id)
    assert shared_assessment.id in by_assessment and len(by_assessment) == 3, by_assessment
    shared_labels = {acked[i][1] for i in by_assessment[shared_assessment.id]}
    assert len(shared_labels) == 2, "the shared assessment did not take both returns"
    for assessment_id, ids in by_assessment.items():
        assert len(ids) >= 2, f"assessment {assessment_id}: fewer than two imports applied"
        # Import ids grow in commit order (written inside each import's write transaction), so the
        # newest one is what the assessment's answers must show.
        last_return = acked[max(ids)][1].rsplit("-", 1)[1]
        comments = [c for (c,) in _rows(workspace, f"SELECT comment FROM answers WHERE assessment_id = "
                                                   f"{assessment_id} AND comment LIKE 'return %'")]
        assert len(comments) == 8 and set(comments) == {f"return {last_return}"}, (assessment_id, comments)


def test_two_importers_short_form(tmp_path: Path) -> None:
    """Issue 22: import vs import on one workspace; 0 lost acknowledged imports, 0 raw lock errors."""
    _importers(tmp_path, float(os.environ.get("TRUSTFRAME_IMPORTERS_SECONDS", 8)))


@pytest.mark.reliability_long
def test_two_importers_for_two_minutes(tmp_path: Path) -> None:
    _importers(tmp_path, float(os.environ.get("TRUSTFRAME_IMPORTERS_SECONDS", 120)))
