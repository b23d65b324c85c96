"""Which assessment a returned workbook may change: the binding rules of the Excel exchange.

What is trusted (see docs/exchange.md, "Workbook identity"):

- the metadata of a workbook whose keyed seal (HMAC-SHA-256 with this workspace's secret)
  verifies: it names the export, and the export record names the assessment;
- this workspace's export records (export uid -> assessment, vendor, product, date);
- the officer's explicit choice of assessment.

What is never trusted: the visible reference on the Instructions sheet, metadata with an
old-style (unkeyed) seal unless the officer confirms the risk, and metadata whose seal does not
verify. Whatever the options, a file is refused when the export it names was made for another
assessment or another vendor than the target.

Every rule here only reads; refusals are ExchangeErrors that name the file and what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from trustframe.domain.assessment import Answer, Assessment
from trustframe.domain.exchange import SEAL_KEYED, ExportBinding, ExportRecord, ImportRecord
from trustframe.errors import ExchangeError, Issue
from trustframe.exchange.excel_model import ParsedWorkbook
from trustframe.exchange.workbook_identity import (
    AssessmentChoiceNeeded,
    LegacySealNeedsConfirmation,
    SealStatus,
    check_seal,
)

if TYPE_CHECKING:
    from trustframe.domain.questionnaire import Question, Questionnaire


class WorkspaceReads(Protocol):
    """What the binding rules and the import preview read from a workspace.

    Two implementations answer alike: the services (SQLAlchemy, :mod:`trustframe.services.exchange`)
    and the light path of the import dry run (sqlite3 alone, :mod:`trustframe.services.import_preview`).
    The rules in this module and the preview are written once, against this protocol, so that
    both paths are exactly as strict.
    """

    @property
    def workspace_id(self) -> str: ...  # noqa: D102

    def seal_key(self) -> bytes: ...  # noqa: D102

    def binding(self, export_uid: str) -> ExportBinding | None: ...  # noqa: D102

    def assessment(self, assessment_id: int) -> Assessment: ...  # noqa: D102

    def assessment_id_by_uid(self, uid: str) -> int | None: ...  # noqa: D102

    def assessment_uid(self, assessment_id: int) -> str: ...  # noqa: D102

    def questionnaire(self, assessment: Assessment) -> Questionnaire: ...  # noqa: D102

    def scoped_questions(self, assessment: Assessment) -> list[Question]: ...  # noqa: D102

    def answers(self, assessment_id: int) -> dict[str, Answer]: ...  # noqa: D102

    def export_by_uid(self, uid: str) -> ExportRecord | None: ...  # noqa: D102

    def latest_export(self, assessment_id: int) -> ExportRecord | None: ...  # noqa: D102

    def imports(self, assessment_id: int, sha256: str) -> list[ImportRecord]: ...  # noqa: D102


@dataclass(frozen=True)
class WorkbookIdentity:
    """The assessment a returned workbook will change, and how that was established."""

    assessment: Assessment
    #: "metadata" (named by sealed metadata) or "argument" (chosen by the officer).
    identified_by: str
    #: "keyed-seal", "legacy-seal" (confirmed by the officer) or "unverified".
    verification: str
    #: This workspace's record of the export the file came from (None when it cannot be told).
    binding: ExportBinding | None
    #: Warnings for the preview.
    issues: tuple[Issue, ...] = field(default=())
    #: The parsed workbook with ``meta`` kept only when its seal verified (its question
    #: checksums are then used to detect questions worded differently).
    parsed: ParsedWorkbook | None = None


def _clip(text: str, limit: int = 60) -> str:
    """A value read from the vendor's file, shortened and on one line, for a message."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _label(assessment: Assessment) -> str:
    return f"assessment {assessment.id} ({assessment.vendor_name} / {assessment.product_name})"


def identify(reads: WorkspaceReads, parsed: ParsedWorkbook, assessment_id: int | None = None, *,
             accept_legacy_seal: bool = False) -> WorkbookIdentity:
    """The assessment ``parsed`` may change, or an ExchangeError saying why it may change none.

    ``assessment_id`` is the officer's explicit choice (``--assessment``, the assessment's
    screen or the picker); ``accept_legacy_seal`` the officer's confirmation that a workbook
    sealed the old, unkeyed way may be imported.

    Raises :class:`UnknownExchangeFormat` for a format this version does not know,
    :class:`LegacySealNeedsConfirmation` for an old-style seal without confirmation,
    :class:`AssessmentChoiceNeeded` when the identity cannot be verified and no assessment was
    chosen, and ExchangeError for every other refusal.
    """
    name = parsed.file_name
    verdict = check_seal(parsed, reads.seal_key())
    meta = verdict.meta
    workspace_id = reads.workspace_id
    if meta is not None and meta.workspace_id and meta.workspace_id != workspace_id:
        raise ExchangeError(f"{name} was exported from another workspace (id {_clip(meta.workspace_id)}); this "
                            f"workspace is {workspace_id}. Open the workspace that sent it.", [])

    def lookup(export_uid: str) -> tuple[ExportBinding | None, Assessment | None]:
        binding = reads.binding(export_uid)
        owner = reads.assessment(binding.assessment_id) if binding is not None else None
        return binding, owner

    def chosen() -> Assessment | None:
        return reads.assessment(assessment_id) if assessment_id is not None else None

    if verdict.status in (SealStatus.KEYED, SealStatus.LEGACY):
        assert meta is not None
        binding, owner = lookup(meta.export_uid)
        if binding is None or owner is None:
            raise ExchangeError(f"{name} names export {_clip(meta.export_uid)}, which this workspace has no record of "
                                "(or its assessment was deleted); it cannot be matched to an assessment.", [])
        legacy = verdict.status is SealStatus.LEGACY
        if legacy and binding.seal == SEAL_KEYED:
            # This export was sealed with the workspace key: an unkeyed seal on it was made by someone else.
            raise ExchangeError(f"{name} carries an old-style seal, but export {meta.export_uid} was sealed with "
                                "this workspace's key: the file's identification was altered after it was sent. "
                                "It was not imported.", [])
        named_id = reads.assessment_id_by_uid(meta.assessment_uid)
        if named_id != owner.id:
            raise ExchangeError(f"{name} names an assessment other than the one export {meta.export_uid} was made "
                                f"for ({_label(owner)}): its identification was altered. It was not imported.", [])
        target = chosen()
        if target is not None:
            _refuse_other_target(name, binding, owner, target)
        if legacy and not accept_legacy_seal:
            raise LegacySealNeedsConfirmation(
                f"{name} is sealed the old way (before TrustFrame sealed workbooks with a workspace key). Anyone "
                "can recompute that seal, so the file's claim to be the vendor's return for "
                f"{_label(owner)} cannot be verified. Import it only if you know it came back from "
                f"{binding.vendor_name or owner.vendor_name} for this assessment "
                "(confirm in the import dialog, or --accept-legacy-seal).", [])
        issues: tuple[Issue, ...] = ()
        if legacy:
            issues = (Issue(f"{name} is sealed the old, unkeyed way; it was accepted for {_label(owner)} on your "
                            "confirmation. Check the preview carefully.", file=name, severity="warning"),)
        if parsed.reference is not None and parsed.reference != (meta.assessment_uid.lower(), meta.export_uid.lower()):
            # Harmless to the import (the sealed metadata decides) but a sign someone edited the file.
            issues += (Issue("The reference on the Instructions sheet was changed after export; it is ignored (the "
                             "sealed identification decides), but ask the vendor why.", file=name,
                             where="Instructions", severity="warning"),)
        return WorkbookIdentity(assessment=owner, identified_by="metadata" if target is None else "argument",
                                verification=verdict.status.value, binding=binding, issues=issues, parsed=parsed)

    # No valid metadata: the file is never matched by what it says about itself.
    reason = verdict.problem or "missing"
    target = chosen()
    if target is None:
        raise AssessmentChoiceNeeded(
            f"The identification sheet of {name} is {reason}, so the file's identity cannot be verified; the "
            "reference on its Instructions sheet alone is never trusted (anyone can edit it). Import it again "
            "choosing the assessment yourself (--assessment ID, or choose it in the import dialog).", [])
    claimed_exports = {uid for uid in (meta.export_uid if meta is not None else "",
                                       parsed.reference[1] if parsed.reference else "") if uid}
    claimed_assessments = {uid for uid in (meta.assessment_uid if meta is not None else "",
                                           parsed.reference[0] if parsed.reference else "") if uid}
    binding = None
    for export_uid in sorted(claimed_exports):
        found, owner = lookup(export_uid)
        if found is None or owner is None:
            raise ExchangeError(f"{name} names export {_clip(export_uid)}, which this workspace never made; it "
                                f"cannot be imported into {_label(target)}.", [])
        _refuse_other_target(name, found, owner, target)
        binding = found
    target_uid = reads.assessment_uid(target.id)  # type: ignore[arg-type]
    if any(uid != target_uid for uid in claimed_assessments):
        raise ExchangeError(f"{name} says it belongs to another assessment than {_label(target)}; it was not "
                            "imported.", [])
    questionnaire = reads.questionnaire(target)
    ids = {str(r.question_id.value).strip() for r in parsed.rows if r.question_id.value is not None}
    if ids and not ids & set(questionnaire.questions_by_id):
        raise ExchangeError(f"None of the question ids in {name} belong to questionnaire {questionnaire.key} of "
                            f"assessment {target.id}; this is not its workbook.", [])
    warning = Issue(f"The identity of {name} could not be verified (its identification sheet is {reason}): you "
                    f"chose {_label(target)} yourself, and answers are matched by question id only. Make sure "
                    "this is that vendor's return and check the preview carefully.", file=name, severity="warning")
    return WorkbookIdentity(assessment=target, identified_by="argument", verification="unverified",
                            binding=binding, issues=(warning,),
                            parsed=replace(parsed, meta=None, meta_problem=reason))


def _refuse_other_target(name: str, binding: ExportBinding, owner: Assessment, target: Assessment) -> None:
    """Refuse importing the file of ``binding`` (made for ``owner``) into any other ``target``."""
    if target.vendor_id != binding.vendor_id:
        raise ExchangeError(f"{name} was sent to {binding.vendor_name or owner.vendor_name} for {_label(owner)}; "
                            f"it can never be imported into {_label(target)}, an assessment of another vendor.", [])
    if target.id != owner.id:
        raise ExchangeError(f"{name} belongs to {_label(owner)}, not to {_label(target)}; a returned workbook "
                            "changes only the assessment it was sent for.", [])
