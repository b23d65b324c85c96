"""The questionnaire model: sections, questions, options, red-flag rules and conditions.

Everything here is immutable and free of I/O. A :class:`Questionnaire` is produced by
``trustframe.exchange.questionnaire_files`` from a YAML file and consumed by scoping, scoring,
the GUI, the Excel exchange and the reports.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from trustframe.domain.conditions import Condition


class AnswerType(str, enum.Enum):
    """How a question is answered."""

    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    YES_NO = "yes_no"
    TEXT = "text"
    NUMBER = "number"
    DATE = "date"

    @property
    def has_options(self) -> bool:
        """True for the answer types whose value is one or more option ids."""
        return self in (AnswerType.SINGLE_CHOICE, AnswerType.MULTIPLE_CHOICE, AnswerType.YES_NO)


class Importance(str, enum.Enum):
    """How much a question weighs in the score (weights live in the scoring profile)."""

    CRITICAL = "critical"
    HIGH = "high"
    STANDARD = "standard"
    LOW = "low"


class Severity(str, enum.Enum):
    """Severity of a red flag. Critical flags are knock-outs."""

    CRITICAL = "critical"
    HIGH = "high"
    MEDIUM = "medium"

    @property
    def rank(self) -> int:
        """0 for critical, 1 for high, 2 for medium: sorts the worst first."""
        return {Severity.CRITICAL: 0, Severity.HIGH: 1, Severity.MEDIUM: 2}[self]


class Pillar(str, enum.Enum):
    """Weathering TechNationalism framework pillar."""

    ASSURANCE = "assurance"
    TRANSPARENCY = "transparency"
    ACCOUNTABILITY = "accountability"


class BuyersGuidePart(str, enum.Enum):
    """Buyers Guide lens: enterprise security governance, or a lifecycle phase."""

    GOVERNANCE = "governance"
    DESIGN = "design"
    DEVELOPMENT = "development"
    SOURCING = "sourcing"
    VERIFICATION = "verification"
    DELIVERY = "delivery"
    SUSTAINMENT = "sustainment"
    RESPONSE = "response"
    SERVICES = "services"


class Actor(str, enum.Enum):
    """Who carries a measure in the framework."""

    VENDOR = "vendor"
    OPERATOR = "operator"
    BUYER = "buyer"


class ProductCategory(str, enum.Enum):
    """What kind of thing is being bought; drives question applicability."""

    HARDWARE = "hardware"
    SOFTWARE = "software"
    CLOUD_SERVICE = "cloud_service"
    MANAGED_SERVICE = "managed_service"
    NETWORK_EQUIPMENT = "network_equipment"
    IOT_OT = "iot_ot"

    @property
    def label(self) -> str:
        """Human-readable name."""
        return {
            "hardware": "Hardware",
            "software": "Software",
            "cloud_service": "Cloud service",
            "managed_service": "Managed service",
            "network_equipment": "Network / telecom equipment",
            "iot_ot": "IoT / OT device",
        }[self.value]


class EvidenceKind(str, enum.Enum):
    """Kinds of evidence a vendor can supply."""

    CERTIFICATE = "certificate"
    AUDIT_REPORT = "audit_report"
    PENETRATION_TEST = "penetration_test"
    SBOM = "sbom"
    VEX = "vex"
    POLICY = "policy"
    CONTRACT_CLAUSE = "contract_clause"
    OTHER = "other"

    @property
    def label(self) -> str:
        """Human-readable name."""
        return self.value.replace("_", " ").capitalize().replace("Sbom", "SBOM").replace("Vex", "VEX document")


class QuestionnaireKind(str, enum.Enum):
    """An assessment questionnaire (vendor-facing), a criticality profile (buyer-side), or the
    buyer and operator module (answered by the buying organisation about itself)."""

    ASSESSMENT = "assessment"
    PROFILE = "profile"
    BUYER = "buyer"


#: Every question of a buyer module has an id with this prefix, and no other questionnaire may
#: use it: buyer answers are stored beside the vendor's answers of the same assessment, and the
#: prefix is what keeps them out of vendor workbooks, vendor scores and vendor imports.
BUYER_QUESTION_PREFIX = "BUY-"


def is_buyer_question_id(question_id: str) -> bool:
    """True for the id of a buyer-module question (see :data:`BUYER_QUESTION_PREFIX`)."""
    return question_id.startswith(BUYER_QUESTION_PREFIX)


@dataclass(frozen=True)
class Source:
    """A cited source document."""

    id: str
    title: str
    publisher: str = ""
    year: int | None = None
    url: str = ""
    confidence: str = ""
    note: str = ""


@dataclass(frozen=True)
class Reference:
    """A reference to a standard, with clause or control id where known."""

    standard: str
    clause: str = ""
    note: str = ""

    def __str__(self) -> str:
        return f"{self.standard} {self.clause}".strip()


@dataclass(frozen=True)
class Option:
    """One answer option with its score between 0 and 1.

    ``not_applicable`` options take the question out of the score's denominator; their
    ``score`` is ``None``. An ``exclusive`` option ("none", "declined", "unknown") of a
    multiple-choice question cannot be chosen together with any other option.
    """

    id: str
    label: str
    score: float | None
    not_applicable: bool = False
    help: str = ""
    exclusive: bool = False

    @property
    def evasive(self) -> bool:
        """True for an answer that withholds the information: declined, or not known."""
        return self.id in EVASIVE_OPTION_IDS


#: Option ids that withhold the answer rather than give it (scoring rule 2, docs/scoring.md).
EVASIVE_OPTION_IDS = frozenset({"declined", "unknown", "dont_know", "not_known"})


@dataclass(frozen=True)
class Band:
    """A numeric range (min inclusive, max exclusive) and its score."""

    min: float | None
    max: float | None
    score: float
    label: str = ""

    def contains(self, value: float) -> bool:
        """True when ``value`` falls in this band."""
        return (self.min is None or value >= self.min) and (self.max is None or value < self.max)


@dataclass(frozen=True)
class RedFlagRule:
    """A rule that raises a red flag when its condition holds."""

    id: str
    question_id: str
    when: Condition
    severity: Severity
    title: str
    rationale: str
    mitigation: str
    contract_clause: str = ""


@dataclass(frozen=True)
class Guidance:
    """Buyer-side guidance for one question."""

    why: str = ""
    good_evidence: str = ""
    weak_answer: str = ""


@dataclass(frozen=True)
class Applicability:
    """Which product categories and criticality tiers a question applies to (empty = all)."""

    categories: frozenset[ProductCategory] = frozenset()
    tiers: frozenset[int] = frozenset()

    def applies(self, category: ProductCategory | None, tier: int | None) -> bool:
        """True when the question applies to this category and tier (None = unknown, applies)."""
        if category is not None and self.categories and category not in self.categories:
            return False
        if tier is not None and self.tiers and tier not in self.tiers:
            return False
        return True


@dataclass(frozen=True)
class Trace:
    """Where a question comes from, through both EWI lenses."""

    buyers_guide: tuple[BuyersGuidePart, ...] = ()
    pillar: tuple[Pillar, ...] = ()
    actor: tuple[Actor, ...] = ()
    sources: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Question:
    """One question of a questionnaire."""

    id: str
    section_id: str
    text: str
    type: AnswerType
    help: str = ""
    guidance: Guidance = Guidance()
    options: tuple[Option, ...] = ()
    bands: tuple[Band, ...] = ()
    unit: str = ""
    required: bool = True
    importance: Importance = Importance.STANDARD
    evidence: tuple[EvidenceKind, ...] = ()
    applies_to: Applicability = Applicability()
    show_if: Condition | None = None
    red_flags: tuple[RedFlagRule, ...] = ()
    no_red_flag_reason: str = ""
    trace: Trace = Trace()
    references: tuple[Reference, ...] = ()
    weight: float | None = None
    #: Number questions: the smallest and largest value accepted (None = unbounded).
    min_value: float | None = None
    max_value: float | None = None
    #: The question of the previous bank version this one was split from (one fact each); an
    #: answer to that question is not carried to this one on reassessment (see bank_diff).
    split_from: str = ""

    @property
    def knock_out_rules(self) -> tuple[RedFlagRule, ...]:
        """The critical red-flag rules of this question (its knock-outs)."""
        return tuple(r for r in self.red_flags if r.severity is Severity.CRITICAL)

    def option(self, option_id: str) -> Option | None:
        """The option with this id, or None."""
        for opt in self.options:
            if opt.id == option_id:
                return opt
        return None

    @property
    def option_ids(self) -> tuple[str, ...]:
        """Ids of the options in their defined order."""
        return tuple(o.id for o in self.options)

    @property
    def is_scored(self) -> bool:
        """True when answers to this question carry a score (choices, or numbers with bands)."""
        # Imported here: the answer types build on this module (an import at the top would be a cycle).
        from trustframe.domain.answer_types import is_numeric

        if self.type.has_options:
            return any(o.score is not None for o in self.options)
        return is_numeric(self.type) and bool(self.bands)


@dataclass(frozen=True)
class Section:
    """A section (domain) of a questionnaire."""

    id: str
    title: str
    description: str = ""
    pillars: tuple[Pillar, ...] = ()
    buyers_guide: tuple[BuyersGuidePart, ...] = ()
    questions: tuple[Question, ...] = ()


@dataclass(frozen=True)
class TierEscalation:
    """A profile answer that forces at least a given tier."""

    when: Condition
    tier: int
    reason: str


@dataclass(frozen=True)
class Tiering:
    """How a criticality profile's answers become an inherent-risk tier."""

    method: str
    tier1: float
    tier2: float
    tier3: float
    escalations: tuple[TierEscalation, ...] = ()


@dataclass(frozen=True)
class Questionnaire:
    """A whole questionnaire: the unit that is versioned, exchanged and scored."""

    id: str
    version: str
    title: str
    kind: QuestionnaireKind
    sections: tuple[Section, ...]
    description: str = ""
    language: str = "en"
    disclaimer: str = ""
    sources: tuple[Source, ...] = ()
    tiering: Tiering | None = None
    origin: str = field(default="", compare=False)

    @property
    def key(self) -> str:
        """``id@version``: identifies this exact questionnaire."""
        return f"{self.id}@{self.version}"

    def iter_questions(self) -> Iterator[Question]:
        """All questions, in section order."""
        for section in self.sections:
            yield from section.questions

    @cached_property
    def questions_by_id(self) -> Mapping[str, Question]:
        """Questions keyed by id (cached; the object is immutable)."""
        return {q.id: q for q in self.iter_questions()}

    @cached_property
    def sections_by_id(self) -> Mapping[str, Section]:
        """Sections keyed by id."""
        return {s.id: s for s in self.sections}

    def question(self, question_id: str) -> Question:
        """The question with this id; raises KeyError when unknown."""
        return self.questions_by_id[question_id]

    @property
    def question_count(self) -> int:
        """Number of questions."""
        return len(self.questions_by_id)


#: The value of an answer: an option id, a list of option ids, a number, an ISO date string,
#: free text, or None for unanswered.
AnswerValue = str | float | int | list[Any] | tuple[Any, ...] | None
