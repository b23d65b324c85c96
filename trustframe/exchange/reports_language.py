"""PDF and Excel reports in another language, without language-specific templates.

The report templates and the report model are written in English. A report in another language
is the English report with its words replaced on the way out:

* the HTML's text nodes (and ``alt``/``title``/``aria-label`` attributes) are looked up in the
  language's catalogue (``resources/translations/catalog_<lang>.yaml``, template and model words)
  and in the question bank's translation overlay (question texts, option labels, red-flag titles
  and mitigations, domain titles - everything the scores and answers quote from the bank);
* dates in ISO form become the language's dates (Babel), bare numbers get its decimal mark;
* ``<html lang>`` is set, so the PDF's /Lang is the language; the running "Page x of y" follows.

The Excel report is translated cell by cell the same way (sheet titles, table column names and
list validations follow). Vendor-supplied text is never re-interpreted: only whole texts that
exactly match an English entry are replaced (or a "; " list whose every item does), the parts of
a text are looked at only inside one of TrustFrame's own sentences (a catalogue pattern), and
all text is escaped again after lookup. docs/translating.md describes the rules.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from trustframe.domain.questionnaire import Questionnaire
from trustframe.exchange import i18n
from trustframe.exchange.questionnaire_translations import in_language, overlay_for

_TEXT_NODE = re.compile(r">([^<>]+)<")
_ATTRIBUTE = re.compile(r'(\s(?:alt|title|aria-label|data-running)=")([^"]*)(")')
#: "label 84", "label no scored answers": a chart value after its label (chart text alternatives)
_LABEL_VALUE = re.compile(r"(.*?\S) ((?:[+\-−]?\d+(?:\.\d+)?%?)|no scored answers|–)")
#: "A is Acme – Gateway": a chart legend entry (one capital letter names a series)
_LEGEND = re.compile(r"([A-Z]) is (.+)")
_HTML_LANG = re.compile(r'<html lang="[^"]*"')
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_BARE_NUMBER = re.compile(r"[+\-−]?\d+\.\d+")
_NUMBERS_ONLY = re.compile(r"[\d.,/;:+\-−–%\s]+")
_RAW_BLOCKS = re.compile(r"(<(style|script)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
#: '<h2 id="x">1.4 Buyer readiness<', '<a href="#x">1.4 Buyer readiness<': a numbered heading or contents
#: entry (the templates count the numbers, trustframe/reports/outline.py); only there is a leading number
#: taken for a section number, never in other text (a vendor's "24 hours" is not ours to translate).
_NUMBERED_HEADING = re.compile(r'(<(?:h[1-6]\b|a href="#)[^>]*>)(\d+(?:\.\d+)* )([^<>]+)(?=<)')


def bank_pairs(questionnaire: Questionnaire, language: str) -> Iterator[tuple[str, str]]:
    """(English, translated) for every text of the questionnaire its overlay translates."""
    if overlay_for(questionnaire, language) is None:
        return
    shown = in_language(questionnaire, language)
    yield questionnaire.title, shown.title
    yield questionnaire.description, shown.description
    yield questionnaire.disclaimer, shown.disclaimer
    for en_section, section in zip(questionnaire.sections, shown.sections, strict=False):
        yield en_section.title, section.title
        yield en_section.description, section.description
        for en, q in zip(en_section.questions, section.questions, strict=False):
            yield en.text, q.text
            yield en.help, q.help
            for name in ("why", "good_evidence", "weak_answer"):
                yield getattr(en.guidance, name), getattr(q.guidance, name)
            for en_option, option in zip(en.options, q.options, strict=False):
                yield en_option.label, option.label
            for en_flag, flag in zip(en.red_flags, q.red_flags, strict=False):
                for name in ("title", "rationale", "mitigation", "contract_clause"):
                    yield getattr(en_flag, name), getattr(flag, name)
    if questionnaire.tiering and shown.tiering:
        for en_esc, esc in zip(questionnaire.tiering.escalations, shown.tiering.escalations, strict=False):
            yield en_esc.reason, esc.reason


class ReportTranslator:
    """Puts a rendered English report into ``language``."""

    def __init__(self, language: str, questionnaires: Iterable[Questionnaire] = ()) -> None:
        self.language = i18n.check_language(language)
        self.catalogue = i18n.catalogue(language)
        bank: dict[str, str] = {}
        #: bank texts whose translation is the same words ("GSMA NESAS / 3GPP SCAS"): known, not English
        same: set[str] = set()
        for questionnaire in questionnaires:
            for english, translated in bank_pairs(questionnaire, language):
                if english.strip() and translated.strip() and english != translated:
                    bank.setdefault(_squash(english), translated)
                elif english.strip():
                    same.add(_squash(english))
        self._bank = bank
        self._same = same - set(bank)

    @property
    def active(self) -> bool:
        """False for English: nothing to do."""
        return self.language != i18n.SOURCE_LANGUAGE

    def text(self, text: str) -> str:
        """One visible text in the report's language (unchanged when nothing matches)."""
        if not self.active or not text.strip():
            return text
        stripped = text.strip()
        found = self._bank.get(_squash(stripped))
        if found is None:
            found = self._truncated(stripped)
        if found is None:
            # HTML runs lines together: look the text up with its whitespace collapsed first, then
            # (an Excel cell) line by line.
            squashed = _squash(stripped)
            translated = self.catalogue.line(squashed, inner=self._inner)
            if translated != squashed:
                found = translated
            elif "\n" in stripped:
                lines = "\n".join(self.catalogue.line(part, inner=self._inner) for part in stripped.split("\n"))
                found = lines if lines != stripped else None
        if found is None:
            found = self._joined(stripped, strict=True)
        if found is None:
            found = self._numbers(stripped)
        if found is None:
            return text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return text[:start] + found + text[end:]

    def _inner(self, part: str) -> str:
        """A part a catalogue pattern captured (inside one of TrustFrame's own sentences): the
        text itself, else a list or "label value" whose known parts are translated; names and
        numbers in it are kept. Used only inside a matched pattern, never on a whole text, so
        vendor text on its own is never partly translated."""
        found = self.text(part)
        if found != part:
            return found
        if " " in part.strip() and _NUMBERS_ONLY.fullmatch(part) and _BARE_NUMBER.search(part):
            # "0.7 / 0.55 / 0.4" (tier thresholds): every number with the language's decimal mark
            return _BARE_NUMBER.sub(lambda m: self.text(m[0]), part)
        joined = self._joined(part, strict=False)
        if joined is not None:
            return joined
        return self._one(part) or part

    def _one(self, part: str) -> str | None:
        """One list item inside a pattern: "label value", "name: value" or "A is name"."""
        legend = _LEGEND.fullmatch(part)
        if legend:
            is_word = self.catalogue.text("is")
            return f"{legend[1]} {is_word} {legend[2]}" if is_word != "is" else None
        pair = _LABEL_VALUE.fullmatch(part)
        if pair:
            label, value = self.text(pair[1]), self.text(pair[2])
            if (label, value) != (pair[1], pair[2]):
                return f"{label} {value}"
        if ": " in part:
            name, value = part.rsplit(": ", 1)
            translated = self._inner(value)
            if translated != value:
                return f"{name}: {translated}"
            label = self.text(name)
            if label != name:
                return f"{label}: {self._inner(value)}"
        return None

    def _joined(self, text: str, strict: bool) -> str | None:
        """A list the report model joins from translatable parts ("A; B; C.", "Name, Name and Name").

        ``strict`` (a whole text): only when every part translates, so that vendor text is never
        partly translated. Otherwise (a part a pattern captured) known parts are translated and
        the rest kept."""
        body, end = (text[:-1], ".") if text.endswith(".") else (text, "")
        if "; " in body:
            parts = body.split("; ")
            out = [self.text(p) if strict else self._inner(p) for p in parts]
            if strict and any(o == p and _squash(p) not in self._same for o, p in zip(out, parts, strict=False)):
                return None
            if out == parts:
                return None
            return "; ".join(out) + end
        if not strict and ", " in body:
            # "SVC-04 (declined), GAC-01 (unanswered)": items of ours, each a whole entry.
            items = body.split(", ")
            out = [self.text(item) for item in items]
            if all(o != i for o, i in zip(out, items, strict=False)):
                return ", ".join(out) + end
        if not strict and " and " in body:
            # "A, B and C" (names joined by the model): the joining "and" in the language.
            and_word = self.catalogue.text("and")
            if and_word == "and":
                return None
            head, last = body.rsplit(", ", 1) if ", " in body else ("", body)
            if " and " not in last:
                return None
            items = (head.split(", ") if head else []) + last.split(" and ", 1)
            if not all(item[:1].isupper() or item[:1].isdigit() for item in items):
                return None  # a sentence ("record the gap and obtain ..."), not a list of names
            shown = [self.text(item) for item in items]  # names stay, categories are translated
            return (", ".join(shown[:-1]) + f" {and_word} " + shown[-1]) + end
        return None

    def _truncated(self, text: str) -> str | None:
        # The model shortens long question texts ("Do you document every function ..."): find the
        # bank text it starts and shorten the translation the same way; a shortened sentence of
        # ours (a condition, a finding) is matched against the start of its pattern.
        for ellipsis in ("...", "…"):
            if text.endswith(ellipsis) and len(text) > 8:
                clipped = self.catalogue.clipped(text[: -len(ellipsis)], self._inner)
                if clipped is not None:
                    return clipped.rstrip() + ellipsis
                prefix = _squash(text[: -len(ellipsis)])
                if len(prefix) < 8:
                    continue
                for english, translated in self._bank.items():
                    if english.startswith(prefix):
                        cut = translated[: max(len(prefix), 20)].rsplit(" ", 1)[0]
                        return cut + ellipsis
        return None

    def _numbers(self, text: str) -> str | None:
        # Dates anywhere in a text; decimal marks only in a text that is just a number (a score),
        # so that "TLS 1.2" or "version 1.0.0" keep their dots.
        changed = _ISO_DATE.sub(lambda m: i18n.format_date(date(int(m[1]), int(m[2]), int(m[3])), self.language),
                                text) if _ISO_DATE.search(text) else text
        if _BARE_NUMBER.fullmatch(changed.rstrip(" %")):
            number = changed.rstrip(" %")
            decimals = len(number.split(".")[1])
            value = float(number.replace("−", "-"))
            formatted = i18n.format_number(value, self.language, decimals)
            if number.startswith("+"):
                formatted = "+" + formatted
            changed = formatted + changed[len(number):]
        return changed if changed != text else None

    def html(self, document: str) -> str:
        """A rendered report document in the report's language, with ``lang`` set."""
        if not self.active:
            return document
        parts = _RAW_BLOCKS.split(document)
        out = []
        skip = False
        for part in parts:
            if skip:  # the tag name captured by the split
                skip = False
                continue
            if _RAW_BLOCKS.fullmatch(part or ""):
                out.append(part)
                skip = True
                continue
            out.append(self._html_text(part))
        result = "".join(out)
        result = _HTML_LANG.sub(f'<html lang="{self.language}"', result, count=1)
        return result.replace("</head>", self._page_css() + "</head>", 1)

    def _html_text(self, fragment: str) -> str:
        def numbered(match: re.Match[str]) -> str:
            # The number as written (never the decimal "1,4"), the title on its own.
            title = html_lib.unescape(match.group(3))
            translated = self.text(title)
            if translated == title:
                return match.group(0)
            return match.group(1) + match.group(2) + html_lib.escape(translated, quote=False)

        def node(match: re.Match[str]) -> str:
            raw = match.group(1)
            translated = self.text(html_lib.unescape(raw))
            if translated == html_lib.unescape(raw):
                return match.group(0)
            return ">" + html_lib.escape(translated, quote=False) + "<"

        def attribute(match: re.Match[str]) -> str:
            value = html_lib.unescape(match.group(2))
            return match.group(1) + html_lib.escape(self.text(value), quote=True) + match.group(3)

        fragment = _NUMBERED_HEADING.sub(numbered, fragment)
        return _ATTRIBUTE.sub(attribute, _TEXT_NODE.sub(node, fragment))

    def _page_css(self) -> str:
        # The running "Page 3 of 12" lives in report.css; the same rules, later, in this language.
        # German words are longer than English ones: table cells and headers hyphenate (by the
        # document's language, so "Standard-eigenschaften", never "Standardeigenschaf-ten"
        # without a hyphen) and the big rating badge may take two lines ("Kritisches / Risiko").
        page, of = self.catalogue.text("Page"), self.catalogue.text("of")
        return ("<style>@page { @bottom-right { content: \"" + page + " \" counter(page) \" " + of
                + " \" counter(pages); } }"
                " @page appendix { @bottom-right { content: \"" + page + " A-\" counter(page) \" " + of
                + " A-\" counter(pages); } }"
                " @page front { @bottom-right { content: \"" + page + " \" counter(page, lower-roman); } }"
                " table.data th, table.data td { hyphens: auto; }"
                # no hyphen added in a URL or id
                " table.data .url, table.data .id, table.data .nowrap { hyphens: manual; }"
                " .bv-rating .badge.big { white-space: normal; }"
                "</style>")

    def workbook(self, path: Path | str) -> None:
        """Translate an Excel report in place (cells, sheet titles stay), dates shown the language's way."""
        if not self.active:
            return
        import openpyxl

        workbook = openpyxl.load_workbook(path)
        for ws in workbook.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.data_type != "f":
                        translated = self.text(cell.value)
                        if translated != cell.value:
                            cell.value = translated
                    elif isinstance(cell.value, date) and "yy" in (cell.number_format or "").lower():
                        cell.number_format = "DD.MM.YYYY" if self.language == "de" else cell.number_format
            self._workbook_structure(ws)
        workbook.properties.language = self.language
        workbook.save(path)

    def _workbook_structure(self, ws: Any) -> None:
        """The parts of a sheet that name its cells: the sheet's title, each table's column names
        (Excel repairs a file whose table header cells and column names differ) and the choices of
        list validations (the plan's status column), so the translated cells still validate."""
        title = self.text(ws.title)
        if title != ws.title and len(title) <= 31 and not set(title) & set("[]:*?/\\"):
            ws.title = title
        for table in ws.tables.values():
            if table.headerRowCount and table.tableColumns:
                header = ws[table.ref][0]
                for cell, column in zip(header, table.tableColumns, strict=False):
                    if isinstance(cell.value, str):
                        column.name = cell.value
        for validation in ws.data_validations.dataValidation:
            formula = validation.formula1 or ""
            if validation.type == "list" and formula.startswith('"') and formula.endswith('"'):
                choices = [self.text(choice) for choice in formula[1:-1].split(",")]
                validation.formula1 = '"' + ",".join(choices) + '"'


def _squash(text: str) -> str:
    return " ".join(text.split())
