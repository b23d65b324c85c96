"""Every process of a report render dies with the application (issue 22, kill -9 suite).

The long kill -9 run found, 6 s after one of 30 killed renders, a process of that render still
alive. A render starts up to three processes besides the application: the multiprocessing
``forkserver`` (which imports WeasyPrint before it serves anything, seconds on a loaded
machine), the report worker forked from it, and multiprocessing's resource tracker. Here the
application is killed at chosen moments: before the pool exists, while the forkserver is still
importing, while the worker is starting up, and while it lays a document out; after each kill no
process of the render may remain after a short grace period.

``TRUSTFRAME_RENDER_KILLS`` sets how many times each moment is tried (default 1 in ``make test``,
5 in ``make reliability``).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import FULL, record  # noqa: E402

TOKEN_VAR = "TRUSTFRAME_RENDER_KILL_TOKEN"
#: How long the processes of a killed render may take to notice and end (the lifeline polls
#: twice a second; the rest is slack for a loaded machine).
GRACE_SECONDS = 2.0

_APP = """
import sys
from trustframe.reports import parallel

print("ready", flush=True)
pool = parallel.executor()
assert pool is not None, "no worker pool on this machine"
body = "".join(f"<h2>Part {i}</h2><p>{'Lorem ipsum dolor sit amet. ' * 40}</p>" for i in range(int(sys.argv[1])))
future = pool.submit(parallel.render_part, f"<html><body>{body}</body></html>", [], [])
print("submitted", flush=True)
result = future.result()
print(f"rendered {result.pid} {result.pages}", flush=True)
"""


def _stat(pid: int) -> tuple[str, int] | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()
        return fields[0].decode(), int(fields[1])
    except (OSError, IndexError, ValueError):
        return None


def _processes(token: str) -> dict[int, tuple[int, str]]:
    """Live processes carrying ``token`` in their environment: pid -> (parent pid, command line)."""
    found = {}
    marker = f"{TOKEN_VAR}={token}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        stat = _stat(int(entry.name))
        if stat is not None and stat[0] not in ("Z", "X"):
            found[int(entry.name)] = (stat[1], cmdline)
    return found


def _moment_reached(moment: str, app: int, processes: dict[int, tuple[int, str]], log: str) -> bool:
    servers = [pid for pid, (parent, cmd) in processes.items() if parent == app and "forkserver" in cmd]
    # A worker is a fork of the server (same command line); the server's other children are the
    # compilers ctypes runs to find WeasyPrint's libraries while it imports.
    workers = [pid for pid, (parent, cmd) in processes.items() if parent in servers and "forkserver" in cmd]
    if moment == "before the pool":
        return "ready" in log
    if moment == "forkserver importing":
        return bool(servers)
    if moment == "worker starting":
        return bool(workers)
    return "submitted" in log and bool(workers)  # "rendering": the kill comes a moment later


def _kill_at(moment: str, tmp_path: Path, index: int) -> list[str]:
    """Start a render, kill the application at ``moment``; the descriptions of survivors."""
    token = uuid.uuid4().hex
    log_path = tmp_path / f"render-{index}.log"
    env = {**os.environ, TOKEN_VAR: token, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("TRUSTFRAME_REPORT_WORKERS", None)
    with open(log_path, "wb") as log:
        # A file, not a pipe: a survivor holding a pipe open would hang this test, not fail it.
        proc = subprocess.Popen([sys.executable, "-c", _APP, "60"], stdout=log, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True)
    deadline = time.monotonic() + 120
    reached = False
    while time.monotonic() < deadline and proc.poll() is None:
        if _moment_reached(moment, proc.pid, _processes(token), log_path.read_text(errors="replace")):
            reached = True
            break
        time.sleep(0.005)
    if reached and moment == "rendering":
        time.sleep(0.3)  # well into the layout (a 60-part document takes seconds)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert reached, f"{moment}: never reached ({log_path.read_text(errors='replace')[-600:]})"
    killed_at = time.monotonic()
    end = killed_at + GRACE_SECONDS
    survivors = _processes(token)
    while survivors and time.monotonic() < end:
        time.sleep(0.1)
        survivors = _processes(token)
    if os.environ.get("TRUSTFRAME_RENDER_KILL_VERBOSE"):
        print(f"{moment}: gone {time.monotonic() - killed_at:.2f} s after the kill", file=sys.stderr)
    for pid in survivors:  # never leave them running on the machine, even when the test fails
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    return [f"{pid} (parent {parent}): {cmd[:120]}" for pid, (parent, cmd) in survivors.items()]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL and /proc")
@pytest.mark.parametrize("moment", ["before the pool", "forkserver importing", "worker starting", "rendering"])
def test_every_process_of_a_killed_render_dies_with_it(moment: str, tmp_path: Path) -> None:
    from trustframe.reports.parallel import workers_enabled

    if not workers_enabled():
        pytest.skip("no report worker on this machine (one core or no forkserver)")
    kills = int(os.environ.get("TRUSTFRAME_RENDER_KILLS", "5" if FULL else "1"))
    found = {index: _kill_at(moment, tmp_path, index) for index in range(kills)}
    failed = {index: survivors for index, survivors in found.items() if survivors}
    record(f"render-kill-{moment.replace(' ', '-')}", {"kills": kills, "renders_with_survivors": len(failed)},
           [f"kill {index}: {'; '.join(survivors)[:300]}" for index, survivors in failed.items()])
    assert failed == {}, f"{moment}: processes outlived the render's application: {failed}"
