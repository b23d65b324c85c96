"""The vendor answer library through the services and the CLI, on the demo workspace."""

from __future__ import annotations

import itertools
import json
from datetime import date, timedelta
from typing import Any, Iterator

import pytest

from trustframe.cli import main as cli_main
from trustframe.domain.answer_library import cutoff

# Team mode: every test here (on the module's demo) also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


@pytest.fixture(scope="module")
def demo(demo_location: str) -> Iterator[Any]:
    """This module's copy of the demo workspace (built as of 2026-03-02, tests/conftest.py)."""
    from trustframe.services.context import Services

    services = Services.open(demo_location, user="tester")
    yield services
    services.close()


_SERIAL = itertools.count(1)


def _new_assessment_of_another_product(demo: Any) -> tuple[Any, int]:
    """A vendor with an answered assessment, and a fresh assessment of another of its products."""
    for a in demo.assessments.list_assessments():
        answered = [x for x in demo.assessments.answers(a.id).values() if x.value is not None and not x.to_confirm]
        if len(answered) < 20:
            continue
        vendor = demo.vendors.get_vendor(a.vendor_id)
        product = demo.vendors.add_product(a.vendor_id, f"Second product {next(_SERIAL)}", category=a.product_category)
        new = demo.assessments.create(a.vendor_id, product.id, a.questionnaire_id, a.questionnaire_version)
        return vendor, new.id
    raise AssertionError("the demo has no answered assessment")


def test_prefill_offers_recent_confirmed_answers_with_provenance(demo: Any) -> None:
    _, new_id = _new_assessment_of_another_product(demo)
    lib = demo.answer_library
    offers = lib.offers(new_id)
    assert offers, "a reassessment of another product of a demo vendor gets pre-filled answers"
    oldest = cutoff(date.today(), lib.max_age_months())
    assert all(o.answered_on >= oldest for o in offers.values()), "none older than the limit"
    n = lib.prefill(new_id)
    assert n == len(offers)
    answers = demo.assessments.answers(new_id)
    for qid, offer in offers.items():
        a = answers[qid]
        assert a.to_confirm and a.value == offer.value
        assert (a.origin_assessment_id, a.origin_date) == (offer.assessment_id, offer.answered_on)
    notes = [e for e in demo.history(new_id) if e.field == "prefilled"]
    assert len(notes) == n and all("from assessment" in e.note for e in notes)
    # Already answered questions are never overwritten, and nothing is offered twice.
    assert lib.offers(new_id) == {}
    assert lib.prefill(new_id) == 0


def test_answers_older_than_the_limit_are_not_offered(demo: Any) -> None:
    _, new_id = _new_assessment_of_another_product(demo)
    lib = demo.answer_library
    assert lib.offers(new_id)
    a_year_and_a_half_later = date.today() + timedelta(days=550)
    assert lib.offers(new_id, as_of=a_year_and_a_half_later) == {}
    assert lib.offers(new_id, as_of=a_year_and_a_half_later, max_age_months=24)
    demo.set_setting("answer_library_max_age_months", 0)
    try:
        assert lib.offers(new_id, as_of=date.today() + timedelta(days=2)) == {}
    finally:
        demo.set_setting("answer_library_max_age_months", 12)


def test_cli_prefill_dry_run_changes_nothing(demo: Any, capsys: pytest.CaptureFixture[str]) -> None:
    _, new_id = _new_assessment_of_another_product(demo)
    ws = demo.workspace.location
    before = demo.assessments.answers(new_id)
    assert cli_main(["--workspace", ws, "--json", "assessment", "prefill", str(new_id), "--dry-run"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["dry_run"] and out["prefilled"] > 0
    assert demo.assessments.answers(new_id) == before
    assert cli_main(["--workspace", ws, "assessment", "prefill", str(new_id)]) == 0
    assert f"Pre-filled {out['prefilled']} answers" in capsys.readouterr().out
    assert cli_main(["--workspace", ws, "assessment", "prefill", str(new_id), "--max-age-months", "-1"]) == 2


def test_decided_assessments_are_not_prefilled(demo: Any) -> None:
    """A decided assessment is locked: pre-filling is refused (when anything would be offered)."""
    from trustframe.errors import ConflictError

    for decided in (a for a in demo.assessments.list_assessments() if a.status.value == "decided"):
        before = demo.assessments.answers(decided.id)
        if not demo.answer_library.offers(decided.id, max_age_months=120):
            continue
        with pytest.raises(ConflictError, match="decided and locked"):
            demo.answer_library.prefill(decided.id, max_age_months=120)
        assert demo.assessments.answers(decided.id) == before
        return
    pytest.fail("no decided demo assessment had anything to offer")
