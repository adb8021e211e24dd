import pytest
from django.core.management import call_command

from events import lexicons
from events.extraction.gazetteer import Gazetteer
from events.models import District, Governorate, Place, split_names
from events.seeds import load_gazetteer

pytestmark = pytest.mark.django_db


def test_loading_creates_the_governorates_districts_and_places(loaded_gazetteer):
    assert Governorate.objects.count() == 14
    assert set(Governorate.objects.values_list("pcode", flat=True)) == {
        f"SY{n:02d}" for n in range(1, 15)
    }
    assert District.objects.count() >= 60
    assert Place.objects.count() > 5500
    idlib = Governorate.objects.get(code="SY-ID")
    assert "Idleb" in idlib.names


def test_reloading_changes_nothing(loaded_gazetteer):
    counts = load_gazetteer()
    assert counts["places"]["created"] == counts["places"]["updated"] == 0
    assert counts["governorates"] == {"created": 0, "updated": 0}


def test_reloading_keeps_an_editors_alias_and_their_place(loaded_gazetteer):
    douma = Place.objects.get(pcode="C2338")  # Duma, Rif Dimashq
    douma.alternate_names += "\nDoumaa the Besieged"
    douma.save()
    Place.objects.create(
        name="Editor's Farm", governorate_id="SY-ID", latitude=35.9, longitude=36.6,
        origin=Place.Origin.EDITOR, alternate_names="Mazraat al-Muharrir",
    )  # fmt: skip

    load_gazetteer()

    douma.refresh_from_db()
    assert "Doumaa the Besieged" in split_names(douma.alternate_names)
    assert "Douma" in split_names(douma.alternate_names)
    farm = Place.objects.get(name="Editor's Farm")
    assert farm.alternate_names == "Mazraat al-Muharrir"


def test_a_place_an_editor_renamed_keeps_the_editors_name(loaded_gazetteer):
    place = Place.objects.filter(origin=Place.Origin.OCHA).order_by("pcode").first()
    original = place.name
    place.name = "Renamed by an editor"
    place.save()

    load_gazetteer()

    place.refresh_from_db()
    assert place.name == "Renamed by an editor"
    assert original in split_names(place.alternate_names)


def test_the_next_lookup_uses_an_alias_added_in_the_database(loaded_gazetteer):
    place = Place.objects.get(pcode="C2338")
    place.alternate_names += "\nDoumastan"
    place.save()

    found = lexicons.gazetteer().locate("An air strike hit Doumastan on Monday")

    assert found[0].province_code == "SY-RD"
    assert found[0].name == place.name
    assert found[0].key == place.key == "C2338"


def test_the_gazetteer_from_the_database_matches_the_seeds(loaded_gazetteer):
    from_db, from_seeds = lexicons.gazetteer_from_db(), Gazetteer.from_seeds()
    for name in ["Kafr Nabl", "Deir Ezzor", "Albu Kamal", "Saraqeb", "eastern Ghouta"]:
        text = f"Shelling hit {name} on Monday"
        assert from_db.locate(text)[0] == from_seeds.locate(text)[0], name


def test_the_command_prints_a_summary(db, capsys):
    call_command("load_gazetteer")
    out = capsys.readouterr().out
    assert "Gazetteer loaded" in out and "places" in out
