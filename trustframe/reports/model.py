# Long file: every report section's frozen data and its builder sit together so the sections share
# one vocabulary; splitting by section is possible but was not done in issue 20 (not a controller task).
"""Report contexts: plain data built from domain objects, ready for a template or a workbook.

Nothing here renders or touches files; :mod:`.pdf` and :mod:`.excel` turn these objects into
documents. Keeping the data separate lets tests check *what* a report says without parsing a
PDF, and lets the PDF and the Excel report say the same thing.

Numbers are formatted here (``score_text``...), so templates stay free of logic.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from trustframe.domain import answers as answer_values
from trustframe.domain.assessment import Answer, Assessment, AssessmentStatus, Decision
from trustframe.domain.evidence import Evidence, EvidenceState
from trustframe.domain.history import ChangeLogEntry
from trustframe.domain.portfolio import RegisterRow
from trustframe.domain.questionnaire import Question, Questionnaire, Severity
from trustframe.domain.scoring_model import GroupScore, Rating, Recommendation, ScoreResult
from trustframe.domain.vendors import Product, Vendor
from trustframe.reports import charts

#: How many "gaps that matter most" the executive summary shows (at least 3 when available).
KEY_GAPS_MAX = 5
#: History entries listed in full; older ones are summarised in counts.
HISTORY_LINES = 20
#: Drivers listed in the rating explanation.
DRIVERS_MAX = 10
#: Question ids listed per evidence item in the register; the rest is "+N more" (full list in the
#: answers appendix, under each answer, and in the Excel report).
EVIDENCE_QUESTIONS_MAX = 6

TIER_LABELS = {1: "critical", 2: "high", 3: "moderate", 4: "low"}

PILLAR_TITLES = {"assurance": "Assurance", "transparency": "Transparency", "accountability": "Accountability"}

RECOMMENDATION_SENTENCES = {
    Recommendation.APPROVE: "Approve the purchase. The residual risk is acceptable and no open red flag "
                            "stands in the way.",
    Recommendation.APPROVE_WITH_CONDITIONS: "Approve only on conditions: the vendor must accept the conditions "
                                            "listed below and they must be written into the contract.",
    Recommendation.ESCALATE: "Do not decide at buyer level: escalate to the risk owner. The open issues below "
                             "need a senior decision or more evidence first.",
    Recommendation.REJECT: "Do not buy on the present evidence. The red flags below would have to be resolved "
                           "before the purchase could be reconsidered.",
}

EVIDENCE_STATE_LABELS = {
    EvidenceState.CURRENT: "Current",
    EvidenceState.EXPIRING: "Expiring soon",
    EvidenceState.EXPIRED: "Expired",
    EvidenceState.NOT_YET_VALID: "Not yet valid",
    EvidenceState.UNDATED: "No expiry date",
}

METHOD_NOTES = (
    "Each applicable question is answered by the vendor or the procurement officer and, where needed, "
    "confirmed or overridden by a reviewer. Answer options carry a score between 0 and 1; the score is "
    "reduced when the supporting evidence is missing, self-declared or out of date.",
    "Domain, pillar and lifecycle scores are weighted means of their questions on a 0-100 scale. The overall "
    "score weighs questions by their importance. Completeness is the share of applicable questions answered; "
    "unanswered required questions count as gaps and as lost points.",
    "The residual risk rating combines the overall score with the purchase's inherent-risk tier. Red flags "
    "cap the rating: an open critical flag means a critical rating regardless of the score. The "
    "recommendation follows from the rating and the open flags; it supports the decision-maker's judgement "
    "and does not replace it.",
    "The vendor's country of origin is never scored by itself. Transparency, evidence and mitigations are.",
)


# -- shared pieces ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Branding:
    """Who the report is from."""

    organisation: str = ""
    logo_data_uri: str = ""      # validated PNG/JPEG as data: URI (see safety.logo_data_uri)


#: The default of the report builders: no organisation name or logo (frozen, so one instance is shared).
NO_BRANDING = Branding()


@dataclass(frozen=True)
class ReportMeta:
    """Document-level facts: PDF metadata, running headers, cover."""

    title: str
    subject: str
    author: str
    generated_on: date
    generated_by: str
    organisation: str
    logo_data_uri: str
    lang: str = "en"
    keywords: tuple[str, ...] = ()
    confidentiality: str = "Confidential – for procurement decision-making"


@dataclass(frozen=True)
class GroupLine:
    """A domain, pillar or Buyers Guide part with its score."""

    key: str
    title: str
    score: float | None
    score_text: str
    band: str
    answered: int
    applicable: int
    gaps: int
    completeness_pct: int


@dataclass(frozen=True)
class FlagLine:
    """A raised red flag with what to do about it."""

    flag_id: str
    question_id: str
    question_text: str
    severity: str
    severity_label: str
    title: str
    rationale: str
    mitigation: str
    contract_clause: str
    accepted: bool
    accepted_reason: str
    accepted_by: str
    condition_ref: str = ""      # "C2" when the mitigation is a numbered condition (printed there once)


@dataclass(frozen=True)
class GapLine:
    """Something that matters: an unanswered required question or a weak answer."""

    question_id: str
    question_text: str
    section_title: str
    answer: str
    reason: str
    points_lost: float
    points_text: str
    action: str
    condition_ref: str = ""      # "C2" when the action is a numbered condition (printed there once)

    @property
    def why(self) -> str:
        """The reason without the part that only repeats the answer (printed beside it)."""
        restated = f"answered '{self.answer}'"
        return "; ".join(part for part in self.reason.split("; ") if part and part != restated)


@dataclass(frozen=True)
class ImprovementLine:
    """An answer change that would raise the score."""

    question_id: str
    question_text: str
    from_answer: str
    to_answer: str
    gain_text: str
    kind: str = "answer"       # answer | evidence | gap | flag (what has to change)
    gain: float = 0.0          # points, rounded as gain_text shows them


@dataclass(frozen=True)
class EvidenceLine:
    """A row of the evidence register."""

    evidence_id: int | None
    title: str
    kind: str
    issuer: str
    independent: bool
    issued_on: str
    expires_on: str
    state: str
    state_label: str
    questions: str
    reference: str
    questions_short: str = ""  # at most a few ids and "+N more", for narrow columns
    question_ids: tuple[str, ...] = ()       # every supported question, sorted
    questions_more: int = 0                  # how many ids questions_short leaves out
    url: str = ""                            # the reference as a link, when it is an http(s) URL


@dataclass(frozen=True)
class HistoryLine:
    """A change-log entry as a person reads it."""

    at: str
    actor: str
    what: str
    old: str
    new: str


@dataclass(frozen=True)
class HistorySummary:
    """The change history condensed: counts plus the latest entries."""

    total: int
    first_at: str
    last_at: str
    actors: tuple[tuple[str, int], ...]
    answer_changes: int
    status_changes: tuple[HistoryLine, ...]
    recent: tuple[HistoryLine, ...]


@dataclass(frozen=True)
class AnswerLine:
    """A question and its answer in the appendix."""

    question_id: str
    text: str
    answer: str
    answered: bool
    comment: str
    source: str
    score_text: str
    evidence: str
    follow_up: bool
    override_reason: str


@dataclass(frozen=True)
class AnswerSection:
    """A section of the answers appendix."""

    id: str
    title: str
    lines: tuple[AnswerLine, ...]


@dataclass(frozen=True)
class SourceLine:
    """A cited source in the methodology section."""

    title: str
    publisher: str
    year: str
    url: str
    note: str


@dataclass(frozen=True)
class SignOff:
    """People and decision for the sign-off block."""

    assessor: str
    reviewer: str
    decision: str
    decision_by: str
    decision_date: str
    decision_notes: str
    #: Why the decision departs from the recommendation or rests on few answers ("" when none).
    decision_justification: str = ""


# -- the assessment report -------------------------------------------------------------------------

@dataclass(frozen=True)
class BuyerReadinessBlock:
    """The buyer's own readiness (buyer and operator module), shown beside the vendor's rating.

    It describes the buying organisation, not the vendor, and is scored apart from the vendor."""

    module_key: str
    score: float | None
    score_text: str
    band: str
    completeness_pct: int
    answered: int
    applicable: int
    sections: tuple[GroupLine, ...]
    weak_points: tuple[tuple[str, str], ...]   # the module's open flags, worst first: (question id, title)
    #: Every applicable module question with the buyer's answer (the Excel report lists them):
    #: (duty, question id, question, answer, comment, "to confirm" note).
    answers: tuple[tuple[str, str, str, str, str, str], ...] = ()


def buyer_readiness_block(module_key: str, score: float | None, completeness: float, answered: int,
                          applicable: int, by_section: Sequence[GroupScore],
                          flags: Sequence[Any], module: Questionnaire | None = None,
                          questions: Sequence[Question] = (),
                          answers: Mapping[str, Answer] | None = None) -> BuyerReadinessBlock:
    """The report block of a buyer-readiness result (``flags`` are raised flags, worst first);
    with ``module``, ``questions`` and ``answers`` it also lists every question and its answer."""
    lines = []
    if module is not None:
        titles = {sec.id: sec.title for sec in module.sections}
        for q in questions:
            a = (answers or {}).get(q.id)
            shown = answer_values.display(q, a.value) if a is not None and a.value is not None else ""
            note = (("to confirm" + (f": {a.confirm_note}" if a.confirm_note else ""))
                    if a is not None and a.to_confirm else "")
            lines.append((titles.get(q.section_id, q.section_id), q.id, q.text, shown, a.comment if a else "", note))
    return BuyerReadinessBlock(
        module_key=module_key, score=score, score_text=score_text(score), band=charts.score_band(score),
        completeness_pct=round(completeness * 100), answered=answered, applicable=applicable,
        sections=group_lines(by_section), weak_points=tuple((f.question_id, f.title) for f in flags),
        answers=tuple(lines))


@dataclass(frozen=True)
class OverlayLine:
    """One question a regulatory overlay maps, with its answer and score in this assessment."""

    question_id: str
    text: str
    answer: str            # as shown ("" when unanswered)
    score_text: str        # 0-100 after evidence ("–" when not scored)
    origin: str            # "added", "raised" or "red flag": what the overlay does with it


@dataclass(frozen=True)
class OverlayBlock:
    """A regulatory overlay applied to the assessment and its own sub-score."""

    key: str               # id@version
    title: str
    regime: str
    score: float | None
    score_text: str
    band: str
    answered: int
    applicable: int
    completeness_pct: int
    lines: tuple[OverlayLine, ...]
    gaps: tuple[str, ...]
    open_flags: tuple[str, ...]


def overlay_blocks(scores: Sequence[Any], overlays: Sequence[Any], questionnaire: Questionnaire,
                   answers: Mapping[str, Answer]) -> tuple[OverlayBlock, ...]:
    """The report blocks of the overlays' sub-scores (``scores``: OverlayScore; ``overlays``: the
    applied overlays, for what each does with a question)."""
    origin_of: dict[str, dict[str, str]] = {}
    for o in overlays:
        marks: dict[str, str] = {}
        for qid in o.flagged:
            marks[qid] = "red flag"
        for qid in o.raised:
            marks[qid] = "raised"
        for qid in o.added:
            marks[qid] = "added"
        origin_of[o.id] = marks
    blocks = []
    for sc in scores:
        by_id = {r.question_id: r for r in sc.rows}
        lines = []
        for qid in sc.question_ids:
            q = questionnaire.questions_by_id.get(qid)
            if q is None:
                continue
            a = answers.get(qid)
            row = by_id.get(qid)
            shown = answer_values.display(q, a.value) if a is not None and a.value is not None else ""
            value = None if row is None or row.score is None or not row.answered else row.score * 100
            origin = origin_of.get(sc.overlay_id, {}).get(qid, "")
            lines.append(OverlayLine(qid, q.text, shown, score_text(value), origin))
        blocks.append(OverlayBlock(
            key=f"{sc.overlay_id}@{sc.version}", title=sc.title, regime=sc.regime, score=sc.score,
            score_text=score_text(sc.score), band=charts.score_band(sc.score), answered=sc.answered,
            applicable=sc.applicable, completeness_pct=round(sc.completeness * 100), lines=tuple(lines),
            gaps=tuple(sc.gaps), open_flags=tuple(sc.flags)))
    return tuple(blocks)


@dataclass(frozen=True)
class AssessmentReportInput:
    """Everything the assessment report is built from (gathered by the report service)."""

    assessment: Assessment
    vendor: Vendor
    product: Product
    questionnaire: Questionnaire
    score: ScoreResult
    answers: Mapping[str, Answer]
    applicable_question_ids: Sequence[str]
    evidence: Sequence[Evidence]
    evidence_links: Mapping[str, Sequence[Evidence]]
    history: Sequence[ChangeLogEntry]
    generated_on: date
    generated_by: str
    branding: Branding = Branding()
    decision_basis: ScoreResult | None = None   # the score stored when the assessment was decided
    tier_reasons: Sequence[str] = ()            # why the tier is what it is (profile answers or override)
    previous: PreviousAssessment | None = None  # the previous decided assessment of the same product
    buyer: BuyerReadinessBlock | None = None    # the buyer's own readiness, scored apart from the vendor
    overlays: tuple[OverlayBlock, ...] = ()     # regulatory overlays applied, with their sub-scores


@dataclass(frozen=True)
class AssessmentReport:
    """The assessment report's content."""

    meta: ReportMeta
    assessment_id: int | None
    vendor_name: str
    vendor_country: str
    product_name: str
    product_version: str
    product_category: str
    procurement: str
    questionnaire_title: str
    questionnaire_key: str
    status: str
    assessment_date: str
    as_of: str
    next_review_due: str
    tier: int | None
    tier_text: str
    overall: float | None
    overall_text: str
    overall_band: str
    completeness_pct: int
    rating: str
    rating_label: str
    recommendation: str
    recommendation_label: str
    recommendation_sentence: str
    rating_sentence: str
    completeness_note: str
    rating_reasons: tuple[str, ...]
    key_flags: tuple[FlagLine, ...]
    flags: tuple[FlagLine, ...]
    accepted_flags: tuple[FlagLine, ...]
    other_open_flags: int
    key_gaps: tuple[GapLine, ...]
    gaps: tuple[GapLine, ...]
    conditions: tuple[str, ...]
    sections: tuple[GroupLine, ...]
    pillars: tuple[GroupLine, ...]
    buyers_guide: tuple[GroupLine, ...]
    domain_chart: str
    pillar_chart: str
    buyers_guide_chart: str
    drivers: tuple[GapLine, ...]
    improvements: tuple[ImprovementLine, ...]
    next_rating_label: str
    evidence: tuple[EvidenceLine, ...]
    evidence_expired: int
    evidence_expiring: int
    history: HistorySummary
    answer_sections: tuple[AnswerSection, ...]
    answered_count: int
    applicable_count: int
    sources: tuple[SourceLine, ...]
    disclaimer: str
    method_notes: tuple[str, ...]
    sign_off: SignOff
    decision_label: str = ""
    decision_basis_note: str = ""
    decision_note: str = ""          # the recorded decision, when it differs from the recommendation
    decision_matches: bool = False   # a decision is recorded and follows the current recommendation
    include_appendix: bool = True    # Appendix A (every answer); the Excel report always has them
    brief: Brief | None = None     # page 1: the one-page decision brief
    trend: Trend | None = None     # against the previous decided assessment of the same product
    condition_lines: tuple[ConditionLine, ...] = ()   # the conditions, numbered C1, C2, …
    buyer: BuyerReadinessBlock | None = None    # buyer readiness (the buyer's own duties), not the vendor's
    overlays: tuple[OverlayBlock, ...] = ()     # regulatory overlays applied, with their sub-scores


def _d(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def score_text(score: float | None) -> str:
    """A 0-100 score as shown to people ("–" when there is none)."""
    return "–" if score is None else f"{score:.0f}"


def tier_text(tier: int | None) -> str:
    """"Tier 1 (critical)" or "Not set"."""
    return "Not set" if tier is None else f"Tier {tier} ({TIER_LABELS.get(tier, '?')})"


def group_lines(groups: Sequence[GroupScore], titles: Mapping[str, str] | None = None) -> tuple[GroupLine, ...]:
    """Group scores as display lines."""
    out = []
    for g in groups:
        title = (titles or {}).get(g.key) or g.title or g.key
        out.append(GroupLine(g.key, title, g.score, score_text(g.score), charts.score_band(g.score), g.answered,
                             g.applicable, g.gaps, round(g.completeness * 100)))
    return tuple(out)


def flag_lines(score: ScoreResult, questionnaire: Questionnaire) -> tuple[FlagLine, ...]:
    """All raised flags, open ones first, worst first."""
    ordered = sorted(score.flags, key=lambda f: (f.accepted, f.severity.rank, f.question_id))
    return tuple(FlagLine(
        f.flag_id, f.question_id, _question_text(questionnaire, f.question_id), f.severity.value,
        f.severity.value.capitalize(), f.title, f.rationale, f.mitigation, f.contract_clause, f.accepted,
        f.accepted_reason, f.accepted_by) for f in ordered)


def _question_text(questionnaire: Questionnaire, question_id: str) -> str:
    question = questionnaire.questions_by_id.get(question_id)
    return question.text if question else ""


def _section_title(questionnaire: Questionnaire, section_id: str) -> str:
    section = questionnaire.sections_by_id.get(section_id)
    return section.title if section else section_id


def _gap_action(question: Question | None, unanswered: bool, fired: Sequence[str] = ()) -> str:
    """What to ask of the vendor: the mitigation of a red flag the answer actually raised (rule 7
    of docs/scoring.md: an answer that raises no flag, such as the best option or a 5-day patch
    time, is never told "knock-out" or to negotiate a weaker target), else guidance."""
    if question is None:
        return "Obtain a complete answer with supporting evidence."
    mitigations = [rule.mitigation for rule in question.red_flags if rule.mitigation and rule.id in fired]
    evidence = question.guidance.good_evidence
    if unanswered:
        text = "Obtain an answer from the vendor"
        return f"{text}, supported by: {evidence}" if evidence else f"{text} with supporting evidence."
    if mitigations:
        return mitigations[0]
    if evidence:
        return f"Ask for stronger support: {evidence}"
    return "Discuss with the vendor and record the agreed improvement."


def driver_lines(score: ScoreResult, questionnaire: Questionnaire, limit: int | None = None) -> tuple[GapLine, ...]:
    """The drivers (what pulled the score down), worst first, with a recommended action."""
    out = []
    fired: dict[str, list[str]] = {}
    for flag in score.flags:
        fired.setdefault(flag.question_id, []).append(flag.flag_id)
    for d in score.drivers[: limit or len(score.drivers)]:
        question = questionnaire.questions_by_id.get(d.question_id)
        unanswered = d.question_id in score.gaps or d.answer in ("", "unanswered")
        out.append(GapLine(d.question_id, question.text if question else "",
                           _section_title(questionnaire, d.section_id), d.answer or "unanswered", d.reason,
                           d.points_lost, f"{d.points_lost:.1f}",
                           _gap_action(question, unanswered, fired.get(d.question_id, ()))))
    return tuple(out)


def gap_lines(score: ScoreResult, questionnaire: Questionnaire) -> tuple[GapLine, ...]:
    """Unanswered required questions, heaviest first."""
    weights = {q.question_id: q.points_lost for q in score.questions}
    total = sum(q.weight for q in score.questions) or 1.0
    out = []
    for qid in sorted(score.gaps, key=lambda q: -weights.get(q, 0.0)):
        question = questionnaire.questions_by_id.get(qid)
        lost = 100.0 * weights.get(qid, 0.0) / total
        out.append(GapLine(qid, question.text if question else "",
                           _section_title(questionnaire, question.section_id if question else ""),
                           "unanswered", "Required question not answered", lost, f"{lost:.1f}",
                           _gap_action(question, True)))
    return tuple(out)


def evidence_lines(evidence: Sequence[Evidence], links: Mapping[str, Sequence[Evidence]],
                   as_of: date) -> tuple[EvidenceLine, ...]:
    """The evidence register: expired first, then expiring, then the rest by title."""
    linked: dict[int | None, list[str]] = {}
    for qid, items in links.items():
        for item in items:
            linked.setdefault(item.id, []).append(qid)
    order = {EvidenceState.EXPIRED: 0, EvidenceState.EXPIRING: 1, EvidenceState.NOT_YET_VALID: 2,
             EvidenceState.CURRENT: 3, EvidenceState.UNDATED: 4}
    rows = []
    for e in evidence:
        state = e.state(as_of)
        ids = sorted(linked.get(e.id, []))
        more = max(0, len(ids) - EVIDENCE_QUESTIONS_MAX)
        short = ", ".join(ids[:EVIDENCE_QUESTIONS_MAX]) + (f" +{more} more" if more else "")
        rows.append((order[state], e.title.casefold(), EvidenceLine(
            e.id, e.title, e.kind.label, e.issuer, e.independent, _d(e.issued_on), _d(e.expires_on), state.value,
            EVIDENCE_STATE_LABELS[state], ", ".join(ids), e.file_name or e.url, short,
            tuple(ids[:EVIDENCE_QUESTIONS_MAX]), more, link_url(e.url))))
    return tuple(line for _, _, line in sorted(rows, key=lambda r: (r[0], r[1])))


def link_url(value: str | None) -> str:
    """``value`` when it is an absolute http(s) URL that may become a clickable link, else "".

    Only http and https: a vendor-supplied ``javascript:`` or ``file:`` reference stays plain text.
    The link is never fetched (WeasyPrint does not load ``<a href>`` targets)."""
    text = (value or "").strip()
    if not text or any(c.isspace() for c in text) or len(text) > 2000:
        return ""
    scheme, _, rest = text.partition("://")
    return text if scheme.lower() in ("http", "https") and rest and not rest.startswith("/") else ""


def _short(value: str | None, limit: int = 90) -> str:
    if value is None:
        return ""
    text = value.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':  # JSON-encoded strings in the log
        text = text[1:-1]
    return text if len(text) <= limit else text[: limit - 1] + "…"


#: What a change-log field is called in the report.
HISTORY_FIELDS = {
    ("answer", "value"): "answer", ("answer", "evidence"): "evidence", ("answer", "comment"): "comment",
    ("answer", "needs_follow_up"): "follow-up", ("answer", "override_reason"): "override reason",
    ("answer", "source"): "source",
    ("assessment", "status"): "Status", ("assessment", "decision"): "Decision",
    ("assessment", "decision_notes"): "Decision notes",
    ("assessment", "decision_justification"): "Decision justification", ("assessment", "reviewer"): "Reviewer",
    ("assessment", "assessor"): "Assessor", ("assessment", "tier"): "Inherent-risk tier",
    ("assessment", "tier_override"): "Tier override", ("assessment", "profile_answers"): "Risk profile",
    ("assessment", "created"): "Created", ("assessment", "reassessment_of"): "Reassessment of",
    ("assessment", "procurement"): "Procurement", ("assessment", "next_review_due"): "Next review due",
}

_ENUM_LABELS: dict[str, type[AssessmentStatus] | type[Decision]] = {"status": AssessmentStatus, "decision": Decision}


def _decode(value: str | None) -> Any:
    """A logged value: JSON where it is JSON (lists, quoted strings, objects), else the text."""
    if value is None:
        return None
    text = value.strip()
    if text[:1] in ('[', '{', '"'):
        try:
            return json.loads(text)
        except ValueError:
            return text
    return text


def history_value(entry: ChangeLogEntry, value: str | None, questionnaire: Questionnaire | None = None) -> str:
    """A logged old or new value as a person reads it: labels for codes, option labels for answers,
    lists joined; "–" for nothing."""
    decoded = _decode(value)
    if decoded is None or decoded == "" or decoded == [] or decoded == {}:
        return "–"
    field_name = entry.field
    if entry.entity == "assessment" and field_name in _ENUM_LABELS:
        try:
            return _ENUM_LABELS[field_name](decoded).label
        except ValueError:
            pass  # a value this version has no label for: shown as stored, below
    if entry.entity == "assessment" and field_name in ("tier", "tier_override") and str(decoded).isdigit():
        return tier_text(int(decoded))
    if entry.entity == "assessment" and field_name == "reassessment_of" and str(decoded).isdigit():
        return f"assessment #{decoded}"
    if isinstance(decoded, dict):
        count = len(decoded)
        return f"{count} answer{'s' if count != 1 else ''}" if field_name == "profile_answers" else \
            _short(", ".join(f"{k}: {v}" for k, v in decoded.items()))
    if decoded in ("true", "false", True, False):
        return "Yes" if decoded in ("true", True) else "No"
    if entry.entity == "answer" and field_name == "value" and questionnaire is not None:
        question = questionnaire.questions_by_id.get(entry.entity_id)
        if question is not None:
            return _short(answer_values.display(question, decoded))
    if isinstance(decoded, list):
        return _short(", ".join(str(v) for v in decoded))
    return _short(str(decoded))


def history_what(entry: ChangeLogEntry) -> str:
    """What changed: "VUL-01 answer", "Status", "Decision"..."""
    name = HISTORY_FIELDS.get((entry.entity, entry.field)) or entry.field.replace("_", " ")
    if entry.entity == "answer":
        return f"{entry.entity_id} {name}".strip()
    if entry.entity == "assessment":
        return name.capitalize() if name else "Assessment"
    return (f"{entry.entity.replace('_', ' ').capitalize()} {entry.entity_id}".strip()
            + (f" · {name}" if name else ""))


def history_summary(entries: Sequence[ChangeLogEntry], questionnaire: Questionnaire | None = None) -> HistorySummary:
    """Condense the change log (newest first in, newest first out)."""
    def line(e: ChangeLogEntry) -> HistoryLine:
        return HistoryLine(_d(e.at), e.actor, history_what(e), history_value(e, e.old_value, questionnaire),
                           history_value(e, e.new_value, questionnaire))

    if not entries:
        return HistorySummary(0, "", "", (), 0, (), ())
    times = [e.at for e in entries]
    actors = Counter(e.actor for e in entries).most_common()
    status = tuple(line(e) for e in entries if e.field in ("status", "decision"))
    answers = sum(1 for e in entries if e.entity == "answer")
    return HistorySummary(len(entries), _d(min(times)), _d(max(times)), tuple(actors), answers, status,
                          tuple(line(e) for e in entries[:HISTORY_LINES]))


def answer_sections(inp: AssessmentReportInput) -> tuple[AnswerSection, ...]:
    """The appendix: every applicable or answered question, in questionnaire order."""
    wanted = set(inp.applicable_question_ids) | set(inp.answers)
    scores = {q.question_id: q for q in inp.score.questions}
    sections = []
    for section in inp.questionnaire.sections:
        lines = []
        for q in section.questions:
            if q.id not in wanted:
                continue
            answer = inp.answers.get(q.id)
            value = answer.value if answer else None
            qs = scores.get(q.id)
            if qs is None or qs.score is None:
                st = "n/a" if qs is not None and qs.not_applicable else ""
            else:
                st = f"{qs.score * 100:.0f}"
            evidence = "; ".join(e.title for e in inp.evidence_links.get(q.id, ()))
            lines.append(AnswerLine(
                q.id, q.text, answer_values.display(q, value) if value is not None else "", value is not None,
                answer.comment if answer else "", answer.source.label if answer and value is not None else "",
                st, evidence, bool(answer and answer.needs_follow_up), answer.override_reason if answer else ""))
        if lines:
            sections.append(AnswerSection(section.id, section.title, tuple(lines)))
    return tuple(sections)


# -- conditions, the decision brief and the trend ------------------------------------------------

#: Things that drive the rating shown on the brief (the issue asks for three to five).
BRIEF_DRIVERS_MAX = 5
#: Conditions printed in full on the brief; more are counted (they are all in section 3).
BRIEF_CONDITIONS_MAX = 6
#: Characters of a condition on the brief (a long contract clause would push the page over).
BRIEF_CONDITION_CHARS = 170
#: Evidence expiring within this many days is listed on the brief (expired evidence too).
BRIEF_EVIDENCE_DAYS = 90
BRIEF_EVIDENCE_MAX = 4
#: Characters of the reviewer's justification on the brief.
BRIEF_JUSTIFICATION_CHARS = 320
#: Changed answers listed in the trend section (the rest are counted).
TREND_CHANGES_MAX = 40


@dataclass(frozen=True)
class ConditionLine:
    """A condition for approval with its number (``C1``…), referenced wherever the action recurs."""

    number: int
    ref: str
    text: str
    owner: str = ""
    due: str = ""


@dataclass(frozen=True)
class BriefDriver:
    """One of the few things that drive the rating, as the brief states it."""

    kind: str            # flag | gap
    label: str           # "Critical flag", "−12.3 points"
    severity: str        # css class: critical | high | medium | gap
    title: str
    question_id: str
    condition_ref: str = ""   # "C2" when the action is a numbered condition


@dataclass(frozen=True)
class BriefEvidence:
    """Evidence that has expired or expires within :data:`BRIEF_EVIDENCE_DAYS`."""

    title: str
    state: str
    state_label: str
    expires_on: str
    days: int            # days from the as-of date (negative: expired that long ago)


@dataclass(frozen=True)
class Brief:
    """The one-page decision brief: everything a manager needs, nothing that needs the rest."""

    tier_reasons: tuple[str, ...]
    drivers: tuple[BriefDriver, ...]
    drivers_more: int
    conditions: tuple[ConditionLine, ...]
    conditions_more: int
    evidence: tuple[BriefEvidence, ...]
    evidence_more: int
    decision: str            # "Approve with conditions by M. Reviewer on 2026-03-01" or ""
    justification: str       # the reviewer's notes when the decision departs from the recommendation
    decision_departs: bool
    trend_line: str          # one line against the previous decided assessment ("" when none)


@dataclass(frozen=True)
class PreviousAssessment:
    """The previous decided assessment of the same product, gathered by the report service."""

    assessment: Assessment
    questionnaire: Questionnaire
    score: ScoreResult           # as stored when it was decided (else as scored now)
    answers: Mapping[str, Answer]
    score_is_snapshot: bool = True


@dataclass(frozen=True)
class TrendDomain:
    """A domain's score then and now."""

    title: str
    before_text: str
    after_text: str
    delta: float | None
    delta_text: str


@dataclass(frozen=True)
class AnswerChangeLine:
    """An answer that differs from the previous assessment's."""

    question_id: str
    question_text: str
    before: str
    after: str


@dataclass(frozen=True)
class Trend:
    """This assessment against the previous decided assessment of the same product."""

    previous_id: int | None
    previous_date: str
    previous_decision: str
    score_before_text: str
    score_after_text: str
    score_delta_text: str
    rating_before_label: str
    rating_after_label: str
    flags_before: int
    flags_after: int
    flags_new: tuple[str, ...]
    flags_resolved: tuple[str, ...]
    domains: tuple[TrendDomain, ...]
    changes: tuple[AnswerChangeLine, ...]
    changes_more: int
    changes_total: int
    basis_note: str              # how the previous score was obtained
    line: str                    # the one-line summary printed on the brief


def _condition_text(condition: Any) -> tuple[str, str, str]:
    """``(text, owner, due)`` of a condition: a plain string today; an object with ``text``,
    ``owner`` and ``due`` attributes is accepted too, so recorded owners and due dates show."""
    if isinstance(condition, str):
        return condition, "", ""
    text = str(getattr(condition, "text", "") or condition)
    due = getattr(condition, "due", None) or getattr(condition, "due_date", None)
    due_text = _d(due) if isinstance(due, (date, datetime)) else str(due or "")
    return text, str(getattr(condition, "owner", "") or ""), due_text


def condition_lines(conditions: Sequence[Any]) -> tuple[ConditionLine, ...]:
    """The conditions numbered C1, C2, … (each printed once, referenced elsewhere by number)."""
    out = []
    for number, condition in enumerate(conditions, start=1):
        text, owner, due = _condition_text(condition)
        out.append(ConditionLine(number, f"C{number}", text, owner, due))
    return tuple(out)


def _normalised(text: str) -> str:
    return " ".join(text.split()).rstrip(".").casefold()


def condition_ref(conditions: Sequence[ConditionLine], action: str) -> str:
    """The number of the condition that states ``action`` ("" when none does), so the action is
    printed once and referenced elsewhere."""
    wanted = _normalised(action)
    if not wanted:
        return ""
    for c in conditions:
        text = _normalised(c.text)
        # Conditions are often "<question> – <flag>: <mitigation>": the action inside one counts.
        if text == wanted or text.startswith(wanted) or (len(wanted) >= 20 and wanted in text):
            return c.ref
    return ""


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def build_brief(inp: AssessmentReportInput, flags: Sequence[FlagLine], drivers: Sequence[GapLine],
                conditions: Sequence[ConditionLine], evidence: Sequence[EvidenceLine], as_of: date,
                trend: Trend | None) -> Brief:
    """The decision brief's content (page 1 of the assessment report, and ``report brief``)."""
    a, s = inp.assessment, inp.score
    items: list[BriefDriver] = []
    seen: set[str] = set()
    # Open critical and high flags drive the rating first (they cap it), then what cost most points.
    for f in flags:
        if f.accepted or f.severity not in (Severity.CRITICAL.value, Severity.HIGH.value):
            continue
        items.append(BriefDriver("flag", f"{f.severity_label} red flag", f.severity, f.title, f.question_id,
                                 condition_ref(conditions, f.mitigation)))
        seen.add(f.question_id)
    for d in drivers:
        if d.question_id in seen:
            continue
        seen.add(d.question_id)
        title = _clip(d.question_text, 120) + (f" (answered “{_clip(d.answer, 40)}”)" if d.answer != "unanswered"
                                                else " (not answered)")
        items.append(BriefDriver("gap", f"−{d.points_text} points", "gap", title, d.question_id,
                                 condition_ref(conditions, d.action)))
    shown = items[:BRIEF_DRIVERS_MAX]
    brief_conditions = tuple(dataclasses.replace(c, text=_clip(c.text, BRIEF_CONDITION_CHARS))
                             for c in conditions[:BRIEF_CONDITIONS_MAX])
    soon: list[BriefEvidence] = []
    for e in evidence:
        if e.state not in (EvidenceState.EXPIRED.value, EvidenceState.EXPIRING.value) and not e.expires_on:
            continue
        if not e.expires_on:
            continue
        days = (date.fromisoformat(e.expires_on) - as_of).days
        if days <= BRIEF_EVIDENCE_DAYS:
            state = e.state if e.state != EvidenceState.CURRENT.value else EvidenceState.EXPIRING.value
            label = e.state_label if e.state != EvidenceState.CURRENT.value else f"Expires in {days} days"
            soon.append(BriefEvidence(e.title, state, label, e.expires_on, days))
    soon.sort(key=lambda x: x.days)
    decision = ""
    justification = ""
    departs = False
    if a.decision is not None:
        decision = a.decision.label + (f" by {a.decision_by}" if a.decision_by else "") + \
            (f" on {_d(a.decision_date)}" if a.decision_date else "")
        departs = a.decision.value != s.recommendation.value
        if departs:
            # The written justification (recorded with the decision since migration 0004), else the notes.
            written = getattr(a, "decision_justification", "") or a.decision_notes or ""
            justification = _clip(written, BRIEF_JUSTIFICATION_CHARS) or \
                "No justification is recorded for departing from the recommendation."
    return Brief(tuple(inp.tier_reasons), tuple(shown), len(items) - len(shown), brief_conditions,
                 max(0, len(conditions) - BRIEF_CONDITIONS_MAX), tuple(soon[:BRIEF_EVIDENCE_MAX]),
                 max(0, len(soon) - BRIEF_EVIDENCE_MAX), decision, justification, departs,
                 trend.line if trend else "")


def _delta_text(delta: float | None) -> str:
    if delta is None:
        return "–"
    rounded = round(delta)
    return "±0" if rounded == 0 else f"{rounded:+d}".replace("-", "−")


def build_trend(inp: AssessmentReportInput) -> Trend | None:
    """This assessment against the previous decided assessment of the same product (None when there
    is none): score, rating, open flags, each domain's score, and the answers that changed."""
    prev = inp.previous
    if prev is None:
        return None
    now, then = inp.score, prev.score
    qn = inp.questionnaire
    delta = None if now.overall is None or then.overall is None else now.overall - then.overall
    titles = {sec.id: sec.title for sec in qn.sections}
    titles.update({sec.id: sec.title for sec in prev.questionnaire.sections if sec.id not in titles})
    before = {g.key: g for g in then.by_section}
    after = {g.key: g for g in now.by_section}
    domains = []
    for key in list(after) + [k for k in before if k not in after]:
        b, n = before.get(key), after.get(key)
        bs, ns = (b.score if b else None), (n.score if n else None)
        d = None if bs is None or ns is None else ns - bs
        domains.append(TrendDomain(titles.get(key, key), score_text(bs), score_text(ns), d, _delta_text(d)))
    open_then = {f.title for f in then.flags if not f.accepted}
    open_now = {f.title for f in now.flags if not f.accepted}
    changes = []
    for section in qn.sections:
        for q in section.questions:
            old, new = prev.answers.get(q.id), inp.answers.get(q.id)
            old_v, new_v = (old.value if old else None), (new.value if new else None)
            if old_v == new_v:
                continue
            old_q = prev.questionnaire.questions_by_id.get(q.id, q)
            changes.append(AnswerChangeLine(
                q.id, q.text, answer_values.display(old_q, old_v) if old_v is not None else "not answered",
                answer_values.display(q, new_v) if new_v is not None else "not answered"))
    p = prev.assessment
    when = _d(p.decision_date) or _d(p.created_at)
    rating_part = (f"rating {then.rating.label.lower()} → {now.rating.label.lower()}" if then.rating != now.rating
                   else f"rating unchanged ({now.rating.label.lower()})")
    flag_part = f"open flags {len(open_then)} → {len(open_now)}"
    line = (f"Since #{p.id} ({when}): score {score_text(then.overall)} → {score_text(now.overall)} "
            f"({_delta_text(delta)}), {rating_part}, {flag_part}, {len(changes)} answer"
            f"{'s' if len(changes) != 1 else ''} changed.")
    basis_note = (f"Assessment #{p.id} as scored when it was decided on {when}." if prev.score_is_snapshot
                  else f"Assessment #{p.id} scored as of {_d(then.as_of)} (no score was stored when it was decided).")
    return Trend(p.id, when, p.decision.label if p.decision else "", score_text(then.overall), score_text(now.overall),
                 _delta_text(delta), then.rating.label, now.rating.label, len(open_then), len(open_now),
                 tuple(sorted(open_now - open_then)), tuple(sorted(open_then - open_now)), tuple(domains),
                 tuple(changes[:TREND_CHANGES_MAX]), max(0, len(changes) - TREND_CHANGES_MAX), len(changes),
                 basis_note, line)


#: The reviewer's notes quoted in the executive summary (the sign-off section has them in full).
DECISION_NOTES_MAX = 240


def decision_summary(a: Assessment, s: ScoreResult) -> tuple[str, bool]:
    """``(note, follows)``: a sentence on the recorded decision, and whether it follows the current
    recommendation. The note reconciles the two for the executive summary, which otherwise shows only
    the recommendation; it is empty when nothing is decided."""
    if a.decision is None:
        return "", False
    follows = a.decision.value == s.recommendation.value
    who = f" by {a.decision_by}" if a.decision_by else ""
    when = f" on {_d(a.decision_date)}" if a.decision_date else ""
    if follows:
        return f"Decided: {a.decision.label}{who}{when}, as recommended.", True
    notes = " ".join((a.decision_justification or a.decision_notes or "").split())
    if len(notes) > DECISION_NOTES_MAX:
        notes = notes[: DECISION_NOTES_MAX - 1].rstrip() + "…"
    text = (f"Decided: {a.decision.label}{who}{when}, against the current recommendation "
            f"{s.recommendation.label}")
    why = "the justification" if a.decision_justification else "the reviewer's notes"
    text += f"; {why}: {notes}" if notes else "; no reason is recorded."
    if notes and not notes.endswith((".", "!", "?", "…")):
        text += "."
    return text, False


def build_assessment_report(inp: AssessmentReportInput) -> AssessmentReport:
    """The assessment report's content from the gathered domain objects."""
    a, s, qn = inp.assessment, inp.score, inp.questionnaire
    flags = flag_lines(s, qn)
    open_flags = [f for f in flags if not f.accepted]
    key_flags = tuple(f for f in open_flags if f.severity in (Severity.CRITICAL.value, Severity.HIGH.value))
    drivers = driver_lines(s, qn)
    key_gaps = drivers[:KEY_GAPS_MAX]
    sections = group_lines(s.by_section, {sec.id: sec.title for sec in qn.sections})
    pillars = group_lines(s.by_pillar, PILLAR_TITLES)
    bg = group_lines(s.by_buyers_guide, {k.key: k.title or k.key.capitalize() for k in s.by_buyers_guide})
    tier = s.tier if s.tier is not None else a.effective_tier
    as_of = s.as_of or inp.generated_on
    evidence = evidence_lines(inp.evidence, inp.evidence_links, as_of)
    appendix = answer_sections(inp)
    answered = sum(1 for sec in appendix for line in sec.lines if line.answered)
    applicable = sum(len(sec.lines) for sec in appendix)
    completeness_pct = round(s.completeness * 100)
    rating_sentence = (f"The residual risk is {s.rating.value} for a purchase of inherent-risk "
                       f"{tier_text(tier).lower()}." if tier is not None
                       else f"The residual risk is {s.rating.value}; the purchase's inherent-risk tier is not set.")
    basis_note = ""
    basis = inp.decision_basis
    if basis is not None and a.decision_date and (basis.rating != s.rating or basis.recommendation != s.recommendation):
        basis_note = (f"When the decision was taken on {_d(a.decision_date)} the rating was {basis.rating.value} "
                      f"(score {score_text(basis.overall)}); it is {s.rating.value} now, mostly because evidence "
                      "or answers changed since. Consider a review.")
    decision_note, decision_matches = decision_summary(a, s)
    completeness_note = ""
    if s.completeness < 0.8:
        completeness_note = (f"Only {completeness_pct}% of the applicable questions are answered, so the score "
                             "and rating may change as the remaining answers arrive.")
    conditions = condition_lines(s.conditions)
    # Each action is printed once, as a numbered condition; flags and drivers refer to its number.
    flags = tuple(dataclasses.replace(f, condition_ref=condition_ref(conditions, f.mitigation)) for f in flags)
    open_flags = [f for f in flags if not f.accepted]
    key_flags = tuple(f for f in open_flags if f.severity in (Severity.CRITICAL.value, Severity.HIGH.value))
    drivers = tuple(dataclasses.replace(d, condition_ref=condition_ref(conditions, d.action)) for d in drivers)
    key_gaps = drivers[:KEY_GAPS_MAX]
    trend = build_trend(inp)
    brief = build_brief(inp, flags, drivers, conditions, evidence, as_of, trend)
    title = f"Vendor trust assessment: {a.vendor_name or inp.vendor.name} – {a.product_name or inp.product.name}"
    meta = ReportMeta(
        title=title,
        subject=f"Residual risk {s.rating.label}; recommendation: {s.recommendation.label}",
        author=inp.generated_by or inp.branding.organisation, generated_on=inp.generated_on,
        generated_by=inp.generated_by, organisation=inp.branding.organisation,
        logo_data_uri=inp.branding.logo_data_uri, lang=qn.language or "en",
        keywords=("vendor risk", "ICT supply chain", inp.vendor.name, inp.product.name))
    sources = tuple(SourceLine(src.title, src.publisher, str(src.year or ""), src.url, src.note) for src in qn.sources)
    domain_chart = charts.bar_chart([charts.Bar(g.title, g.score) for g in sections], "Scores by domain")
    pillar_chart = charts.column_chart(
        [charts.Bar(g.title, g.score, f"{g.answered}/{g.applicable} answered") for g in pillars],
        "Scores by pillar")
    bg_chart = charts.radar_chart([charts.Bar(g.title, g.score) for g in bg], "Scores by Buyers Guide part") \
        if len(bg) >= 3 else charts.bar_chart([charts.Bar(g.title, g.score) for g in bg], "Scores by Buyers Guide part")
    return AssessmentReport(
        meta=meta, assessment_id=a.id, vendor_name=a.vendor_name or inp.vendor.name, vendor_country=inp.vendor.country,
        product_name=a.product_name or inp.product.name, product_version=inp.product.version,
        product_category=inp.product.category.label, procurement=a.procurement, questionnaire_title=qn.title,
        questionnaire_key=qn.key, status=a.status.label,
        assessment_date=_d(a.decision_date or (a.updated_at.date() if a.updated_at else None) or as_of),
        as_of=_d(as_of), next_review_due=_d(a.next_review_due), tier=tier, tier_text=tier_text(tier),
        overall=s.overall, overall_text=score_text(s.overall), overall_band=charts.score_band(s.overall),
        completeness_pct=completeness_pct, rating=s.rating.value, rating_label=s.rating.label,
        recommendation=s.recommendation.value, recommendation_label=s.recommendation.label,
        recommendation_sentence=RECOMMENDATION_SENTENCES[s.recommendation], rating_sentence=rating_sentence,
        completeness_note=completeness_note, rating_reasons=tuple(s.rating_reasons), key_flags=key_flags,
        flags=tuple(open_flags), accepted_flags=tuple(f for f in flags if f.accepted),
        other_open_flags=len(open_flags) - len(key_flags), key_gaps=key_gaps, gaps=gap_lines(s, qn),
        conditions=tuple(s.conditions), sections=sections, pillars=pillars, buyers_guide=bg,
        domain_chart=domain_chart, pillar_chart=pillar_chart, buyers_guide_chart=bg_chart,
        drivers=drivers[:DRIVERS_MAX], improvements=tuple(
            ImprovementLine(i.question_id, _question_text(qn, i.question_id), i.from_answer, i.to_answer,
                            f"+{i.gain:.1f}", getattr(i, "kind", "answer"), round(i.gain, 1))
            for i in s.improvements),
        next_rating_label=s.next_rating.label if s.next_rating else "",
        evidence=evidence, evidence_expired=sum(1 for e in evidence if e.state == EvidenceState.EXPIRED.value),
        evidence_expiring=sum(1 for e in evidence if e.state == EvidenceState.EXPIRING.value),
        history=history_summary(inp.history, qn), answer_sections=appendix, answered_count=answered,
        applicable_count=applicable, sources=sources, disclaimer=qn.disclaimer, method_notes=METHOD_NOTES,
        sign_off=SignOff(a.assessor, a.reviewer, a.decision.label if a.decision else "", a.decision_by,
                         _d(a.decision_date), a.decision_notes, a.decision_justification),
        decision_label=a.decision.label if a.decision else "", decision_basis_note=basis_note,
        decision_note=decision_note, decision_matches=decision_matches, brief=brief, trend=trend,
        condition_lines=conditions, buyer=inp.buyer, overlays=inp.overlays)


# -- the comparison report -------------------------------------------------------------------------

@dataclass(frozen=True)
class ComparisonEntry:
    """One candidate in a comparison: an assessment with its score."""

    assessment: Assessment
    questionnaire: Questionnaire
    score: ScoreResult
    answers: Mapping[str, Answer] = dataclasses.field(default_factory=dict)
    #: The questions this candidate was asked (applicable); empty means "those it was scored on".
    asked: Sequence[str] = ()


@dataclass(frozen=True)
class AnswerDifference:
    """A question all candidates were asked, answered differently."""

    question_id: str
    question_text: str
    answers: tuple[str, ...]     # per column


@dataclass(frozen=True)
class ComparisonColumn:
    """One candidate as shown side by side."""

    assessment_id: int | None
    vendor_name: str
    product_name: str
    label: str
    status: str
    tier_text: str
    overall_text: str
    overall_band: str
    completeness_pct: int
    rating: str
    rating_label: str
    recommendation_label: str
    recommendation_sentence: str
    critical_flags: int
    high_flags: int
    other_flags: int
    flags: tuple[FlagLine, ...]
    conditions: tuple[str, ...]
    rank: int
    procurement: str = ""
    category: str = ""
    common_score_text: str = "–"   # on the questions every candidate was asked
    common_band: str = "none"
    common_answered: int = 0
    condition_lines: tuple[ConditionLine, ...] = ()


@dataclass(frozen=True)
class ScoreRow:
    """A domain or pillar with each candidate's score."""

    title: str
    cells: tuple[tuple[str, str], ...]   # (score text, band) per column
    spread: float


@dataclass(frozen=True)
class ComparisonReport:
    """The comparison report's content."""

    meta: ReportMeta
    procurement: str
    columns: tuple[ComparisonColumn, ...]
    domain_rows: tuple[ScoreRow, ...]
    pillar_rows: tuple[ScoreRow, ...]
    differences: tuple[str, ...]
    pillar_chart: str
    domain_chart: str
    summary: str
    scope_notes: tuple[str, ...] = ()                 # when candidates span tenders or categories
    common_count: int = 0                             # questions every candidate was asked
    asked_counts: tuple[int, ...] = ()                # per column
    answer_differences: tuple[AnswerDifference, ...] = ()
    candidates_text: str = ""                         # "A – X, B – Y and C – Z"


def _asked(entry: ComparisonEntry) -> set[str]:
    """The questions a candidate was asked: as gathered, else every question it was scored on."""
    if entry.asked:
        return set(entry.asked)
    return {q.question_id for q in entry.score.questions}


def subset_score(score: ScoreResult, question_ids: Collection[str], section: str | None = None) -> float | None:
    """The score on a subset of the questions, by the scoring rule (``100 * sum(weight * score) /
    sum(weight)`` over the answered, scorable ones; not-applicable answers leave the denominator);
    None when none of them is answered."""
    weight = total = 0.0
    for q in score.questions:
        if q.question_id not in question_ids or q.score is None or q.not_applicable:
            continue
        if section is not None and q.section_id != section:
            continue
        weight += q.weight
        total += q.weight * q.score
    return 100.0 * total / weight if weight else None


def _pillar_questions(entry: ComparisonEntry, pillar: str) -> set[str]:
    """The questions of a questionnaire that count for ``pillar``."""
    return {q.id for section in entry.questionnaire.sections for q in section.questions
            if pillar in {p.value for p in (q.trace.pillar or section.pillars)}}


def _join_names(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _rank_key(entry: ComparisonEntry) -> tuple[int, float]:
    return (entry.score.rating.rank, -(entry.score.overall or 0.0))


def _score_rows(groups_per_column: Sequence[Mapping[str, GroupScore]], keys: Sequence[tuple[str, str]]
                ) -> tuple[ScoreRow, ...]:
    rows = []
    for key, title in keys:
        values = [g.get(key).score if g.get(key) else None for g in groups_per_column]  # type: ignore[union-attr]
        present = [v for v in values if v is not None]
        spread = (max(present) - min(present)) if len(present) >= 2 else 0.0
        rows.append(ScoreRow(title, tuple((score_text(v), charts.score_band(v)) for v in values), spread))
    return tuple(rows)


def build_comparison_report(entries: Sequence[ComparisonEntry], generated_on: date, generated_by: str,
                            branding: Branding = NO_BRANDING) -> ComparisonReport:
    """Several candidates for the same purchase, side by side."""
    ranked = sorted(range(len(entries)), key=lambda i: _rank_key(entries[i]))
    rank_of = {index: position + 1 for position, index in enumerate(ranked)}
    columns = []
    for i, e in enumerate(entries):
        numbered = condition_lines(e.score.conditions)
        flags = tuple(dataclasses.replace(f, condition_ref=condition_ref(numbered, f.mitigation))
                      for f in flag_lines(e.score, e.questionnaire) if not f.accepted)
        crit = sum(1 for f in flags if f.severity == "critical")
        high = sum(1 for f in flags if f.severity == "high")
        columns.append(ComparisonColumn(
            e.assessment.id, e.assessment.vendor_name, e.assessment.product_name,
            f"{e.assessment.vendor_name} – {e.assessment.product_name}", e.assessment.status.label,
            tier_text(e.score.tier if e.score.tier is not None else e.assessment.effective_tier),
            score_text(e.score.overall), charts.score_band(e.score.overall), round(e.score.completeness * 100),
            e.score.rating.value, e.score.rating.label, e.score.recommendation.label,
            RECOMMENDATION_SENTENCES[e.score.recommendation], crit, high, len(flags) - crit - high, flags,
            tuple(e.score.conditions), rank_of[i], e.assessment.procurement,
            e.assessment.product_category.label if e.assessment.product_category else "", condition_lines=numbered))
    # Two assessments of the same product (a reassessment) would share a label: add the number.
    label_counts = Counter(c.label for c in columns)
    columns = [dataclasses.replace(c, label=f"{c.label} (#{c.assessment_id})") if label_counts[c.label] > 1 else c
               for c in columns]
    # Domains: union over candidates in first-seen order (versions of a questionnaire may differ).
    domain_keys: dict[str, str] = {}
    pillar_keys: dict[str, str] = {}
    for e in entries:
        titles = {sec.id: sec.title for sec in e.questionnaire.sections}
        for g in e.score.by_section:
            domain_keys.setdefault(g.key, titles.get(g.key, g.title or g.key))
        for g in e.score.by_pillar:
            pillar_keys.setdefault(g.key, PILLAR_TITLES.get(g.key, g.title or g.key))
    by_section = [{g.key: g for g in e.score.by_section} for e in entries]
    by_pillar = [{g.key: g for g in e.score.by_pillar} for e in entries]
    # Honest comparison: domain scores and the headline score on the questions every candidate was
    # asked (a tier-4 candidate's short core set against a tier-1 candidate's full bank is no contest).
    asked = [_asked(e) for e in entries]
    common = set.intersection(*asked) if asked else set()
    if any(a != common for a in asked):
        by_section = [{key: dataclasses.replace(g, score=subset_score(e.score, common, key))
                       for key, g in groups.items()} for e, groups in zip(entries, by_section, strict=False)]
        # A question counts for the pillars of its trace, else of its section (as the scoring does).
        by_pillar = [{key: dataclasses.replace(g, score=subset_score(e.score, common & _pillar_questions(e, key)))
                      for key, g in groups.items()} for e, groups in zip(entries, by_pillar, strict=False)]
    for i, e in enumerate(entries):
        value = subset_score(e.score, common)
        answered = sum(1 for q in e.score.questions if q.question_id in common and q.score is not None)
        columns[i] = dataclasses.replace(columns[i], common_score_text=score_text(value),
                                         common_band=charts.score_band(value), common_answered=answered)
    domain_rows = _score_rows(by_section, list(domain_keys.items()))
    pillar_rows = _score_rows(by_pillar, list(pillar_keys.items()))
    differences = _differences(entries, columns, domain_rows)
    best = columns[ranked[0]] if columns else None
    summary = ""
    if best is not None and len(columns) > 1:
        summary = (f"On the present evidence {best.label} carries the lowest residual risk "
                   f"({best.rating_label.lower()}, score {best.overall_text}); its recommendation is: "
                   f"{best.recommendation_label.lower()}.")
    series = [charts.Series(c.label, tuple(by_pillar[i][k].score if k in by_pillar[i] else None for k in pillar_keys))
              for i, c in enumerate(columns)]
    dseries = [charts.Series(c.label, tuple(by_section[i][k].score if k in by_section[i] else None
                                            for k in domain_keys)) for i, c in enumerate(columns)]
    tenders = sorted({c.procurement for c in columns}, key=str.casefold)
    categories = sorted({c.category for c in columns if c.category}, key=str.casefold)
    procurement = tenders[0] if len(tenders) == 1 else ""
    scope_notes = []
    if len(tenders) > 1:
        named = [t or "no tender recorded" for t in tenders]
        scope_notes.append(f"The candidates span {len(tenders)} tenders ({_join_names(named)}): they were not "
                           "necessarily competing for the same purchase.")
    if len(categories) > 1:
        scope_notes.append(f"The candidates span {len(categories)} product categories ({_join_names(categories)}), "
                           "so they were asked different questions.")
    if any(a != common for a in asked):
        scope_notes.append(f"Scores below are compared on the {len(common)} questions all candidates were asked "
                           f"(they were asked {_join_names([str(len(a)) for a in asked])} respectively); "
                           "each assessment's own overall score is shown beside it.")
    differences_q = _answer_differences(entries, common)
    candidates_text = _join_names([c.label for c in columns])
    meta = ReportMeta(
        title="Vendor comparison: " + candidates_text,
        subject="Candidates compared: " + ", ".join(c.label for c in columns)
                + (f" ({procurement})" if procurement else ""),
        author=generated_by or branding.organisation, generated_on=generated_on, generated_by=generated_by,
        organisation=branding.organisation, logo_data_uri=branding.logo_data_uri,
        keywords=("vendor comparison", "ICT supply chain"))
    return ComparisonReport(meta, procurement, tuple(columns), domain_rows, pillar_rows, differences,
                            charts.grouped_bar_chart(list(pillar_keys.values()), series, "Pillar scores by candidate"),
                            charts.grouped_bar_chart(list(domain_keys.values()), dseries, "Domain scores by candidate"
                                                     + (f" (on the {len(common)} common questions)"
                                                        if any(a != common for a in asked) else "")),
                            summary, tuple(scope_notes), len(common), tuple(len(a) for a in asked), differences_q,
                            candidates_text)


def _answer_differences(entries: Sequence[ComparisonEntry], common: Collection[str]) -> tuple[AnswerDifference, ...]:
    """The questions all candidates were asked and answered differently, in questionnaire order."""
    if not entries or not any(e.answers for e in entries):
        return ()
    out = []
    for section in entries[0].questionnaire.sections:
        for q in section.questions:
            if q.id not in common:
                continue
            values = []
            for e in entries:
                answer = e.answers.get(q.id)
                question = e.questionnaire.questions_by_id.get(q.id, q)
                values.append(answer_values.display(question, answer.value)
                              if answer is not None and answer.value is not None else "not answered")
            if len(set(values)) > 1:
                out.append(AnswerDifference(q.id, q.text, tuple(values)))
    return tuple(out)


def _differences(entries: Sequence[ComparisonEntry], columns: Sequence[ComparisonColumn],
                 domain_rows: Sequence[ScoreRow]) -> tuple[str, ...]:
    """Plain sentences on what separates the candidates."""
    out: list[str] = []
    if len(entries) < 2:
        return ()
    ratings = {c.rating_label for c in columns}
    if len(ratings) > 1:
        out.append("Residual risk differs: " + "; ".join(f"{c.label}: {c.rating_label.lower()}" for c in columns) + ".")
    for row in sorted(domain_rows, key=lambda r: -r.spread)[:4]:
        if row.spread < 15:
            break
        cells = [(columns[i].label, cell[0]) for i, cell in enumerate(row.cells)]
        out.append(f"{row.title}: scores range over {row.spread:.0f} points ("
                   + ", ".join(f"{label} {value}" for label, value in cells) + ").")
    flag_sets = [{f.title for f in c.flags if f.severity in ("critical", "high")} for c in columns]
    for i, c in enumerate(columns):
        others = set().union(*(fs for j, fs in enumerate(flag_sets) if j != i))
        only = sorted(flag_sets[i] - others)
        if only:
            out.append(f"Only {c.label} raises: " + "; ".join(only[:4]) + ".")
    low = [c for c in columns if c.completeness_pct < 80]
    if low:
        out.append("Incomplete assessments (less than 80% answered) may still move: "
                   + ", ".join(f"{c.label} ({c.completeness_pct}%)" for c in low) + ".")
    return tuple(out)


# -- the portfolio report --------------------------------------------------------------------------

@dataclass(frozen=True)
class PortfolioFlag:
    """An open critical flag somewhere in the portfolio."""

    vendor_name: str
    product_name: str
    assessment_id: int | None
    title: str
    question_id: str
    mitigation: str


@dataclass(frozen=True)
class PortfolioEvidence:
    """Evidence that has expired or expires soon."""

    vendor_name: str
    title: str
    kind: str
    expires_on: str
    state: str
    state_label: str


@dataclass(frozen=True)
class PortfolioRow:
    """One vendor/product line."""

    vendor_name: str
    country: str
    product_name: str
    category: str
    assessment_id: int | None
    status: str
    tier: int | None
    tier_text: str
    score: float | None
    score_text: str
    band: str
    rating: str
    rating_label: str
    recommendation_label: str
    completeness_pct: int
    open_flags: int
    critical_flags: int
    evidence_expiring: int
    evidence_expired: int
    next_review_due: str
    overdue: bool
    decision: str
    decided_on: str


@dataclass(frozen=True)
class PortfolioReport:
    """The portfolio report's content."""

    meta: ReportMeta
    rows: tuple[PortfolioRow, ...]
    vendor_count: int
    product_count: int
    assessed_count: int
    by_rating: tuple[tuple[str, str, int], ...]          # (key, label, count)
    by_tier: tuple[tuple[str, int], ...]
    matrix: tuple[tuple[str, tuple[int, ...]], ...]       # tier label -> counts per rating (+ unrated)
    matrix_columns: tuple[str, ...]
    chart: str
    critical_flags: tuple[PortfolioFlag, ...]
    overdue: tuple[PortfolioRow, ...]
    evidence: tuple[PortfolioEvidence, ...]
    decided: tuple[PortfolioRow, ...] = ()        # counted in the rating totals
    in_progress: tuple[PortfolioRow, ...] = ()    # drafts and assessments not yet decided: never counted
    unassessed: tuple[PortfolioRow, ...] = ()
    chart_alt: str = ""


def build_portfolio_report(rows: Sequence[RegisterRow], critical_flags: Sequence[PortfolioFlag],
                           evidence: Sequence[tuple[str, Evidence]], today: date, generated_by: str,
                           branding: Branding = NO_BRANDING) -> PortfolioReport:
    """All vendors and products: where the risk sits, what is overdue, what expires."""
    lines = []
    # Worst rating first (critical ... low), unrated last.
    for r in sorted(rows, key=lambda r: (-r.rating.rank if r.rating else 1, r.vendor_name.casefold(),
                                         r.product_name.casefold())):
        lines.append(PortfolioRow(
            r.vendor_name, r.country, r.product_name, r.category.label if r.category else "", r.assessment_id,
            r.status.label if r.status else "Not assessed", r.tier, tier_text(r.tier) if r.tier else "–",
            r.score, score_text(r.score), charts.score_band(r.score), r.rating.value if r.rating else "",
            r.rating.label if r.rating else "–", r.recommendation.label if r.recommendation else "",
            round(r.completeness * 100), r.open_flags, r.critical_flags, r.evidence_expiring, r.evidence_expired,
            _d(r.next_review_due), r.overdue(today), r.decision.label if r.decision else "", _d(r.decided_on)))
    assessed = [r for r in rows if r.assessment_id is not None]
    # Only decided assessments count in the rating totals, the matrix and the chart: a draft's
    # rating moves with every answer and would overstate (or understate) the portfolio's risk.
    decided = [r for r in assessed if r.status is AssessmentStatus.DECIDED]
    rating_counts = Counter(r.rating for r in decided)
    by_rating = tuple((rt.value, rt.label, rating_counts.get(rt, 0)) for rt in Rating) + \
        (("in_progress", "Not yet decided", len(assessed) - len(decided)),
         ("none", "Not assessed", len(rows) - len(assessed)))
    tier_counts = Counter(r.tier for r in rows)
    by_tier = tuple((tier_text(t), tier_counts.get(t, 0)) for t in (1, 2, 3, 4)) + \
        (("Tier not set", tier_counts.get(None, 0)),)
    matrix = []
    for t in (1, 2, 3, 4, None):
        in_tier = [r for r in decided if r.tier == t]
        matrix.append((tier_text(t), tuple(sum(1 for r in in_tier if r.rating is rt) for rt in Rating)))
    points = [charts.Point(f"{r.vendor_name} – {r.product_name}", r.tier, r.score, r.rating.value)
              for r in decided if r.tier is not None and r.score is not None and r.rating is not None]
    ev_lines = []
    for vendor_name, e in evidence:
        state = e.state(today)
        if state in (EvidenceState.EXPIRED, EvidenceState.EXPIRING):
            ev_lines.append(PortfolioEvidence(vendor_name, e.title, e.kind.label, _d(e.expires_on), state.value,
                                              EVIDENCE_STATE_LABELS[state]))
    ev_lines.sort(key=lambda x: (x.expires_on, x.vendor_name))
    meta = ReportMeta(
        title="Vendor portfolio risk overview", subject="Residual risk, flags, reviews and evidence across all vendors",
        author=generated_by or branding.organisation, generated_on=today, generated_by=generated_by,
        organisation=branding.organisation, logo_data_uri=branding.logo_data_uri,
        keywords=("vendor portfolio", "ICT supply chain"))
    decided_status = AssessmentStatus.DECIDED.label
    chart_title = "Inherent-risk tier against overall score, decided assessments"
    return PortfolioReport(
        meta, tuple(lines), len({r.vendor_id for r in rows}), sum(1 for r in rows if r.product_id is not None),
        len(assessed), by_rating, by_tier, tuple(matrix), tuple(rt.label for rt in Rating),
        charts.tier_score_chart(points, chart_title), tuple(critical_flags),
        tuple(line for line in lines if line.overdue), tuple(ev_lines),
        decided=tuple(line for line in lines if line.assessment_id is not None and line.status == decided_status),
        in_progress=tuple(line for line in lines if line.assessment_id is not None and line.status != decided_status),
        unassessed=tuple(line for line in lines if line.assessment_id is None),
        chart_alt=charts.tier_score_alt(points, chart_title))
