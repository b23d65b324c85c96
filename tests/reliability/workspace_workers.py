"""Worker processes for the workspace reliability tests (run as a script, not collected).

    python workspace_workers.py create FOLDER WORKER ROUNDS ACKS
        For each round r: wait until every worker is ready (a file barrier), then open the new
        workspace FOLDER/round-r.tfw (creating it unless another worker did), add the vendor
        "round r worker W" and append it to ACKS once the call has returned.
    python workspace_workers.py write WORKSPACE WORKER SECONDS ACKS MODE
        For SECONDS, write in a loop (MODE "vendor": add vendors; "answer": change answers of an
        assessment of its own) and append every acknowledged write to ACKS.
    python workspace_workers.py imports WORKSPACE WORKER SECONDS ACKS SHARED_0 SHARED_1
        For SECONDS, import vendor returns in a loop, alternating between two returns of an
        assessment of its own and two returns (SHARED_0, SHARED_1) of an assessment every worker
        imports into; each applied import is appended to ACKS as
        ``import <id> <assessment> <return> <answers>``. A preview made stale by the other
        worker's import is refused with a ConflictError: that refusal is the documented outcome
        (the officer previews again), counted as ``stale`` and never as an error.

Errors are printed as ``ERROR <type>: <message>`` lines on stdout (one per failure, never a
traceback) and the exit code is the number of failures (capped at 100).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("TRUSTFRAME_USER", "worker")


def _barrier(folder: Path, round_no: int, worker: str, workers: int) -> None:
    (folder / f".ready-{round_no}-{worker}").touch()
    deadline = time.monotonic() + 60
    while len(list(folder.glob(f".ready-{round_no}-*"))) < workers:
        if time.monotonic() > deadline:
            raise TimeoutError(f"round {round_no}: the other worker never came")
        time.sleep(0.001)


def create(folder: Path, worker: str, rounds: int, acks: Path, workers: int = 2) -> int:
    """Race the other workers to create one new workspace per round."""
    from trustframe.services.context import Services

    failures = 0
    with acks.open("a", encoding="utf-8") as out:
        for r in range(rounds):
            _barrier(folder, r, worker, workers)
            name = f"round {r} worker {worker}"
            try:
                with Services.open(folder / f"round-{r}.tfw", user="worker") as services:
                    services.vendors.add_vendor(name)
                out.write(f"{r}\t{name}\n")
                out.flush()
            except Exception as exc:  # reported, counted, and the test fails on it
                failures += 1
                print(f"ERROR {type(exc).__name__}: {exc}".replace("\n", " "), flush=True)
    return failures


def write(workspace: Path, worker: str, seconds: float, acks: Path, mode: str) -> int:
    """Write for ``seconds``; every acknowledged write is recorded in ``acks``."""
    from trustframe.services.context import Services

    failures = 0
    with Services.open(workspace, user=f"worker {worker}", create=False) as services, \
            acks.open("a", encoding="utf-8") as out:
        assessment_id = None
        questions: list[str] = []
        if mode == "answer":
            vendor = services.vendors.add_vendor(f"Answering vendor {worker}")
            product = services.vendors.add_product(vendor.id, "Product", "software")
            assessment = services.assessments.create(vendor.id, product.id, "ict-supply-chain-trust", tier=1)
            assessment_id = assessment.id
            questions = [q.id for q in services.assessments.applicable_questions(assessment)
                         if q.type.value == "single_choice" and q.options][:20]
            out.write(f"assessment\t{assessment_id}\n")
        returns: list[Path] = []
        if mode == "import":
            returns = _prepare_returns(services, worker, acks.parent)
        deadline = time.monotonic() + seconds
        n = 0
        while time.monotonic() < deadline:
            n += 1
            try:
                if mode == "vendor":
                    name = f"writer {worker} #{n}"
                    services.vendors.add_vendor(name)
                    out.write(f"vendor\t{name}\n")
                elif mode == "import":
                    from trustframe.exchange.excel_model import RowCategory

                    preview = services.exchange.preview_import(returns[n % 2])
                    accepted = {r.question_id for r in preview.rows if r.category is not RowCategory.REJECTED}
                    result = services.exchange.apply_import(preview, accepted)
                    if result.import_id is not None:
                        out.write(f"import\t{result.import_id}\t{len(result.applied)}\n")
                else:
                    qid = questions[n % len(questions)]
                    comment = f"writer {worker} #{n}"
                    question = services.assessments.questionnaire(assessment_id).question(qid)
                    value = question.options[n % len(question.options)].id
                    services.assessments.set_answer(assessment_id, qid, value, comment=comment)
                    out.write(f"answer\t{assessment_id}\t{qid}\t{comment}\n")
                out.flush()
            except Exception as exc:  # reported, counted, and the test fails on it
                failures += 1
                print(f"ERROR {type(exc).__name__}: {exc}".replace("\n", " "), flush=True)
    return failures


def imports(workspace: Path, worker: str, seconds: float, acks: Path, shared: list[Path]) -> int:
    """Import vendor returns for ``seconds`` (into an assessment of its own and a shared one)."""
    from trustframe.errors import ConflictError
    from trustframe.exchange.excel_model import RowCategory
    from trustframe.services.context import Services

    failures = 0
    with Services.open(workspace, user=f"importer {worker}", create=False) as services, \
            acks.open("a", encoding="utf-8") as out:
        own = _prepare_returns(services, worker, acks.parent)
        files = [(f"own-{k}", path) for k, path in enumerate(own)] + \
                [(f"shared-{k}", path) for k, path in enumerate(shared)]
        deadline = time.monotonic() + seconds
        n = 0
        while time.monotonic() < deadline:
            n += 1
            # own 0, shared 0, own 1, shared 1, ...: both assessments keep changing
            label, path = files[(n % 2) * 2 + (n // 2) % 2]
            try:
                preview = services.exchange.preview_import(path)
                accepted = {r.question_id for r in preview.rows if r.category is not RowCategory.REJECTED}
                result = services.exchange.apply_import(preview, accepted)
                if result.import_id is not None:
                    out.write(f"import\t{result.import_id}\t{result.assessment_id}\t{label}\t"
                              f"{len(result.applied)}\n")
            except ConflictError:
                out.write(f"stale\t{label}\n")
            except Exception as exc:  # reported, counted, and the test fails on it
                failures += 1
                print(f"ERROR {type(exc).__name__}: {exc}".replace("\n", " "), flush=True)
            out.flush()
    return failures


def _prepare_returns(services: object, worker: str, folder: Path) -> list[Path]:
    """An assessment of this worker's own, exported, and two different vendor returns of it."""
    s: Any = services
    vendor = s.vendors.add_vendor(f"Importing vendor {worker}")
    product = s.vendors.add_product(vendor.id, "Product", "software")
    assessment = s.assessments.create(vendor.id, product.id, "ict-supply-chain-trust", tier=4)
    return two_returns(s, assessment, folder, f"{worker}")


def two_returns(services: Any, assessment: Any, folder: Path, name: str) -> list[Path]:
    """Export ``assessment`` and fill two different returns of it: return k answers 8 single-choice
    questions with their option k and the comment "return k" (so what is stored tells which
    return was applied last)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from exchange_support import fill

    questions = [q for q in services.assessments.applicable_questions(assessment)
                 if q.type.value == "single_choice" and len(q.options) >= 2][:8]
    exported = folder / f"to-vendor-{name}.xlsx"
    services.exchange.export_questionnaire(assessment.id, exported)
    return [fill(exported, {q.id: q.options[k].label for q in questions},
                 comments={q.id: f"return {k}" for q in questions}, out=folder / f"returned-{name}-{k}.xlsx")
            for k in (0, 1)]


def main(argv: list[str]) -> int:
    """Dispatch to a worker."""
    if argv[0] == "create":
        failures = create(Path(argv[1]), argv[2], int(argv[3]), Path(argv[4]))
    elif argv[0] == "imports":
        failures = imports(Path(argv[1]), argv[2], float(argv[3]), Path(argv[4]), [Path(p) for p in argv[5:7]])
    else:
        failures = write(Path(argv[1]), argv[2], float(argv[3]), Path(argv[4]), argv[5])
    return min(failures, 100)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
