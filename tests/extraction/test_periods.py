import datetime

import pytest

from events.extraction import extract
from events.extraction.periods import find_period

FRIDAY = datetime.date(2019, 5, 10)


def test_a_toll_over_a_week_of_raids_is_a_period_starting_a_week_before():
    period = find_period("At least 40 civilians were killed in a week of air raids.", FRIDAY)
    assert (period.start, period.end, period.precision) == (
        datetime.date(2019, 5, 3),
        FRIDAY,
        "week",
    )


def test_a_toll_since_a_date_is_cumulative_from_that_date():
    period = find_period("The toll since 20 March rose to 95 civilians.", FRIDAY)
    assert period.start == datetime.date(2019, 3, 20)
    assert period.precision == "month"


@pytest.mark.parametrize(
    "text, start",
    [
        (
            "The jihadists have executed at least 217 people, including 67 civilians, in Palmyra "
            "since they launched their offensive on the city on April 13.",
            datetime.date(2019, 4, 13),
        ),
        ("Rebels lost 90 fighters since the army stormed the town.", datetime.date(2019, 5, 1)),
        ("120 were killed since IS overran the area in March.", datetime.date(2019, 3, 1)),
        (
            "IS executed at least 217 people, including 67 civilians, in and around Palmyra in "
            "the days after it captured the town on April 21.",
            datetime.date(2019, 4, 21),
        ),
    ],
)
def test_a_toll_since_a_side_began_something_is_cumulative(text, start):
    # (a reviewer's: the 67 civilians IS executed over weeks were the 25 soldiers' news's)
    period = find_period(text, FRIDAY)
    assert period is not None and period.start == start


def test_a_video_of_one_execution_does_not_take_the_toll_since_the_offensive():
    text = (
        "The Islamic State group released a video on Saturday purporting to show militants "
        "executing 25 Syrian government soldiers in the amphitheatre of Palmyra. The Syrian "
        "Observatory said the killings took place in late April. The monitor says the jihadists "
        "have executed at least 217 people, including 67 civilians, in Palmyra and its "
        "surrounding area since they launched their offensive on the city on April 13."
    )
    events = extract("IS video shows execution of 25 soldiers in Palmyra", text, FRIDAY)
    news = next(e for e in events if e.get("primary"))
    assert news["killed"].get("civilians", {}).get("best", 0) == 0
    assert news["killed"]["combatants"]["best"] == 25


def test_a_toll_during_a_month_covers_that_month():
    period = find_period("During March, 120 civilians were killed in the province.", FRIDAY)
    assert (period.start, period.end, period.precision) == (
        datetime.date(2019, 3, 1),
        datetime.date(2019, 3, 31),
        "month",
    )


def test_a_single_incident_is_not_a_period():
    assert find_period("An air strike killed five people on Tuesday.", FRIDAY) is None
    assert find_period("An air strike last week killed five people.", FRIDAY) is None
    assert find_period("Shells killed two people on March 4.", FRIDAY) is None


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # a span said roughly, its violence described, or counted in hours
        ("About 85 fighters were killed during 5 days of violent clashes.", 5),
        ("The toll rose to more than 65 killed during less than 72 hours of intensive raids.", 3),
        ("The forces lost about 65 of their members in a week of fierce fight.", 7),
        ("At least 79 civilians were killed over the last 48 hours by air strikes.", 2),
    ],
)
def test_a_toll_over_a_span_said_roughly_or_in_hours_is_a_period(text, days):
    period = find_period(text, FRIDAY)
    assert period is not None, text
    assert (period.start, period.end) == (FRIDAY - datetime.timedelta(days=days), FRIDAY)


@pytest.mark.parametrize(
    "span",
    [
        "the second heavy bombardment in less than two weeks",
        "the second heavy bombardment in nearly two weeks",
        "the second heavy bombardment in two weeks",
        "the deadliest attack in a month",
        "the worst shelling in the past three weeks",
    ],
)
def test_a_span_that_ranks_the_incident_among_others_is_no_period(span):
    # "the second bombardment in two weeks" ranks the bombardment, it sums up no toll.
    text = f"Rocket attacks killed 5 people in Damascus on Thursday, in {span}."
    assert find_period(text, FRIDAY) is None


@pytest.mark.parametrize(
    "text",
    [
        "For the first time, 45 fighters were killed in 2 days of clashes near the town.",
        # (a reviewer's cases: a unit's name, a city's rank, the latest strikes)
        "The Fourth Division has lost 30 fighters in the past two weeks.",
        "Air strikes on Syria's second city Aleppo kill 250 in a week.",
        "The latest Russian strikes killed 60 people over the past three days.",
    ],
)
def test_a_toll_over_a_span_is_still_a_period_beside_an_ordinal_that_ranks_nothing(text):
    assert find_period(text, FRIDAY) is not None


def test_the_daily_toll_of_the_past_24_hours_is_not_a_period():
    assert find_period("Raids killed 30 people in the past 24 hours.", FRIDAY) is None


def test_a_period_toll_is_an_aggregate_event_dated_by_its_period_over_the_governorate():
    events = extract(
        "At least 40 civilians killed in a week of bombardment on Idlib countryside",
        "At least 40 civilians, 11 of them children, were killed in a week of aerial "
        "bombardment on the Idlib countryside, the monitor said on Friday.",
        FRIDAY,
    )
    [event] = [e for e in events if e["primary"]]
    assert event["aggregate"] is True
    assert (event["date"], event["date_precision"], event["date_end"]) == (
        "2019-05-03",
        "week",
        "2019-05-10",
    )
    assert event["event_type"] == "airstrike"
    assert event["province_code"] == "SY-ID"
    assert event["place"] is None and event["geo_precision"] == "province"
    assert event["killed"]["civilians"]["best"] == 40


def test_a_single_strike_is_not_an_aggregate():
    [event] = extract(
        "Air strike kills five in Idlib",
        "An air strike killed five civilians in the town of Saraqib on Tuesday.",
        FRIDAY,
    )
    assert event["aggregate"] is False and event["date_end"] is None


def test_tolls_over_a_stated_number_of_days_or_weeks_are_periods():
    for sentence, start, precision in [
        ("135 civilians killed in bombardment on Idlib in last three days", 7, "week"),
        ("Over 500 civilians killed in one week in the bombing campaign", 3, "week"),
        ("Kurds kill 83 ISIS fighters in 2 days near Afrin", 8, "week"),
        ("The week-long offensive has killed 230 civilians", 3, "week"),
    ]:
        period = find_period(sentence, FRIDAY)
        assert (period.start, period.precision) == (datetime.date(2019, 5, start), precision)


def test_a_toll_of_the_dead_in_a_named_month_covers_that_month():
    period = find_period("The monitor said 1,200 civilians were killed in April.", FRIDAY)
    assert (period.start, period.end) == (datetime.date(2019, 4, 1), datetime.date(2019, 4, 30))
    assert find_period("An air strike in April 2 killed five people.", FRIDAY) is None


def test_a_toll_between_two_days_of_a_month_is_that_period():
    # OCHA's "between 1 and 6 December" was dated 6 December, to the day
    published = datetime.date(2018, 12, 10)
    period = find_period("Between 1 and 6 December, 40 civilians were killed in Idlib.", published)
    assert (period.start, period.end, period.precision) == (
        datetime.date(2018, 12, 1),
        datetime.date(2018, 12, 6),
        "week",
    )
    period = find_period("From 3 to 20 November air strikes killed 81 people.", published)
    assert (period.start, period.end, period.precision) == (
        datetime.date(2018, 11, 3),
        datetime.date(2018, 11, 20),
        "month",
    )


@pytest.mark.parametrize(
    ("text", "civilians"),
    [
        (
            "Government shelling killed six civilians in Jasim on Thursday, bringing the death"
            " toll from three days of bombardment on the Daraa town to 60, activists said.",
            6,
        ),
        (
            "Two former rebel commanders were shot dead by unknown assailants in the town of"
            " Jasim on Thursday, the fourth such assassination in Daraa this month.",
            None,
        ),
        (
            "Warplanes struck the village of Maaret Harma in southern Idlib on Thursday,"
            " killing three civilians. It was the third attack on the village this month.",
            3,
        ),
    ],
)
def test_a_period_that_ranks_the_incident_or_sums_a_running_toll_leaves_it_one_incident(
    text, civilians
):
    # "the fourth such assassination in Daraa this month" ranks Thursday's among others;
    # "bringing the death toll from three days of bombardment to 60" is the running toll of
    # which Thursday's six are the latest: the event is Thursday's, not the period's.
    [event] = [e for e in extract("", text, datetime.date(2018, 7, 13)) if e["primary"]]
    assert event["aggregate"] is False
    assert event["date"] == "2018-07-12"
    assert event["killed"].get("civilians", {}).get("best") == civilians


@pytest.mark.parametrize(
    "text",
    [
        "Eighty-one civilians have been killed in a week of Russian and government raids on the"
        " Idlib countryside, the Observatory said on Friday, among them 20 children.",
        "At least 81 civilians have been killed in two weeks of air strikes on the Idlib"
        " countryside, the Observatory said on Friday.",
    ],
)
def test_a_toll_that_has_been_reached_over_weeks_is_a_period_not_context(text):
    # "have been killed in" reads as the war's toll ("have been killed in the conflict"),
    # which feeds nothing; over a week or two it is a period toll, an aggregate of its own.
    [event] = [e for e in extract("", text, FRIDAY) if e["primary"]]
    assert event["aggregate"] is True
    assert event["date_precision"] in ("week", "month")
    assert event["killed"]["civilians"]["best"] == 81


@pytest.mark.parametrize(
    "title", ["Week of bombardment kills 520 civilians in Eastern Ghouta", "Ghouta toll", ""]
)
def test_a_lead_period_toll_stays_the_news_beside_the_strikes_of_its_period(title):
    # (a newcomer's bulletin: "had pounded towns ... since February 18" became the news, a
    # one-day incident, and the week's 520 dead were lost, or counted as that day's)
    text = (
        "BEIRUT (AFP) - More than 520 civilians, including 127 children, have been killed in a"
        " week of intense government bombardment of the rebel enclave of Eastern Ghouta near"
        " Damascus, the Syrian Observatory for Human Rights said on Sunday.\n\nThe monitor said"
        " regime and Russian air strikes, rocket fire and artillery had pounded towns across the"
        " enclave since February 18."
    )
    [event] = [e for e in extract(title, text, "2018-02-25") if e["primary"]]
    assert event["aggregate"] is True
    assert (event["date"], event["date_precision"]) == ("2018-02-18", "week")
    assert event["killed"]["civilians"]["best"] == 520
    assert event["killed"]["children"]["best"] == 127


def test_the_wars_toll_alone_is_no_news():
    assert (
        extract("", "More than 400,000 people have been killed since 2011, the UN said.", FRIDAY)
        == []
    )


@pytest.mark.parametrize(
    "text",
    [
        "A mortar shell killed two children in the Damascus district of Bab Touma on Tuesday, as "
        "rebels have fired rockets at the capital almost daily since the army launched its "
        "assault on Eastern Ghouta.",
        "A car bomb killed five civilians in Afrin on Tuesday, in the latest of a series of "
        "YPG/PKK attacks since Turkish-backed forces entered the city.",
        "A bomb killed three civilians in al-Bab on Monday, in the first attack there in the "
        "weeks since Turkish troops captured the town.",
        "Two children died of their wounds in the days after an air strike on a school in "
        "Saraqeb, raising its toll to 14.",
    ],
)
def test_a_since_of_another_clause_or_a_ranking_makes_no_period(text):
    # (a reviewer of the "since a side began" periods: one incident became a month's toll)
    [event] = [e for e in extract("Attack", text, "2018-03-06") if e["primary"]]
    assert not event["aggregate"]
