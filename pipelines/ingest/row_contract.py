"""The input contracts' row rules, applied while a file is ingested.

The suites in `expectations/` stay the one place where a raw table's rules are written. Their
row-level rules (not null, in a set, between, matching a pattern, one column after another,
unique together) are checked here on each parsed row before it is stored: a row that breaks
one goes to quarantine with its row number, instead of landing in raw and failing the blocking
contract check of every later run. Great Expectations still validates the stored tables; with
this in front, what it finds is a bug, not bad input. A value whose meaning is clear is
normalised rather than refused (`Office` for the set office/frontline is `office`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

import duckdb

from ..clock import date_limits
from ..suites import load_suite_dict, suite_name
from .layout import Layout, ParsedTable, Problem
from .staged import ORDINAL, StagedRows, scratch, sql_name, sql_text

# (table, columns, the file's keys) -> the keys already stored, with their file and row
RowKeys = Callable[[str, tuple[str, ...], set[tuple]], dict[tuple, tuple[str, int | None]]]


@cache
def _suite(table: str) -> tuple[dict, ...]:
    """The suite's expectations, read once per process."""
    return tuple(load_suite_dict(suite_name(table))["expectations"])


_regex = cache(re.compile)


def _number(value):
    """Dates as the suites state them: YYYYMMDD numbers (see quality.dates_as_numbers)."""
    if isinstance(value, datetime | date):
        return value.year * 10_000 + value.month * 100 + value.day
    return value


def _shown(value) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _limit_shown(limit, like) -> str:
    if isinstance(like, date | datetime) and isinstance(limit, int) and limit > 10_000_000:
        text = str(limit)
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    return str(limit)


@dataclass(frozen=True)
class RowRule:
    """One expectation of a suite, as a check of one row: None, or what is wrong."""

    kind: str
    kwargs: dict

    @property
    def column(self) -> str | None:
        return self.kwargs.get("column") or self.kwargs.get("column_A")

    def check(self, row: dict, parameters: dict) -> str | None:
        kwargs = self.kwargs
        if self.kind == "expect_column_values_to_be_between":
            return self._between(row.get(kwargs["column"]), parameters)
        value = row.get(self.column)
        if self.kind == "expect_column_values_to_not_be_null":
            return "value is empty; the contract requires one" if value is None else None
        if value is None:
            return None
        if self.kind == "expect_column_values_to_be_in_set":
            return self._in_set(row, value)
        if self.kind == "expect_column_values_to_match_regex":
            if _regex(kwargs["regex"]).search(str(value)) is None:
                return f"'{_shown(value)[:60]}' does not have the form the contract requires"
            return None
        if self.kind == "expect_column_pair_values_a_to_be_greater_than_b":
            other = row.get(kwargs["column_B"])
            if other is None:
                return None
            later = value >= other if kwargs.get("or_equal") else value > other
            if not later:
                return f"{_shown(value)} lies before {kwargs['column_B']} {_shown(other)}"
        return None

    def passes(self, parameters: dict) -> Callable[[dict], bool]:
        """A quick test that a row keeps this rule, True for nearly every row; only a row it
        does not pass goes through `check`, which says what is wrong (or, for a value the
        set holds in another case, normalises it)."""
        return all_pass([self], parameters)

    def test(self, parameters: dict, name: str) -> tuple[str, dict]:
        """`passes` as a Python expression over `get` (the row's get) and the values it
        binds, named after `name`, so that a table's rules compile into one function."""
        kwargs, column = self.kwargs, repr(self.column)
        value = f"(value := get({column})) is None"
        if self.kind == "expect_column_values_to_not_be_null":
            return f"get({column}) is not None", {}
        if self.kind == "expect_column_values_to_be_in_set":
            return f"{value} or value in {name}", {name: _hashable_set(kwargs["value_set"])}
        if self.kind == "expect_column_values_to_be_between":
            low, high = self._limits(parameters)
            low = float("-inf") if low is None else low
            high = float("inf") if high is None else high
            bound = {f"{name}_low": low, f"{name}_high": high, "_number": _number}
            return f"{value} or {name}_low <= _number(value) <= {name}_high", bound
        if self.kind == "expect_column_values_to_match_regex":
            search = _regex(kwargs["regex"]).search
            return f"{value} or {name}(str(value)) is not None", {name: search}
        bound = {name: self.check, f"{name}_parameters": parameters}
        return f"{name}(row, {name}_parameters) is None", bound

    def sql(self, parameters: dict, types: dict[str, str]) -> str:
        """`passes` as a DuckDB condition over the staged columns (their `types`): never
        looser than `passes`, at most stricter (a row it fails goes to `check`, which decides);
        `false` where SQL cannot say the same, so that every row goes to `check`."""
        kwargs, column = self.kwargs, sql_name(self.column)
        kind = types.get(self.column, "")
        if self.kind == "expect_column_values_to_not_be_null":
            return f"{column} is not null"
        if self.kind == "expect_column_values_to_be_in_set":
            values = list(_hashable_set(kwargs["value_set"]))
            literals = [_sql_literal(v, kind) for v in values]
            if not values or None in literals:
                return "false"
            return f"({column} is null or {column} in ({', '.join(literals)}))"
        if self.kind == "expect_column_values_to_be_between":
            number = _sql_number(column, kind)
            low, high = self._limits(parameters)
            if number is None or not all(isinstance(v, int | float | None) for v in (low, high)):
                return "false"
            bounds = [f"{number} >= {low}"] if low is not None else []
            bounds += [f"{number} <= {high}"] if high is not None else []
            return f"({column} is null or ({' and '.join(bounds) or 'true'}))"
        if self.kind == "expect_column_values_to_match_regex":
            pattern = kwargs["regex"]
            if kind != "VARCHAR" or not _re2_reads(pattern):
                return "false"
            return f"({column} is null or regexp_matches({column}, {sql_text(pattern)}))"
        if self.kind == "expect_column_pair_values_a_to_be_greater_than_b":
            other = kwargs["column_B"]
            if kind != types.get(other) or kind not in COMPARABLE:
                return "false"
            later = ">=" if kwargs.get("or_equal") else ">"
            other = sql_name(other)
            return f"({column} is null or {other} is null or {column} {later} {other})"
        return "false"

    def _in_set(self, row: dict, value) -> str | None:
        allowed = self.kwargs["value_set"]
        if value in allowed:
            return None
        same = [a for a in allowed if str(a).lower() == str(value).strip().lower()]
        if len(same) == 1:  # the meaning is clear: store it as the contract writes it
            row[self.column] = same[0]
            return None
        return f"'{_shown(value)[:60]}' is not one of: {', '.join(map(str, allowed))}"

    def _between(self, value, parameters: dict) -> str | None:
        if value is None:
            return None
        low, high = self._limits(parameters)
        number = _number(value)
        if low is not None and number < low:
            return f"{_shown(value)} is below the contract's minimum {_limit_shown(low, value)}"
        if high is not None and number > high:
            return f"{_shown(value)} is above the contract's maximum {_limit_shown(high, value)}"
        return None

    def _limits(self, parameters: dict) -> tuple:
        return tuple(
            parameters.get(limit["$PARAMETER"]) if isinstance(limit, dict) else limit
            for limit in (self.kwargs.get("min_value"), self.kwargs.get("max_value"))
        )


def all_pass(rules: list[RowRule], parameters: dict) -> Callable[[dict], bool]:
    """One function testing every rule on a row (a call per row, not one per rule and row:
    a month of messages at 100,000 employees is millions of rows)."""
    tests, bound = [], {}
    for index, rule in enumerate(rules):
        test, values = rule.test(parameters, f"rule{index}")
        tests.append(f"({test})")
        bound |= values
    source = "def passes(row):\n    get = row.get\n    return " + (" and ".join(tests) or "True")
    exec(compile(source, "<row rules>", "exec"), bound)  # noqa: S102 - our own expressions
    return bound["passes"]


COMPARABLE = {"DATE", "TIMESTAMP", "BIGINT", "INTEGER", "VARCHAR"}


def _sql_literal(value, kind: str) -> str | None:
    """A value of a set as a literal of the column's type; None when it is not one."""
    if kind == "VARCHAR" and isinstance(value, str):
        return sql_text(value)
    if kind in ("BIGINT", "INTEGER") and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _sql_number(column: str, kind: str) -> str | None:
    """`_number` in SQL: dates as YYYYMMDD, counts as they are."""
    if kind in ("DATE", "TIMESTAMP"):
        return f"(year({column}) * 10000 + month({column}) * 100 + day({column}))"
    return column if kind in ("BIGINT", "INTEGER") else None


@cache
def _re2_reads(pattern: str) -> bool:
    """Whether DuckDB's RE2 reads the pattern (Python's lookarounds and back references it
    does not); its `$` matches only at the very end, stricter than Python's, never looser."""
    try:
        duckdb.sql(f"select regexp_matches('', {sql_text(pattern)})").fetchall()
    except duckdb.Error:
        return False
    return True


def _hashable_set(values) -> frozenset:
    try:
        return frozenset(values)
    except TypeError:  # a set of lists: every value goes the slow way
        return frozenset()


ROW_KINDS = {
    "expect_column_values_to_not_be_null",
    "expect_column_values_to_be_in_set",
    "expect_column_values_to_be_between",
    "expect_column_values_to_match_regex",
    "expect_column_pair_values_a_to_be_greater_than_b",
}


def row_rules(table: str) -> list[RowRule]:
    """The suite's rules that one row can break, on the columns a parsed row has (lineage
    columns are added when the row is stored, and checked by the suite only)."""
    return [
        RowRule(e["type"], e["kwargs"])
        for e in _suite(table)
        if e["type"] in ROW_KINDS and "mostly" not in e["kwargs"]
    ]


def unique_together(table: str) -> list[tuple[str, ...]]:
    return [
        tuple(e["kwargs"]["column_list"])
        for e in _suite(table)
        if e["type"] == "expect_compound_columns_to_be_unique"
    ]


def apply_row_contract(layout: Layout, table: ParsedTable, stored: RowKeys | None = None) -> set:
    """Quarantine the rows of `table` that break a row rule of its suite, or repeat a row of
    the same file or one already stored (`stored` gives, for a column tuple, the stored keys
    with the file and row that hold them). Returns the (member, row) of every row set aside,
    so the rows of the same record in the file's other tables can follow (`drop_rows`)."""
    if isinstance(table.rows, StagedRows):
        return _apply_to_staged(layout, table, stored)
    checker = _Checker(layout)
    known = {
        columns: dict(stored(layout.table, columns, _keys(table, columns))) if stored else {}
        for columns in checker.uniques
    }
    table.rows, dropped = checker.check(table, table.rows, known)
    return dropped


class _Checker:
    """A table's row rules and keys, checking rows in file order."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.rules = [r for r in row_rules(layout.table) if _has_column(layout, r)]
        self.parameters = date_limits().as_numbers()
        self.uniques = [
            columns
            for columns in unique_together(layout.table)
            if all(_stored(layout, c) for c in columns)
        ]

    def check(self, table: ParsedTable, rows: list[dict], known: dict) -> tuple[list, set]:
        """The rows that keep every rule and key (`known`: per key columns, the keys seen with
        their file and row, which grows with the rows), and the (member, row) of the others,
        whose problems go to `table`."""
        parameters = self.parameters
        checks = [(rule.passes(parameters), rule.column, rule.check) for rule in self.rules]
        keeps_every_rule = all_pass(self.rules, parameters)
        kept, dropped = [], set()
        for row in rows:
            number, member = row.get("source_row"), row.get("source_member")
            problems = (
                []
                if keeps_every_rule(row)
                else [
                    Problem(number, column, message, member)
                    for passes, column, check in checks
                    if not passes(row) and (message := check(row, parameters))
                ]
            )
            for columns, keys in known.items():
                key = tuple(row.get(c) for c in columns)
                if key not in keys:
                    keys[key] = (None, number)
                    continue
                file, earlier = keys[key]
                where = (
                    f"row {earlier}" if file is None else f"{file} row {earlier}, already stored"
                )
                hint = "" if file is None else ": a re-sent export?"
                problems.append(
                    Problem(number, None, f"the same {', '.join(columns)} as {where}{hint}", member)
                )
            if problems:
                table.problems.extend(problems)
                table.rows_quarantined += 1
                dropped.add((member, number))
            else:
                kept.append(row)
        return kept, dropped

    def passes_sql(self) -> str:
        types = dict(self.layout.ddl_columns())
        tests = [rule.sql(self.parameters, types) for rule in self.rules]
        return " and ".join(f"coalesce({test}, false)" for test in tests) or "true"


def _apply_to_staged(layout: Layout, table: ParsedTable, stored) -> set:
    """The same check for staged rows: SQL finds the rows that may have a problem (failing a
    rule's SQL test, sharing a key with another row of the file, or holding a stored key),
    and only those go through the Python check above, in file order. Every other row keeps
    every rule and repeats no key, so it needs nothing more."""
    rows: StagedRows = table.rows
    checker = _Checker(layout)
    con = stored.con if stored is not None else scratch()
    in_set = {r.column for r in checker.rules if r.kind == "expect_column_values_to_be_in_set"}
    shared = [
        "count(*) over (partition by "
        + ", ".join(
            f"lower(trim(cast({sql_name(c)} as varchar)))" if c in in_set else sql_name(c)
            for c in columns
        )
        + ") > 1"
        for columns in checker.uniques
    ]
    flags = " or ".join([f"not ({checker.passes_sql()})", *shared])
    matches = {
        columns: stored.staged_matches(layout.table, columns, rows) if stored else []
        for columns in checker.uniques
    }
    with rows.kept_view(con) as kept:
        flagged = con.execute(
            f"select {ORDINAL} from (select {ORDINAL}, {flags} as flagged from {kept})"
            " where flagged"
        ).fetchall()
    involved = {o for (o,) in flagged} | {o for found in matches.values() for o, *_ in found}
    if not involved:
        return set()
    candidates = rows.fetch(con, involved)
    before = {row[ORDINAL]: dict(row) for row in candidates}
    known = {
        columns: {key: (file, number) for _, key, file, number in found}
        for columns, found in matches.items()
    }
    kept_rows, dropped = checker.check(table, candidates, known)
    kept_ordinals = {row[ORDINAL] for row in kept_rows}
    changed = [row for row in kept_rows if row != before[row[ORDINAL]]]  # normalised values
    rows.set_aside({o for o in before if o not in kept_ordinals} | {r[ORDINAL] for r in changed})
    rows.replaced.extend(changed)
    return dropped


def _keys(table: ParsedTable, columns: tuple[str, ...]) -> set[tuple]:
    return {tuple(row.get(c) for c in columns) for row in table.rows}


def drop_rows(table: ParsedTable, records: set) -> None:
    """Set aside a table's rows that belong to records quarantined in another table (their
    problem is told once, with that record)."""
    if isinstance(table.rows, StagedRows):
        table.rows_quarantined += table.rows.set_aside(table.rows.ordinals_of(records))
        return
    kept = [r for r in table.rows if (r.get("source_member"), r.get("source_row")) not in records]
    table.rows_quarantined += len(table.rows) - len(kept)
    table.rows = kept


def _has_column(layout: Layout, rule: RowRule) -> bool:
    names = [rule.kwargs.get(k) for k in ("column", "column_A", "column_B") if k in rule.kwargs]
    return all(_stored(layout, name) for name in names)


def _stored(layout: Layout, name: str) -> bool:
    return any(c.name == name for c in layout.stored)
