"""Cases a reviewer of the extraction's rules wrote against them: what an earlier version read
right and a new rule read wrong. Each stays right."""

import pytest

from events.extraction import extract

PUBLISHED = "2018-07-13"  # a Friday: Thursday is 2018-07-12


def primary(title, text):
    [event] = [e for e in extract(title, text, PUBLISHED) if e["primary"]]
    return event


@pytest.mark.parametrize(
    ("text", "part", "figure"),
    [
        (
            "Seven civilians were killed in regime shelling on Douma on Thursday and many"
            " others, including 12 children, were wounded, the Observatory said.",
            "children",
            12,
        ),
        (
            "Three soldiers were killed in the attack in Hama on Thursday and a number of"
            " civilians, including four women, were injured, SANA said.",
            "women",
            4,
        ),
        (
            "Eight people were killed in the blast in Jableh on Thursday, and many more,"
            " including 3 children, were seriously wounded.",
            "children",
            3,
        ),
    ],
)
def test_a_part_of_the_wounded_said_before_their_verb_is_of_the_wounded(text, part, figure):
    event = primary("", text)
    assert event["injured"][part]["best"] == figure
    assert part not in event["killed"]


@pytest.mark.parametrize(
    ("title", "text", "place"),
    [
        (
            "Zamalka shelling kills seven civilians",
            "Seven civilians were killed on Thursday when regime shells hit a residential area,"
            " the Syrian Observatory for Human Rights said. The wounded were taken to field"
            " hospitals in Douma.",
            "Zamalka",
        ),
        (
            "Syria: air strikes kill seven",
            "Zamalka air strikes killed seven civilians on Thursday, the Observatory said. The"
            " wounded were taken to field hospitals in Douma.",
            "Zamalka",
        ),
    ],
)
def test_a_village_opening_the_text_before_its_attack_is_the_place(title, text, place):
    assert primary(title, text)["place"] == place


@pytest.mark.parametrize(
    ("title", "text", "date", "civilians"),
    [
        (
            "Strikes kill 9 in Idlib",
            "Russian jets carried out new raids on Thursday, killing nine civilians in Saraqeb"
            " after earlier raids had forced hundreds of families to flee, the monitor said.",
            "2018-07-12",
            9,
        ),
        (
            "Air strikes kill 12 in Douma",
            "Fresh air strikes killed 12 civilians in Douma on Thursday, following earlier"
            " strikes that killed 30 people on Wednesday, the Observatory said.",
            "2018-07-12",
            12,
        ),
        (
            "Barrel bombs kill nine in Daraa",
            "Two days ago, regime helicopters dropped barrel bombs on the town of Busra"
            " al-Harir in Daraa province, killing nine civilians including three children, the"
            " Syrian Observatory for Human Rights said.",
            "2018-07-11",
            9,
        ),
    ],
)
def test_the_news_told_with_an_earlier_day_or_earlier_strikes_is_still_the_news(
    title, text, date, civilians
):
    event = primary(title, text)
    assert event["date"] == date
    assert event["killed"]["civilians"]["best"] == civilians


def test_a_car_bomb_a_day_ago_is_the_news_of_the_report():
    event = primary(
        "Car bomb in Jableh",
        "A day ago, a car bomb exploded near a checkpoint in Jableh, killing four soldiers, SANA"
        " reported on Friday.",
    )
    assert event["killed"]["combatants"]["best"] == 4


def test_the_toll_of_an_assault_ranked_among_the_years_is_a_period_toll():
    event = primary(
        "Ghouta offensive",
        "The second government assault on Eastern Ghouta this year has killed more than 200"
        " civilians, the Syrian Observatory for Human Rights said on Friday.",
    )
    assert event["aggregate"] is True


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("A Hezbollah sniper was killed by rebel fire near Zabadani on Thursday.", ["opposition"]),
        ("A YPG sniper was shot dead by Turkish forces near Afrin on Thursday.", ["turkey"]),
        (
            "A regime sniper was killed by a rebel rocket in Jobar on Thursday, activists said.",
            ["opposition"],
        ),
    ],
)
def test_a_sniper_killed_is_no_perpetrator(text, groups):
    assert [p["group"] for p in primary("", text)["perpetrators"]] == groups
