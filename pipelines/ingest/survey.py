"""Survey exports (Microsoft Forms and the like): one file is one wave; answers kept in long
form so any questionnaire fits, and the config decides which question belongs to which
construct.

Read as Forms writes them: the .xlsx download or its CSV, question texts spanning several
lines, `Last modified time` and quiz columns beside the questions, multiple-choice answers
joined with `;`, anonymous responses, and dates in the downloader's locale (`7/2/20 11:00:22`:
the day/month order is decided per file, else by `survey.date_order`)."""

from __future__ import annotations

from .inbox import InboxItem
from .layout import Column, Layout, ParsedTable, parse_rows
from .pseudonym import Pseudonymiser
from .reading import is_workbook, read_delimited, read_workbook
from .scrub import Scrubber
from .source import ReadOptions, Source

RESPONSES = Layout(
    "survey_responses",
    (
        Column("response_id", "ID"),
        Column("started_at", "Start time", "datetime", required=False, nullable=True),
        Column("completed_at", "Completion time", "datetime"),
        Column("modified_at", "Last modified time", "datetime", required=False, nullable=True),
        Column("respondent_key", "Email", "identity", required=False, nullable=True),
        Column("respondent_name", "Name", required=False, nullable=True, drop=True),
    ),
    key=("response_id",),
    description="Survey responses, one row per respondent per wave file.",
)

ANSWERS = Layout(
    "survey_answers",
    (
        Column("response_id", "ID"),
        Column("question", "question"),
        Column("answer", "answer", nullable=True),
    ),
    description="Survey answers in long form.",
)

# Columns of a Forms download that are no question (quizzes add points and feedback)
NOT_QUESTIONS = {"total points", "quiz feedback", "grade posted to students"}
NOT_QUESTION_PREFIXES = ("points - ", "feedback - ")
ANONYMOUS = {"anonymous", "anoniem"}
DATE_ORDER_SETTING = "set survey.date_order (dmy or mdy) in monitor.yml"


def one_line(text: str) -> str:
    """A question whose text spans several lines, as one line (the config names it so)."""
    return " ".join(text.split())


def _is_question(name: str) -> bool:
    lowered = name.lower()
    fixed = {c.header.lower() for c in RESPONSES.columns}
    return not (
        lowered in fixed or lowered in NOT_QUESTIONS or lowered.startswith(NOT_QUESTION_PREFIXES)
    )


def choices(value: str) -> list[str]:
    """A multiple-choice answer ('Intranet;E-mail;') as its choices; any other answer as is."""
    if value.endswith(";"):
        return [choice.strip() for choice in value.split(";") if choice.strip()]
    return [value]


def _read(item: InboxItem) -> tuple[list[str], list, object]:
    """Header (questions on one line), rows, and the reader (for its line counts)."""
    data = item.read_bytes()
    header, reader = read_workbook(data) if is_workbook(item.name, data) else read_delimited(data)
    header = [one_line(h) for h in header]
    email_at = next((i for i, h in enumerate(header) if h.lower() == "email"), None)
    rows = list(reader)
    for _, fields in rows:
        is_row = isinstance(fields, list) and email_at is not None and email_at < len(fields)
        if is_row and fields[email_at].strip().lower() in ANONYMOUS:
            fields[email_at] = ""
    return header, rows, reader


def parse(
    item: InboxItem, pseudonymise: Pseudonymiser, options: ReadOptions
) -> dict[str, ParsedTable]:
    header, rows, reader = _read(item)
    responses = parse_rows(
        RESPONSES,
        header,
        rows,
        pseudonymise,
        date_order=options.survey_date_order,
        date_order_setting=DATE_ORDER_SETTING,
    ).account_lines(reader)
    questions = [(i, h) for i, h in enumerate(header) if _is_question(h)]
    kept = {r["source_row"] for r in responses.rows}
    answers = ParsedTable()
    id_at = next((i for i, h in enumerate(header) if h.lower() == "id"), None)
    name_at = next((i for i, h in enumerate(header) if h.lower() == "name"), None)
    names = [f[name_at] for _, f in rows if isinstance(f, list) and name_at is not None]
    scrub = Scrubber(names)
    for number, fields in rows:
        if number not in kept:
            continue
        for index, question in questions:
            value = fields[index].strip() if index < len(fields) else ""
            for answer in choices(value):
                answers.rows_read += 1
                answers.rows.append(
                    {
                        "source_member": None,
                        "source_row": number,
                        "response_id": fields[id_at],
                        "question": question,
                        "answer": scrub(answer) or None,
                    }
                )
    return {RESPONSES.table: responses, ANSWERS.table: answers}


SOURCE = Source(
    "survey",
    "Employee survey waves (Microsoft Forms .xlsx or CSV download, or another survey tool's).",
    (RESPONSES, ANSWERS),
    parse,
)
