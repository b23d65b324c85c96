"""Crash consistency: ``kill -9`` at random points of an import, a burst of answers, a report
render and a demo build, then check what was left behind.

Each run copies a base workspace, starts a child process (``python crash_kill.py child ...``)
that prints ``ready`` once everything is imported and opened, then does the work and prints
``ack ...`` lines for every write it was told succeeded. The parent kills it with SIGKILL after a
random delay within the operation's measured duration. After each kill:

* ``PRAGMA integrity_check`` is ``ok`` and ``foreign_key_check`` finds nothing (else a *corruption*);
* the workspace opens with the application's own code;
* an import is applied wholly or not at all (answers and the import record agree);
* every acknowledged answer is there (else a *lost write*);
* no partial report file is at the target path, no report worker process outlives the kill
  (an *orphan*), and the next render removes the temporaries the killed one left.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
#: Environment marker of every process a run starts (found again in /proc to detect orphans).
TOKEN_VAR = "TRUSTFRAME_KILL_TOKEN"
#: How long a killed run's workers may take to notice and end.
ORPHAN_GRACE_SECONDS = 5.0


# ------------------------------------------------------------------------------------------------
# The child side


def child(kind: str, workspace: Path, extra: str) -> None:
    """Do one operation, printing ``ready`` before it starts and ``ack``/``done`` lines."""
    sys.path.insert(0, str(HERE.parents[1]))
    from trustframe.services.context import Services

    if kind == "demo":
        from trustframe import cli

        print("ready", flush=True)
        code = cli.main(["--workspace", str(workspace), "demo"])
        print(f"done {code}", flush=True)
        return
    services = Services.open(workspace, user="killer", create=False)
    if kind == "import":
        exchange = services.exchange
        print("ready", flush=True)
        preview = exchange.preview_import(Path(extra))
        result = exchange.apply_import(preview)
        print(f"ack import {len(result.applied)}", flush=True)
    elif kind == "answers":
        assessment_id = 1
        questions = [q for q in services.assessments.scoped_questions(services.assessments.get(assessment_id))
                     if q.type.has_options]
        rng = random.Random(extra)
        print("ready", flush=True)
        for _round in range(300):
            question = rng.choice(questions)
            option = rng.choice(question.options).id
            # announced before the write: a kill between its commit and its ``ack`` line leaves this
            # value stored without an acknowledgement, which is not a lost write
            print(f"try {question.id} {json.dumps(option)}", flush=True)
            change = services.assessments.set_answer(assessment_id, question.id, option)
            # printed only after set_answer returned: the write was acknowledged to the user
            print(f"ack {question.id} {json.dumps(change.after.value if change.after else None)}", flush=True)
    elif kind == "report":
        reports = services.reports
        print("ready", flush=True)
        reports.write("assessment", "pdf", Path(extra), [1])
    print("done", flush=True)
    services.close()


# ------------------------------------------------------------------------------------------------
# The parent side


@dataclass
class KillTotals:
    """Counts of a kill campaign (per scenario and overall)."""

    kills: int = 0
    completed: int = 0
    corruptions: int = 0
    lost_writes: int = 0
    partial_imports: int = 0
    partial_reports: int = 0
    orphans: int = 0
    stale_temporaries: int = 0
    unopenable: int = 0
    by_scenario: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def integrity(path: Path) -> list[str]:
    """Problems SQLite finds in a workspace file (empty when sound)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = [r[0] for r in connection.execute("PRAGMA integrity_check")]
        problems = [] if result == ["ok"] else result[:5]
        problems += [f"foreign key: {r}" for r in connection.execute("PRAGMA foreign_key_check")][:5]
        return problems
    finally:
        connection.close()


def _processes_with(token: str) -> list[int]:
    """Pids of live processes whose environment carries the run's token (Linux /proc)."""
    found = []
    marker = f"{TOKEN_VAR}={token}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker in (entry / "environ").read_bytes().split(b"\0"):
                state = (entry / "stat").read_bytes().rsplit(b")", 1)[1].split()[0]
                if state not in (b"Z", b"X"):
                    found.append(int(entry.name))
        except (OSError, IndexError):
            continue
    return found


def _describe(pid: int) -> str:
    """Command line and parent of a process, for the failure message."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")[:160]
        fields = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
        return f"(state {fields[0].decode()}, parent {fields[1].decode()}): {cmdline}"
    except (OSError, IndexError):
        return "(gone)"


class Campaign:
    """Runs kill scenarios against copies of prepared workspaces."""

    def __init__(self, work: Path, seed_workspace: Path, returned: Path, answered_workspace: Path) -> None:
        self.work = work
        self.seed_workspace = seed_workspace
        self.returned = returned
        self.answered = answered_workspace
        self.totals = KillTotals()
        self.durations: dict[str, float] = {}
        self.expected_import = 0

    def _start(self, kind: str, workspace: Path, extra: str, token: str, log: Path) -> subprocess.Popen[bytes]:
        env = dict(os.environ, **{TOKEN_VAR: token}, QT_QPA_PLATFORM="offscreen")
        # Output goes to a file, not a pipe: a worker that outlives the kill would hold a pipe open.
        with open(log, "wb") as out:
            return subprocess.Popen([sys.executable, str(Path(__file__)), "child", kind, str(workspace), extra],
                                    stdout=out, stderr=subprocess.STDOUT, env=env, cwd=str(self.work),
                                    start_new_session=True)

    def _base(self, kind: str) -> Path | None:
        return {"import": self.seed_workspace, "answers": self.answered, "report": self.answered}.get(kind)

    def run_once(self, kind: str, index: int, kill: bool = True) -> None:
        """One run of a scenario; killed after a random delay unless ``kill`` is False (calibration)."""
        folder = self.work / f"{kind}-{index}"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        workspace = folder / "workspace.tfw"
        base = self._base(kind)
        if base is not None:
            shutil.copyfile(base, workspace)
        extra = {"import": str(self.returned), "answers": f"{index}", "report": str(folder / "report.pdf"),
                 "demo": ""}[kind]
        token = uuid.uuid4().hex
        log = folder / "child.log"
        proc = self._start(kind, workspace, extra, token, log)
        deadline = time.monotonic() + 300
        while b"ready\n" not in log.read_bytes():
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                proc.wait()
                self._fail(kind, index, f"child did not start: {log.read_text(errors='replace')[-800:]!r}")
                return
            time.sleep(0.02)
        started = time.perf_counter()
        killed = False
        if kill:
            delay = random.Random(f"{kind}:{index}").uniform(0, self.durations.get(kind, 2.0))
            try:
                proc.wait(timeout=delay)
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                killed = True
        proc.wait(timeout=900)
        elapsed = time.perf_counter() - started
        if not kill:
            self.durations[kind] = elapsed * 1.1
        elif not killed:
            # It finished before its kill: the calibration ran slower than the machine runs now
            # (load changes). Aim the next kills inside the time this run really took.
            self.durations[kind] = min(self.durations.get(kind, elapsed), elapsed * 0.9)
        text = log.read_text(errors="replace")
        output = [line for line in text.splitlines() if line]
        if not killed and "done" not in output and not any(line.startswith("done ") for line in output):
            self._fail(kind, index, f"child failed without a kill (exit {proc.returncode}): {text[-800:]}")
            return
        if killed:
            self.totals.kills += 1
            self.totals.by_scenario[kind] = self.totals.by_scenario.get(kind, 0) + 1
        elif kill:
            self.totals.completed += 1
        self._check(kind, index, folder, workspace, output, token, killed)

    def _fail(self, kind: str, index: int, message: str) -> None:
        self.totals.failures.append(f"{kind} #{index}: {message}")

    def _check(self, kind: str, index: int, folder: Path, workspace: Path, output: list[str], token: str,
               killed: bool) -> None:
        sys.path.insert(0, str(HERE.parents[1]))
        from trustframe.errors import TrustFrameError
        from trustframe.services.context import Services

        if kind == "report" or kind == "demo":
            deadline = time.monotonic() + ORPHAN_GRACE_SECONDS
            survivors = _processes_with(token)
            while survivors and time.monotonic() < deadline:
                time.sleep(0.2)
                survivors = _processes_with(token)
            if survivors:
                self.totals.orphans += 1
                described = [f"{pid} {_describe(pid)}" for pid in survivors]
                self._fail(kind, index, f"{len(survivors)} process(es) outlived the kill: {described}")
                for pid in survivors:  # do not leave them running on the machine
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except OSError:
                        pass
        if kind == "report":
            target = folder / "report.pdf"
            if target.exists():
                data = target.read_bytes()
                if not (data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]):
                    self.totals.partial_reports += 1
                    self._fail(kind, index, f"partial report at the target path ({len(data)} bytes)")
            return
        if not workspace.exists():
            return  # the demo was killed before it created the file
        problems = integrity(workspace)
        if problems:
            self.totals.corruptions += 1
            self._fail(kind, index, f"integrity: {problems}")
            return
        try:
            services = Services.open(workspace, user="checker", create=False)
        except TrustFrameError as exc:
            if kind == "demo":  # an unfinished new workspace may be refused, with a plain message
                return
            self.totals.unopenable += 1
            self._fail(kind, index, f"does not open: {exc}")
            return
        try:
            if kind == "import":
                answers = services.assessments.answers(1)
                imports = services.exchange.imports(1)
                whole = len(answers) == self.expected_import and len(imports) == 1
                none = not answers and not imports
                if not (whole or none):
                    self.totals.partial_imports += 1
                    self._fail(kind, index, f"partial import: {len(answers)} answers, {len(imports)} records")
                if any(line.startswith("ack import") for line in output) and not whole:
                    self.totals.lost_writes += 1
                    self._fail(kind, index, "acknowledged import is missing")
            elif kind == "answers":
                acked: dict[str, str] = {}
                # the one write that was under way when the kill came (announced, never acknowledged)
                in_flight: tuple[str, str] | None = None
                for line in output:
                    if line.startswith("try "):
                        _try, qid, value = line.split(" ", 2)
                        in_flight = (qid, json.loads(value))
                    elif line.startswith("ack "):
                        _ack, qid, value = line.split(" ", 2)
                        acked[qid] = json.loads(value)
                        in_flight = None
                answers = services.assessments.answers(1)
                for qid, value in acked.items():
                    stored = answers.get(qid)
                    if stored is not None and stored.value == value:
                        continue
                    # the unacknowledged write may have committed just before the kill: that is its value
                    if stored is not None and in_flight == (qid, stored.value):
                        continue
                    self.totals.lost_writes += 1
                    self._fail(kind, index, f"acknowledged answer {qid}={value!r} lost "
                                            f"(found {stored.value if stored else None!r})")
        finally:
            services.close()

    def after_reports(self) -> None:
        """One more render into a folder of every killed report: the temporaries must go."""
        sys.path.insert(0, str(HERE.parents[1]))
        from trustframe.services.context import Services

        folders = sorted(self.work.glob("report-*"))
        for folder in folders:
            before = [p.name for p in folder.glob(".~*")]
            if not before:
                continue
            workspace = folder / "workspace.tfw"
            with Services.open(workspace, user="checker", create=False) as services:
                services.reports.write("assessment", "pdf", folder / "report.pdf", [1])
            left = [p.name for p in folder.glob(".~*")]
            if left:
                self.totals.stale_temporaries += 1
                self._fail("report", 0, f"temporaries left after the next render in {folder.name}: {left}")
            break  # one render proves the clean-up; each takes seconds


def prepare(work: Path) -> Campaign:
    """The seed workspace and return (from the fuzz suite) and an answered copy for reports."""
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE.parents[1]))
    from fuzz_returns import build_seed
    from trustframe.services.context import Services

    seed = build_seed(work / "seed")
    answered = work / "answered.tfw"
    shutil.copyfile(seed.workspace, answered)
    with Services.open(answered, user="setup", create=False) as services:
        result = services.exchange.apply_import(services.exchange.preview_import(seed.returned))
    for suffix in ("-wal", "-shm"):
        Path(f"{answered}{suffix}").unlink(missing_ok=True)
    campaign = Campaign(work, seed.workspace, seed.returned, answered)
    campaign.expected_import = len(result.applied)
    return campaign


def run(work: Path, plan: dict[str, int], parallel: int = 2) -> KillTotals:
    """Kill each scenario until it has the planned number of kills (completed runs don't count)."""
    campaign = prepare(work)
    for kind in plan:
        if plan[kind] > 0:
            campaign.run_once(kind, 0, kill=False)  # calibration: how long the operation takes
    jobs: list[tuple[str, int]] = []
    counter = 1

    def remaining(kind: str) -> int:
        return plan[kind] - campaign.totals.by_scenario.get(kind, 0)

    with ThreadPoolExecutor(max_workers=parallel) as pool:
        for _round in range(8):  # runs that complete before the kill are retried
            jobs = []
            for kind in plan:
                for _ in range(max(remaining(kind), 0)):
                    jobs.append((kind, counter))
                    counter += 1
            if not jobs:
                break
            list(pool.map(lambda job: campaign.run_once(job[0], job[1]), jobs))
    if plan.get("report"):
        campaign.after_reports()
    campaign.totals.durations = {k: round(v, 2) for k, v in campaign.durations.items()}  # type: ignore[attr-defined]
    return campaign.totals


def main(argv: list[str] | None = None) -> int:
    """``child KIND WORKSPACE EXTRA`` (used by the campaign) or ``run`` (prints the totals)."""
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("child")
    c.add_argument("kind")
    c.add_argument("workspace", type=Path)
    c.add_argument("extra")
    r = sub.add_parser("run")
    r.add_argument("--work", type=Path, required=True)
    r.add_argument("--import", dest="imports", type=int, default=8)
    r.add_argument("--answers", type=int, default=6)
    r.add_argument("--report", type=int, default=4)
    r.add_argument("--demo", type=int, default=2)
    args = parser.parse_args(argv)
    if args.command == "child":
        child(args.kind, args.workspace, args.extra)
        return 0
    totals = run(args.work, {"import": args.imports, "answers": args.answers, "report": args.report,
                             "demo": args.demo})
    print(json.dumps(totals.__dict__, indent=2))
    return 0 if totals.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
