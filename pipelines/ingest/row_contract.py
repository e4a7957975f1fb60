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

from ..clock import date_limits
from ..suites import load_suite_dict, suite_name
from .layout import Layout, ParsedTable, Problem

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
    rules = [r for r in row_rules(layout.table) if _has_column(layout, r)]
    parameters = date_limits().as_numbers()
    known = {
        columns: dict(stored(layout.table, columns, _keys(table, columns))) if stored else {}
        for columns in unique_together(layout.table)
        if all(_stored(layout, c) for c in columns)
    }
    checks = [(rule.passes(parameters), rule.column, rule.check) for rule in rules]
    keeps_every_rule = all_pass(rules, parameters)
    kept, dropped = [], set()
    for row in table.rows:
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
            where = f"row {earlier}" if file is None else f"{file} row {earlier}, already stored"
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
    table.rows = kept
    return dropped


def _keys(table: ParsedTable, columns: tuple[str, ...]) -> set[tuple]:
    return {tuple(row.get(c) for c in columns) for row in table.rows}


def drop_rows(table: ParsedTable, records: set) -> None:
    """Set aside a table's rows that belong to records quarantined in another table (their
    problem is told once, with that record)."""
    kept = [r for r in table.rows if (r.get("source_member"), r.get("source_row")) not in records]
    table.rows_quarantined += len(table.rows) - len(kept)
    table.rows = kept


def _has_column(layout: Layout, rule: RowRule) -> bool:
    names = [rule.kwargs.get(k) for k in ("column", "column_A", "column_B") if k in rule.kwargs]
    return all(_stored(layout, name) for name in names)


def _stored(layout: Layout, name: str) -> bool:
    return any(c.name == name for c in layout.stored)
