"""Translation checks for the CLI: ``questionnaire validate`` reports each overlay's gaps."""

from __future__ import annotations

from typing import Any

from trustframe.domain.questionnaire import Questionnaire
from trustframe.errors import Issue

#: Gaps listed one by one before they are summarised per language.
LISTED = 20


def translation_issues(questionnaire: Questionnaire) -> list[Issue]:
    """Problems and gaps of every translation overlay of this questionnaire version."""
    from trustframe.exchange.questionnaire_translations import check_translations

    return check_translations(questionnaire)


def print_translation_issues(ctx: Any, issues: list[Issue]) -> bool:
    """Print overlay problems (errors) and untranslated items (warnings, shown in English);
    True when any is an error."""
    errors = [i for i in issues if i.severity == "error"]
    warnings = [i for i in issues if i.severity != "error"]
    for issue in errors:
        print(f"error: {issue}", file=ctx.err)
    for issue in warnings[:LISTED]:
        print(f"warning: {issue}", file=ctx.err)
    if len(warnings) > LISTED:
        print(f"warning: ... and {len(warnings) - LISTED} more untranslated items (English is shown)", file=ctx.err)
    return bool(errors)
