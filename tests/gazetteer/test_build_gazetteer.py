"""scripts/build_gazetteer.py: the news words learnt from the UCDP headlines."""

import csv
import sys
from pathlib import Path

import pytest

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


def located_learnt(tmp_path, rows, places):
    """`learnt` with each headline's event point (latitude, longitude) and its place."""
    fields = ["source_headline", "where_coordinates", "latitude", "longitude"]
    with open(tmp_path / "ucdp_ged_syria_2016_2019.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fields)
        writer.writeheader()
        for row in rows:
            writer.writerow(dict(zip(fields, row, strict=True)))
    return build_gazetteer.english_and_actor_words(tmp_path, [], [], places, [])


def placed(name, lat, lon):
    record = place(name)
    record.update(latitude=lat, longitude=lon)
    return record


def test_a_place_word_spelled_as_no_place_near_a_namesake_by_its_consonants_is_no_news_word(
    tmp_path,
):
    # The headlines write "Anadan" where the events are, beside OCHA's Andan (عندان).
    rows = [("Shelling hit Anadan", "Anadan", "36.29", "37.04")] * 6
    rows += [("Residents of Anadan fled", "Anadan", "36.29", "37.04")] * 6
    assert "anadan" not in located_learnt(tmp_path, rows, [placed("Andan", 36.293, 37.040)])


def test_a_place_word_near_its_qualified_namesake_is_no_news_word(tmp_path):
    # "Baghuz": OCHA has Baguz Fawqani and Baghuz Tahtani, not Baghuz alone.
    rows = [("Clashes in Baghuz", "Baghuz", "34.44", "40.97")] * 12
    assert "baghuz" not in located_learnt(tmp_path, rows, [placed("Baguz Fawqani", 34.457, 40.959)])


def test_a_place_word_whose_namesake_is_far_from_its_events_stays_a_news_word(tmp_path):
    # Jobar, a quarter of Damascus, is not a village "Jober" in the north.
    rows = [("Clashes in Jobar on Monday", "Jobar", "33.53", "36.33")] * 12
    assert "jobar" in located_learnt(tmp_path, rows, [placed("Jober", 36.2, 37.1)])


@pytest.mark.parametrize(
    "headline",
    [
        "Rebels shelled al-Fuah and Kafriya",  # named beside a place where a place goes
        "Rockets fell on the vicinity of Kafriya",  # the vicinity, outskirts, town of ...
    ],
)
def test_a_place_word_written_beside_a_place_or_as_a_towns_name_is_no_news_word(tmp_path, headline):
    # Kafriya, by al-Fuah: the headlines name it with its twin town, not after "in".
    rows = [(headline, "Foah village", "35.98", "36.70")] * 12
    assert "kafriya" not in located_learnt(tmp_path, rows, [placed("Kafarya", 35.97, 36.71)])


def test_an_actor_written_beside_a_place_stays_a_news_word(tmp_path):
    rows = [("Clashes in Idlib between Nusra and Ahrar", "Idlib city", "35.93", "36.63")] * 12
    assert "nusra" in located_learnt(tmp_path, rows, [placed("Nasra", 35.9, 36.6)])


def ocha_row(name, arabic, subdistrict, subdistrict_ar, district="Jebel Saman"):
    return {
        "name_en": name, "name_ar": arabic, "name_ar_truncated": "0",
        "admin1_en": "Aleppo", "admin1_ar": "حلب", "admin2_en": district, "admin2_ar": "",
        "admin3_en": subdistrict, "admin3_ar": subdistrict_ar,
    }  # fmt: skip


def test_ocha_names_lose_the_subdistrict_that_tells_namesakes_apart():
    # OCHA: "Samuqet Manbaj" (سموقة منبج) and "Samuqet Aazaz"; the press: "Samuqa".
    row = ocha_row("Samuqet Manbaj", "سموقة منبج", "Menbij", "منبج")
    forms = build_gazetteer.without_admin_name(row)
    assert {"Samuqet", "Samuqa", "Samuqeh", "سموقة"} <= set(forms)
    row = ocha_row("Mreimin Simaan", "مريمين سمعان", "Jebel Saman", "جبل سمعان")
    assert "Mreimin" in build_gazetteer.without_admin_name(row)
    # The district written with its article fused, as OCHA writes it: "Zyaret Elbab" (Al Bab).
    row = ocha_row("Zyaret Elbab", "زيارة الباب", "Ar-Ra'ee", "الراعي", "Al Bab")
    row["admin2_ar"] = "الباب"
    assert {"Zyaret", "Zyara", "Zyareh", "زيارة"} <= set(build_gazetteer.without_admin_name(row))
    # The Euphrates bank, in Deir ez-Zor: "Zghir Jazireh" is "Zghir".
    row = ocha_row("Zghir Jazireh", "زغير جزيرة", "Kisreh", "الكسرة", "Deir-ez-Zor")
    assert "Zghir" in build_gazetteer.without_admin_name(row)


def test_a_name_that_is_its_subdistrict_or_a_common_head_keeps_its_whole_name():
    row = ocha_row("Kafr Takharim", "كفر تخاريم", "Kafr Takharim", "كفر تخاريم")
    assert build_gazetteer.without_admin_name(row) == []
    # "Maaret Sednaya" is no village "Maara": Maaret begins many names.
    row = ocha_row("Maaret Sednaya", "معرة صيدنايا", "Sednaya", "صيدنايا")
    assert build_gazetteer.without_admin_name(row, heads={"marat", "معره"}) == []
    # Nor a name cut inside: "Bweir Bir Helo" is not "Bweir Bir" of Be'r Al-Hulo.
    row = ocha_row("Bweir Bir Helo", "البوير بئر الحلو", "Be'r Al-Hulo Al-Wardeyyeh", "")
    assert build_gazetteer.without_admin_name(row, heads={"bar", "بير"}) == []
    # Nor an English qualifier alone ("Upper Shghur" of Jisr-Ash-Shugur).
    row = ocha_row("Upper Shghur", "الشغر الفوقاني", "Jisr-Ash-Shugur", "")
    assert build_gazetteer.without_admin_name(row) == []


def town(name, governorate, lat, lon):
    record = placed(name, lat, lon)
    record["governorate"] = governorate
    return record


def grid_of(*records):
    grid = build_gazetteer.Grid()
    for record in records:
        grid.add(record)
    return grid


def report_names(tmp_path, rows, towns, others=(), known=()):
    """The names report_names adds to each town ({UCDP place name: place}); a row is
    (headline, text, UCDP place name[, latitude, longitude])."""
    fields = ["source_headline", "source_original", "where_coordinates", "latitude", "longitude"]
    with open(tmp_path / "ucdp_ged_syria_2016_2019.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fields)
        writer.writeheader()
        for row in rows:
            writer.writerow(dict(zip(fields, row, strict=False)))
    grid = grid_of(*towns.values(), *others)
    build_gazetteer.report_names(tmp_path, towns, grid, known=known)
    return {name: record["alternate_names"] for name, record in towns.items()}


def test_a_quarter_the_reports_name_where_their_events_are_coded_to_a_town_is_the_towns(tmp_path):
    damascus = town("Damascus", "SY-DI", 33.51, 36.29)
    rows = [
        ("Shelling on Qaboun", "Clashes in the Old City; the old market burned", "Damascus city")
    ]
    rows *= 5
    # A village of another governorate spelled alike is no reason to leave it out.
    far = town("Qabun", "SY-HL", 36.2, 37.1)
    names = report_names(tmp_path, rows, {"Damascus city": damascus}, [far])
    assert "Qaboun" in names["Damascus city"]
    assert "Old City" not in names["Damascus city"]  # English: "the old market"


def test_a_name_of_a_village_beside_the_town_or_of_its_governorate_stays_that_places(tmp_path):
    aleppo = town("Aleppo", "SY-HL", 36.20, 37.14)
    rows = [("Clashes in Khan Toman", "Fighting near Qabasin", "Aleppo town")] * 6
    # 12 km away, across a governorate line: near the town, it is that village
    village = town("Khan Tuman", "SY-ID", 36.12, 37.05)
    other = town("Qabasin", "SY-HL", 36.40, 37.69)  # 55 km away, in Aleppo governorate
    names = report_names(tmp_path, rows, {"Aleppo town": aleppo}, [village, other])
    assert names["Aleppo town"] == []


def test_a_quarter_whose_reports_are_coded_beside_the_town_is_the_towns(tmp_path):
    # Jobar: two reports coded to the city, four to a suburb 3 km away.
    damascus = town("Damascus", "SY-DI", 33.51, 36.29)
    rows = [("Clashes in Jobar", "", "Damascus city", "33.51", "36.29")] * 2
    rows += [("Shelling on Jobar", "", "Ein Terma suburb", "33.52", "36.32")] * 4
    names = report_names(tmp_path, rows, {"Damascus city": damascus})
    assert names["Damascus city"] == ["Jobar"]


def test_a_name_whose_reports_are_mostly_coded_far_from_the_town_is_not_the_towns(tmp_path):
    damascus = town("Damascus", "SY-DI", 33.51, 36.29)
    rows = [("Clashes in Jobar", "", "Damascus city", "33.51", "36.29")] * 2
    rows += [("Shelling on Jobar", "", "Duma town", "33.57", "36.40")] * 3  # 12 km
    assert report_names(tmp_path, rows, {"Damascus city": damascus})["Damascus city"] == []


def test_a_name_the_reports_seldom_write_where_a_place_goes_is_not_the_towns(tmp_path):
    homs = town("Homs", "SY-HI", 34.73, 36.71)
    rows = [("Waer residents fled", "Talks with Waer elders", "Homs town")] * 4
    rows += [("Shelling on Waer", "", "Homs town")]  # 1 of 5 after a locative
    assert report_names(tmp_path, rows, {"Homs town": homs})["Homs town"] == []


def test_a_region_or_two_names_side_by_side_are_not_the_towns(tmp_path):
    muhammadiyah = town("Al Muhammadiyah", "SY-RD", 33.45, 36.43)
    rows = [("Clashes in Qalamon and shelling hit Douma Mdira", "", "Al Muhammadiyah town")] * 5
    duma = town("Duma", "SY-RD", 33.57, 36.40)  # 13 km, another town of the governorate
    names = report_names(
        tmp_path, rows, {"Al Muhammadiyah town": muhammadiyah}, [duma], known=["Qalamoun"]
    )
    assert names["Al Muhammadiyah town"] == []


def test_ucdp_sites_are_places_by_their_name_with_and_without_their_kind():
    assert build_gazetteer.parse_ucdp_site("Tiyas Military Airbase (T4)") == [
        "Tiyas Military Airbase", "Tiyas Airbase", "Tiyas",
    ]  # fmt: skip
    assert "Al Omar oil field" in build_gazetteer.parse_ucdp_site("Al Omar oil fields")
    assert build_gazetteer.parse_ucdp_site("Tall Kurdi") == ["Tall Kurdi"]
    assert build_gazetteer.parse_ucdp_site("Hammam al-Turkman") == ["Hammam al-Turkman"]


@pytest.mark.parametrize(
    "name",
    [
        "Teir Maaleh village",  # a village: parse_ucdp_place's
        "Eastern Homs Governorate",  # a region
        "Road between As Sukhnah and Tadmur",
        "128th Brigade",  # a unit, numbered
        "Army Artillery Base (Brigade 47)",  # no name but its kind
        "Sugar factory",  # a generic word
        "Eastern Ghouta",  # a region the gazetteer's areas hold
    ],
)
def test_what_is_no_named_site_is_not_one(name):
    assert build_gazetteer.parse_ucdp_site(name) is None


def test_foreign_cities_are_no_places_unless_a_syrian_name_is_spelled_so():
    places = [
        {"name": "Hawar Killis", "name_ar": "", "alternate_names": []},  # named after Kilis
        {"name": "Tripoli", "name_ar": "", "alternate_names": []},  # a Syrian namesake
    ]
    cities = {word for kind, word in build_gazetteer.foreign_cities([], [], places, [])}
    assert {"istanbul", "gaziantep", "baghdad", "beirut"} <= cities
    assert not {"kilis", "tripoli"} & cities
    assert all(" " not in word for word in cities)  # one-word names only


def test_a_qualifier_of_village_names_is_no_foreign_city():
    # Tahta (Egypt) is also "lower" in "Shathah at Tahta": a word of Syrian names even when
    # no name of the build happens to write it.
    cities = {word for kind, word in build_gazetteer.foreign_cities([], [], [], [])}
    assert "tahta" not in cities


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Yarmouk Pocket", "Yarmouk"),
        ("Wadi Barada area", "Wadi Barada"),
        ("Al Lajah area", "Al Lajah"),
        ("Forty Seven 47 area", None),  # numbered
        ("Sado checkpoint area", None),  # a site's surroundings
        ("Water treatment/pumping station Jazirah area", None),
        ("Kafr Batna suburb", None),  # a place, not a region
    ],
)
def test_a_region_ucdp_codes_is_read_as_one(name, region):
    assert build_gazetteer.parse_ucdp_region(name) == region


def test_a_ucdp_region_is_an_area_named_with_every_word_for_a_region():
    places = [{"name": "Yarmuk", "alternate_names": []}]
    rows = [
        {"place_name": "Yarmouk Pocket", "admin1": "Daraa Governorate", "latitude": "32.8",
         "longitude": "35.85", "best_precision": "2", "n_events": "39"},
        {"place_name": "Wadi Barada area", "admin1": "Rif Dimashq Governorate",
         "latitude": "33.62", "longitude": "36.13", "best_precision": "1", "n_events": "27"},
    ]  # fmt: skip
    admin1 = {"Daraa Governorate": "SY-DR", "Rif Dimashq Governorate": "SY-RD"}
    areas = build_gazetteer.ucdp_regions(rows, admin1, places, areas=[])
    by_name = {a["name"]: a for a in areas}
    # "Yarmouk" alone stays the camp and the villages of that name
    assert "Yarmouk Basin" in by_name["Yarmouk Pocket"]["alternate_names"]
    assert "Yarmouk" not in by_name["Yarmouk Pocket"]["alternate_names"]
    assert by_name["Yarmouk Pocket"]["governorate"] == "SY-DR"
    assert "Wadi Barada" in by_name["Wadi Barada area"]["alternate_names"]


def test_a_region_with_a_part_of_a_place_in_its_name_is_none():
    assert build_gazetteer.parse_ucdp_region("Jabar Eastern area") is None


def test_a_regions_bare_name_that_is_a_word_of_a_places_name_is_not_the_region():
    # "Orm" is Orm al-Joz and Big Orm too: only "Orm area", "Orm Region" are the region
    places = [{"name": "Orm Eljoz", "alternate_names": ["Orm al-Joz"]}]
    rows = [{"place_name": "Orm area", "admin1": "Aleppo Governorate", "latitude": "36.14",
             "longitude": "36.9", "best_precision": "1", "n_events": "3"}]  # fmt: skip
    [area] = build_gazetteer.ucdp_regions(rows, {"Aleppo Governorate": "SY-HL"}, places, [])
    assert "Orm" not in area["alternate_names"]
    assert "Orm Region" in area["alternate_names"]


def test_a_town_alternate_that_is_a_village_of_its_own_elsewhere_is_the_villages():
    # GeoNames lists "Abu Hardub" among Hajin's names: a village 25 km away in OCHA's list.
    village = town("Abu Hardoub", "SY-DY", 34.853372, 40.627659)
    hajin = town("Hajin", "SY-DY", 34.692602, 40.825579)
    grid = grid_of(village, hajin)
    args = ("SY-DY", 34.692602, 40.825579, {"population": 29237, "place": hajin}, grid)
    assert build_gazetteer.another_place("Abu Hardub", ["Hajin"], *args)
    # its own spellings stay the town's, a village of the same name nearby or not
    assert not build_gazetteer.another_place("Hajine", ["Hajin"], *args)
    namesake = town("Hajin", "SY-DY", 34.8, 40.7)
    grid.add(namesake)
    assert not build_gazetteer.another_place("Hajeen", ["Hajin"], *args)
    # nor is a name of a village in another governorate, or beside the town (a part of it)
    assert not build_gazetteer.another_place("Abu Hardub", ["Hajin"], "SY-HA", *args[1:])
    beside = town("Jadida", "SY-DY", 34.70, 40.83)
    grid.add(beside)
    assert not build_gazetteer.another_place("Jadida", ["Hajin"], *args)


def test_a_city_keeps_its_other_names_though_a_village_bears_one():
    # Aleppo is also "Beroea", its ancient name, whatever village nearby is spelled so.
    village = town("Beroea", "SY-HL", 36.3, 37.1)
    aleppo = town("Aleppo", "SY-HL", 36.20, 37.16)
    grid = grid_of(village, aleppo)
    city = ("SY-HL", 36.20, 37.16, {"population": 1602264, "place": aleppo}, grid)
    assert not build_gazetteer.another_place("Beroea", ["Aleppo"], *city)
    small = ("SY-HL", 36.20, 37.16, {"population": 20000, "place": aleppo}, grid)
    assert build_gazetteer.another_place("Beroea", ["Aleppo"], *small)
