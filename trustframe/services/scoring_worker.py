"""Scoring jobs that run in worker processes during a bulk re-score.

Kept in its own module, importing only :mod:`trustframe.domain`, because each worker process
imports it at start-up ("spawn" start method): pulling in SQLAlchemy, the services or Qt there
would cost more than the scoring it does. The database is read and written only by the parent
process; workers receive plain inputs and return results, so no connection crosses a process.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from trustframe.domain.questionnaire import ProductCategory, Questionnaire
from trustframe.domain.scoring import score_answers
from trustframe.domain.scoring_model import ScoreResult
from trustframe.domain.scoring_profile import ScoringProfile

#: One job: (questionnaire key, assessment id, as of, product category value or None, tier,
#: scope added, scope removed, answers (a dict, or its JSON object text), evidence by question,
#: accepted flags, with groups, questions whose N/A answer a reviewer accepted).
Job = tuple[str, int, date, "str | None", "int | None", tuple[str, ...], tuple[str, ...], Any,
            dict[str, Any], dict[str, Any], bool, frozenset[str]]


#: Questionnaires seen by this worker process, by key. Each batch brings its questionnaires
#: pickled afresh; scoring the first copy every time keeps the compiled plan (cached by key and
#: identity in the domain) and the domain's per-question caches valid for the worker's life.
#: One pool serves one bulk re-score, and a key names one pinned questionnaire text.
_KNOWN: dict[str, Questionnaire] = {}


def score_jobs(questionnaires: dict[str, Questionnaire], profile: ScoringProfile,
               jobs: Sequence[Job], in_worker: bool = False) -> list[ScoreResult]:
    """Score a batch of assessments (rating only; group scores where the job asks for them).

    ``in_worker`` is for worker processes only (see :data:`_KNOWN`); in the application's own
    process the catalog's objects are used as given."""
    if in_worker:
        for key, questionnaire in questionnaires.items():
            _KNOWN.setdefault(key, questionnaire)
        questionnaires = _KNOWN
    out = []
    loads = json.loads
    for (key, assessment_id, day, category, tier, added, removed, answers, evidence, accepted, groups,
         na_accepted) in jobs:
        if isinstance(answers, str):  # sent as the JSON text SQLite assembled (cheap to pass)
            answers = loads(answers)
        out.append(score_answers(
            questionnaires[key], answers, profile=profile, as_of=day,
            category=ProductCategory(category) if category else None, tier=tier, scope_added=added,
            scope_removed=removed, evidence=evidence, accepted_flags=accepted, assessment_id=assessment_id,
            detail=False, groups=groups, na_accepted=na_accepted))
    return out
