"""Section numbers of a report, counted instead of written by hand.

A report template declares its outline once, at the top, in reading order::

    {% set n = outline([
        ("results", 1, "Results"),
        ("results-buyer", 2, "Buyer readiness", r.buyer),   # present only with a buyer module
        ("flags", 1, "Red flags and gaps"),
    ]) %}

and writes ``{{ n.no("flags") }}`` wherever that section's number is printed: its heading, the
table of contents (``n.entries``) and every cross reference ("see section {{ n.no("flags") }}").
A section left out (the fourth item false) gets no number and the ones after it move up, so the
numbers run 1, 2, 3 and 1.1, 1.2 without gaps in every report. Numbers are plain text in the
HTML: PDF bookmarks, the contents and links read the same text (CSS counters would leave the
bookmarks and the translated report without them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

#: The deepest level numbered ("1.2.3" would be 3).
MAX_LEVEL = 3


@dataclass(frozen=True)
class Section:
    """One numbered section of a report."""

    id: str
    level: int
    title: str
    number: str


class Outline:
    """The numbered sections of one report, in reading order."""

    def __init__(self, declared: Iterable[Sequence[Any]]) -> None:
        counters = [0] * MAX_LEVEL
        entries: list[Section] = []
        seen: set[str] = set()
        for item in declared:
            if len(item) not in (3, 4):
                raise ValueError(f"an outline entry is (id, level, title[, present]), not {item!r}")
            section_id, level, title = str(item[0]), int(item[1]), str(item[2])
            present = bool(item[3]) if len(item) == 4 else True
            if section_id in seen:
                raise ValueError(f"section {section_id!r} is declared twice")
            seen.add(section_id)
            if not 1 <= level <= MAX_LEVEL:
                raise ValueError(f"section {section_id!r}: level {level} is not 1 to {MAX_LEVEL}")
            if not present:
                continue
            if level > 1 and counters[level - 2] == 0:
                raise ValueError(f"section {section_id!r} (level {level}) has no parent section before it")
            counters[level - 1] += 1
            for deeper in range(level, MAX_LEVEL):
                counters[deeper] = 0
            entries.append(Section(section_id, level, title, ".".join(str(c) for c in counters[:level])))
        self.entries: tuple[Section, ...] = tuple(entries)
        self._by_id = {entry.id: entry for entry in entries}
        self._declared = seen

    def no(self, section_id: str) -> str:
        """The number of a present section ("1.4"). A section that is declared but left out has no
        number: asking for it is a template bug (a heading or reference shown for an absent section)."""
        if section_id not in self._by_id:
            why = "left out" if section_id in self._declared else "not declared"
            raise KeyError(f"section {section_id!r} is {why}")
        return self._by_id[section_id].number

    def __contains__(self, section_id: object) -> bool:
        return section_id in self._by_id


def outline(declared: Iterable[Sequence[Any]]) -> Outline:
    """The Jinja global ``outline``: see the module's description."""
    return Outline(declared)
