"""Scoring benchmarks: one 200-question assessment, and a 10,000-assessment portfolio scored
from scratch and read from snapshots.

    .venv/bin/python bench/bench_scoring.py [--portfolio 10000] [--repeat 300] [--keep DIR]

The questionnaire is synthetic (200 questions, 20 sections; choice, yes/no, multiple choice,
number-with-bands and text questions; show-if rules, red flags, evidence requests) and written as
a real questionnaire file, so the portfolio goes through the catalog like a user's workspace.
The portfolio workspace is filled with raw SQL (building it through the services would take
longer than what is measured). Results go to docs/performance.md by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from trustframe.domain.evidence import Evidence  # noqa: E402
from trustframe.domain.questionnaire import EvidenceKind, ProductCategory, Questionnaire  # noqa: E402
from trustframe.domain.scoring import score_answers  # noqa: E402
from trustframe.exchange.questionnaire_files import load_questionnaire  # noqa: E402

QID = "bench-200"
PILLARS = ["assurance", "transparency", "accountability"]
PARTS = ["governance", "design", "development", "sourcing", "verification", "delivery", "sustainment",
         "response", "services"]
IMPORTANCE = ["critical", "high", "high", "standard", "standard", "standard", "low"]


def synthetic_questionnaire_yaml(sections: int = 20, per_section: int = 10) -> str:
    """A valid 200-question questionnaire exercising every scoring path."""
    rnd = random.Random(42)
    secs = []
    for s in range(sections):
        questions = []
        for i in range(per_section):
            qid = f"S{s:02d}-{i:02d}"
            kind = i % 5
            q: dict[str, Any] = {"id": qid, "text": f"Synthetic question {qid}?", "importance": rnd.choice(IMPORTANCE),
                                 "trace": {"pillar": rnd.sample(PILLARS, rnd.choice([1, 1, 2])),
                                           "buyers_guide": [rnd.choice(PARTS)]}}
            if kind in (0, 1):
                q.update(type="single_choice", option_set="graded")
                q["evidence"] = ["certificate"] if kind == 0 else []
                if not q["evidence"]:
                    del q["evidence"]
                if i == 0:
                    q["red_flags"] = [{"id": f"RF-{qid}", "when": {"in": ["no"]},
                                       "severity": rnd.choice(["critical", "high", "medium"]),
                                       "title": "Weak", "rationale": "Because.", "mitigation": "Fix it."}]
            elif kind == 2:
                q.update(type="yes_no", evidence=["policy"])
                if i == 7:
                    q["show_if"] = {"question": f"S{s:02d}-00", "in": ["verified", "documented", "partial"]}
            elif kind == 3:
                q.update(type="multiple_choice", options=[
                    {"id": "a", "label": "A", "score": 0.5}, {"id": "b", "label": "B", "score": 0.4},
                    {"id": "c", "label": "C", "score": 0.3}, {"id": "none", "label": "None", "score": 0.0}])
            else:
                if i == 4:
                    q.update(type="number", unit="days", bands=[
                        {"max": 15, "score": 1.0}, {"min": 15, "max": 31, "score": 0.6},
                        {"min": 31, "max": 91, "score": 0.3}, {"min": 91, "score": 0.0}])
                else:
                    q.update(type="text", required=False, importance="low")
            if q.get("importance") in ("critical", "high") and "red_flags" not in q:
                q["no_red_flag_reason"] = "Synthetic."
            questions.append(q)
        secs.append({"id": f"S{s:02d}", "title": f"Section {s}", "tags": {"pillar": [PILLARS[s % 3]],
                     "buyers_guide": [PARTS[s % 9]]}, "questions": questions})
    data = {
        "format": "trustframe-questionnaire/1", "id": QID, "version": "1.0.0", "title": "Benchmark questionnaire",
        "kind": "assessment",
        "option_sets": {"graded": [
            {"id": "verified", "label": "Verified", "score": 1.0}, {"id": "documented", "label": "Documented", "score": 0.75},
            {"id": "partial", "label": "Partly", "score": 0.4}, {"id": "no", "label": "No", "score": 0.0},
            {"id": "na", "label": "Not applicable", "not_applicable": True}]},
        "sections": secs,
    }
    return yaml.safe_dump(data, sort_keys=False)


def random_answers(q: Questionnaire, rnd: random.Random, answered: float = 0.9) -> dict[str, Any]:
    """Answers to about ``answered`` of the questions."""
    out: dict[str, Any] = {}
    for question in q.iter_questions():
        if rnd.random() > answered:
            continue
        if question.type.value == "multiple_choice":
            out[question.id] = rnd.sample(list(question.option_ids), rnd.randint(1, 2))
        elif question.type.has_options:
            out[question.id] = rnd.choice(question.option_ids)
        elif question.type.value == "number":
            out[question.id] = rnd.randint(1, 120)
        else:
            out[question.id] = "text"
    return out


def bench_single(q: Questionnaire, repeat: int) -> dict[str, float]:
    from trustframe.services.scoring import ScoringService

    profile_data = ScoringService.default_profile_data()
    from trustframe.domain.scoring_profile import ScoringProfile

    profile = ScoringProfile.from_dict(profile_data)
    rnd = random.Random(1)
    cert = Evidence(1, 1, "Cert", EvidenceKind.CERTIFICATE, independent=True, expires_on=date(2026, 1, 1))
    cases = []
    for _ in range(repeat):
        answers = random_answers(q, rnd)
        evidence = {qid: [cert] for qid in answers if rnd.random() < 0.3}
        cases.append((answers, evidence))
    score_answers(q, cases[0][0], profile=profile, as_of=date(2025, 1, 1), tier=2)  # compile once
    results = {}
    for detail in (True, False):
        times = []
        for answers, evidence in cases:
            t0 = time.perf_counter()
            score_answers(q, answers, profile=profile, as_of=date(2025, 1, 1), tier=2,
                          category=ProductCategory.SOFTWARE, evidence=evidence, detail=detail, groups=detail)
            times.append(time.perf_counter() - t0)
        key = "detail" if detail else "summary"
        results[f"{key}_median_ms"] = statistics.median(times) * 1000
        results[f"{key}_p95_ms"] = sorted(times)[int(len(times) * 0.95)] * 1000
        # CPU time of the whole batch: less sensitive to other processes on a busy machine.
        c0 = time.process_time()
        for answers, evidence in cases:
            score_answers(q, answers, profile=profile, as_of=date(2025, 1, 1), tier=2,
                          category=ProductCategory.SOFTWARE, evidence=evidence, detail=detail, groups=detail)
        results[f"{key}_cpu_mean_ms"] = (time.process_time() - c0) / len(cases) * 1000
    return results


def build_portfolio(folder: Path, q: Questionnaire, count: int) -> Path:
    """A workspace with ``count`` vendors, each with one product and one assessment (90 % answered,
    10 % decided), evidence linked to a third of the evidence questions."""
    from trustframe.storage.database import Workspace

    path = folder / "portfolio.tfw"
    Workspace.open(path).close()
    rnd = random.Random(7)
    now = datetime(2025, 1, 1, 12, 0, 0).isoformat(sep=" ")
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    text = (folder / "questionnaires" / f"{QID}.yaml").read_text(encoding="utf-8")
    con.execute("INSERT INTO questionnaire_texts VALUES (?,?,?,?,?,?)", (QID, "1.0.0", text, "0" * 64, "custom", now))
    evidence_questions = [x.id for x in q.iter_questions() if x.evidence]
    vendors, products, assessments, answers, evidence, links = [], [], [], [], [], []
    for i in range(1, count + 1):
        vendors.append((i, f"Vendor {i:05d}", "GB", "", "", "", now, now))
        products.append((i, i, f"Product {i:05d}", "software", "", "", now))
        decided = rnd.random() < 0.1
        assessments.append((i, str(uuid.uuid4()), i, i, QID, "1.0.0", "decided" if decided else "in_review",
                            rnd.choice([1, 2, 3, 4]), None, "", "{}", "[]", "[]", "bench", "",
                            "approve" if decided else None, "", "2024-06-01" if decided else None, "", None,
                            "2025-06-01" if decided else None, None, "", now, now))
        for qid, value in random_answers(q, rnd).items():
            answers.append((i, qid, json.dumps(value), "", "vendor", "", 0, 0, None, now, "", None))
        expires = (date(2024, 6, 1) + timedelta(days=rnd.randint(0, 900))).isoformat()
        evidence.append((i, i, None, "ISO certificate", "certificate", "Cert body", 1, "2023-01-01", expires, "",
                         None, 0, "https://example.org", "", now, "bench"))
        for qid in rnd.sample(evidence_questions, len(evidence_questions) // 3):
            links.append((i, qid, i))
    def insert(table: str, rows: list[tuple[Any, ...]]) -> None:
        # The tuples give the table's leading columns; later migrations append columns (row
        # versions, pinned versions) that keep their defaults, so name the columns given.
        names = [r[1] for r in con.execute(f"PRAGMA table_info({table})")][: len(rows[0])]
        con.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", rows)

    insert("vendors", vendors)
    insert("products", products)
    insert("assessments", assessments)
    con.executemany("INSERT INTO answers (assessment_id, question_id, value, comment, source, override_reason, "
                    "needs_follow_up, to_confirm, vendor_value, updated_at, updated_by, import_id) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", answers)
    insert("evidence", evidence)
    con.executemany("INSERT INTO answer_evidence VALUES (?,?,?)", links)
    con.commit()
    con.close()
    return path


def bench_portfolio(folder: Path, q: Questionnaire, count: int) -> dict[str, float]:
    from trustframe.services.context import Services
    from trustframe.services.questionnaires import QuestionnaireCatalog
    from trustframe.storage.database import Workspace

    t0 = time.perf_counter()
    path = build_portfolio(folder, q, count)
    build = time.perf_counter() - t0
    workspace = Workspace.open(path)
    services = Services(workspace, QuestionnaireCatalog(workspace, extra_dirs=(folder / "questionnaires",)),
                        user="bench")
    # Warm what an open application already has: the catalog's parsed questionnaires and the profile.
    services.catalog.get(QID, "1.0.0")
    assert services.scoring.profile is not None
    as_of = date(2025, 3, 1)
    ticks: list[tuple[int, int]] = []
    t0, c0 = time.perf_counter(), time.process_time()
    scored = services.scoring.rescore_all(lambda done, total: ticks.append((done, total)), as_of=as_of)
    scratch, scratch_cpu = time.perf_counter() - t0, time.process_time() - c0
    assert scored == count and ticks[-1] == (count, count)
    timings = []
    for _ in range(3):
        t0 = time.perf_counter()
        rows = services.scoring.register_rows(as_of)
        timings.append(time.perf_counter() - t0)
    assert len(rows) == count
    t0 = time.perf_counter()
    summary = services.scoring.portfolio_summary(as_of)
    summary_time = time.perf_counter() - t0
    # The register on a workspace with no snapshots at all computes everything lazily.
    con = sqlite3.connect(path)
    con.execute("DELETE FROM score_snapshots")
    con.commit()
    con.close()
    t0 = time.perf_counter()
    services.scoring.register_rows(as_of)
    lazy = time.perf_counter() - t0
    services.close()
    return {"build_s": build, "rescore_all_s": scratch, "rescore_all_cpu_s": scratch_cpu,
            "progress_calls": len(ticks),
            "register_from_snapshots_s": min(timings), "portfolio_summary_s": summary_time,
            "register_without_snapshots_s": lazy, "rating_counts": {k.value: v for k, v in summary.by_rating.items()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--portfolio", type=int, default=10_000, help="assessments in the portfolio (0 = skip)")
    parser.add_argument("--repeat", type=int, default=300, help="single-assessment runs")
    parser.add_argument("--keep", type=Path, default=None, help="build the workspace in this folder and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        (folder / "questionnaires").mkdir(parents=True, exist_ok=True)
        (folder / "questionnaires" / f"{QID}.yaml").write_text(synthetic_questionnaire_yaml(), encoding="utf-8")
        q = load_questionnaire(folder / "questionnaires" / f"{QID}.yaml")
        print(f"questionnaire: {q.question_count} questions, {len(q.sections)} sections")
        single = bench_single(q, args.repeat)
        print("single assessment:", json.dumps({k: round(v, 3) for k, v in single.items()}))
        try:
            real = load_questionnaire(ROOT / "questionnaires" / "ict-supply-chain-trust.yaml")
            real_single = bench_single(real, args.repeat)
            print(f"real bank ({real.question_count} questions):",
                  json.dumps({k: round(v, 3) for k, v in real_single.items()}))
        except Exception as exc:  # the bank is being written by others; the bench must not depend on it
            print(f"real bank skipped: {exc}")
        if args.portfolio:
            result = bench_portfolio(folder, q, args.portfolio)
            print(f"portfolio of {args.portfolio}:",
                  json.dumps({k: (round(v, 3) if isinstance(v, float) else v) for k, v in result.items()}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
