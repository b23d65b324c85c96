"""The vendor workbook in the vendor's language, optionally with the English text beside it.

:func:`trustframe.exchange.excel_export.write_workbook` builds the workbook from a questionnaire
already in the vendor's language (question texts, help, option labels and dropdowns come from the
translation overlay); :func:`localize_workbook` then puts the workbook's own words (instructions,
headers, input messages) into that language from the catalogue, and for a bilingual workbook adds
a locked column with each question's English text. Sheet names stay as they are: the import and
the vendor's instructions refer to them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from trustframe.domain.conditions import AllOf, AnswerTest, AnyOf, Condition, NotOf, Op
from trustframe.domain.questionnaire import Questionnaire
from trustframe.exchange import i18n
from trustframe.exchange.excel_model import (
    COLUMN_INDEX,
    COLUMNS,
    FIRST_DATA_ROW,
    HEADER_ROW,
    INSTRUCTIONS_SHEET,
    QUESTIONS_SHEET,
    TITLE_ROW,
)

#: Columns of the Questions sheet whose text is ours (the rest is the vendor's or the bank's).
_OUR_COLUMNS = ("help", "required")
#: The words of a show-if condition, per language ("is", "or", ...).
_CONDITION_WORDS: Mapping[str, Mapping[str, str]] = {
    "en": {"is": "is", "or": "or", "and": "and", "not": "not", "includes": "includes", "below": "is below",
           "above": "is above", "answered": "is answered", "unanswered": "is not answered",
           "open": '"', "close": '"'},
    "de": {"is": "ist", "or": "oder", "and": "und", "not": "nicht", "includes": "enthält",
           "below": "ist kleiner als", "above": "ist größer als", "answered": "ist beantwortet",
           "unanswered": "ist nicht beantwortet", "open": "„", "close": "“"},
}


def describe_condition_in(condition: Condition, questionnaire: Questionnaire, language: str) -> str:
    """A show-if condition in words of ``language``, with the questionnaire's option labels:
    ``VUL-01 ist „Ja“ oder „Teilweise“``."""
    words = _CONDITION_WORDS.get(language, _CONDITION_WORDS["en"])

    def nested(part: Condition) -> str:
        text = describe_condition_in(part, questionnaire, language)
        return text if isinstance(part, AnswerTest) else f"({text})"

    if isinstance(condition, AllOf):
        return f" {words['and']} ".join(nested(p) for p in condition.parts)
    if isinstance(condition, AnyOf):
        return f" {words['or']} ".join(nested(p) for p in condition.parts)
    if isinstance(condition, NotOf):
        return f"{words['not']} ({describe_condition_in(condition.part, questionnaire, language)})"
    question = questionnaire.questions_by_id.get(condition.question)

    def label(option_id: object) -> str:
        option = question.option(str(option_id)) if question is not None else None
        return f"{words['open']}{option.label if option else option_id}{words['close']}"

    qid = condition.question
    if condition.op is Op.EQUALS:
        return f"{qid} {words['is']} {label(condition.operand)}"
    if condition.op is Op.IN:
        operand = condition.operand if isinstance(condition.operand, tuple) else (condition.operand,)
        return f"{qid} {words['is']} " + f" {words['or']} ".join(label(o) for o in operand)
    if condition.op is Op.INCLUDES:
        return f"{qid} {words['includes']} {label(condition.operand)}"
    if condition.op is Op.BELOW:
        return f"{qid} {words['below']} {condition.operand}"
    if condition.op is Op.ABOVE:
        return f"{qid} {words['above']} {condition.operand}"
    return f"{qid} {words['answered']}" if condition.operand else f"{qid} {words['unanswered']}"


def localize_workbook(workbook: Any, language: str, english_texts: Mapping[str, str] | None = None) -> None:
    """Put the workbook's own words into ``language``; with ``english_texts`` (question id ->
    English question text) add a bilingual column. Does nothing for a plain English workbook."""
    if language == i18n.SOURCE_LANGUAGE and not english_texts:
        return
    catalogue = i18n.catalogue(language)
    if INSTRUCTIONS_SHEET in workbook.sheetnames:
        instructions = workbook[INSTRUCTIONS_SHEET]
        for row in instructions.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.value = catalogue.text(cell.value)
        if english_texts:
            _explain_bilingual(instructions, catalogue)
    if QUESTIONS_SHEET in workbook.sheetnames:
        ws = workbook[QUESTIONS_SHEET]
        title = ws.cell(TITLE_ROW, 1)
        if isinstance(title.value, str):
            title.value = catalogue.text(title.value)
        for col in range(1, len(COLUMNS) + 1):
            header = ws.cell(HEADER_ROW, col)
            if isinstance(header.value, str):
                header.value = catalogue.text(header.value)
        for row in range(FIRST_DATA_ROW, ws.max_row + 1):
            for key in _OUR_COLUMNS:
                cell = ws.cell(row, COLUMN_INDEX[key])
                if isinstance(cell.value, str):
                    cell.value = catalogue.text(cell.value)
        for dv in ws.data_validations.dataValidation:
            for attr in ("promptTitle", "prompt", "errorTitle", "error"):
                value = getattr(dv, attr, None)
                if isinstance(value, str):
                    setattr(dv, attr, catalogue.text(value))
        if english_texts:
            _add_english_column(ws, english_texts, catalogue)
    props = workbook.properties
    if props.title:
        props.title = catalogue.text(props.title)
    props.language = language


def _explain_bilingual(ws: Any, catalogue: i18n.Catalogue) -> None:
    row = ws.max_row + 2
    ws.cell(row, 1).value = catalogue.text("English text beside each question")
    ws.cell(row, 1).font = Font(bold=True)
    ws.cell(row, 2).value = catalogue.text("The last column of the 'Questions' sheet repeats each question in "
                                           "English, the language it was written in. Answer in either language.")
    ws.cell(row, 2).alignment = Alignment(wrap_text=True, vertical="top")


def _add_english_column(ws: Any, english_texts: Mapping[str, str], catalogue: i18n.Catalogue) -> None:
    # A new last column, locked like the question text: the import finds columns by header and
    # ignores this one, so the English text can never be taken for an answer.
    # The writer's own guard against formulas; imported here because excel_export imports this
    # module at the top (a top-level import back would be a cycle).
    from trustframe.exchange.excel_export import put_text

    col = len(COLUMNS) + 1
    letter = get_column_letter(col)
    header = ws.cell(HEADER_ROW, col)
    header.value = catalogue.text("Question (English)")
    header.font = Font(bold=True, color="FFFFFF")
    header.fill = PatternFill("solid", fgColor="1F3864")
    header.alignment = Alignment(wrap_text=True, vertical="center")
    thin = Side(style="thin", color="BFBFBF")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    id_col = COLUMN_INDEX["id"]
    for row in range(FIRST_DATA_ROW, ws.max_row + 1):
        qid = ws.cell(row, id_col).value
        if isinstance(qid, str) and qid in english_texts:
            cell = ws.cell(row, col)
            put_text(cell, english_texts[qid])
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = border
            cell.font = Font(italic=True, color="595959")
    ws.column_dimensions[letter].width = 55
    if ws.print_area:
        last_row = max(ws.max_row, FIRST_DATA_ROW)
        ws.print_area = f"A1:{letter}{last_row}"
