"""What every source module provides: its raw tables and a parser from inbox item to rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .dates import DateOrder
from .inbox import InboxItem
from .layout import Layout, ParsedTable
from .pseudonym import Pseudonymiser
from .records import read_records


@dataclass(frozen=True)
class ReadOptions:
    """Settings of monitor.yml that decide how a file is read."""

    survey_date_order: DateOrder | None = None
    max_bad_rows_pct: float = 50.0  # past it a file is quarantined whole (config.Ingestion)
    min_rows_for_threshold: int = 20


Parser = Callable[[InboxItem, Pseudonymiser, ReadOptions], dict[str, ParsedTable]]


@dataclass(frozen=True)
class Source:
    name: str
    description: str
    layouts: tuple[Layout, ...]
    parse: Parser
    allow_folders: bool = False
    # (column, label) of the window a file covers; a file covering the same window as an
    # earlier one replaces it (ingest/editions.py). Empty: the file name identifies the file.
    edition_columns: tuple[tuple[str, str], ...] = ()


def csv_parser(layout: Layout) -> Parser:
    """A parser for a source that is one delimited file with a fixed layout."""

    def parse(
        item: InboxItem, pseudonymise: Pseudonymiser, options: ReadOptions
    ) -> dict[str, ParsedTable]:
        return {layout.table: read_records(item.read_bytes()).parse(layout, pseudonymise)}

    return parse
