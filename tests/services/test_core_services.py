"""Vendors, products, assessments, answers and evidence through the services layer."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from trustframe.domain.answers import AnswerValueError
from trustframe.domain.assessment import AnswerSource, AssessmentStatus, Decision
from trustframe.domain.evidence import EvidenceState
from trustframe.domain.vendors import Contact
from trustframe.errors import ConflictError, NotFoundError
from trustframe.services.changes import Change
from trustframe.services.vendors import InvalidInput

# Team mode: every test here that uses `services` also runs on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def test_vendor_validation_messages(services) -> None:
    with pytest.raises(InvalidInput, match="two-letter ISO country code"):
        services.vendors.add_vendor("X", country="Germany")
    with pytest.raises(InvalidInput, match="empty"):
        services.vendors.add_vendor("   ")
    with pytest.raises(InvalidInput, match="not an e-mail address"):
        services.vendors.add_vendor("Y", contacts=(Contact("Ann", email="ann-at-example"),))
    services.vendors.add_vendor("Acme", "gb")
    with pytest.raises(ConflictError, match="already exists"):
        services.vendors.add_vendor("ACME")
    assert [v.country for v in services.vendors.list_vendors()] == ["GB"]


def test_update_vendor_logs_each_changed_field(services) -> None:
    v = services.vendors.add_vendor("Acme", "GB")
    from dataclasses import replace

    services.vendors.update_vendor(replace(v, country="IE", website="https://acme.example"))
    fields = sorted(e.field for e in services.history() if e.entity == "vendor" and e.field != "created")
    assert fields == ["country", "website"]


def test_product_category_aliases_and_errors(services) -> None:
    v = services.vendors.add_vendor("Acme")
    assert services.vendors.add_product(v.id, "Portal", "SaaS").category.value == "cloud_service"
    with pytest.raises(InvalidInput, match="not a product category"):
        services.vendors.add_product(v.id, "Thing", "furniture")
    with pytest.raises(ConflictError):
        services.vendors.add_product(v.id, "portal", "software")


def test_changes_are_announced_after_commit(services) -> None:
    seen: list[Change] = []
    services.changes.subscribe(seen.append)
    v = services.vendors.add_vendor("Acme")
    assert seen == [Change("vendor", v.id)]


def test_assessment_pins_questionnaire_and_scopes_by_category_and_tier(services, sample_assessment) -> None:
    a = sample_assessment
    assert (a.questionnaire_id, a.questionnaire_version, a.status) == ("sample-trust", "1.2.0", AssessmentStatus.DRAFT)
    scoped = [q.id for q in services.assessments.scoped_questions(a.id)]
    assert "HW-01" not in scoped  # hardware-only question, software product
    assert "VUL-03" in scoped     # tier unknown: deeper questions included until a tier is set
    services.assessments.override_tier(a.id, 4, "Low-value purchase")
    scoped = [q.id for q in services.assessments.scoped_questions(a.id)]
    assert "VUL-03" not in scoped
    services.assessments.set_scope(a.id, added=["HW-01"])
    assert "HW-01" in [q.id for q in services.assessments.scoped_questions(a.id)]
    with pytest.raises(InvalidInput, match="reason"):
        services.assessments.override_tier(a.id, 2, "  ")


def test_show_if_hides_questions_until_condition_holds(services, sample_assessment) -> None:
    a = sample_assessment
    ids = [q.id for q in services.assessments.applicable_questions(a.id)]
    assert "VUL-02" not in ids
    services.assessments.set_answer(a.id, "VUL-01", "yes")
    ids = [q.id for q in services.assessments.applicable_questions(a.id)]
    assert "VUL-02" in ids


def test_answers_are_validated_and_normalised(services, sample_assessment) -> None:
    a = sample_assessment
    s = services.assessments
    assert s.set_answer(a.id, "GOV-01", "Yes, documented", parse_text=True).after.value == "documented"
    assert s.set_answer(a.id, "GOV-02", "soc2, ISO/IEC 27001", parse_text=True).after.value == ["iso27001", "soc2"]
    assert s.set_answer(a.id, "VUL-02", "30").after.value == 30
    assert s.set_answer(a.id, "VUL-03", "2026-02-01").after.value == "2026-02-01"
    with pytest.raises(AnswerValueError, match="not an option of GOV-01; choose one of"):
        s.set_answer(a.id, "GOV-01", "maybe")
    with pytest.raises(AnswerValueError, match="expects a number"):
        s.set_answer(a.id, "VUL-02", "soon")
    with pytest.raises(AnswerValueError, match="YYYY-MM-DD"):
        s.set_answer(a.id, "VUL-03", "next week")
    with pytest.raises(NotFoundError, match="no question 'NOPE'"):
        s.set_answer(a.id, "NOPE", "x")
    assert s.answers(a.id)["GOV-01"].value == "documented"  # failed saves changed nothing


def test_answer_history_and_undo_restore(services, sample_assessment) -> None:
    a = sample_assessment
    s = services.assessments
    first = s.set_answer(a.id, "GOV-01", "partial", comment="checking")
    second = s.set_answer(a.id, "GOV-01", "verified")
    assert second.before.value == "partial" and second.after.value == "verified"
    s.restore_answer(a.id, "GOV-01", second.before)
    assert s.answers(a.id)["GOV-01"].value == "partial"
    s.restore_answer(a.id, "GOV-01", first.before)  # None: back to unanswered
    assert "GOV-01" not in s.answers(a.id)
    values = [(e.old_value, e.new_value) for e in reversed(services.history(a.id)) if e.field == "value"]
    assert values[:2] == [(None, "partial"), ("partial", "verified")]


def test_reviewer_override_needs_reason_and_keeps_vendor_value(services, sample_assessment) -> None:
    a = sample_assessment
    s = services.assessments
    s.set_answer(a.id, "GOV-01", "verified", source=AnswerSource.VENDOR)
    with pytest.raises(InvalidInput, match="needs a reason"):
        s.set_answer(a.id, "GOV-01", "partial", source=AnswerSource.REVIEWER)
    s.set_answer(a.id, "GOV-01", "partial", source=AnswerSource.REVIEWER, override_reason="No certificate shown")
    answer = s.answers(a.id)["GOV-01"]
    assert (answer.value, answer.vendor_value, answer.source) == ("partial", "verified", AnswerSource.REVIEWER)
    assert answer.override_reason == "No certificate shown"


def test_status_flow_decision_lock_and_reopen(services, sample_assessment) -> None:
    a = sample_assessment
    s = services.assessments
    with pytest.raises(ConflictError, match="cannot go from 'Draft' to 'Returned'"):
        s.set_status(a.id, AssessmentStatus.RETURNED)
    s.set_status(a.id, AssessmentStatus.SENT)
    s.set_status(a.id, AssessmentStatus.RETURNED)
    s.set_status(a.id, AssessmentStatus.IN_REVIEW)
    decided = s.decide(a.id, Decision.APPROVE_WITH_CONDITIONS, "Rita Reviewer", notes="Needs VDP",
                       decided_on=date(2026, 11, 1))
    assert decided.locked and decided.next_review_due == date(2027, 11, 1)
    with pytest.raises(ConflictError, match="locked"):
        s.set_answer(a.id, "GOV-01", "verified")
    with pytest.raises(InvalidInput, match="reason"):
        s.reopen(a.id, "")
    reopened = s.reopen(a.id, "Vendor sent new certificate")
    assert reopened.status is AssessmentStatus.IN_REVIEW and reopened.decision is None
    assert any("Reopened: Vendor sent new certificate" in e.note for e in services.history(a.id))


def test_flag_acceptance(services, sample_assessment) -> None:
    a = sample_assessment
    s = services.assessments
    with pytest.raises(NotFoundError):
        s.accept_flag(a.id, "RF-NOPE", "because")
    with pytest.raises(InvalidInput):
        s.accept_flag(a.id, "RF-GOV-01", " ")
    s.accept_flag(a.id, "RF-GOV-01", "Contract names the CISO")
    assert s.flag_acceptances(a.id)["RF-GOV-01"].reason == "Contract names the CISO"
    s.revoke_flag_acceptance(a.id, "RF-GOV-01")
    assert s.flag_acceptances(a.id) == {}


def test_reassessment_copies_answers_to_confirm(services, sample_assessment) -> None:
    a = sample_assessment
    s = services.assessments
    s.set_answer(a.id, "GOV-01", "documented", comment="policy v3")
    s.override_tier(a.id, 2, "Important system")
    new = s.reassess(a.id)
    assert new.previous_assessment_id == a.id and new.effective_tier == 2
    copied = s.answers(new.id)["GOV-01"]
    assert copied.to_confirm and copied.value == "documented" and copied.comment == "policy v3"
    s.set_answer(new.id, "GOV-01", "verified")
    assert not s.answers(new.id)["GOV-01"].to_confirm


def test_batch_answers_are_all_or_nothing(services, sample_assessment) -> None:
    from trustframe.services.assessments import AnswerInput

    a = sample_assessment
    s = services.assessments
    with pytest.raises(AnswerValueError):
        s.set_answers(a.id, [AnswerInput("GOV-01", "verified"), AnswerInput("VUL-02", "many")])
    assert s.answers(a.id) == {}
    changes = s.set_answers(a.id, [AnswerInput("GOV-01", "verified"), AnswerInput("VUL-01", "yes")],
                            source=AnswerSource.VENDOR)
    assert {c.question_id for c in changes} == {"GOV-01", "VUL-01"}
    assert s.set_answers(a.id, [AnswerInput("GOV-01", "verified")], source=AnswerSource.VENDOR) == []


def test_evidence_file_is_stored_with_hash_and_linked(services, sample_assessment, tmp_path: Path) -> None:
    import hashlib

    a = sample_assessment
    cert = tmp_path / "iso27001.pdf"
    cert.write_bytes(b"%PDF-1.4 certificate")
    today = date.today()
    e = services.evidence.add(a.vendor_id, "ISO 27001", "certificate", file=cert, issuer="BSI",
                              independent=True, issued_on=today - timedelta(days=400),
                              expires_on=today - timedelta(days=1))
    assert e.sha256 == hashlib.sha256(cert.read_bytes()).hexdigest()
    assert e.state(today) is EvidenceState.EXPIRED
    cert.unlink()  # the workspace keeps its own copy
    assert services.evidence.file_bytes(e.id) == b"%PDF-1.4 certificate"
    services.evidence.link(a.id, "GOV-01", e.id)
    assert services.assessments.answers(a.id)["GOV-01"].evidence_ids == (e.id,)
    assert [x.id for x in services.evidence.for_assessment(a.id)["GOV-01"]] == [e.id]
    with pytest.raises(InvalidInput, match="either a file or a link"):
        services.evidence.add(a.vendor_id, "Nothing", "policy")
    with pytest.raises(InvalidInput, match="before the issue date"):
        services.evidence.add(a.vendor_id, "Odd", "policy", url="https://x.example",
                              issued_on=today, expires_on=today - timedelta(days=3))


def test_catalog_keeps_a_copy_of_used_questionnaires(services, sample_assessment, tmp_path: Path) -> None:
    from trustframe.services.questionnaires import QuestionnaireCatalog

    # A fresh catalog without the extra folder still opens the assessment's questionnaire
    # from the copy stored in the workspace.
    catalog = QuestionnaireCatalog(services.workspace)
    q = catalog.get("sample-trust", "1.2.0")
    assert q.question_count == 7
    assert any(i.id == "sample-trust" for i in catalog.list_questionnaires())


def test_demo_workspace_has_every_status_and_expired_evidence(services) -> None:
    from trustframe.services.demo import build_demo

    summary = build_demo(services, today=date(2026, 11, 23))
    assert summary["vendors"] >= 6 and summary["products"] >= 8
    statuses = {a.status for a in services.assessments.list_assessments()}
    assert statuses == set(AssessmentStatus)
    categories = {p.category for p in services.vendors.list_products()}
    assert len(categories) == 6
    states = {e.state(date(2026, 11, 23)) for e in services.evidence.list_evidence()}
    assert EvidenceState.EXPIRED in states and EvidenceState.CURRENT in states
    decided = [a for a in services.assessments.list_assessments() if a.status is AssessmentStatus.DECIDED]
    assert {a.decision for a in decided} >= {Decision.APPROVE, Decision.REJECT}
    assert any(a.previous_assessment_id for a in services.assessments.list_assessments())


def test_catalog_reads_one_bundled_questionnaire_alone_and_keeps_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 22 (dry-run speed): asking for one bundled version reads only that file; the full
    listing read later keeps the very object already handed out."""
    from trustframe.exchange import questionnaire_files
    from trustframe.services import questionnaires
    from trustframe.services.questionnaires import QuestionnaireCatalog

    loaded: list[str] = []
    real = questionnaires.load_questionnaire

    def counting(path: Any, *args: Any, **kwargs: Any) -> Any:
        loaded.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(questionnaires, "load_questionnaire", counting)
    catalog = QuestionnaireCatalog()
    version = real(questionnaire_files.bundled_questionnaire_files()[0]).version
    first = questionnaire_files.bundled_questionnaire_files()[0].stem
    q = catalog.get(first, version)
    assert loaded == [f"{first}.yaml"]
    assert catalog.get(first) is q and catalog.get(first, version) is q
    assert sorted(loaded) == sorted(p.name for p in questionnaire_files.bundled_questionnaire_files())
    with pytest.raises(NotFoundError):
        QuestionnaireCatalog().get(first, "0.0.0-none")
