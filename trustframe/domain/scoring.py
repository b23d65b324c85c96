# Long file: the scoring rules (answer scores, tiers, caps, red flags, completeness, ratings) are one
# documented algorithm (docs/scoring.md) read top to bottom; splitting it would scatter one rule set.
"""The scoring engine: answers in, :class:`~trustframe.domain.scoring_model.ScoreResult` out.

Pure and deterministic: standard library and ``trustframe.domain`` only, no I/O, no clock (the
"as of" date is an argument). The method, every formula and a worked example are in
docs/scoring.md; in short:

* each applicable, scorable, answered question contributes ``weight * score * evidence factor``
  (weight from its importance, score 0..1 from its option or band);
* a group's score (section, pillar, Buyers Guide part, overall) is
  ``100 * sum(weight * effective score) / sum(weight)`` over its answered questions;
  not-applicable answers leave the denominator; unanswered required questions are gaps, reported
  separately and through completeness;
* the rating comes from the score and the tier's thresholds, then is floored by open red flags
  (an open critical flag always rates "critical") and by incompleteness;
* the explanation lists drivers and the smallest set of changes (greedy by gain) that lifts the
  rating one level.

Per-questionnaire structures are compiled once and cached by questionnaire key, so scoring a
200-question assessment takes well under a millisecond without the explanation.
"""

from __future__ import annotations

from collections.abc import Collection, Container, Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from trustframe.domain import answers as answer_text
from trustframe.domain.answer_types import ScoreRule, is_answered, kind_of
from trustframe.domain.assessment import Answer, Assessment, FlagAcceptance
from trustframe.domain.conditions import referenced_questions
from trustframe.domain.evidence import Evidence, EvidenceState
from trustframe.domain.questionnaire import (
    BuyersGuidePart,
    Importance,
    Option,
    Pillar,
    ProductCategory,
    Question,
    Questionnaire,
    RedFlagRule,
    Section,
    Severity,
)
from trustframe.domain.sbom import evidence_flags
from trustframe.domain.scoring_model import (
    Driver,
    GroupScore,
    Improvement,
    QuestionScore,
    RaisedFlag,
    Rating,
    Recommendation,
    RuleFinding,
    ScoreResult,
)
from trustframe.domain.scoring_profile import ScoringProfile

__all__ = ["score_answers", "score_assessment", "compile_questionnaire", "rating_for", "RATINGS_BEST_FIRST"]

#: Ratings from best to worst (the order of :class:`Rating`).
RATINGS_BEST_FIRST: tuple[Rating, ...] = tuple(Rating)

_CHOICE, _MULTI, _NUMBER, _UNSCORED = 0, 1, 2, 3
#: The plan's small-int form of each answer kind's scoring rule (compared in the hot loops).
_SCORE_RULE: dict[ScoreRule, int] = {
    ScoreRule.CHOICE: _CHOICE,
    ScoreRule.MULTIPLE: _MULTI,
    ScoreRule.BANDS: _NUMBER,
    ScoreRule.NONE: _UNSCORED,
}
_OVERALL = (0,)  # accumulator slots when only the overall score is wanted
_BG_TITLES = {
    BuyersGuidePart.GOVERNANCE: "Enterprise security governance",
    BuyersGuidePart.DESIGN: "Design",
    BuyersGuidePart.DEVELOPMENT: "Development",
    BuyersGuidePart.SOURCING: "Sourcing",
    BuyersGuidePart.VERIFICATION: "Verification",
    BuyersGuidePart.DELIVERY: "Delivery",
    BuyersGuidePart.SUSTAINMENT: "Sustainment",
    BuyersGuidePart.RESPONSE: "Response",
    BuyersGuidePart.SERVICES: "Services",
}


#: Builds result objects without their ``__init__``; see :func:`_question_scores`.
_new = object.__new__


# ------------------------------------------------------------------------------------------------
# Compiled questionnaire (built once per questionnaire object)


class _Q:
    """A question prepared for fast scoring."""

    __slots__ = ("q", "id", "index", "section_id", "pillars", "parts", "kind", "options", "bands",
                 "best", "best_value", "best_label", "wants_evidence", "flags", "importance",
                 "required", "controls_visibility", "groups", "critical", "labels", "flag_refs", "show_if_refs",
                 "knock_out", "evasive", "exclusive", "kinds", "min_value", "max_value", "answer_kind")

    def __init__(self, q: Question, index: int, section: Section, controls: bool) -> None:
        self.q = q
        self.id = q.id
        self.index = index
        self.section_id = section.id
        # A question's own trace wins; untagged questions inherit their section's tags.
        self.pillars = tuple(p.value for p in (q.trace.pillar or section.pillars))
        self.parts = tuple(p.value for p in (q.trace.buyers_guide or section.buyers_guide))
        self.options: dict[str, tuple[float | None, bool]] = {o.id: (o.score, o.not_applicable) for o in q.options}
        # Option labels for showing answers (see _display); the first option wins on a repeated
        # id, as in Question.option.
        self.labels: dict[str, str] = {o.id: o.label for o in reversed(q.options)} if q.type.has_options else {}
        self.bands = q.bands
        self.wants_evidence = bool(q.evidence)
        # Rule 5: only evidence of a kind the question lists counts for its answer.
        self.kinds = frozenset(q.evidence)
        self.flags: tuple[RedFlagRule, ...] = q.red_flags
        # Rule 1 and 2: the knock-out rules, and the options that withhold the answer.
        self.knock_out: tuple[RedFlagRule, ...] = q.knock_out_rules
        self.evasive = frozenset(o.id for o in q.options if o.evasive)
        # Rule 6: exclusive options and the declared number range; a stored value that breaks
        # them (written before the check existed, or by hand) is not scored.
        self.exclusive = frozenset(o.id for o in q.options if o.exclusive)
        self.min_value, self.max_value = q.min_value, q.max_value
        # The question ids each red-flag rule reads (see _raise_flags' reuse).
        self.flag_refs: tuple[frozenset[str], ...] = tuple(frozenset(referenced_questions(r.when)) for r in q.red_flags)
        self.show_if_refs: frozenset[str] = (frozenset(referenced_questions(q.show_if)) if q.show_if is not None
                                             else frozenset())
        self.importance = q.importance
        self.required = q.required
        self.critical = q.importance is Importance.CRITICAL
        self.controls_visibility = controls
        self.groups: tuple[int, ...] = ()  # accumulator slots, set by _Plan
        self.best = 0.0
        self.best_value: Any = None
        self.best_label = ""
        #: The answer type's rules (scoring of a value, the best answer); see answer_types.
        self.answer_kind = kind_of(q.type)
        best = self.answer_kind.best(q)
        if best is None:
            self.kind = _UNSCORED
        else:
            self.kind = _SCORE_RULE[self.answer_kind.score_rule]
            self.best, self.best_value, self.best_label = best.score, best.value, best.label


class _Scope:
    """The questions in scope for one category, tier and set of officer's changes, and those of
    them that have a show-if condition (with the question ids those conditions read)."""

    __slots__ = ("questions", "conditional", "condition_refs", "ids")

    def __init__(self, questions: list[_Q]) -> None:
        self.questions = questions
        self.ids = frozenset(x.id for x in questions)
        self.conditional = [x for x in questions if x.q.show_if is not None]
        refs: set[str] = set()
        for x in self.conditional:
            refs |= x.show_if_refs
        self.condition_refs = frozenset(refs)


class _Plan:
    """Per-questionnaire structures: compiled questions, group order, scope cache."""

    __slots__ = ("questionnaire", "questions", "by_id", "sections", "pillars", "parts", "has_show_if",
                 "slots", "_scope_cache", "knock_out_questions")

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.questionnaire = questionnaire
        controlling: set[str] = set()
        for q in questionnaire.iter_questions():
            if q.show_if is not None:
                controlling |= referenced_questions(q.show_if)
        self.has_show_if = any(q.show_if is not None for q in questionnaire.iter_questions())
        self.questions: list[_Q] = []
        index = 0
        for section in questionnaire.sections:
            for q in section.questions:
                self.questions.append(_Q(q, index, section, q.id in controlling))
                index += 1
        self.by_id = {x.id: x for x in self.questions}
        self.knock_out_questions = [x for x in self.questions if x.knock_out]
        self.sections = tuple((s.id, s.title) for s in questionnaire.sections)
        present_pillars = {p for x in self.questions for p in x.pillars}
        present_parts = {p for x in self.questions for p in x.parts}
        self.pillars = tuple((p.value, p.value.capitalize()) for p in Pillar if p.value in present_pillars)
        self.parts = tuple((p.value, _BG_TITLES[p]) for p in BuyersGuidePart if p.value in present_parts)
        # One flat accumulator per group: 0 = overall, then sections, pillars, parts. Each
        # question knows its slots, so summing is one tight loop (a question tagged with
        # several pillars simply has several pillar slots).
        section_slot = {key: 1 + i for i, (key, _) in enumerate(self.sections)}
        pillar_slot: dict[str, int] = {key: 1 + len(self.sections) + i for i, (key, _) in enumerate(self.pillars)}
        part_slot: dict[str, int] = {key: 1 + len(self.sections) + len(self.pillars) + i
                                     for i, (key, _) in enumerate(self.parts)}
        self.slots = 1 + len(self.sections) + len(self.pillars) + len(self.parts)
        for x in self.questions:
            x.groups = ((0, section_slot[x.section_id]) + tuple(pillar_slot[p] for p in dict.fromkeys(x.pillars))
                        + tuple(part_slot[p] for p in dict.fromkeys(x.parts)))
        self._scope_cache: dict[tuple[ProductCategory | None, int | None], _Scope] = {}

    def in_scope(self, category: ProductCategory | None, tier: int | None, added: Sequence[str],
                 removed: Sequence[str]) -> _Scope:
        """Same rule as :func:`trustframe.domain.scoping.in_scope`, cached per category and tier."""
        if added or removed:
            added_set, removed_set = set(added), set(removed)
            return _Scope([x for x in self.questions if x.id not in removed_set
                           and (x.id in added_set or x.q.applies_to.applies(category, tier))])
        key = (category, tier)
        cached = self._scope_cache.get(key)
        if cached is None:
            cached = _Scope([x for x in self.questions if x.q.applies_to.applies(category, tier)])
            self._scope_cache[key] = cached
        return cached


_PLANS: dict[str, _Plan] = {}
_MAX_PLANS = 64


def compile_questionnaire(questionnaire: Questionnaire) -> _Plan:
    """The compiled form of a questionnaire, cached by its key.

    The cache checks identity too, so a different object with the same key (a test fixture, an
    edited custom file) is compiled afresh rather than scored with stale structures.
    """
    plan = _PLANS.get(questionnaire.key)
    if plan is None or plan.questionnaire is not questionnaire:
        if len(_PLANS) >= _MAX_PLANS:
            _PLANS.clear()
        plan = _Plan(questionnaire)
        _PLANS[questionnaire.key] = plan
    return plan


# ------------------------------------------------------------------------------------------------
# Evaluation


class _Row:
    """The evaluation of one applicable question."""

    __slots__ = ("x", "value", "answered", "na", "raw", "factor", "eff", "weight", "note", "scorable")

    def __init__(self, x: _Q, value: Any, answered: bool, na: bool, raw: float | None, factor: float,
                 weight: float, note: str) -> None:
        self.x = x
        self.value = value
        self.answered = answered
        self.na = na
        self.raw = raw
        self.factor = factor
        self.eff = None if raw is None else raw * factor
        self.weight = weight
        self.note = note
        # Counts in completeness and groups: scored kind and not taken out as not applicable.
        self.scorable = x.kind != _UNSCORED and not na and (raw is not None or not answered)


def _is_evasive(x: _Q, value: Any) -> bool:
    """True when the answer withholds the information ("declined", "unknown"; rule 2)."""
    if not x.evasive:
        return False
    if isinstance(value, str):
        return value in x.evasive
    if isinstance(value, (list, tuple)):
        return any(isinstance(v, str) and v in x.evasive for v in value)
    return False


def _raw_score(x: _Q, value: Any) -> tuple[bool, bool, float | None]:
    """(answered, not applicable, raw score) of a value; an unknown option counts as unanswered."""
    if not is_answered(value):
        return False, False, None
    if x.kind == _UNSCORED:
        return True, False, None
    return x.answer_kind.score(x, value)


def _fitting(items: Sequence[Evidence], kinds: frozenset[Any]) -> Sequence[Evidence]:
    """The linked evidence whose kind the question lists (rule 5); the rest does not count."""
    if all(e.kind in kinds for e in items):
        return items
    return [e for e in items if e.kind in kinds]


def _evidence_factor(profile: ScoringProfile, items: Sequence[Evidence],
                     as_of: date, kinds: frozenset[Any] | None = None) -> tuple[float, str, Evidence | None]:
    """The best support among the linked evidence: (factor, why, the evidence giving it).

    Rule 5: with ``kinds`` (the question's ``evidence:`` list) only evidence of those kinds
    counts; lapsed or not-yet-valid evidence never counts for more than no evidence at all."""
    factors = profile.evidence
    if kinds is not None and items:
        fitting = _fitting(items, kinds)
        if not fitting:
            names = ", ".join(sorted({e.kind.value for e in items}))
            return (factors.none, f"linked evidence ({names}) is not a kind this question asks for: "
                    "the vendor's word only", None)
        items = fitting
    if not items:
        return factors.none, "no evidence linked: the vendor's word only", None
    lapsed = min(factors.expired, factors.none)
    best_factor = -1.0
    best_note = ""
    best_item: Evidence | None = None
    # Sorted so that ties are decided the same way whatever the order links were made in.
    for e in (items if len(items) == 1 else sorted(items, key=lambda e: (e.id or 0, e.title))):
        state = e.state(as_of, factors.expiring_soon_days)
        if state is EvidenceState.EXPIRED:
            factor, note = lapsed, f"evidence '{e.title}' expired {e.expires_on}"
        elif state is EvidenceState.NOT_YET_VALID:
            factor, note = lapsed, f"evidence '{e.title}' not valid before {e.issued_on}"
        elif e.independent:
            factor, note = factors.independent_current, f"current independent evidence '{e.title}'"
        else:
            factor, note = factors.vendor_issued_current, f"evidence '{e.title}' issued by the vendor itself"
        if factor > best_factor:
            best_factor, best_note, best_item = factor, note, e
    return best_factor, best_note, best_item


def _next_transition(items: Iterable[Evidence], as_of: date) -> date | None:
    """The first day after ``as_of`` on which any of this evidence changes validity."""
    result: date | None = None
    for e in items:
        for day in (e.issued_on if e.issued_on is not None and e.issued_on > as_of else None,
                    e.expires_on + timedelta(days=1) if e.expires_on is not None and e.expires_on >= as_of else None):
            if day is not None and (result is None or day < result):
                result = day
    return result


def _hidden(scope: _Scope, values: Mapping[str, Any]) -> set[str]:
    """Ids hidden by show-if: the same two passes as :func:`trustframe.domain.scoping.visible`,
    run over the questions that have a condition only (the others are always shown)."""
    conditional = scope.conditional
    hidden: set[str] = set()
    if not conditional:
        return hidden
    hidden = {x.id for x in conditional if not x.q.show_if.evaluate(values)}  # type: ignore[union-attr]
    # The second pass only matters when a hidden question is itself read by a condition.
    if hidden & scope.condition_refs:
        effective = {k: v for k, v in values.items() if k not in hidden}
        hidden = {x.id for x in conditional if not x.q.show_if.evaluate(effective)}  # type: ignore[union-attr]
    return hidden


class _Eval:
    """Everything one scoring pass found: per-question rows, group sums, gaps, flags."""

    __slots__ = ("rows", "values", "flags", "fired", "valid_until", "plan", "scope", "hidden", "ws", "wa", "wt",
                 "answered", "applicable", "gaps_count", "gaps", "critical_gaps", "lapsed", "withheld",
                 "na_pending", "na_ids", "scored_count", "invalid", "unfit", "outside_flags")

    def __init__(self, plan: _Plan, scope: _Scope) -> None:
        n = plan.slots
        self.plan = plan
        self.scope = scope                          # the in-scope questions, shown or not
        self.hidden: set[str] | None = None         # hidden by show-if (None: no show-if at all)
        self.rows: list[_Row] = []
        self.values: dict[str, Any] = {}           # answers of the applicable questions only
        self.flags: list[RaisedFlag] = []
        self.fired: set[int] = set()                # id() of every red-flag rule that fired
        self.valid_until: date | None = None
        self.ws = [0.0] * n                          # sum of weight * effective score (answered)
        self.wa = [0.0] * n                          # weight answered
        self.wt = [0.0] * n                          # weight answered + weight of gaps
        self.answered = [0] * n
        self.applicable = [0] * n
        self.gaps_count = [0] * n
        self.gaps: list[_Row] = []
        # answers whose best evidence expired or is not yet valid, with that evidence
        self.lapsed: list[tuple[_Row, Evidence | None]] = []
        self.critical_gaps = 0
        # Rule 2: knock-out questions answered "declined"/"unknown", left open or answered N/A
        # without acceptance: question id -> what was withheld.
        self.withheld: dict[str, str] = {}
        # Rule 3: N/A answers not (yet) accepted by a reviewer (they count as gaps), and every
        # N/A answer of a scored, shown question, with the number of such questions.
        self.na_pending: set[str] = set()
        self.na_ids: set[str] = set()
        self.scored_count = 0
        # Rule 6: stored values that break the question's range or exclusive options.
        self.invalid: list[str] = []
        # Rule 5: answers whose linked evidence was ignored because its kind does not fit.
        self.unfit: list[str] = []
        # Rule 1: knock-outs admitted on questions outside the tier's or category's scope.
        self.outside_flags: list[RaisedFlag] = []

    def checks(self, changed: Collection[str] = ()) -> _Checks:
        """The inputs of rules 2-4 and 6 for rating this evaluation, or a proposal that changes
        the answers of ``changed`` to strongest ones (see :func:`_improvements`)."""
        withheld = {q: w for q, w in self.withheld.items() if q not in changed}
        na = len(self.na_ids) - len(self.na_ids.intersection(changed))
        return _Checks(withheld, na, self.scored_count, tuple(sorted(self.na_pending - set(changed))),
                       tuple(self.invalid), tuple(self.unfit), frozenset(f.question_id for f in self.outside_flags))

    def group(self, slot: int, key: str, title: str) -> GroupScore:
        group = _new(GroupScore)  # see _question_scores for why not GroupScore(...)
        group.__dict__.update({
            "key": key, "title": title, "score": _pct(self.ws[slot], self.wa[slot]), "answered": self.answered[slot],
            "applicable": self.applicable[slot], "gaps": self.gaps_count[slot],
            "weight_answered": round(self.wa[slot], 4), "weight_total": round(self.wt[slot], 4)})
        return group

    @property
    def overall(self) -> float | None:
        return _pct(self.ws[0], self.wa[0])

    @property
    def completeness(self) -> float:
        return round(self.answered[0] / self.applicable[0], 4) if self.applicable[0] else 1.0


class _Checks:
    """What rules 2, 3 and 6 need beyond the score, completeness and flags."""

    __slots__ = ("withheld", "na_count", "scored_count", "na_pending", "invalid", "unfit", "outside")

    def __init__(self, withheld: Mapping[str, str], na_count: int, scored_count: int, na_pending: tuple[str, ...],
                 invalid: tuple[str, ...], unfit: tuple[str, ...], outside: frozenset[str]) -> None:
        self.withheld = withheld
        self.na_count = na_count
        self.scored_count = scored_count
        self.na_pending = na_pending
        self.invalid = invalid
        self.unfit = unfit
        self.outside = outside

    @property
    def na_share(self) -> float:
        """Share of the shown, scored questions answered "not applicable" (accepted or not)."""
        return self.na_count / self.scored_count if self.scored_count else 0.0


def _evaluate(plan: _Plan, profile: ScoringProfile, values: Mapping[str, Any],
              evidence: Mapping[str, Sequence[Evidence]], as_of: date, category: ProductCategory | None,
              tier: int | None, added: Sequence[str], removed: Sequence[str],
              accepted: Mapping[str, FlagAcceptance], forced_evidence: frozenset[str] = frozenset(),
              extra_accepted: frozenset[str] = frozenset(), keep_rows: bool = True,
              all_groups: bool = True, na_accepted: Container[str] = frozenset()) -> _Eval:
    scope = plan.in_scope(category, tier, added, removed)
    hidden = _hidden(scope, values) if plan.has_show_if else None
    weights = profile.importance_weights
    # Per-domain weights (profile 2.1.0): a question's weight is its importance weight times its
    # section's weight; a section the profile does not name weighs 1.
    domain = profile.domain_weights.get(plan.questionnaire.id)
    ev = _Eval(plan, scope)
    ev.hidden = hidden
    rows, effective, gaps, lapsed = ev.rows, ev.values, ev.gaps, ev.lapsed
    ws, wa, n_answered, n_gaps = ev.ws, ev.wa, ev.answered, ev.gaps_count
    wg = [0.0] * plan.slots  # weight of the gaps
    flagged: list[_Q] = []
    get = values.get
    for x in scope.questions:
        qid = x.id
        if hidden and qid in hidden:
            continue
        value = get(qid)
        kind = x.kind
        if kind == _CHOICE and value.__class__ is str:  # the common case, inlined
            opt = x.options.get(value)
            answered, na, raw = (False, False, None) if opt is None else (True, opt[1], opt[0])
        elif value is None:
            answered, na, raw = False, False, None
        else:
            answered, na, raw = _raw_score(x, value)
        factor, note, support = 1.0, "", None
        if answered:
            effective[qid] = value
        elif value is not None and is_answered(value):
            ev.invalid.append(qid)  # rule 6: a stored value the question does not accept
        if kind != _UNSCORED:
            ev.scored_count += 1
            if na:
                ev.na_ids.add(qid)
                if qid not in na_accepted:
                    # Rule 3: N/A counts only once a reviewer accepted it; until then it is a gap.
                    ev.na_pending.add(qid)
                    na, answered = False, False
        if x.knock_out and not (answered and not _is_evasive(x, value)):
            # Rule 2: the answer to a knock-out question is withheld (checked after the flags).
            if qid in ev.na_pending:
                ev.withheld[qid] = "not applicable, not accepted"
            elif answered:
                ev.withheld[qid] = ("declined" if "declined" in (value if isinstance(value, (list, tuple)) else [value])
                                    else "unknown")
            elif x.required:
                ev.withheld[qid] = "unanswered"
        # Evidence strength only matters where the question asks for evidence and the answer
        # claims something (a "no" needs no certificate to be believed).
        if x.wants_evidence and raw is not None and raw > 0:
            if qid in forced_evidence:
                factor, note = profile.evidence.independent_current, "assumed: current independent evidence"
            else:
                items = evidence.get(qid, ())
                if items:
                    fitting = _fitting(items, x.kinds)
                    if len(fitting) < len(items):
                        ev.unfit.append(qid)
                    items = fitting
                factor, note, support = _evidence_factor(profile, items, as_of)
                if ev.unfit and ev.unfit[-1] == qid and not items:
                    note = "linked evidence is not a kind this question asks for: the vendor's word only"
                if items:
                    nxt = _next_transition(items, as_of)
                    if nxt is not None and (ev.valid_until is None or nxt < ev.valid_until):
                        ev.valid_until = nxt
        weight = weights[x.importance] if kind != _UNSCORED else 0.0
        if domain:
            weight *= domain.get(x.section_id, 1.0)
        if x.flags:
            flagged.append(x)
        scorable = kind != _UNSCORED and not na and (raw is not None or not answered)
        # Row objects are only built where something reads them: the explanation, gaps, lapsed
        # evidence. Bulk scoring of answered questions just adds to the sums.
        row = _Row(x, value, answered, na, raw, factor, weight, note) if keep_rows else None
        if row is not None:
            rows.append(row)
        if scorable:
            if answered:
                contribution = weight * raw * factor  # type: ignore[operator]
                for g in (x.groups if all_groups else _OVERALL):
                    ws[g] += contribution
                    wa[g] += weight
                    n_answered[g] += 1
                if factor < 1.0 and note.startswith("evidence '") and ("expired" in note or "not valid" in note):
                    lapsed.append((row or _Row(x, value, answered, na, raw, factor, weight, note), support))
            elif x.required:
                for g in (x.groups if all_groups else _OVERALL):
                    wg[g] += weight
                    n_gaps[g] += 1
                gaps.append(row or _Row(x, value, answered, na, raw, factor, weight, note))
                if x.critical:
                    ev.critical_gaps += 1
        elif not answered and x.required and kind == _UNSCORED:
            # A required free-text/date question is still missing information.
            gaps.append(row or _Row(x, value, answered, na, raw, factor, weight, note))
    # Totals derived once rather than updated per question: applicable = answered + gaps.
    ev.wt = [a + g for a, g in zip(wa, wg, strict=True)]
    ev.applicable = [a + g for a, g in zip(n_answered, n_gaps, strict=True)]
    ev.flags = _raise_flags(flagged, effective, accepted, extra_accepted, fired=ev.fired)
    if plan.knock_out_questions:
        ev.outside_flags = _outside_knock_outs(plan, scope, values, effective, accepted, extra_accepted)
        if ev.outside_flags:
            ev.flags = sorted(ev.flags + ev.outside_flags, key=lambda f: f.severity.rank)
    if ev.withheld:
        # An admitted knock-out on the same question is already handled by rule 1.
        admitted = {f.question_id for f in ev.flags if f.severity is Severity.CRITICAL}
        for qid in admitted.intersection(ev.withheld):
            del ev.withheld[qid]
    return ev


def _outside_knock_outs(plan: _Plan, scope: _Scope, values: Mapping[str, Any], effective: Mapping[str, Any],
                        accepted: Mapping[str, FlagAcceptance], extra_accepted: frozenset[str]) -> list[RaisedFlag]:
    """Rule 1: knock-outs admitted in answers to questions outside the scope (another tier or
    category, or removed by the officer) still count. A question hidden by its show-if (its
    answer is void) does not."""
    found: list[RaisedFlag] = []
    for x in plan.knock_out_questions:
        if x.id in scope.ids:
            continue
        value = values.get(x.id)
        if not is_answered(value):
            continue
        answered, _na, _raw = _raw_score(x, value)
        if not answered or (x.q.show_if is not None and not x.q.show_if.evaluate(values)):
            continue
        trial = dict(effective)
        trial[x.id] = value
        for rule in x.knock_out:
            if rule.when.evaluate(trial):
                acc = accepted.get(rule.id)
                if acc is None and rule.id in extra_accepted:
                    acc = FlagAcceptance(rule.id, "assumed accepted", "")
                found.append(RaisedFlag(
                    flag_id=rule.id, question_id=x.id, severity=rule.severity, title=rule.title,
                    rationale=rule.rationale, mitigation=rule.mitigation, contract_clause=rule.contract_clause,
                    accepted=acc is not None, accepted_reason=acc.reason if acc else "",
                    accepted_by=acc.accepted_by if acc else ""))
    return found


def _rescore(ev: _Eval, rows_by_id: Mapping[str, _Row], values: Mapping[str, Any], changed: Mapping[str, Any],
             profile: ScoringProfile, evidence: Mapping[str, Sequence[Evidence]], as_of: date,
             accepted: Mapping[str, FlagAcceptance], forced_evidence: frozenset[str],
             extra_accepted: frozenset[str], na_accepted: Container[str] = frozenset(),
             ) -> tuple[float | None, float, int, list[RaisedFlag]]:
    """Overall score, completeness, unanswered critical questions and red flags of ``values``:
    the numbers a full :func:`_evaluate` would give, for checking a proposed set of changes.

    ``ev`` is the evaluation of the same assessment before the changes, and ``values`` differs
    from its answers only in the questions of ``changed`` (``forced_evidence`` is a subset of
    them). A question whose value did not change and that was shown before contributes exactly
    what its row in ``ev`` says, so only the changed questions and those the changes bring into
    view are evaluated again. The sum runs over the same questions in the same order as
    :func:`_evaluate`, so the score is the same to the last bit, not merely close.
    """
    plan = ev.plan
    scope = ev.scope
    hidden = _hidden(scope, values) if plan.has_show_if else None
    weights = profile.importance_weights
    domain = profile.domain_weights.get(plan.questionnaire.id)  # as in _evaluate
    independent = profile.evidence.independent_current
    ws = wa = 0.0
    n_answered = n_gaps = critical_gaps = 0
    effective: dict[str, Any] = {}
    flagged: list[_Q] = []
    get_row = rows_by_id.get
    for x in scope.questions:
        qid = x.id
        if hidden and qid in hidden:
            continue
        row = get_row(qid)
        if row is not None and qid not in changed:
            value, answered, na, raw, factor, weight = row.value, row.answered, row.na, row.raw, row.factor, row.weight
        else:  # changed, or not shown before the changes
            value = values.get(qid)
            answered, na, raw = _raw_score(x, value)
            if na and x.kind != _UNSCORED and qid not in na_accepted:
                na, answered = False, False  # rule 3: an unaccepted N/A is a gap
            factor = 1.0
            if x.wants_evidence and raw is not None and raw > 0:
                if qid in forced_evidence:
                    factor = independent
                else:
                    factor = _evidence_factor(profile, evidence.get(qid, ()), as_of, x.kinds)[0]
            weight = weights[x.importance] if x.kind != _UNSCORED else 0.0
            if domain:
                weight *= domain.get(x.section_id, 1.0)
        if answered:
            effective[qid] = value
        if x.flags:
            flagged.append(x)
        if x.kind != _UNSCORED and not na and (raw is not None or not answered):
            if answered:
                ws += weight * raw * factor  # type: ignore[operator]
                wa += weight
                n_answered += 1
            elif x.required:
                n_gaps += 1
                if x.critical:
                    critical_gaps += 1
    applicable = n_answered + n_gaps
    completeness = round(n_answered / applicable, 4) if applicable else 1.0
    # The effective answer can differ only for a changed question or one shown or hidden by
    # the changes; a rule that reads none of those fires as it did in ``ev``.
    affected = set(changed) | ((hidden or set()) ^ (ev.hidden or set()))
    flags = _raise_flags(flagged, effective, accepted, extra_accepted, reuse=(affected, rows_by_id, ev.fired))
    if plan.knock_out_questions:
        outside = _outside_knock_outs(plan, scope, values, effective, accepted, extra_accepted)
        if outside:
            flags = sorted(flags + outside, key=lambda f: f.severity.rank)
    return _pct(ws, wa), completeness, critical_gaps, flags


def _raise_flags(flagged: Sequence[_Q], effective: Mapping[str, Any], accepted: Mapping[str, FlagAcceptance],
                 extra_accepted: frozenset[str], fired: set[int] | None = None,
                 reuse: tuple[Collection[str], Container[str], Container[int]] | None = None) -> list[RaisedFlag]:
    """The red flags of the applicable questions ``flagged`` that fire on ``effective``.

    ``fired`` collects the ``id()`` of every rule that fires, for a later ``reuse``.
    ``reuse`` is ``(changed, before, fired_before)``, for checking a proposed change without
    evaluating every rule again (a question bank has about a hundred): a rule of a question in
    ``before``, all of whose rules were evaluated by the pass that recorded ``fired_before``,
    that reads none of the question ids in ``changed`` (those whose effective answer may differ
    since), fires now exactly when it fired then.
    """
    changed, before, fired_before = reuse if reuse is not None else ((), (), ())
    flags = []
    for x in flagged:
        known = x.id in before
        for rule, refs in zip(x.flags, x.flag_refs, strict=True):
            if known and refs.isdisjoint(changed):
                hit = id(rule) in fired_before
            else:
                hit = rule.when.evaluate(effective)
            if hit:
                if fired is not None:
                    fired.add(id(rule))
                acc = accepted.get(rule.id)
                if acc is None and rule.id in extra_accepted:
                    acc = FlagAcceptance(rule.id, "assumed accepted", "")
                flags.append(RaisedFlag(
                    flag_id=rule.id, question_id=x.id, severity=rule.severity, title=rule.title,
                    rationale=rule.rationale, mitigation=rule.mitigation, contract_clause=rule.contract_clause,
                    accepted=acc is not None, accepted_reason=acc.reason if acc else "",
                    accepted_by=acc.accepted_by if acc else ""))
    # Worst first, then questionnaire order (stable sort keeps it).
    flags.sort(key=lambda f: f.severity.rank)
    return flags


def _pct(numerator: float, denominator: float) -> float | None:
    return round(100.0 * numerator / denominator, 2) if denominator > 0 else None


def rating_for(profile: ScoringProfile, tier: int | None, overall: float | None, completeness: float,
               critical_gaps: int, flags: Sequence[RaisedFlag],
               checks: _Checks | None = None) -> tuple[Rating, tuple[str, ...]]:
    """The residual risk rating and the plain-language reasons for it (see :func:`_rate`)."""
    rating, reasons, _findings = _rate(profile, tier, overall, completeness, critical_gaps, flags, checks)
    return rating, reasons


def _rate(profile: ScoringProfile, tier: int | None, overall: float | None, completeness: float,
          critical_gaps: int, flags: Sequence[RaisedFlag],
          checks: _Checks | None = None) -> tuple[Rating, tuple[str, ...], list[RuleFinding]]:
    """The rating, its plain-language reasons and, per rule, whether it fired (docs/scoring.md).

    1. The score against the tier's thresholds (unknown tier: ``unknown_tier``'s thresholds).
    2. While incomplete (completeness below the minimum, or a critical question unanswered) the
       rating is no better than ``best_rating_when_incomplete``.
    3. Rule 3: mostly "not applicable" answers: no better than ``best_rating_when_mostly_na``.
    4. Rule 2: a withheld answer to a knock-out question: at least ``withheld_knock_out_floor``.
    5. Each open red flag floors the rating at its severity's level; critical means critical,
       whatever the tier and whether or not the question was in scope (rule 1).
    6. Rule 4: many open flags of one severity floor the rating (``flag_accumulation``).
    Every step can only make the rating worse, so their order does not change the result.
    """
    thresholds = profile.thresholds_for(tier)
    tier_used = tier if tier in profile.thresholds else profile.unknown_tier
    reasons: list[str] = []
    findings: list[RuleFinding] = []
    if tier not in profile.thresholds:
        reasons.append(f"Inherent tier not known: the thresholds of tier {tier_used} apply.")
    if overall is None:
        rating = profile.best_rating_when_incomplete
        reasons.append(f"No scored answers yet: {rating.label} until answers arrive.")
    else:
        rating = thresholds.rating(overall)
        needed = thresholds.minimum(rating)
        if needed is None:
            reasons.append(f"Score {overall:.1f} is below {thresholds.high:g}, the minimum for High at tier "
                           f"{tier_used}: Critical.")
        else:
            reasons.append(f"Score {overall:.1f} meets {needed:g}, the minimum for {rating.label} at tier {tier_used}.")
    findings.append(RuleFinding("score_threshold", True, rating, reasons[-1]))
    incomplete_reasons = []
    if completeness < profile.completeness_minimum:
        incomplete_reasons.append(f"only {completeness:.0%} of the questions are answered "
                                  f"(minimum {profile.completeness_minimum:.0%})")
    if profile.critical_questions_required and critical_gaps:
        incomplete_reasons.append(f"{critical_gaps} critical question(s) unanswered")
    cap = profile.best_rating_when_incomplete
    if incomplete_reasons:
        text = f"Incomplete ({'; '.join(incomplete_reasons)}): no better than {cap.label}."
        if rating.rank < cap.rank:
            rating = cap
            reasons.append(text)
        findings.append(RuleFinding("completeness", True, cap, text))
    else:
        findings.append(RuleFinding("completeness", False))
    if checks is not None:
        rating = _apply_checks(profile, checks, rating, reasons, findings)
    open_flags = [f for f in flags if not f.accepted]
    outside = checks.outside if checks is not None else frozenset()
    knock_outs = [f for f in open_flags if f.severity is Severity.CRITICAL]
    for flag in open_flags:
        floor = profile.flag_floors.get(flag.severity)
        if floor is not None and floor.rank > rating.rank:
            rating = floor
            if floor is Rating.CRITICAL:
                where = " (answered although outside this assessment's scope)" if flag.question_id in outside else ""
                reasons.append(f"Open critical red flag {flag.flag_id} ({flag.title}){where}: Critical whatever "
                               "the score and the tier.")
            else:
                reasons.append(f"Open {flag.severity.value} red flag {flag.flag_id} ({flag.title}): "
                               f"no better than {floor.label}.")
    findings.append(RuleFinding(
        "knock_out", bool(knock_outs), Rating.CRITICAL if knock_outs else None,
        (f"{len(knock_outs)} open critical red flag(s): Critical, recommendation Reject." if knock_outs
         else "No open critical red flag."),
        tuple(dict.fromkeys(f.question_id for f in knock_outs)), tuple(f.flag_id for f in knock_outs)))
    floored = [f for f in open_flags if f.severity is not Severity.CRITICAL and profile.flag_floors.get(f.severity)]
    floors = [floor for f in floored if (floor := profile.flag_floors.get(f.severity)) is not None]
    findings.append(RuleFinding(
        "flag_floor", bool(floored),
        max(floors, key=lambda r: r.rank) if floors else None,
        f"{len(floored)} open flag(s) floor the rating." if floored else "No open flag floors the rating.",
        tuple(dict.fromkeys(f.question_id for f in floored)), tuple(f.flag_id for f in floored)))
    fired_accumulation = False
    for rule in profile.flag_accumulation:
        if tier_used not in rule.tiers:
            continue
        same = [f for f in open_flags if f.severity is rule.severity]
        if len(same) >= rule.count:
            fired_accumulation = True
            text = (f"{len(same)} open {rule.severity.value} red flags (tier {tier_used}: {rule.count} or more): "
                    f"no better than {rule.rating.label}.")
            if rule.rating.rank > rating.rank:
                rating = rule.rating
                reasons.append(text)
            findings.append(RuleFinding("flag_accumulation", True, rule.rating, text,
                                        tuple(dict.fromkeys(f.question_id for f in same)),
                                        tuple(f.flag_id for f in same)))
    if not fired_accumulation:
        findings.append(RuleFinding("flag_accumulation", False, None, "Open flags do not accumulate to a floor."))
    return rating, tuple(reasons), findings


def _apply_checks(profile: ScoringProfile, checks: _Checks, rating: Rating, reasons: list[str],
                  findings: list[RuleFinding]) -> Rating:
    """Rules 2, 3, 5 and 6 on top of the score and completeness (see :func:`_rate`)."""
    # Rule 3: not applicable.
    share = checks.na_share
    mostly = checks.scored_count > 0 and share > profile.na_max_share
    parts = []
    if checks.na_pending:
        parts.append(f"{len(checks.na_pending)} 'not applicable' answer(s) not yet accepted by a reviewer count as "
                     f"gaps ({', '.join(checks.na_pending[:6])}{' ...' if len(checks.na_pending) > 6 else ''})")
    if mostly:
        cap = profile.best_rating_when_mostly_na
        parts.append(f"{checks.na_count} of {checks.scored_count} questions ({share:.0%}) are answered 'not "
                     f"applicable', more than {profile.na_max_share:.0%}: no better than {cap.label}")
        if cap.rank > rating.rank:
            rating = cap
            reasons.append(f"Mostly not applicable ({share:.0%} of the questions): no better than {cap.label}.")
    findings.append(RuleFinding("not_applicable", bool(parts), profile.best_rating_when_mostly_na if mostly else None,
                                "; ".join(parts) or "No unaccepted 'not applicable' answer; "
                                f"{share:.0%} not applicable.", checks.na_pending))
    # Rule 2: withheld answers to knock-out questions.
    floor = profile.withheld_knock_out_floor
    if checks.withheld:
        listed = ", ".join(f"{q} ({what})" for q, what in checks.withheld.items())
        text = (f"Knock-out question(s) not answered honestly yet: {listed}. Approval is blocked until they are "
                f"answered: no better than {floor.label}.")
        # Shown even when another rule already set the same rating: the reader must see that
        # answering is what unblocks approval.
        rating = floor if floor.rank > rating.rank else rating
        reasons.append(text)
        findings.append(RuleFinding("withheld_knock_out", True, floor, text, tuple(checks.withheld)))
    else:
        findings.append(RuleFinding("withheld_knock_out", False, None, "Every knock-out question is answered."))
    # Rules 5 and 6 do not move the rating themselves: they decide what counts.
    findings.append(RuleFinding(
        "evidence_fit", bool(checks.unfit), None,
        (f"Linked evidence of a kind the question does not ask for was ignored on {len(checks.unfit)} answer(s)."
         if checks.unfit else "All linked evidence fits its question."), checks.unfit))
    findings.append(RuleFinding(
        "input_bounds", bool(checks.invalid), None,
        (f"{len(checks.invalid)} stored answer(s) break the question's range or exclusive options and are "
         "not scored." if checks.invalid else "Every answer is within its declared bounds."), checks.invalid))
    return rating


def _conditions(profile: ScoringProfile, ev: _Eval, as_of: date) -> tuple[str, ...]:
    """What to require when approving, in this order: the mitigation of every open flag (worst
    first), honest answers to withheld knock-out questions, missing answers (and 'not
    applicable' answers to review), the scope when it is mostly not applicable, then current
    evidence (one condition per lapsed evidence record)."""
    conditions: list[str] = []
    checks = ev.checks()
    for flag in ev.flags:
        if not flag.accepted:
            clause = f" (contract clause: {flag.contract_clause})" if flag.contract_clause else ""
            # Named by question and flag title: a manager reads "SBD-02 Undocumented access
            # paths", not the rule id.
            conditions.append(f"{flag.question_id} – {flag.title}: {flag.mitigation}{clause}")
    for qid, what in checks.withheld.items():
        if what != "unanswered":
            conditions.append(f"{qid}: obtain a complete answer to this knock-out question (now: {what}); "
                              "approval is blocked until it is answered")
    gaps = sorted(ev.gaps, key=lambda r: (r.x.id not in ev.withheld, -r.weight, r.x.index))
    limit = profile.max_gap_conditions
    for row in gaps[:limit]:
        if row.x.id in ev.na_pending:
            conditions.append(f"{row.x.id}: review the 'not applicable' answer and its reason; accept it or obtain "
                              f"an answer ({_short(row.x.q.text)})")
        else:
            conditions.append(f"{row.x.id}: obtain and review the vendor's answer ({_short(row.x.q.text)})")
    if len(gaps) > limit:
        conditions.append(f"Obtain and review answers to the {len(gaps) - limit} other open questions.")
    if checks.scored_count and checks.na_share > profile.na_max_share:
        conditions.append(f"Confirm the scope: {checks.na_count} of {checks.scored_count} questions are answered "
                          "'not applicable'; check that the product really lacks what they ask about")
    conditions.extend(_evidence_conditions(ev.lapsed, as_of))
    return tuple(conditions)


#: Weakest answers named as conditions when "approve with conditions" has no other (rule 7).
WEAK_ANSWER_CONDITIONS = 3


def _weak_answer_conditions(ev: _Eval) -> tuple[str, ...]:
    """Rule 7: conditions from the weakest answers (most points lost first), for an
    "approve with conditions" that no flag, gap or lapsed evidence explains."""
    weak = sorted((r for r in ev.rows if r.scorable and r.answered and r.eff is not None and r.eff < 1.0),
                  key=lambda r: (-(r.weight * (1.0 - (r.eff or 0.0))), r.x.index))
    out = []
    for row in weak[:WEAK_ANSWER_CONDITIONS]:
        if row.raw is not None and row.raw < 1.0:
            out.append(f"{row.x.id}: agree an improvement on '{_display(row)}' toward '{row.x.best_label}' "
                       f"({_short(row.x.q.text)})")
        else:
            out.append(f"{row.x.id}: obtain current independent evidence for the answer '{_display(row)}' "
                       f"({_short(row.x.q.text)})")
    return tuple(out)


#: Question ids named in one evidence condition before "and N more".
EVIDENCE_CONDITION_IDS = 6


def _evidence_conditions(lapsed: Sequence[tuple[_Row, Evidence | None]], as_of: date) -> list[str]:
    """One condition per lapsed piece of evidence, naming the answers it supports.

    One expired report often backs dozens of answers; a line per answer would bury everything
    else. Grouped by evidence record (its id, or its title and dates when it has none), in the
    order the first answer relying on it appears in the questionnaire.
    """
    groups: dict[Any, tuple[Evidence | None, str, list[str]]] = {}
    for row, item in lapsed:
        if item is None:  # pragma: no cover - lapsed rows always come with their evidence
            key: Any = ("note", row.note)
            what = f"current evidence ({row.note})"
        else:
            key = ("id", item.id) if item.id is not None else ("record", item.title, item.issued_on, item.expires_on)
            if item.state(as_of) is EvidenceState.NOT_YET_VALID:
                when = f"not valid before {item.issued_on}"
            else:
                when = f"expired {item.expires_on}"
            what = f"a current '{item.title}' ({when})"
        if key not in groups:
            groups[key] = (item, what, [])
        groups[key][2].append(row.x.id)
    conditions = []
    for _item, what, ids in groups.values():
        shown = ", ".join(ids[:EVIDENCE_CONDITION_IDS])
        if len(ids) > EVIDENCE_CONDITION_IDS:
            shown += f" and {len(ids) - EVIDENCE_CONDITION_IDS} more"
        supports = f"the answer to {shown}" if len(ids) == 1 else f"{len(ids)} answers: {shown}"
        conditions.append(f"Obtain {what}; it supports {supports}")
    return conditions


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


# ------------------------------------------------------------------------------------------------
# Public entry points


def score_answers(questionnaire: Questionnaire, answers: Mapping[str, Any], *, profile: ScoringProfile,
                  as_of: date, category: ProductCategory | None = None, tier: int | None = None,
                  scope_added: Sequence[str] = (), scope_removed: Sequence[str] = (),
                  evidence: Mapping[str, Sequence[Evidence]] | None = None,
                  accepted_flags: Mapping[str, FlagAcceptance] | None = None,
                  assessment_id: int | None = None, detail: bool = True, groups: bool = True,
                  na_accepted: Collection[str] | None = None) -> ScoreResult:
    """Score answers (question id -> value, or -> :class:`Answer`) against a questionnaire.

    ``evidence`` maps question ids to the evidence linked to that answer; ``accepted_flags``
    holds the reviewer's acceptances by flag id. With ``detail=False`` only the summary is
    computed (groups, rating, flags, gaps, conditions), leaving ``questions``, ``drivers`` and
    ``improvements`` empty; ``groups=False`` also skips the section, pillar and Buyers Guide
    scores (empty tuples). Bulk re-scoring for the register uses both: it needs the rating only.
    ``na_accepted`` holds the questions whose "not applicable" answer a reviewer accepted (rule
    3); when None it is read from :class:`Answer` values (plain values: none accepted).
    """
    plan = compile_questionnaire(questionnaire)
    values = {k: (v.value if isinstance(v, Answer) else v) for k, v in answers.items()}
    if na_accepted is None:
        # Read from the Answer records (one pass; plain values carry no acceptance).
        na_accepted = frozenset(k for k, v in answers.items() if v.__class__ is Answer and v.na_accepted_reason)
    elif not isinstance(na_accepted, (set, frozenset)):
        na_accepted = frozenset(na_accepted)
    evidence = evidence or {}
    accepted = accepted_flags or {}
    added, removed = tuple(scope_added), tuple(scope_removed)
    groups = groups or detail
    ev = _evaluate(plan, profile, values, evidence, as_of, category, tier, added, removed, accepted,
                   keep_rows=detail, all_groups=groups, na_accepted=na_accepted)
    # Machine-readable evidence (SBOM, VEX) that contradicts the answers raises red flags too.
    found = evidence_flags(values, evidence, as_of, accepted) if evidence else []
    if found:
        ev.flags = sorted([*ev.flags, *found], key=lambda f: f.severity.rank)
    overall_score = ev.overall
    completeness = ev.completeness
    rating, reasons, findings = _rate(profile, tier, overall_score, completeness, ev.critical_gaps, ev.flags,
                                      ev.checks())
    conditions = _conditions(profile, ev, as_of)
    recommendation = profile.recommendations[rating]
    if recommendation is Recommendation.APPROVE and conditions:
        recommendation = Recommendation.APPROVE_WITH_CONDITIONS
    derived = False
    if recommendation is Recommendation.APPROVE_WITH_CONDITIONS and not conditions:
        # Rule 7: "approve with conditions" always names at least one condition: the weakest
        # answers (the rows are needed for that, so a summary-only pass evaluates again).
        rows_ev = ev if detail else _evaluate(plan, profile, values, evidence, as_of, category, tier, added,
                                              removed, accepted, keep_rows=True, all_groups=False,
                                              na_accepted=na_accepted)
        conditions = _weak_answer_conditions(rows_ev) or (
            "Review the assessment with the vendor and record the agreed improvements before approval",)
        derived = True
    findings.append(RuleFinding(
        "conditions", bool(conditions), None,
        (f"{len(conditions)} condition(s)" + (", derived from the weakest answers" if derived else "")
         if conditions else "No condition."), ()))
    questions: tuple[QuestionScore, ...] = ()
    drivers: tuple[Driver, ...] = ()
    improvements: tuple[Improvement, ...] = ()
    next_rating: Rating | None = None
    if detail:
        questions = _question_scores(ev.rows)
        drivers = _drivers(ev)
        improvements, next_rating = _improvements(
            plan, profile, ev, rating, values, evidence, as_of, category, tier, added, removed, accepted,
            na_accepted)
    return ScoreResult(
        assessment_id=assessment_id, as_of=as_of, tier=tier, overall=overall_score,
        completeness=completeness, rating=rating, recommendation=recommendation,
        by_section=tuple(ev.group(1 + i, k, t) for i, (k, t) in enumerate(plan.sections)) if groups else (),
        by_pillar=tuple(ev.group(1 + len(plan.sections) + i, k, t)
                        for i, (k, t) in enumerate(plan.pillars)) if groups else (),
        by_buyers_guide=tuple(ev.group(1 + len(plan.sections) + len(plan.pillars) + i, k, t)
                              for i, (k, t) in enumerate(plan.parts)) if groups else (),
        questions=questions, flags=tuple(ev.flags), gaps=tuple(r.x.id for r in ev.gaps),
        drivers=drivers, improvements=improvements, conditions=conditions, rating_reasons=reasons,
        profile_id=profile.fingerprint, questionnaire_key=questionnaire.key, next_rating=next_rating,
        valid_until=ev.valid_until, rules=tuple(findings), profile_version=profile.version,
    )


def score_assessment(assessment: Assessment, questionnaire: Questionnaire, answers: Mapping[str, Answer], *,
                     profile: ScoringProfile, as_of: date, evidence: Mapping[int, Evidence] | None = None,
                     acceptances: Mapping[str, FlagAcceptance] | None = None, detail: bool = True) -> ScoreResult:
    """Score an assessment: its tier, scope and product category, its answers with their linked
    evidence (``evidence`` maps evidence ids to records) and its accepted red flags."""
    evidence = evidence or {}
    by_question = {qid: [evidence[i] for i in a.evidence_ids if i in evidence]
                   for qid, a in answers.items() if a.evidence_ids}
    return score_answers(
        questionnaire, answers, profile=profile, as_of=as_of, category=assessment.product_category,
        tier=assessment.effective_tier, scope_added=assessment.scope_added, scope_removed=assessment.scope_removed,
        evidence=by_question, accepted_flags=acceptances, assessment_id=assessment.id, detail=detail)


# ------------------------------------------------------------------------------------------------
# Explanation


def _question_scores(rows: Sequence[_Row]) -> tuple[QuestionScore, ...]:
    """One :class:`QuestionScore` per applicable question, in questionnaire order.

    Why the objects are built by filling their dictionary rather than by ``QuestionScore(...)``:
    a frozen dataclass's ``__init__`` sets each field with its own ``object.__setattr__`` call,
    and the full explanation builds about 350 result objects (this record per question, the
    drivers, the group scores), which was a sixth of its time. The object is identical (same
    fields, equality, repr, hash); tests/domain/test_scoring_fast_paths.py checks that every
    field is set, so a field added to the dataclass cannot be forgotten here.
    """
    new = _new
    out = []
    for row in rows:
        x = row.x
        eff = row.eff
        if row.scorable and row.answered:
            lost = row.weight * (1.0 - (eff or 0.0))
        elif row.scorable and x.required:
            lost = row.weight
        else:
            lost = 0.0
        score = new(QuestionScore)
        score.__dict__.update({
            "question_id": x.id, "section_id": x.section_id, "weight": row.weight, "raw_score": row.raw,
            "score": None if eff is None else round(eff, 6), "evidence_factor": row.factor, "answered": row.answered,
            "not_applicable": row.na, "points_lost": round(lost, 4), "evidence_note": row.note})
        out.append(score)
    return tuple(out)


def _display(row: _Row) -> str:
    """The answer as a person reads it; "unanswered" when there is none.

    Same text as :func:`trustframe.domain.answers.display`, with option labels looked up in
    the compiled question (a driver list shows over a hundred answers).
    """
    x = row.x
    if not row.answered:
        value = row.value
        if value.__class__ is str and x.options.get(value, (None, False))[1]:
            return f"{x.labels.get(value, value)} (not yet accepted)"
        return "unanswered"
    value = row.value
    labels = x.labels
    if labels:  # a question with options: the labels of the chosen ones
        if value.__class__ is str:
            label = labels.get(value)
            return value if label is None else label
        ids = value if isinstance(value, (list, tuple)) else [value]
        shown = []
        for option_id in ids:
            key = str(option_id)
            label = labels.get(key)
            shown.append(key if label is None else label)
        return "; ".join(shown)
    return answer_text.display(x.q, value)


def _drivers(ev: _Eval) -> tuple[Driver, ...]:
    """What pulled the score down, worst first. Answered questions: the overall points they
    cost (100 * weight * (1 - effective score) / answered weight). Gaps: the share of the
    assessment's weight that is still unknown (100 * weight / total weight)."""
    w_answered = ev.wa[0]
    w_total = ev.wt[0]
    # Sorted on (-points, questionnaire index); the index is unique, so drivers never compare.
    found: list[tuple[float, int, Driver]] = []
    for row in ev.rows:
        if not row.scorable:
            continue
        x = row.x
        if row.answered and row.eff is not None and row.eff < 1.0 and w_answered > 0:
            pts = 100.0 * row.weight * (1.0 - row.eff) / w_answered
            shown = _display(row)
            # The reason: the answer when it is not the strongest, then the evidence note when
            # the support is weak, joined by "; ".
            if row.raw is not None and row.raw < 1.0:
                reason = f"answered '{shown}'; {row.note}" if row.factor < 1.0 else f"answered '{shown}'"
            else:
                reason = row.note if row.factor < 1.0 else ""
            driver = _new(Driver)  # see _question_scores for why not Driver(...)
            driver.__dict__.update({"question_id": x.id, "section_id": x.section_id, "answer": shown,
                                    "points_lost": round(pts, 2), "weight": row.weight, "reason": reason})
            found.append((-pts, x.index, driver))
        elif not row.answered and x.required and w_total > 0:
            pts = 100.0 * row.weight / w_total
            driver = _new(Driver)
            driver.__dict__.update({"question_id": x.id, "section_id": x.section_id, "answer": "unanswered",
                                    "points_lost": round(pts, 2), "weight": row.weight,
                                    "reason": "unanswered (required)"})
            found.append((-pts, x.index, driver))
    found.sort()
    return tuple(d for _, _, d in found)


def _improvements(plan: _Plan, profile: ScoringProfile, ev: _Eval, rating: Rating,
                  values: Mapping[str, Any], evidence: Mapping[str, Sequence[Evidence]], as_of: date,
                  category: ProductCategory | None, tier: int | None, added: Sequence[str],
                  removed: Sequence[str], accepted: Mapping[str, FlagAcceptance],
                  na_accepted: Container[str] = frozenset(),
                  ) -> tuple[tuple[Improvement, ...], Rating | None]:
    """The smallest set of changes (greedy by gain) that lifts the rating one level.

    Changes come in the order they are needed: red flags that hold the rating down (the answer
    that clears them, or acceptance with a reason), then missing answers while the assessment is
    too incomplete, then answer and evidence improvements by decreasing gain until the score
    reaches the next threshold. The proposal is checked by re-scoring it.
    """
    if rating is Rating.LOW:
        return (), None
    target = RATINGS_BEST_FIRST[rating.rank - 1]
    thresholds = profile.thresholds_for(tier)
    rows_by_id = {r.x.id: r for r in ev.rows}
    changes: dict[str, Any] = {}
    forced: set[str] = set()
    assume_accepted: set[str] = set()
    result: list[Improvement] = []
    ws, w = ev.ws[0], ev.wa[0]

    def analytic(qid: str, new_eff: float) -> float:
        """Apply one change to the running sums; returns the score gain."""
        nonlocal ws, w
        row = rows_by_id[qid]
        before = 100.0 * ws / w if w else 0.0
        if row.answered and row.eff is not None:
            ws += row.weight * (new_eff - row.eff)
        elif not row.answered:
            ws += row.weight * new_eff
            w += row.weight
        return round((100.0 * ws / w if w else 0.0) - before, 2)

    # 1. Red flags that hold the rating below the target must go: those whose own floor is
    # below it, and enough of the flags that accumulate to a floor below it (rule 4).
    tier_used = tier if tier in profile.thresholds else profile.unknown_tier
    accumulating: set[str] = set()
    for rule in profile.flag_accumulation:
        if tier_used in rule.tiers and rule.rating.rank > target.rank:
            same = [f for f in ev.flags if not f.accepted and f.severity is rule.severity]
            accumulating.update(f.flag_id for f in same[:max(0, len(same) - rule.count + 1)])
    for flag in ev.flags:
        floor = profile.flag_floors.get(flag.severity)
        blocking = floor is not None and floor.rank > target.rank
        if flag.accepted or not (blocking or flag.flag_id in accumulating) or flag.question_id in changes:
            continue
        row = rows_by_id.get(flag.question_id)
        if row is None:
            # A knock-out admitted outside the scope (rule 1): only acceptance clears it.
            assume_accepted.add(flag.flag_id)
            outside_q = plan.by_id.get(flag.question_id)
            shown = answer_text.display(outside_q.q, values.get(flag.question_id)) if outside_q else ""
            result.append(Improvement(flag.question_id, shown, f"accept {flag.flag_id} as mitigated, with a reason",
                                      0.0, kind="flag", flag_id=flag.flag_id))
            continue
        x = row.x
        option = _clearing_option(x, ev.values, profile, target)
        if option is not None:
            changes[x.id] = option.id
            new_eff = option.score or 0.0
            if x.wants_evidence and new_eff > 0:
                forced.add(x.id)
            gain = analytic(x.id, new_eff) if option.score is not None else 0.0
            evidence_note = " with current independent evidence" if x.wants_evidence and new_eff > 0 else ""
            result.append(Improvement(x.id, _display(row), f"{option.label}{evidence_note} "
                                      f"(or accept {flag.flag_id} as mitigated, with a reason)", gain,
                                      kind="flag", flag_id=flag.flag_id, to_value=option.id,
                                      with_evidence=bool(evidence_note)))
        else:
            assume_accepted.add(flag.flag_id)
            result.append(Improvement(x.id, _display(row), f"accept {flag.flag_id} as mitigated, with a reason",
                                      0.0, kind="flag", flag_id=flag.flag_id))

    # 1b. Withheld answers to knock-out questions block approval until answered (rule 2).
    if ev.withheld and profile.withheld_knock_out_floor.rank > target.rank:
        for qid in ev.withheld:
            row = rows_by_id.get(qid)
            if row is not None and qid not in changes:
                result.append(_answer_improvement(row, changes, forced, analytic))

    # 2. Missing answers, while completeness caps the rating.
    cap = profile.best_rating_when_incomplete
    if target.rank < cap.rank:
        gaps = [r for r in ev.gaps if r.scorable]
        gaps.sort(key=lambda r: (r.x.importance is not Importance.CRITICAL, -r.weight, r.x.index))
        applicable, answered = ev.applicable[0], ev.answered[0]
        critical_needed = profile.critical_questions_required
        for row in gaps:
            complete_enough = (applicable == 0 or answered / applicable >= profile.completeness_minimum)
            if complete_enough and not (critical_needed and row.x.importance is Importance.CRITICAL):
                break
            if row.x.id in changes:
                continue
            result.append(_answer_improvement(row, changes, forced, analytic, kind="gap"))
            answered += 1

    # 3. Raise the score to the target's threshold, biggest gain first.
    needed = thresholds.minimum(target)
    candidates = []
    current_avg = ws / w if w else 0.0
    for row in ev.rows:
        x = row.x
        if not row.scorable or x.id in changes:
            continue
        best_eff = x.best
        if row.answered and row.eff is not None:
            gain = row.weight * (best_eff - row.eff)
        else:  # unanswered: answering it adds its weight to the denominator
            gain = row.weight * (best_eff - current_avg)
        if gain > 1e-12:
            candidates.append((-gain, x.index, row))
    candidates.sort()  # on (-gain, questionnaire index): the index is unique, rows never compare
    pending = [c[2] for c in candidates]

    def reached() -> bool:
        return needed is None or (w > 0 and round(100.0 * ws / w, 2) >= needed)

    while pending and not reached():
        row = pending.pop(0)
        result.append(_answer_improvement(row, changes, forced, analytic))

    # Check the proposal. When no changed question decides whether others are shown and none
    # becomes "not applicable", the running sums are exact and only the red flags need a fresh
    # look; otherwise the proposal is re-scored (only the questions it changes or brings into
    # view are evaluated again, see _rescore). If it falls short, keep adding the next-best
    # change.
    while True:
        exact = not any(rows_by_id[qid].x.controls_visibility or (rows_by_id[qid].x.options.get(v, (0.0, False))[1]
                                                                  if isinstance(v, str) else False)
                        for qid, v in changes.items())
        if exact:
            effective = {**ev.values, **changes}
            flags = _raise_flags([r.x for r in ev.rows if r.x.flags], effective, accepted, frozenset(assume_accepted),
                                 reuse=(changes, rows_by_id, ev.fired))
            flags += _outside_assumed(ev, assume_accepted)
            newly = [rows_by_id[qid] for qid in changes if not rows_by_id[qid].answered and rows_by_id[qid].scorable]
            answered_now = ev.answered[0] + len(newly)
            completeness = round(answered_now / ev.applicable[0], 4) if ev.applicable[0] else 1.0
            critical_left = ev.critical_gaps - sum(1 for r in newly if r.x.critical)
            new_rating, _ = rating_for(profile, tier, _pct(ws, w), completeness, critical_left, flags,
                                       ev.checks(changes))
        else:
            new_values = dict(values)
            new_values.update(changes)
            overall, completeness, critical_left, flags = _rescore(
                ev, rows_by_id, new_values, changes, profile, evidence, as_of, accepted, frozenset(forced),
                frozenset(assume_accepted), na_accepted)
            new_rating, _ = rating_for(profile, tier, overall, completeness, critical_left, flags,
                                       ev.checks(changes))
        if new_rating.rank <= target.rank:
            return tuple(result), new_rating
        if not pending:
            return tuple(result), None
        result.append(_answer_improvement(pending.pop(0), changes, forced, analytic))


def _outside_assumed(ev: _Eval, assume_accepted: Collection[str]) -> list[RaisedFlag]:
    """The knock-outs admitted outside the scope (rule 1), with those a proposal accepts marked."""
    return [f if f.accepted or f.flag_id not in assume_accepted
            else RaisedFlag(**{**f.__dict__, "accepted": True, "accepted_reason": "assumed accepted"})
            for f in ev.outside_flags]


def _answer_improvement(row: _Row, changes: dict[str, Any], forced: set[str], analytic: Any,
                        kind: str | None = None) -> Improvement:
    """Move one question to its strongest answer (with current independent evidence when the
    question asks for evidence) and describe the change."""
    x = row.x
    with_evidence = x.wants_evidence and x.best > 0
    only_evidence = row.answered and row.raw is not None and row.raw >= x.best and row.factor < 1.0
    if kind is None:
        kind = "evidence" if only_evidence else ("gap" if not row.answered else "answer")
    changes[x.id] = row.value if only_evidence else x.best_value
    if with_evidence:
        forced.add(x.id)
    gain = analytic(x.id, x.best)
    if only_evidence:
        to = f"{_display(row)}, backed by current independent evidence"
    else:
        to = x.best_label + (" with current independent evidence" if with_evidence else "")
    value = changes[x.id]
    return Improvement(x.id, _display(row), to, gain, kind=kind,
                       to_value=tuple(value) if isinstance(value, list) else value, with_evidence=with_evidence)


def _clearing_option(x: _Q, values: Mapping[str, Any], profile: ScoringProfile, target: Rating) -> Option | None:
    """The strongest option of ``x`` for which none of its blocking red flags fires."""
    if x.kind not in (_CHOICE,):
        return None
    blocking = [r for r in x.flags if (profile.flag_floors.get(r.severity) or Rating.LOW).rank > target.rank]
    ordered = sorted(x.q.options, key=lambda o: (o.score is None, -(o.score or 0.0)))
    for option in ordered:
        trial = dict(values)
        trial[x.id] = option.id
        if not any(rule.when.evaluate(trial) for rule in blocking):
            return option
    return None
