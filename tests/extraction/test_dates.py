import datetime

import pytest

from events.extraction.dates import parse_dateline, resolve

FRIDAY = datetime.date(2018, 7, 13)


def test_the_sample_bulletins_opening_line_gives_its_publication_time():
    assert parse_dateline(" date 2018-07-13 12:26, 13 July 2018 Friday\n\nTitle") == (
        datetime.datetime(2018, 7, 13, 12, 26)
    )


def test_an_iso_timestamp_with_a_zone_is_read_to_the_minute():
    assert parse_dateline("2018-07-13T12:26:00Z Beirut") == datetime.datetime(2018, 7, 13, 12, 26)


def test_a_weekday_day_month_year_dateline_is_read():
    assert parse_dateline("Wed 05 Apr 2017 Strikes hit a town") == datetime.datetime(2017, 4, 5)


def test_a_day_first_numeric_dateline_is_read():
    assert parse_dateline("13/07/2018 - Shelling hit the old city") == datetime.datetime(
        2018, 7, 13
    )


def test_a_month_first_dateline_with_a_comma_is_read():
    assert parse_dateline("July 13, 2018 — Rockets fell on the town") == datetime.datetime(
        2018, 7, 13
    )


def test_a_wire_dateline_without_a_year_takes_the_year_it_is_given():
    text = "BEIRUT, July 13 (Reuters) - An air strike killed six people"
    assert parse_dateline(text, year=2018) == datetime.datetime(2018, 7, 13)


def test_a_wire_dateline_without_any_date_gives_none():
    assert parse_dateline("DAMASCUS, Syria (AP) — Rebels shelled a suburb") is None


def test_late_thursday_resolves_to_the_day_before_a_friday_dateline():
    date, precision, _ = resolve("State media reported the strike late Thursday", FRIDAY)
    assert (date, precision) == (datetime.date(2018, 7, 12), "day")


def test_on_sunday_resolves_to_the_sunday_before_the_dateline():
    date, precision, _ = resolve("Jets struck the market on Sunday", FRIDAY)
    assert (date, precision) == (datetime.date(2018, 7, 8), "day")


def test_yesterday_is_the_day_before_publication():
    date, precision, _ = resolve("A car bomb exploded yesterday near the mosque", FRIDAY)
    assert (date, precision) == (datetime.date(2018, 7, 12), "day")


def test_overnight_wednesday_thursday_is_dated_to_the_night_it_began():
    date, precision, _ = resolve("Overnight Wednesday-Thursday, fighters seized a village", FRIDAY)
    assert (date, precision) == (datetime.date(2018, 7, 11), "day")


def test_last_month_has_month_precision():
    date, precision, _ = resolve("Last month, an incursion left dozens dead", FRIDAY)
    assert (date, precision) == (datetime.date(2018, 6, 1), "month")


def test_an_explicit_date_without_a_year_takes_the_latest_year_not_after_publication():
    date, precision, _ = resolve("The shelling on 28 December killed four", FRIDAY)
    assert (date, precision) == (datetime.date(2017, 12, 28), "day")


def test_an_explicit_month_first_date_with_a_year_is_read():
    date, precision, _ = resolve("the attack of August 21, 2013 in Ghouta", FRIDAY)
    assert (date, precision) == (datetime.date(2013, 8, 21), "day")


def test_the_verb_may_is_not_a_month():
    assert resolve("The toll may rise further", FRIDAY) is None


def test_the_span_points_at_the_expression():
    text = "Raids on Tuesday killed nine"
    _, _, (start, end) = resolve(text, FRIDAY)
    assert text[start:end] == "on Tuesday"


def test_a_day_of_may_with_its_number_is_a_date():
    # "may" the verb never has a day number beside it.
    date, precision, _ = resolve("An air strike on May 3 killed civilians", FRIDAY)
    assert (date, precision) == (datetime.date(2018, 5, 3), "day")
    date, precision, _ = resolve("An air strike on 3 May killed civilians", FRIDAY)
    assert (date, precision) == (datetime.date(2018, 5, 3), "day")


def test_the_first_days_of_the_calendar_are_no_error():
    assert resolve("Jets struck the town yesterday", datetime.date(1, 1, 1)) is None


def test_may_before_a_verb_in_a_titles_capitals_is_no_month():
    assert resolve("Up To 30 May Have Died In Saraqib Air Strike", FRIDAY) is None


def test_days_ago_count_back_from_publication():
    # "two days ago" was dated the day of publication, to the week
    assert resolve("Jets struck Saraqeb two days ago", FRIDAY)[:2] == (
        FRIDAY - datetime.timedelta(days=2),
        "day",
    )
    assert resolve("The raid 3 days ago killed five", FRIDAY)[:2] == (
        FRIDAY - datetime.timedelta(days=3),
        "day",
    )


def test_earlier_this_week_is_the_week_of_publication():
    # it went back a whole week, to the week before
    date, precision, _ = resolve("Jets struck Saraqeb earlier this week", FRIDAY)
    assert (date, precision) == (FRIDAY - datetime.timedelta(days=FRIDAY.weekday()), "week")


def test_the_weekday_of_the_attack_dates_it_before_the_day_of_its_funeral():
    # "on Friday" came first and dated the strike the day of the funeral
    text = "A funeral was held on Friday for the children killed in Wednesday's air strike"
    assert resolve(text, FRIDAY)[:2] == (FRIDAY - datetime.timedelta(days=2), "day")


def test_an_earlier_attack_on_a_weekday_does_not_date_the_news():
    text = "An air strike killed 12 people in Douma on Sunday, a repeat of last Wednesday's attack"
    assert resolve(text, FRIDAY)[:2] == (FRIDAY - datetime.timedelta(days=5), "day")
    text = "An air strike killed 12 people in Douma on July 10, days after Tuesday's shelling"
    assert resolve(text, FRIDAY)[:2] == (datetime.date(2018, 7, 10), "day")


def test_a_date_after_publication_is_no_date_of_what_the_bulletin_reports():
    # "3 March 2020" in a bulletin of 7 March 2018: a typo or a plan, not the event's day.
    published = datetime.date(2018, 3, 7)
    assert resolve("Jets struck Saraqib on 3 March 2020, killing five", published) is None
    date, precision, _ = resolve("On 2020-03-03, on Monday, jets struck Saraqib", published)
    assert (date, precision) == (datetime.date(2018, 3, 5), "day")


@pytest.mark.parametrize(
    "text",
    ["Shells killed two civilians in Aleppo a day earlier", "the day before, shells hit Aleppo"],
)
def test_a_day_earlier_is_the_day_before_publication(text):
    date, precision, _ = resolve(text, datetime.date(2016, 11, 3))
    assert (date, precision) == (datetime.date(2016, 11, 2), "day")
