"""Decoding and delimiter detection of exports as tools and Dutch Excel write them."""

import pytest

from pipelines.ingest.reading import UnreadableFile, decode, read_delimited


def rows_of(data: bytes):
    header, rows = read_delimited(data)
    return header, list(rows)


def test_utf8_with_bom_and_semicolons():
    header, rows = rows_of("\ufeffa;b\r\n1;é\r\n".encode())
    assert header == ["a", "b"]
    assert rows == [(2, ["1", "é"])]


def test_utf16_as_some_microsoft_exports_write_it():
    header, rows = rows_of("a,b\r\n1,ü\r\n".encode("utf-16"))
    assert header == ["a", "b"] and rows == [(2, ["1", "ü"])]


def test_windows_1252_falls_back_cleanly():
    assert decode("café".encode("cp1252")) == "café"


def test_quoted_newlines_stay_in_one_field_and_blank_lines_are_skipped():
    header, rows = rows_of(b'id,body\n1,"line one\nline two"\n\n2,x\n')
    assert rows == [(2, ["1", "line one\nline two"]), (4, ["2", "x"])]


@pytest.mark.parametrize("data", [b"", b"   \n", b"\x00\x01\x02binary"])
def test_empty_or_binary_files_are_unreadable(data):
    with pytest.raises(UnreadableFile):
        read_delimited(data)
