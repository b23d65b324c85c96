"""Worker processes die with the process that started them.

Why: a report or bulk-scoring worker blocks on its task queue or keeps laying out a document; if
the application is killed (``kill -9``, a crash, the OOM killer) nothing tells the worker, and it
stays alive holding 150 MB. :func:`tie_to_parent` is given to ``ProcessPoolExecutor`` as the
worker initializer: on Linux the kernel sends SIGKILL when the worker's parent dies
(``PR_SET_PDEATHSIG``); everywhere a daemon thread also watches the process that created the pool
(a worker forked by a ``forkserver`` has the server, not the application, as its parent).

The ``forkserver`` itself is tied to the application by :func:`tie_forkserver_to_parent`, run
when the server imports its first preload module (:mod:`trustframe.forkserver_lifeline`): the
server's own loop notices its creator's death, but only once it has finished importing WeasyPrint,
which takes seconds on a loaded machine (and runs compilers to find libraries, children that must
not outlive it either). ``PR_SET_PDEATHSIG`` is not used there: it fires when the *thread* that
started the process ends, and the server is started by whichever thread renders the first report
(a GUI worker thread that ends long before the application).

Standard library only, so every layer may use it.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

#: prctl option: signal to receive when the parent dies (linux/prctl.h).
PR_SET_PDEATHSIG = 1
#: Seconds between checks of the owner process.
POLL_SECONDS = 0.5


def owner_alive(pid: int) -> bool:
    """True while process ``pid`` exists and is not a zombie (a killed process whose parent has
    not reaped it yet still answers ``kill(pid, 0)``)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    if sys.platform.startswith("linux"):
        try:
            with open(f"/proc/{pid}/stat", "rb") as fh:
                # "pid (comm) S ...": the state follows the last ")" (comm may contain spaces).
                state = fh.read().rsplit(b")", 1)[1].split()[0]
            return state not in (b"Z", b"X")
        except (OSError, IndexError):
            return False
    return True


def _set_parent_death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):  # no libc prctl (unusual libc): the watchdog still works
        pass


def _watch(owner: int) -> None:
    while True:
        time.sleep(POLL_SECONDS)
        if not owner_alive(owner):
            os._exit(1)  # no clean-up to do: the owner that wanted the result is gone


def _children() -> list[int]:
    """Pids of this process's live children (Linux /proc; empty elsewhere)."""
    me = os.getpid()
    found: list[int] = []
    try:
        tasks = os.listdir("/proc/self/task")
        for task in tasks:
            with open(f"/proc/self/task/{task}/children", "rb") as fh:
                found.extend(int(pid) for pid in fh.read().split())
        return found
    except (OSError, ValueError):
        pass  # no "children" file (kernel without CONFIG_PROC_CHILDREN): scan every process
    try:
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat", "rb") as fh:
                        if int(fh.read().rsplit(b")", 1)[1].split()[1]) == me:
                            found.append(int(entry))
                except (OSError, IndexError, ValueError):
                    continue
    except OSError:
        return found  # no /proc (not Linux): no children can be found this way
    return found


def _end_with_children() -> None:
    """End this process and every child it started (they were started for the gone owner)."""
    for pid in _children():
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass  # already gone
    os._exit(1)


def _watch_with_children(owner: int) -> None:
    while True:
        time.sleep(POLL_SECONDS)
        if not owner_alive(owner):
            _end_with_children()


def tie_forkserver_to_parent() -> None:
    """In a multiprocessing ``forkserver``: end it, and whatever it started, when the application
    that started it ends, even while it is still importing its preload modules.

    The owner is the server's parent at this moment (the application spawned it); a server whose
    parent is already gone ends at once."""
    owner = os.getppid()
    if owner <= 1 or not owner_alive(owner):
        _end_with_children()
    threading.Thread(target=_watch_with_children, args=(owner,), daemon=True,
                     name="trustframe-forkserver-lifeline").start()


def tie_to_parent(owner: int) -> None:
    """Worker initializer: end this process when ``owner`` (the pool's creator) ends."""
    _set_parent_death_signal()
    if not owner_alive(owner):  # the owner died before the signal was armed
        os._exit(1)
    threading.Thread(target=_watch, args=(owner,), daemon=True, name="trustframe-lifeline").start()
