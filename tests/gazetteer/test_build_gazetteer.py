"""scripts/build_gazetteer.py: the news words learnt from the UCDP headlines."""

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import build_gazetteer  # noqa: E402


def place(name, events=0):
    record = {
        "name": name, "name_ar": "", "alternate_names": [], "population": "",
        "capital_level": "", "ucdp_events": events,
    }  # fmt: skip
    build_gazetteer.index_names(record)
    return record


def learnt(tmp_path, headlines, places):
    with open(tmp_path / "ucdp_ged_syria_2016_2019.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, ["source_headline"])
        writer.writeheader()
        for headline in headlines:
            writer.writerow({"source_headline": headline})
    return build_gazetteer.english_and_actor_words(tmp_path, [], [], places, [])


def test_a_capitalised_word_the_headlines_use_as_an_actor_is_a_news_word(tmp_path):
    headlines = ["Clashes between Nusra and rebels"] * 12
    assert "nusra" in learnt(tmp_path, headlines, [place("Nusra")])


def test_a_place_the_headlines_write_after_in_or_hit_is_no_news_word(tmp_path):
    headlines = ["Shelling hit Zamalka overnight"] * 4 + ["Zamalka residents fled"] * 8
    words = learnt(tmp_path, headlines, [place("Zamalka")])
    assert "zamalka" not in words


def test_a_place_word_spelled_as_no_place_stays_a_news_word(tmp_path):
    # "Jobar" (a quarter of Damascus the gazetteer lacks) would match a village "Jober".
    headlines = ["Clashes in Jobar on Monday"] * 12
    assert "jobar" in learnt(tmp_path, headlines, [place("Jober")])
