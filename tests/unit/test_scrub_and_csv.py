"""Free-text scrubbing and formula-safe CSV writing."""

import csv

from pipelines.csv_out import neutralise, write_csv
from pipelines.ingest.scrub import Scrubber


def test_addresses_mentions_and_known_full_names_are_replaced():
    scrub = Scrubber(["Anna Jansen", "Bert", "Carla van Dijk"], mention=lambda i: f"p{i}")
    text = "Vraag ANNA JANSEN of carla van dijk (carla@x.nl), cc <@U12|anna> en [[user:7]]. Bert!"
    assert scrub(text) == "Vraag [naam] of [naam] ([e-mail]), cc [@pU12] en [@p7]. Bert!"


def test_empty_text_stays_empty():
    assert Scrubber()(None) is None
    assert Scrubber()("") == ""


def test_formula_strings_are_neutralised_and_numbers_kept(tmp_path):
    assert [neutralise(v) for v in ("=1+1", "+cmd", "-x", "@SUM(A1)", "\tx", "ok", -4)] == [
        "'=1+1",
        "'+cmd",
        "'-x",
        "'@SUM(A1)",
        "'\tx",
        "ok",
        -4,
    ]
    path = write_csv(tmp_path / "out.csv", ["=h", "n"], [['=HYPERLINK("http://x")', -4]])
    with path.open(encoding="utf-8-sig") as handle:
        assert list(csv.reader(handle)) == [["'=h", "n"], ['\'=HYPERLINK("http://x")', "-4"]]
