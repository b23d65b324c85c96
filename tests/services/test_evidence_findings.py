"""SBOM and VEX findings feed the score through the red-flag mechanism, in every scoring path."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.exchange.sbom_support import make_csaf_vex, make_cyclonedx, make_kev
from trustframe.domain.questionnaire import Severity

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


@pytest.fixture()
def bank_assessment(services: Any) -> Any:
    s = services
    vendor = s.vendors.add_vendor("Northwind Networks AG", "DE")
    product = s.vendors.add_product(vendor.id, "NW-7000", "network_equipment")
    a = s.assessments.create(vendor.id, product.id)
    s.assessments.override_tier(a.id, 1, "core network")
    return a


def _flags(services: Any, assessment_id: int, prefix: str) -> dict[str, Any]:
    return {f.flag_id: f for f in services.scoring.score(assessment_id).flags if f.flag_id.startswith(prefix)}


def test_poor_sbom_contradicting_the_answer_raises_flags(services: Any, bank_assessment: Any, tmp_path: Path) -> None:
    s, aid = services, bank_assessment.id
    s.assessments.set_answer(aid, "TRN-01", "every_release")
    poor = s.evidence.add(bank_assessment.vendor_id, "SBOM 7.1", "sbom",
                          file=make_cyclonedx(tmp_path / "poor.json", components=10, supplier_every=3,
                                              with_dependencies=False))
    assert _flags(s, aid, "EV-") == {}  # evidence not linked to the answer says nothing yet
    s.evidence.link(aid, "TRN-01", poor.id)
    flags = _flags(s, aid, "EV-SBOM")
    assert set(flags) == {f"EV-SBOM-DEPS-{poor.id}", f"EV-SBOM-NTIA-{poor.id}"}
    assert all(f.question_id == "TRN-01" and f.severity is Severity.MEDIUM and not f.accepted for f in flags.values())
    # An honest "partly" answer is not contradicted by the file.
    s.assessments.set_answer(aid, "TRN-01", "partial")
    assert _flags(s, aid, "EV-SBOM") == {}
    s.assessments.set_answer(aid, "TRN-01", "every_release")
    # A reviewer can accept a finding as mitigated, like any red flag.
    s.assessments.accept_flag(aid, f"EV-SBOM-DEPS-{poor.id}", "Dependency graph promised in the contract")
    assert _flags(s, aid, "EV-SBOM")[f"EV-SBOM-DEPS-{poor.id}"].accepted


def test_good_sbom_raises_nothing_and_lapsed_files_do_not_count(services: Any, bank_assessment: Any,
                                                               tmp_path: Path) -> None:
    s, aid = services, bank_assessment.id
    s.assessments.set_answer(aid, "TRN-01", "every_release")
    good = s.evidence.add(bank_assessment.vendor_id, "SBOM", "sbom", file=make_cyclonedx(tmp_path / "good.json"))
    s.evidence.link(aid, "TRN-01", good.id)
    assert _flags(s, aid, "EV-") == {}
    lapsed = s.evidence.add(bank_assessment.vendor_id, "Old SBOM", "sbom",
                            file=make_cyclonedx(tmp_path / "old.json", with_dependencies=False),
                            expires_on=date.today() - timedelta(days=1))
    s.evidence.link(aid, "TRN-01", lapsed.id)
    assert _flags(s, aid, "EV-") == {}


def test_vex_past_the_patch_time_and_known_exploited(services: Any, bank_assessment: Any, tmp_path: Path) -> None:
    s, aid = services, bank_assessment.id
    s.assessments.set_answer(aid, "VUL-05", 30)
    today = date.today()
    vex = s.evidence.add(bank_assessment.vendor_id, "VEX", "vex", file=make_csaf_vex(
        tmp_path / "vex.json", affected={"CVE-2026-1111": today - timedelta(days=90),
                                         "CVE-2026-2222": today - timedelta(days=3)}))
    s.evidence.link(aid, "VUL-05", vex.id)
    assert set(_flags(s, aid, "EV-VEX")) == {"EV-VEX-LATE-CVE-2026-1111"}
    s.evidence.import_known_exploited(make_kev(tmp_path / "kev.json", ("CVE-2026-2222",)))
    flags = _flags(s, aid, "EV-VEX")
    assert set(flags) == {"EV-VEX-LATE-CVE-2026-1111", "EV-VEX-KEV-CVE-2026-2222"}
    assert flags["EV-VEX-KEV-CVE-2026-2222"].severity is Severity.HIGH
    # The bulk path (register, rescore) sees the same flags as the single score.
    row = next(r for r in s.scoring.register_rows() if r.assessment_id == aid)
    assert row.open_flags == len([f for f in s.scoring.score(aid).flags if not f.accepted])
