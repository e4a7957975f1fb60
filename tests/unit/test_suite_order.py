"""The slow test files the suite starts first all exist (a renamed one would silently lose
its place and end a run alone on one worker)."""

from pathlib import Path

from tests.conftest import SLOW_FILES_FIRST

ROOT = Path(__file__).resolve().parents[2]


def test_every_slow_file_listed_exists_once():
    assert [p for p in SLOW_FILES_FIRST if not (ROOT / p).is_file()] == []
    assert len(set(SLOW_FILES_FIRST)) == len(SLOW_FILES_FIRST)
