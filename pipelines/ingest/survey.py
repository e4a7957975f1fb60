"""Survey exports (Microsoft Forms style): one file is one wave; answers kept in long form so
any questionnaire fits, and the config decides which question belongs to which construct."""

from __future__ import annotations

from .inbox import InboxItem
from .layout import Column, Layout, ParsedTable, parse_rows
from .pseudonym import Pseudonymiser
from .reading import read_delimited
from .scrub import Scrubber
from .source import Source

RESPONSES = Layout(
    "survey_responses",
    (
        Column("response_id", "ID"),
        Column("started_at", "Start time", "datetime", required=False, nullable=True),
        Column("completed_at", "Completion time", "datetime"),
        Column("respondent_key", "Email", "identity", required=False, nullable=True),
        Column("respondent_name", "Name", required=False, nullable=True, drop=True),
    ),
    key=("response_id",),
)

ANSWERS = Layout(
    "survey_answers",
    (
        Column("response_id", "ID"),
        Column("question", "question"),
        Column("answer", "answer", nullable=True),
    ),
)


def parse(item: InboxItem, pseudonymise: Pseudonymiser) -> dict[str, ParsedTable]:
    header, rows = read_delimited(item.read_bytes())
    rows = list(rows)
    responses = parse_rows(RESPONSES, header, rows, pseudonymise)
    fixed = {c.header.lower() for c in RESPONSES.columns}
    questions = [(i, h) for i, h in enumerate(header) if h.lower() not in fixed]
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
            answers.rows_read += 1
            value = fields[index].strip() if index < len(fields) else ""
            answers.rows.append(
                {
                    "source_member": None,
                    "source_row": number,
                    "response_id": fields[id_at],
                    "question": question,
                    "answer": scrub(value) or None,
                }
            )
    return {RESPONSES.table: responses, ANSWERS.table: answers}


SOURCE = Source(
    "survey",
    "Employee survey waves (CSV export of a survey tool such as Microsoft Forms).",
    (RESPONSES, ANSWERS),
    parse,
)
