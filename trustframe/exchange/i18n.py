"""Words outside the GUI in other languages: the vendor workbook's and the reports' text.

The GUI uses Qt's .ts/.qm files; the workbook and the reports are written by the exchange layer,
which does not use Qt, so their words come from a small gettext-style catalogue per language,
``resources/translations/catalog_<lang>.yaml``::

    messages:            # whole texts (a cell, a line of a cell, an HTML text node)
      "How to answer": "So antworten Sie"
    patterns:            # texts with parts that vary; {name} matches any text,
                         # {name#} only a number, {name@} only a question id
      "Choose one: {labels}": "Wählen Sie eine Antwort: {labels}"
      "{n#} of {m#}": "{n} von {m}"

A text with no entry stays English, so a missing entry is visible rather than an error;
``tests/i18n`` checks that the German workbook and report carry no English chrome. Dates and
numbers are formatted for the language with Babel.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property, lru_cache
from pathlib import Path

from trustframe import paths
from trustframe.exchange.yaml_cache import safe_load_cached

SOURCE_LANGUAGE = "en"
#: ``{name}`` matches any text; ``{name#}`` only a number (so "{n#} of {m#}" never matches a sentence)
#: and ``{name@}`` only a question id such as ``VUL-01`` (so "{qid@} evidence" never matches an answer)
_PLACEHOLDER = re.compile(r"\{([a-z_]+)([#@]?)\}")
#: Placeholders whose text is kept as written, never looked up: names of people, vendors and
#: products, version numbers, bank keys ("NW-7000, version 7.4" keeps its "7.4") and report section
#: numbers ("section {sec#}": "1.4" stays "1.4", not the decimal "1,4").
VERBATIM = frozenset({"name", "version", "key", "org", "vendor", "product", "reviewer", "tender", "notes", "sec"})
_TYPED = {"#": r"[+\-−]?\d[\d.,]*", "@": r"[A-Z][A-Z0-9]*-[A-Z0-9][A-Z0-9-]*"}


@dataclass(frozen=True)
class Catalogue:
    """One language's messages and patterns."""

    language: str
    messages: Mapping[str, str] = field(default_factory=dict)
    #: (English pattern with ``{name}`` placeholders, translation template), in catalogue order
    pattern_sources: tuple[tuple[str, str], ...] = ()

    @cached_property
    def patterns(self) -> tuple[tuple[re.Pattern[str], str], ...]:
        """(compiled English pattern, translation template), compiled on first use: reading a
        workbook's headers needs only the messages, and compiling every pattern costs more than
        reading the whole catalogue."""
        return tuple((_compile(source), template) for source, template in self.pattern_sources)

    @property
    def sources(self) -> tuple[str, ...]:
        """The English sources of :attr:`patterns`, in the same order (for :meth:`clipped`)."""
        return tuple(source for source, _template in self.pattern_sources)

    def line(self, text: str, inner: Callable[[str], str] | None = None) -> str:
        """The translation of one line (leading and trailing spaces kept); unchanged when unknown.

        ``inner`` translates the parts a pattern captured (the reports pass their bank lookup, so
        "answered 'Yes'" becomes "beantwortet mit „Ja“"); without it they are kept as they are."""
        stripped = text.strip()
        if not stripped:
            return text
        found = self.messages.get(stripped)
        if found is None:
            for pattern, template in self.patterns:
                match = pattern.fullmatch(stripped)
                if match:
                    parts = match.groupdict()
                    found = template.format(**({k: v if k in VERBATIM else inner(v) for k, v in parts.items()}
                                               if inner else parts))
                    if found != stripped:
                        break
                    # A pattern that changes nothing ("{name} · {category}" over a sentence that only
                    # looks like it) does not hide a later, better one.
                    found = None
        if found is None:
            return text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return text[:start] + found + text[end:]

    def clipped(self, text: str, inner: Callable[[str], str]) -> str | None:
        """The translation of the start of a pattern's text that was cut short ("CON-01 – title:
        mitigation (contr"), without its ellipsis; None when no pattern starts that way.

        The report model shortens long conditions and findings, which then no longer match their
        whole pattern. Each pattern is tried cut after one of its placeholders, the rest of its
        English allowed to be cut anywhere; the translation keeps the parts before that
        placeholder, the placeholder's own text (through ``inner``) and drops the rest."""
        for source, (_pattern, template) in zip(self.sources, self.patterns, strict=False):
            placeholders = list(_PLACEHOLDER.finditer(source))
            if not placeholders or (placeholders[0].start() == 0 and not placeholders[0].group(2)):
                continue  # no fixed start ("{done} of {total} ..."): its start would match any text
            for index in range(len(placeholders) - 1, 0, -1):  # never at the first: it would match anything
                cut = placeholders[index]
                following = placeholders[index + 1].start() if index + 1 < len(placeholders) else len(source)
                literal = source[cut.end():following]
                tail = "|".join(re.escape(literal[:j]) for j in range(len(literal), 0, -1))
                regex = _compile(source[:cut.start()]).pattern + (
                    f"(?P<{cut.group(1)}>.+?)" + (f"(?:{tail})?" if tail else ""))
                match = re.fullmatch(regex, text, re.DOTALL)
                if not match or not template.count("{" + cut.group(1) + "}"):
                    continue
                parts = {k: v if k in VERBATIM else inner(v) for k, v in match.groupdict().items()
                         if k != cut.group(1)}
                head = template.split("{" + cut.group(1) + "}", 1)[0]
                try:
                    start = head.format(**parts)
                except (KeyError, IndexError):
                    continue  # the translation puts a later placeholder first: cannot cut it there
                # The cut part goes on with its ellipsis, so a shortened bank text is found as such.
                last = inner(match.group(cut.group(1)) + "…")
                result = start + (last[:-1] if last.endswith("…") else last)
                if result != text:
                    return result
        return None

    def text(self, text: str) -> str:
        """The translation of a text, line by line."""
        if self.language == SOURCE_LANGUAGE or not text:
            return text
        return "\n".join(self.line(part) for part in text.split("\n"))

    def knows(self, text: str) -> bool:
        """True when every non-empty line of ``text`` has a translation."""
        return all(self.line(part) != part for part in text.split("\n") if part.strip())


def catalogue_path(language: str) -> Path:
    """Where a language's catalogue lives."""
    return paths.resources_dir() / "translations" / f"catalog_{language}.yaml"


def _compile(source: str) -> re.Pattern[str]:
    parts = []
    last = 0
    for match in _PLACEHOLDER.finditer(source):
        parts.append(re.escape(source[last:match.start()]))
        name, kind = match.group(1), match.group(2)
        parts.append(f"(?P<{name}>{_TYPED[kind]})" if kind else f"(?P<{name}>.+?)")
        last = match.end()
    parts.append(re.escape(source[last:]))
    return re.compile("".join(parts), re.DOTALL)


@lru_cache(maxsize=8)
def catalogue(language: str) -> Catalogue:
    """The catalogue of ``language`` (empty for English or a language without one)."""
    if language == SOURCE_LANGUAGE:
        return Catalogue(SOURCE_LANGUAGE)
    path = catalogue_path(language)
    if not path.is_file():
        return Catalogue(language)
    # A bundled resource: its parse may come from the JSON cache (see exchange.yaml_cache).
    data = safe_load_cached(path.read_text(encoding="utf-8")) or {}
    messages = {str(k): str(v) for k, v in (data.get("messages") or {}).items()}
    patterns = tuple((str(k), str(v)) for k, v in (data.get("patterns") or {}).items())
    return Catalogue(language, messages, patterns)


def available_languages() -> list[str]:
    """English and every language with a catalogue."""
    folder = paths.resources_dir() / "translations"
    found = {p.stem.split("_", 1)[1] for p in folder.glob("catalog_*.yaml")} if folder.is_dir() else set()
    return [SOURCE_LANGUAGE] + sorted(found - {SOURCE_LANGUAGE})


def check_language(language: str) -> str:
    """``language`` when TrustFrame can write in it; raises ValueError naming the choices."""
    choices = available_languages()
    if language not in choices:
        raise ValueError(f"Language {language!r} is not available; choose one of {', '.join(choices)}.")
    return language


def tr(text: str, language: str) -> str:
    """``text`` in ``language`` (English when there is no translation)."""
    return catalogue(language).text(text)


def to_english(text: str) -> str | None:
    """The English message whose translation (in any language) is ``text``, or None."""
    folded = text.strip().casefold()
    for language in available_languages()[1:]:
        for english, translated in catalogue(language).messages.items():
            if translated.casefold() == folded:
                return english
    return None


def format_date(value: date | datetime | None, language: str, style: str = "medium") -> str:
    """A date for people reading ``language``: ``06.12.2026`` in German, ISO in English."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if language == SOURCE_LANGUAGE:
        return value.isoformat()
    from babel.dates import format_date as babel_date

    return babel_date(value, format=style, locale=language)


def format_number(value: float, language: str, decimals: int = 0) -> str:
    """A number with the language's decimal and grouping marks (``1.234,5`` in German)."""
    if language == SOURCE_LANGUAGE:
        return f"{value:,.{decimals}f}"
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=language)
