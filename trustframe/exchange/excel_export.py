"""Writing the questionnaire workbook a vendor fills in.

The workbook has to work without a briefing from us: an Instructions sheet, one Questions
sheet with one row per question (stable id, question, help, answer with a dropdown, comment,
evidence reference), locked structure with only the three input columns editable, and two
very-hidden sheets: the metadata that identifies the workbook on return and the option lists
the dropdowns draw from.

Every text we write is a value, never a formula (see :func:`put_text`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from trustframe.domain import answers as answer_values
from trustframe.domain.conditions import AllOf, AnswerTest, AnyOf, Condition, NotOf, Op
from trustframe.domain.questionnaire import AnswerType, Question, Questionnaire
from trustframe.exchange import i18n
from trustframe.exchange.excel_model import (
    COLUMN_INDEX,
    COLUMNS,
    FIRST_DATA_ROW,
    HEADER_ROW,
    INSTRUCTIONS_SHEET,
    LISTS_SHEET,
    META_SHEET,
    MULTI_SEPARATOR,
    QUESTIONS_SHEET,
    TITLE_ROW,
    ExportQuestion,
    WorkbookSpec,
    neutralise_text,
    question_checksum,
)
from trustframe.exchange.workbook_language import localize_workbook
from trustframe.files import apply_umask

#: Characters that make a spreadsheet program treat typed text as a formula (or, for tab and
#: CR, that CSV-injection payloads use to hide one).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# Sized so the eight columns fit a portrait A4 or Letter page at a readable scale (fitToWidth).
_WIDTHS = {"id": 9, "section": 13, "text": 40, "help": 32, "required": 9, "answer": 20,
           "comment": 26, "evidence": 18}
#: Height of one line of wrapped 11 pt text, in points, and the padding a row gets on top.
_LINE_POINTS = 15.0
_ROW_PADDING_POINTS = 3.0
#: Characters per width unit of a column. A width unit is the width of one "0"; wrapped prose
#: averages narrower (about 1.4 in LibreOffice's DejaVu Sans, more in Excel's Calibri), so 1.2
#: keeps the estimate on the safe (taller) side in both.
_CHARS_PER_WIDTH = 1.2
#: Footer printed on every page (Excel's codes: &P page, &N pages).
_PAGE_FOOTER = "Page &P of &N"
_HEADER_FILL = PatternFill("solid", fgColor="1F3864")
_INPUT_FILL = PatternFill("solid", fgColor="EAF3E2")
_CONFIRM_FILL = PatternFill("solid", fgColor="FFF2CC")
_THIN = Side(style="thin", color="BFBFBF")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP_TOP = Alignment(wrap_text=True, vertical="top")
_UNLOCKED = Protection(locked=False)
#: DataValidation prompt limits imposed by Excel (longer prompts make Excel refuse the file).
_PROMPT_TITLE_MAX = 32
_PROMPT_MAX = 255

#: Help text of a pre-filled answer whose question was reworded in a newer bank version.
REWORDED_NOTE = "This question was reworded since this answer was given: check that the answer still holds."


def put_text(cell: Cell, text: str) -> None:
    """Write ``text`` into ``cell`` as a string value, never as a formula.

    openpyxl stores any string starting with "=" as a formula. We force the string type and set
    the quote-prefix style on text that starts with a formula trigger, so neither openpyxl nor
    Excel/LibreOffice (when the vendor edits the cell) evaluate it; the text itself stays exactly
    as written. Characters XML cannot hold are dropped (openpyxl would refuse the workbook).
    """
    clean = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.value = clean
    if clean.startswith(FORMULA_TRIGGERS):
        cell.data_type = "s"
        cell.quotePrefix = True


def put_vendor_text(cell: Cell, text: str) -> None:
    """Write text that came from a vendor (or from a name anyone may have typed) so that it stays
    inert even when the workbook is saved as CSV: see :func:`~.excel_model.neutralise_text`."""
    put_text(cell, neutralise_text(text))


def put_value(cell: Cell, value: Any) -> None:
    """Write a number, date or text safely (text through :func:`put_text`)."""
    if isinstance(value, str):
        put_text(cell, value)
    else:
        cell.value = value


def describe_condition(condition: Condition, questionnaire: Questionnaire) -> str:
    """A show-if condition in words, with option labels: ``VUL-01 is "Yes" or "Partly"``."""
    if isinstance(condition, AllOf):
        return " and ".join(f"({describe_condition(p, questionnaire)})" if not isinstance(p, AnswerTest)
                            else describe_condition(p, questionnaire) for p in condition.parts)
    if isinstance(condition, AnyOf):
        return " or ".join(f"({describe_condition(p, questionnaire)})" if not isinstance(p, AnswerTest)
                           else describe_condition(p, questionnaire) for p in condition.parts)
    if isinstance(condition, NotOf):
        return f"not ({describe_condition(condition.part, questionnaire)})"
    question = questionnaire.questions_by_id.get(condition.question)

    def label(option_id: object) -> str:
        option = question.option(str(option_id)) if question is not None else None
        return f'"{option.label if option else option_id}"'

    qid = condition.question
    if condition.op is Op.EQUALS:
        return f"{qid} is {label(condition.operand)}"
    if condition.op is Op.IN:
        operand = condition.operand if isinstance(condition.operand, tuple) else (condition.operand,)
        return f"{qid} is " + " or ".join(label(o) for o in operand)
    if condition.op is Op.INCLUDES:
        return f"{qid} includes {label(condition.operand)}"
    if condition.op is Op.BELOW:
        return f"{qid} is below {condition.operand}"
    if condition.op is Op.ABOVE:
        return f"{qid} is above {condition.operand}"
    return f"{qid} is answered" if condition.operand else f"{qid} is not answered"


def how_to_answer(question: Question) -> str:
    """The answer format in words (goes into the help column and the cell's input message)."""
    return ANSWER_CELLS[question.type].how_to_answer(question)


def _cell_value_for(question: Question, value: Any) -> Any:
    """What to put in the answer cell for a pre-filled answer (labels for choices)."""
    if value is None:
        return None
    return ANSWER_CELLS[question.type].cell_value(question, value)


def _prompt(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def write_workbook(spec: WorkbookSpec, questionnaire: Questionnaire, path: Path) -> None:
    """Write the vendor workbook to ``path`` (atomically: a temporary file is renamed).

    ``questionnaire`` is only used to word show-if conditions with option labels; the rows to
    write come from ``spec``.
    """
    workbook = Workbook()
    instructions = workbook.active
    instructions.title = INSTRUCTIONS_SHEET
    questions_ws = workbook.create_sheet(QUESTIONS_SHEET)
    lists_ws = workbook.create_sheet(LISTS_SHEET)
    meta_ws = workbook.create_sheet(META_SHEET)

    _write_instructions(instructions, spec)
    _write_questions(questions_ws, lists_ws, spec)
    _write_meta(meta_ws, spec)

    for ws in (lists_ws, meta_ws):
        # veryHidden: not listed in Excel's or LibreOffice's "Unhide" dialog, so a vendor cannot
        # stumble on (and edit) the machine sheets.
        ws.sheet_state = "veryHidden"
        ws.protection.sheet = True
    # Structure protection stops sheets being added, deleted, renamed or unhidden. It is a
    # usability guard (no password); the import checks everything again anyway.
    workbook.security = WorkbookProtection(lockStructure=True)
    workbook.active = 0
    workbook.properties.title = f"Questionnaire: {spec.product_name} ({spec.vendor_name})"[:250]
    workbook.properties.creator = spec.organisation or "TrustFrame"
    # The vendor's language (and the English text beside it, if asked for); see workbook_language.
    localize_workbook(workbook, spec.language, spec.english_texts)
    # Row heights from the text as finally written (a translation is often longer).
    fit_rows(instructions, first_row=3)
    fit_rows(questions_ws, first_row=FIRST_DATA_ROW)
    footer = i18n.catalogue(spec.language).text(_PAGE_FOOTER) if spec.language != i18n.SOURCE_LANGUAGE \
        else _PAGE_FOOTER
    for ws in (instructions, questions_ws):
        ws.oddFooter.center.text = ws.evenFooter.center.text = footer

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".tf-export-", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        workbook.save(tmp_name)
        apply_umask(tmp_name)  # mkstemp made it 0600: the vendor's copy gets the user's normal mode
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _write_instructions(ws: Worksheet, spec: WorkbookSpec) -> None:
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = 100
    put_text(ws.cell(1, 1), "Security and trustworthiness questionnaire")
    ws.cell(1, 1).font = Font(bold=True, size=14)
    required = sum(1 for q in spec.questions if q.question.required)
    to_confirm = sum(1 for q in spec.questions if q.value is not None)
    facts: list[tuple[str, Any]] = []
    if spec.organisation:
        facts.append(("Requested by", spec.organisation))
    facts += [
        ("Vendor", spec.vendor_name),
        ("Product or service", spec.product_name),
        ("Questionnaire", f"{spec.questionnaire_title} (version {spec.meta.questionnaire_version})"),
        ("Deadline", spec.deadline if spec.deadline else "As agreed with the contact below"),
        ("Contact for questions", spec.contact or "The person who sent you this file"),
        ("Questions", f"{len(spec.questions)} ({required} required)"),
        ("Reference", spec.meta.reference),
    ]
    row = 3
    for label, value in facts:
        put_text(ws.cell(row, 1), label)
        ws.cell(row, 1).font = Font(bold=True)
        # Names, the contact and the organisation may come from anyone: kept inert like answers.
        if isinstance(value, str):
            put_vendor_text(ws.cell(row, 2), value)
        else:
            put_value(ws.cell(row, 2), value)
        if isinstance(value, date):
            ws.cell(row, 2).number_format = "yyyy-mm-dd"
            ws.cell(row, 2).alignment = Alignment(horizontal="left")
        row += 1
    row += 1
    put_text(ws.cell(row, 1), "How to answer")
    ws.cell(row, 1).font = Font(bold=True, size=12)
    steps = [
        f"Answer on the '{QUESTIONS_SHEET}' sheet, one row per question. Only the green columns "
        "(Answer, Comment / explanation, Evidence reference) can be edited.",
        "Where the Answer cell has a dropdown, choose one of the listed answers. Where several answers are "
        f"allowed, type them separated by a semicolon ({MULTI_SEPARATOR}), for example "
        f"'ISO/IEC 27001{MULTI_SEPARATOR} SOC 2 Type II'.",
        "Numbers: type the number only (the unit is given in the help column). Dates: type YYYY-MM-DD.",
        "Use the Comment column to explain your answer, and the Evidence reference column to name the "
        "document that supports it (certificate number, report title and date, URL). Send the documents "
        "with this file or say where we can see them.",
        "Questions marked 'Answer only if ...' need an answer only when that condition is true.",
        "Required questions must be answered; if a question does not apply, choose 'Not applicable' "
        "where offered, or explain why in the Comment column.",
    ]
    if to_confirm:
        steps.append("Some answers are already filled in (yellow) from our records, for example from the "
                     "last assessment. Please check each one and correct it if it is no longer true.")
    steps += [
        "Do not change question IDs or question text, and do not add, remove or reorder rows or sheets: "
        "we read your answers back automatically.",
        "Save the file as an Excel workbook (.xlsx). In LibreOffice choose 'Excel 2007-365 (.xlsx)'. "
        "Do not protect it with a password and do not add macros or formulas.",
    ]
    for number, step in enumerate(steps, start=1):
        row += 1
        put_text(ws.cell(row, 1), f"{number}.")
        ws.cell(row, 1).alignment = Alignment(horizontal="right", vertical="top")
        put_text(ws.cell(row, 2), step)
        ws.cell(row, 2).alignment = _WRAP_TOP
    # The questionnaire's own disclaimer speaks to the buyer (sources, method): it is not sent.
    # The vendor gets a note written for the vendor.
    row += 2
    put_text(ws.cell(row, 1), "Note")
    ws.cell(row, 1).font = Font(bold=True)
    ws.cell(row, 1).alignment = _WRAP_TOP
    note = ("Your answers and the documents you name are used to assess this product or service. "
            "If a question is unclear, ask the contact named above rather than guessing.")
    put_text(ws.cell(row, 2), note)
    ws.cell(row, 2).alignment = _WRAP_TOP
    ws.protection.sheet = True
    ws.print_area = f"A1:B{row}"
    set_print_layout(ws)


def _write_questions(ws: Worksheet, lists_ws: Worksheet, spec: WorkbookSpec) -> None:
    last_col = len(COLUMNS)
    title = f"Questionnaire for {spec.product_name} ({spec.vendor_name})"
    if spec.organisation:
        title += f" - requested by {spec.organisation}"
    put_text(ws.cell(TITLE_ROW, 1), title)
    ws.cell(TITLE_ROW, 1).font = Font(bold=True, size=12)
    for col, (key, header) in enumerate(COLUMNS, start=1):
        cell = ws.cell(HEADER_ROW, col)
        put_text(cell, header)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = _BORDER
        ws.column_dimensions[get_column_letter(col)].width = _WIDTHS[key]

    validations = _Validations(ws, lists_ws)
    row = FIRST_DATA_ROW
    for item in spec.questions:
        question = item.question
        help_parts = [question.help.strip()] if question.help.strip() else []
        help_parts.append(how_to_answer(question))
        if item.condition_note:
            help_parts.append(f"Answer only if {item.condition_note}.")
        if item.value is not None:
            help_parts.append("Pre-filled from our records: please confirm or correct."
                              if item.to_confirm else "Pre-filled with the answer we have: correct it if needed.")
            if item.reworded:
                help_parts.append(REWORDED_NOTE)
        values = {
            "id": question.id,
            "section": item.section_title,
            "text": question.text,
            "help": "\n".join(help_parts),
            "required": "Required" if question.required else "Optional",
            "answer": _cell_value_for(question, item.value),
            "comment": item.comment,
            "evidence": item.evidence,
        }
        for key, value in values.items():
            cell = ws.cell(row, COLUMN_INDEX[key])
            if key in ("answer", "comment", "evidence") and isinstance(value, str):
                put_vendor_text(cell, value)  # the vendor's earlier words go back to the vendor
            else:
                put_value(cell, value)
            cell.alignment = _WRAP_TOP
            cell.border = _BORDER
            if key in ("answer", "comment", "evidence"):
                cell.protection = _UNLOCKED
                cell.fill = _CONFIRM_FILL if key == "answer" and item.value is not None else _INPUT_FILL
                # Text format stops Excel turning typed answers such as "1/2" or "3-4" into dates;
                # date and number answers keep a matching format so the typed value stays typed.
                number_format = "@" if key != "answer" else ANSWER_CELLS[question.type].number_format
                if number_format is not None:
                    cell.number_format = number_format
        validations.add(question, ws.cell(row, COLUMN_INDEX["answer"]).coordinate)
        row += 1
    last_row = max(row - 1, FIRST_DATA_ROW)
    for key in ("comment", "evidence"):
        letter = get_column_letter(COLUMN_INDEX[key])
        validations.add_text_limit(f"{letter}{FIRST_DATA_ROW}:{letter}{last_row}")
    validations.install()

    ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 2)
    ws.row_dimensions[HEADER_ROW].height = 30
    ws.protection.sheet = True
    # Allow resizing rows and columns (reading long answers) while the content stays locked.
    ws.protection.formatRows = False
    ws.protection.formatColumns = False
    ws.print_title_rows = f"{TITLE_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:{get_column_letter(last_col)}{last_row}"
    set_print_layout(ws)


class _Validations:
    """Collects data validations so cells with the same rule share one (smaller, faster file)."""

    def __init__(self, ws: Worksheet, lists_ws: Worksheet) -> None:
        self._ws = ws
        self._lists_ws = lists_ws
        self._by_key: dict[tuple[Any, ...], DataValidation] = {}
        self._list_ranges: dict[tuple[str, ...], str] = {}

    def _list_range(self, labels: tuple[str, ...]) -> str:
        # Option labels often contain commas ("Yes, independently verified"), which an inline
        # list ('"a,b"') cannot hold, and inline lists are capped at 255 characters. A range on
        # the hidden lists sheet has neither limit.
        if labels not in self._list_ranges:
            col = len(self._list_ranges) + 1
            for row, label in enumerate(labels, start=1):
                put_text(self._lists_ws.cell(row, col), label)
            letter = get_column_letter(col)
            self._list_ranges[labels] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$1:${letter}${len(labels)}"
        return self._list_ranges[labels]

    def _get(self, key: tuple[Any, ...], factory: Any) -> DataValidation:
        if key not in self._by_key:
            self._by_key[key] = factory()
        return self._by_key[key]

    def add(self, question: Question, coordinate: str) -> None:
        """Add the answer cell of ``question`` to the validation matching its type."""
        ANSWER_CELLS[question.type].validate(self, question, coordinate)

    def add_choice(self, question: Question, coordinate: str) -> None:
        """A dropdown of the option labels, one to be chosen."""
        self._add_list(question, coordinate, multiple=False)

    def add_choices(self, question: Question, coordinate: str) -> None:
        """A dropdown of the option labels that also lets several through."""
        self._add_list(question, coordinate, multiple=True)

    def _add_list(self, question: Question, coordinate: str, multiple: bool) -> None:
        prompt = _prompt(how_to_answer(question), _PROMPT_MAX)
        labels = tuple(o.label for o in question.options)
        source = self._list_range(labels)

        def make() -> DataValidation:
            dv = DataValidation(type="list", formula1=source, allow_blank=True)
            dv.promptTitle = "Several answers allowed" if multiple else "Choose an answer"
            dv.prompt = prompt
            dv.showInputMessage = True
            dv.showErrorMessage = True
            if multiple:
                # Information style lets "A; B" through (a list rule alone would refuse it)
                # while the dropdown still offers every option.
                dv.errorStyle = "information"
                dv.errorTitle = "Several answers"
                dv.error = _prompt(f"Separate several answers with '{MULTI_SEPARATOR}'. "
                                   "Each must be one of the listed answers.", _PROMPT_MAX)
            else:
                dv.errorStyle = "stop"
                dv.errorTitle = "Not one of the answers"
                dv.error = "Choose one of the answers in the list."
            return dv

        self._get(("list", labels, multiple), make).add(coordinate)

    def add_number(self, question: Question, coordinate: str) -> None:
        """A decimal rule with the answer format as input message."""
        prompt = _prompt(how_to_answer(question), _PROMPT_MAX)

        def make_number() -> DataValidation:
            dv = DataValidation(type="decimal", operator="between", formula1="-1000000000000",
                                formula2="1000000000000", allow_blank=True)
            dv.promptTitle, dv.prompt = "Number", prompt
            dv.errorTitle, dv.error = "Not a number", "Type a number only (no unit or text)."
            dv.showInputMessage = dv.showErrorMessage = True
            return dv

        self._get(("number", prompt), make_number).add(coordinate)

    def add_date(self, question: Question, coordinate: str) -> None:
        """A date rule over every date Excel can hold."""
        prompt = _prompt(how_to_answer(question), _PROMPT_MAX)

        def make_date() -> DataValidation:
            # Serial 1 is 1900-01-01 and 2958465 is 9999-12-31 in Excel's date system.
            dv = DataValidation(type="date", operator="between", formula1="1", formula2="2958465",
                                allow_blank=True)
            dv.promptTitle, dv.prompt = "Date", prompt
            dv.errorTitle, dv.error = "Not a date", "Type a date as YYYY-MM-DD."
            dv.showInputMessage = dv.showErrorMessage = True
            return dv

        self._get(("date",), make_date).add(coordinate)

    def add_text(self, question: Question, coordinate: str) -> None:
        """Free text: only its length is limited."""
        self.add_text_limit(coordinate)

    def add_text_limit(self, coordinate: str) -> None:
        """Cap free text at the length an answer may have."""
        def make() -> DataValidation:
            dv = DataValidation(type="textLength", operator="lessThanOrEqual",
                                formula1=str(answer_values.MAX_TEXT_LENGTH), allow_blank=True)
            dv.errorTitle = "Text too long"
            dv.error = f"Keep the text under {answer_values.MAX_TEXT_LENGTH} characters."
            dv.showErrorMessage = True
            return dv

        self._get(("text",), make).add(coordinate)

    def install(self) -> None:
        """Attach the collected validations to the sheet."""
        for dv in self._by_key.values():
            self._ws.add_data_validation(dv)


def _choose_one(question: Question) -> str:
    return "Choose one: " + " / ".join(o.label for o in question.options)


def _choose_several(question: Question) -> str:
    return (f"Choose one or more, separated by '{MULTI_SEPARATOR}': "
            + f"{MULTI_SEPARATOR} ".join(o.label for o in question.options))


def _a_number(question: Question) -> str:
    return f"A number{f' ({question.unit})' if question.unit else ''}"


def _date_cell(question: Question, value: Any) -> Any:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)


@dataclass(frozen=True)
class AnswerCell:
    """The per-type parts of a workbook answer cell."""

    #: The answer format in words (help column, input message).
    how_to_answer: Callable[[Question], str]
    #: The cell value for a pre-filled answer (never None).
    cell_value: Callable[[Question, Any], Any]
    #: Number format of the answer cell; "@" (text) stops Excel turning typed answers such as
    #: "1/2" or "3-4" into dates; None keeps Excel's general format (numbers stay numbers).
    number_format: str | None
    #: Adds the cell's data validation.
    validate: Callable[[_Validations, Question, str], None]


#: The workbook's answer cell per answer type (tests/domain/test_answer_types.py checks it is complete).
ANSWER_CELLS: dict[AnswerType, AnswerCell] = {
    AnswerType.SINGLE_CHOICE: AnswerCell(_choose_one, answer_values.display, "@", _Validations.add_choice),
    AnswerType.YES_NO: AnswerCell(_choose_one, answer_values.display, "@", _Validations.add_choice),
    AnswerType.MULTIPLE_CHOICE: AnswerCell(_choose_several, answer_values.display, "@", _Validations.add_choices),
    AnswerType.NUMBER: AnswerCell(_a_number, lambda _q, value: value, None, _Validations.add_number),
    AnswerType.DATE: AnswerCell(lambda _q: "A date (YYYY-MM-DD)", _date_cell, "yyyy-mm-dd", _Validations.add_date),
    AnswerType.TEXT: AnswerCell(lambda _q: "Free text", lambda _q, value: str(value), "@", _Validations.add_text),
}


def _write_meta(ws: Worksheet, spec: WorkbookSpec) -> None:
    meta = spec.meta
    row = 1
    for key, value in meta.fields().items():
        put_text(ws.cell(row, 1), key)
        put_text(ws.cell(row, 2), value)
        row += 1
    if not spec.seal:
        # Never write an unsealed (or silently unkeyed) workbook: it could not be verified on return.
        raise ValueError("The workbook has no seal; the exchange service seals it with the workspace key.")
    put_text(ws.cell(row, 1), "seal")
    put_text(ws.cell(row, 2), spec.seal)
    row += 2
    put_text(ws.cell(row, 1), "question_id")
    put_text(ws.cell(row, 2), "checksum")
    for qid, checksum in meta.checksums.items():
        row += 1
        put_text(ws.cell(row, 1), qid)
        put_text(ws.cell(row, 2), checksum)


def checksums_for(questions: Iterable[ExportQuestion]) -> dict[str, str]:
    """Question id -> checksum of its text, in order."""
    return {q.question.id: question_checksum(q.question.text) for q in questions}


# -- print layout (issue 13 §5: the workbook as a vendor prints it) ------------------------------

def estimated_lines(text: Any, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` units wide (greedy word wrap; a
    word longer than a line is broken over several, as spreadsheet programs do)."""
    if text is None or text == "":
        return 1
    per_line = max(1, int(width * _CHARS_PER_WIDTH) - 1)
    lines = 0
    for paragraph in str(text).split("\n"):
        count, used = 1, 0
        for word in paragraph.split():
            length = len(word)
            if used and used + 1 + length <= per_line:
                used += 1 + length
                continue
            if used:
                count += 1                       # the word starts a new line
            count += (length - 1) // per_line    # and spills over whole lines when too long
            used = length - ((length - 1) // per_line) * per_line
        lines += count
    return lines


def fit_row_height(ws: Worksheet, row: int, texts: dict[int, Any], widths: dict[int, float]) -> None:
    """Make ``row`` tall enough for the wrapped text of each column (``texts`` and ``widths`` by
    column index): printed or on screen, no text is cut off or overlaps the next row."""
    lines = max((estimated_lines(text, widths.get(col, 10)) for col, text in texts.items()), default=1)
    ws.row_dimensions[row].height = round(lines * _LINE_POINTS + _ROW_PADDING_POINTS, 1)


def fit_rows(ws: Worksheet, first_row: int) -> None:
    """Fit the height of every row from ``first_row`` on to its wrapped text (all columns)."""
    from openpyxl.utils import get_column_letter

    widths = {col: ws.column_dimensions[get_column_letter(col)].width or 13.0 for col in range(1, ws.max_column + 1)}
    for row in range(first_row, ws.max_row + 1):
        texts = {col: ws.cell(row, col).value for col in widths if isinstance(ws.cell(row, col).value, str)}
        if texts:
            fit_row_height(ws, row, texts, widths)


def set_print_layout(ws: Worksheet, paper_size: int | None = None) -> None:
    """Portrait, fitted to the page width (any number of pages down), narrow margins and
    "Page n of m" in the footer. A4 unless ``paper_size`` says otherwise; fitting to the width
    keeps Letter right too."""
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = paper_size or ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_options.gridLines = False
    ws.oddFooter.center.text = _PAGE_FOOTER
    ws.evenFooter.center.text = _PAGE_FOOTER
