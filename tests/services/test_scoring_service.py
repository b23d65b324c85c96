"""The scoring service: scores from the workspace, decision snapshots, live snapshots kept up to
date, register rows, portfolio summary, comparison, rescore, profile override, tiering."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from trustframe.domain.assessment import AssessmentStatus, Decision
from trustframe.domain.scoring_model import Rating, Recommendation
from trustframe.services.vendors import InvalidInput
from trustframe.storage.orm import ScoreSnapshotRow

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def _snapshots(services, assessment_id: int) -> list[tuple[str, float | None]]:
    with services.workspace.reading() as session:
        rows = session.scalars(select(ScoreSnapshotRow).where(ScoreSnapshotRow.assessment_id == assessment_id)
                               .order_by(ScoreSnapshotRow.id)).all()
        return [(r.reason, r.overall_score) for r in rows]


def _answer(services, a, **values) -> None:
    for qid, value in values.items():
        services.assessments.set_answer(a.id, qid.replace("_", "-"), value)


def test_score_uses_answers_evidence_and_acceptances(services, sample_assessment) -> None:
    a = sample_assessment
    _answer(services, a, GOV_01="verified", VUL_01="no")
    r = services.scoring.score(a.id, as_of=date(2025, 1, 1))
    assert r.assessment_id == a.id and r.rating is Rating.CRITICAL
    assert [f.flag_id for f in r.critical_flags] == ["RF-VUL-01"]
    before = next(q for q in r.questions if q.question_id == "GOV-01").score
    ev = services.evidence.add(a.vendor_id, "Policy audit", "policy", url="https://example.org/a",
                               independent=True, expires_on=date(2026, 1, 1))
    services.evidence.link(a.id, "GOV-01", ev.id)
    services.assessments.accept_flag(a.id, "RF-VUL-01", "Policy published next month; contract clause 7")
    r2 = services.scoring.score(a.id, as_of=date(2025, 1, 1))
    assert next(q for q in r2.questions if q.question_id == "GOV-01").score > before
    assert r2.critical_flags == () and r2.flags[0].accepted
    assert not any("RF-VUL-01" in reason for reason in r2.rating_reasons)   # no longer caps (score still low)
    # A year later the audit report has lapsed.
    r3 = services.scoring.score(a.id, as_of=date(2026, 6, 1))
    assert next(q for q in r3.questions if q.question_id == "GOV-01").evidence_factor < 1.0


def test_decision_stores_a_full_snapshot_in_the_same_transaction(services, sample_assessment) -> None:
    a = sample_assessment
    _answer(services, a, GOV_01="documented", GOV_02=["iso27001"], VUL_01="yes", VUL_02=10)
    services.scoring.register_rows()
    assert [reason for reason, _ in _snapshots(services, a.id)] == ["live"]
    services.assessments.set_status(a.id, AssessmentStatus.IN_REVIEW)
    services.assessments.decide(a.id, Decision.APPROVE_WITH_CONDITIONS, decided_on=date(2025, 3, 1))
    assert [reason for reason, _ in _snapshots(services, a.id)] == ["decision"]
    basis = services.scoring.decision_basis(a.id)
    assert basis is not None and basis.as_of == date(2025, 3, 1) and basis.questions and basis.drivers is not None
    row = next(r for r in services.scoring.register_rows() if r.assessment_id == a.id)
    assert row.score == basis.overall and row.decision is Decision.APPROVE_WITH_CONDITIONS
    # Reopening and changing an answer makes the register use a fresh live score again.
    services.assessments.reopen(a.id, "vendor sent new information")
    services.assessments.set_answer(a.id, "VUL-02", 200)
    row = next(r for r in services.scoring.register_rows() if r.assessment_id == a.id)
    assert row.score != basis.overall
    assert [reason for reason, _ in _snapshots(services, a.id)] == ["decision", "live"]


def test_register_rows_refresh_lazily_and_only_what_changed(services, sample_assessment, monkeypatch) -> None:
    a = sample_assessment
    other_vendor = services.vendors.add_vendor("Zeta Systems", "DE")
    services.vendors.add_vendor("Alone Inc", "US")
    other_product = services.vendors.add_product(other_vendor.id, "Zeta Box", "hardware")
    services.vendors.add_product(other_vendor.id, "Unassessed thing", "software")
    b = services.assessments.create(other_vendor.id, other_product.id, "sample-trust")
    _answer(services, a, VUL_01="no")
    rows = services.scoring.register_rows()
    assert [(r.vendor_name, r.product_name) for r in rows] == [
        ("Acme Secure Ltd", "Acme Gateway"), ("Alone Inc", ""), ("Zeta Systems", "Unassessed thing"),
        ("Zeta Systems", "Zeta Box")]
    assert rows[1].product_id is None and rows[2].assessment_id is None
    assert rows[0].critical_flags == 1 and rows[0].rating is Rating.CRITICAL
    assert rows[3].assessment_id == b.id and rows[3].assessment_count == 1

    computed: list[list[int]] = []
    original = services.scoring._compute

    def spy(session, ids, as_of):
        computed.append(sorted(ids))
        return original(session, ids, as_of)

    monkeypatch.setattr(services.scoring, "_compute", spy)
    services.scoring.register_rows()
    assert computed == []                                   # nothing changed: nothing computed
    services.assessments.set_answer(a.id, "VUL-01", "yes")
    row = services.scoring.register_rows()[0]
    assert computed == [[a.id]] and row.critical_flags == 0


def test_evidence_lapsing_refreshes_the_live_snapshot(services, sample_assessment) -> None:
    a = sample_assessment
    services.assessments.set_answer(a.id, "VUL-01", "yes")
    ev = services.evidence.add(a.vendor_id, "Disclosure policy review", "policy", url="https://example.org/r",
                               independent=True, expires_on=date(2030, 1, 31))
    services.evidence.link(a.id, "VUL-01", ev.id)
    early = services.scoring.register_rows(as_of=date(2029, 1, 1))[0]
    late = services.scoring.register_rows(as_of=date(2030, 2, 1))[0]
    assert late.score < early.score
    assert late.evidence_expired == 1 and early.evidence_expiring == 0


def test_portfolio_summary_counts(services, sample_assessment) -> None:
    a = sample_assessment
    _answer(services, a, VUL_01="no")
    services.assessments.set_status(a.id, AssessmentStatus.IN_REVIEW)
    services.assessments.decide(a.id, Decision.REJECT, decided_on=date(2024, 1, 1))
    services.vendors.add_vendor("Nobody Ltd")
    s = services.scoring.portfolio_summary(as_of=date(2025, 6, 1))
    assert (s.vendors, s.products, s.assessed, s.decided) == (2, 1, 1, 1)
    assert s.by_rating[Rating.CRITICAL] == 1 and s.by_recommendation[Recommendation.REJECT] == 1
    assert s.overdue_reviews == 1 and s.overdue[0].assessment_id == a.id    # reviewed yearly by default
    assert s.open_critical_flags == 1


def test_compare_lines_up_vendors(services, sample_assessment) -> None:
    a = sample_assessment
    v = services.vendors.add_vendor("Beta Corp")
    p = services.vendors.add_product(v.id, "Beta Gateway", "software")
    b = services.assessments.create(v.id, p.id, "sample-trust")
    _answer(services, a, GOV_01="verified", VUL_01="yes")
    _answer(services, b, GOV_01="partial", VUL_01="no")
    c = services.scoring.compare([a.id, b.id], as_of=date(2025, 1, 1))
    assert [col.vendor_name for col in c.columns] == ["Acme Secure Ltd", "Beta Corp"]
    gov = next(r for r in c.by_section if r.key == "GOV")
    assert gov.best == 0 and gov.scores[0] > gov.scores[1]
    flag = next(f for f in c.flags if f.flag_id == "RF-VUL-01")
    assert flag.states == (None, "open")
    assert c.best_overall == 0
    with pytest.raises(InvalidInput):
        services.scoring.compare([])


def test_rescore_all_reports_progress_and_can_be_cancelled(services, sample_assessment) -> None:
    seen: list[tuple[int, int]] = []
    assert services.scoring.rescore_all(lambda d, t: seen.append((d, t))) == 1
    assert seen == [(0, 1), (1, 1)]
    assert services.scoring.rescore_all(cancelled=lambda: True) == 0


def test_rescore_all_in_worker_processes_matches_in_process(services, sample_assessment, monkeypatch) -> None:
    """Large workspaces are scored in worker processes: same snapshots, same progress."""
    from trustframe.services import scoring as scoring_module

    a = sample_assessment
    _answer(services, a, GOV_01="no", VUL_01="yes")
    as_of = date(2025, 3, 1)
    assert services.scoring.rescore_all(as_of=as_of) == 1
    expected = services.scoring.register_rows(as_of)
    monkeypatch.setattr(scoring_module, "POOL_MIN", 1)
    seen: list[tuple[int, int]] = []
    assert services.scoring.rescore_all(lambda d, t: seen.append((d, t)), as_of=as_of) == 1
    assert seen == [(0, 1), (1, 1)]
    assert services.scoring.register_rows(as_of) == expected


def test_profile_override_changes_weights_and_is_validated(services, sample_assessment) -> None:
    a = sample_assessment
    _answer(services, a, GOV_01="no", VUL_01="yes")
    before = services.scoring.score(a.id).overall
    services.scoring.set_profile_override({"importance_weights": {"critical": 10}})
    assert services.scoring.profile.importance_weights
    assert services.scoring.score(a.id).overall > before
    with pytest.raises(InvalidInput, match="not valid"):
        services.scoring.set_profile_override({"evidence": {"none": 3}})
    services.scoring.set_profile_override(None)
    assert services.scoring.score(a.id).overall == before


def test_tier_override_from_scoring_profile(services, sample_assessment) -> None:
    profile = services.catalog.profile()
    first = profile.sections[0].questions[0]
    answers = {first.id: max(first.options, key=lambda o: o.score or 0).id}
    default = services.scoring.tier_for(answers)
    services.scoring.set_profile_override({"tiering": {"method": "highest_exposure",
                                                       "thresholds": {"tier1": 0.01, "tier2": 0.005, "tier3": 0.0}}})
    assert services.scoring.tier_for(answers).tier == 1
    assert default.tier >= 1
    result = services.assessments.set_profile_answers(sample_assessment.id, answers)
    assert result.tier == 1


def test_decision_snapshot_even_when_scoring_was_never_used(services, sample_assessment) -> None:
    assert "scoring" not in services.__dict__
    services.assessments.set_status(sample_assessment.id, AssessmentStatus.IN_REVIEW)
    services.assessments.decide(sample_assessment.id, Decision.REJECT)
    assert [reason for reason, _ in _snapshots(services, sample_assessment.id)] == ["decision"]
