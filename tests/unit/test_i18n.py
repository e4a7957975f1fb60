"""Dutch and English number and month formatting of the reports."""

from datetime import date

from pipelines.report.i18n import month_name, number, tool_name


def test_dutch_numbers_use_a_decimal_comma_and_a_thousands_point():
    assert number(1205, "nl") == "1.205"
    assert number(48.94, "nl", 1) == "48,9"
    assert number(-1.25, "nl", 1, sign=True) == "-1,2"
    assert number(2, "nl", sign=True) == "+2"


def test_english_numbers_and_missing_values():
    assert number(1205, "en") == "1,205"
    assert number(48.94, "en", 1) == "48.9"
    assert number(None, "en") == "–"


def test_month_and_tool_names():
    assert month_name(date(2026, 10, 1), "nl") == "oktober 2026"
    assert month_name(date(2026, 10, 1), "en", short=True) == "Oct '26"
    assert tool_name("viva_engage") == "Viva Engage"
    assert tool_name("lindendaal_app") == "Lindendaal app"
