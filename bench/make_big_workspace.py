"""Generate a large workspace fast: N vendors (default 10,000), each with one or two products,
a latest assessment per product with a stored score snapshot, and a few evidence records.

Rows are written with bulk ``executemany`` inserts (seconds, not the minutes the services would
take one vendor at a time). Every assessment has a score snapshot, so opening the register reads
snapshots instead of scoring 10,000 assessments: decided assessments carry a "decision" snapshot
(never recomputed), the others a "live" snapshot whose basis matches the assessment's
``updated_at`` (so the scoring service trusts it).

    .venv/bin/python bench/make_big_workspace.py OUT.tfw [--vendors 10000]

OUT may also be a PostgreSQL location (``postgresql+psycopg://host/db`` or ``service=NAME``) naming
an empty database: the workspace is then built as a file in a temporary folder, as above, and
copied onto the server with ``trustframe workspace copy``'s machinery (:func:`copy_workspace`,
counts verified), which at 100,000 vendors takes a few minutes on the 2-core bench machine.

    .venv/bin/python bench/make_big_workspace.py postgresql+psycopg://localhost/big --vendors 100000
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CATEGORIES = ["hardware", "software", "cloud_service", "managed_service", "network_equipment", "iot_ot"]
STATUSES = ["draft", "sent", "returned", "in_review", "decided"]
RATINGS = [("low", "approve", 85), ("moderate", "approve_with_conditions", 70), ("high", "escalate", 52),
           ("critical", "reject", 30)]
WORDS = ["Northwind", "Helios", "Kestrel", "Aurora", "Meridian", "Sable", "Tundra", "Orchid", "Falcon", "Cobalt",
         "Juniper", "Quartz", "Vertex", "Nimbus", "Harbor", "Summit", "Atlas", "Beacon", "Cedar", "Delta"]
SUFFIXES = ["Networks AG", "Cloud Ltd", "Software Inc.", "Devices KK", "Systems BV", "Hardware Co.", "Telecom Oy",
            "Analytics SAS", "Security GmbH", "Labs LLC"]


def build(path: Path, vendors: int, seed: int = 10_000) -> dict[str, int]:
    """Write the workspace at ``path`` (replacing it) and return row counts."""
    from trustframe.services.context import Services

    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    # One vendor through the services: creates and migrates the schema and stores the pinned
    # questionnaire text that every generated assessment refers to.
    with Services.open(path, user="bench") as services:
        seed_vendor = services.vendors.add_vendor("Zz Seed Vendor", "DE")
        seed_product = services.vendors.add_product(seed_vendor.id, "Seed Product", "software")
        template = services.assessments.create(seed_vendor.id, seed_product.id, assessor="bench")
    rnd = random.Random(seed)
    today = date.today()
    now = datetime.now().replace(microsecond=0)
    stamp = now.isoformat(sep=" ")
    basis = now.isoformat()
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    vendor_id = con.execute("SELECT max(id) FROM vendors").fetchone()[0]
    product_id = con.execute("SELECT max(id) FROM products").fetchone()[0]
    assessment_id = con.execute("SELECT max(id) FROM assessments").fetchone()[0]
    evidence_id = con.execute("SELECT coalesce(max(id), 0) FROM evidence").fetchone()[0]
    v_rows, p_rows, a_rows, s_rows, e_rows = [], [], [], [], []
    for i in range(vendors):
        vendor_id += 1
        name = f"{rnd.choice(WORDS)} {rnd.choice(WORDS)} {rnd.choice(SUFFIXES)} {i:05d}"
        v_rows.append((vendor_id, name, rnd.choice(["DE", "GB", "US", "JP", "NL", "FR", "FI", "TW"]), "", "", "",
                       stamp, stamp))
        for _ in range(1 if rnd.random() < 0.7 else 2):
            product_id += 1
            p_rows.append((product_id, vendor_id, f"Product {product_id:06d}", rnd.choice(CATEGORIES), "1.0", "",
                           stamp))
            if rnd.random() < 0.08:
                continue  # not assessed yet
            assessment_id += 1
            status = rnd.choice(STATUSES)
            tier = rnd.choice([1, 2, 2, 3, 3, 4])
            rating, recommendation, centre = rnd.choice(RATINGS)
            decided = status == "decided"
            decided_on = today - timedelta(days=rnd.randint(10, 500)) if decided else None
            review = decided_on + timedelta(days=365) if decided_on else None
            a_rows.append((assessment_id, str(uuid.uuid4()), vendor_id, product_id, template.questionnaire_id,
                           template.questionnaire_version, status, tier, None, "", "{}", "[]", "[]", "bench", "",
                           recommendation if decided else None, "bench" if decided else "",
                           decided_on.isoformat() if decided_on else None, "", None,
                           review.isoformat() if review else None, None, "", stamp, stamp))
            score = max(0.0, min(100.0, rnd.gauss(centre, 6)))
            payload = {"basis_updated_at": basis}
            s_rows.append((assessment_id, (decided_on or today).isoformat(), stamp, "decision" if decided else "live",
                           "default", "bench", score, rating, recommendation, tier, rnd.uniform(0.4, 1.0),
                           rnd.randint(0, 4), rnd.randint(0, 1) if rating == "critical" else 0, json.dumps(payload),
                           # The column the register compares (not only the payload): without it every
                           # live snapshot looked out of date and the first open re-scored them all.
                           None if decided else stamp))
        for _ in range(rnd.randint(1, 3)):
            evidence_id += 1
            expires = today + timedelta(days=rnd.randint(-200, 900))
            e_rows.append((evidence_id, vendor_id, None, "ISO/IEC 27001 certificate", "certificate", "Cert body", 1,
                           (expires - timedelta(days=1000)).isoformat(), expires.isoformat(), "", None, 0,
                           "https://docs.example/cert", "", stamp, "bench"))
    con.executemany("INSERT INTO vendors (id, name, country, ownership_notes, website, notes, created_at, "
                    "updated_at) VALUES (?,?,?,?,?,?,?,?)", v_rows)
    con.executemany("INSERT INTO products (id, vendor_id, name, category, version, deployment_notes, created_at) "
                    "VALUES (?,?,?,?,?,?,?)", p_rows)
    con.executemany("INSERT INTO assessments (id, uid, vendor_id, product_id, questionnaire_id, "
                    "questionnaire_version, status, tier, tier_override, tier_override_reason, profile_answers, "
                    "scope_added, scope_removed, assessor, reviewer, decision, decision_by, decision_date, "
                    "decision_notes, due_date, next_review_due, previous_assessment_id, procurement, created_at, "
                    "updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", a_rows)
    con.executemany("INSERT INTO score_snapshots (assessment_id, as_of, created_at, reason, profile_id, "
                    "questionnaire_key, overall_score, rating, recommendation, tier, completeness, open_flags, "
                    "critical_flags, payload, basis_updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", s_rows)
    con.executemany("INSERT INTO evidence (id, vendor_id, product_id, title, kind, issuer, independent, issued_on, "
                    "expires_on, file_name, sha256, size, url, notes, added_at, added_by) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", e_rows)
    con.commit()
    con.close()
    return {"vendors": len(v_rows) + 1, "products": len(p_rows) + 1, "assessments": len(a_rows) + 1,
            "evidence": len(e_rows)}


def build_on_server(location: str, vendors: int, seed: int = 10_000) -> dict[str, int]:
    """Build the same workspace on the PostgreSQL database ``location`` (new or empty): as a file
    first (bulk inserts), then copied table by table in one transaction with counts verified."""
    from trustframe.storage.copying import copy_workspace
    from trustframe.storage.database import Workspace

    with tempfile.TemporaryDirectory(prefix="trustframe-big-") as folder:
        path = Path(folder) / "big.tfw"
        counts = build(path, vendors, seed)
        with Workspace.open(path, create=False, migrate=False, read_only=True) as source, \
                Workspace.open(location, create=True) as target:
            copy_workspace(source, target)
    return counts


def main() -> int:
    from trustframe.storage.locations import is_server_location

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="a workspace file to write, or a PostgreSQL URL / service=NAME of an empty "
                                    "database")
    parser.add_argument("--vendors", type=int, default=10_000)
    args = parser.parse_args()
    start = time.perf_counter()
    if is_server_location(args.out):
        counts = build_on_server(args.out, args.vendors)
        from trustframe.storage.server import display_location
        shown = display_location(args.out)
    else:
        counts = build(Path(args.out), args.vendors)
        shown = args.out
    print(f"{shown}: {counts} in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
