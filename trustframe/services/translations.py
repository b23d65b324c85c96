"""The GUI's access to translated content: questionnaires in the GUI's language (their
translation overlays) and the reports' catalogue of words (for scoring and tiering reasons made
outside the GUI). The front ends do not import ``trustframe.exchange`` directly (an import-linter
contract in pyproject.toml).

Each function imports its exchange module when first called, as the GUI did before: nothing
here is loaded at start-up unless the GUI speaks another language than English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trustframe.domain.questionnaire import Questionnaire
    from trustframe.exchange.i18n import Catalogue


def questionnaire_in(questionnaire: Questionnaire, language: str) -> Questionnaire:
    """``questionnaire`` with its words in ``language`` where its translation overlay has them
    (ids, options, scores and rules unchanged); unchanged when there is no overlay.
    A broken overlay raises :class:`trustframe.errors.QuestionnaireError`."""
    from trustframe.domain.translation import translate
    from trustframe.exchange.questionnaire_translations import overlay_for

    overlay = overlay_for(questionnaire, language)
    return translate(questionnaire, overlay) if overlay is not None else questionnaire


def catalogue(language: str) -> Catalogue:
    """The reports' catalogue of words for ``language``."""
    from trustframe.exchange import i18n

    return i18n.catalogue(language)


def report_languages() -> tuple[str, ...]:
    """The languages reports can be written in."""
    from trustframe.exchange import i18n

    return tuple(i18n.available_languages())
