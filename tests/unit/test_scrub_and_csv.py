"""Free-text scrubbing and formula-safe CSV writing."""

import csv

import pytest

from pipelines.csv_out import neutralise, write_csv
from pipelines.ingest.scrub import Scrubber


def test_addresses_mentions_and_known_full_names_are_replaced():
    scrub = Scrubber(["Anna Jansen", "Bert", "Carla van Dijk"], mention=lambda i: f"p{i}")
    text = "Vraag ANNA JANSEN of carla van dijk (carla@x.nl), cc <@U12|anna> en [[user:7]]. Bert!"
    assert scrub(text) == "Vraag [naam] of [naam] ([e-mail]), cc [@pU12] en [@p7]. [naam]!"


NAMES = ["Anna Jansen", "Carla van Dijk", "Jan-Willem de Boer", "gijs.vos@lindendaal.nl"]
FORMS = [  # (as people write it, what is stored)
    ("Jansen, Anna heeft gelijk", "[naam] heeft gelijk"),
    ("Dijk, Carla van schreef het", "[naam] schreef het"),
    ("van Dijk, Carla schreef het", "[naam] schreef het"),
    ("Bedankt Anna!", "Bedankt [naam]!"),
    ("Goed gedaan, Jansen.", "Goed gedaan, [naam]."),
    ("Anna's voorstel", "[naam]'s voorstel"),
    ("Jan-Willem en Carla", "[naam] en [naam]"),
    ("Gijs Vos en gijs vos", "[naam] en [naam]"),  # named by the address only
    ("mail gijs.vos(at)lindendaal.nl", "mail [e-mail]"),
    ("mail anna [at] lindendaal [dot] nl", "mail [e-mail]"),
    ("mail anna.jansen at lindendaal dot nl", "mail [e-mail]"),
    ("mail gijs.vos@lindendaal.nl", "mail [e-mail]"),
    # what must stay: a name's letters inside other words, particles, times, lower-case words
    ("Annabel en de van der weg", "Annabel en de van der weg"),
    (
        "lunch at 12.30 in de kantine, meeting at home",
        "lunch at 12.30 in de kantine, meeting at home",
    ),
    ("het dijkje bij de boer", "het dijkje bij de boer"),
]


@pytest.mark.parametrize(("text", "stored"), FORMS, ids=[f[0] for f in FORMS])
def test_every_form_of_a_known_name_or_address_is_replaced(text, stored):
    assert Scrubber(NAMES)(text) == stored


def test_ten_thousand_names_are_looked_up_per_word_not_tried_per_position():
    names = [f"Voornaam{i} Achternaam{i}" for i in range(10_000)]
    scrub = Scrubber(names)
    assert scrub("Dank Voornaam9999 en achternaam5, voornaam7 achternaam7!") == (
        "Dank [naam] en achternaam5, [naam]!"
    )


def test_people_sharing_a_first_name_are_each_found_by_their_full_name():
    """Thousands of Annas: the longest full name that fits wins, whatever its length."""
    names = [f"Anna {surname}{i}" for i in range(3_000) for surname in ("Jansen", "de Vries")]
    scrub = Scrubber([*names, "Anna de Vries", "Anna de Vries-Bakker"])
    text = "anna de vries-bakker en ANNA DE VRIES2999 zagen Anna de Vries; anna bleef"
    assert scrub(text) == "[naam] en [naam] zagen [naam]; anna bleef"


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
