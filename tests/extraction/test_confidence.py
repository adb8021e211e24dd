import datetime

from events.extraction import confidence, extract

MONDAY = datetime.date(2019, 3, 4)


def event_with(**basis):
    return {"basis": basis}


def test_a_kind_of_evidence_that_was_usually_right_gives_a_higher_confidence():
    right = {f: True for f in confidence.FIELDS}
    wrong_toll = {**right, "civilians_killed": False}
    pairs = [(event_with(civilians_killed="headline"), right)] * 9 + [
        (event_with(civilians_killed="body"), wrong_toll)
    ] * 9
    table = confidence.fit(pairs)
    assert confidence.estimate(event_with(civilians_killed="headline"), table) > 0.8
    assert confidence.estimate(event_with(civilians_killed="body"), table) < 0.3


def test_evidence_never_seen_in_fitting_gets_its_fields_overall_rate():
    right = {f: True for f in confidence.FIELDS}
    table = confidence.fit([(event_with(cause="headline"), right)] * 4)
    unseen = confidence.estimate(event_with(cause="something new"), table)
    seen = confidence.estimate(event_with(cause="headline"), table)
    assert 0 < unseen < seen <= 1


def test_an_empty_table_gives_a_middling_confidence_rather_than_failing():
    assert 0 < confidence.estimate(event_with(), {}) < 1


def test_extracted_events_carry_a_basis_for_each_headline_field_and_a_confidence():
    [event] = extract(
        "Air strikes kill 12 civilians in Aleppo",
        "Air strikes by Syrian government warplanes killed 12 civilians in Aleppo on Sunday.",
        MONDAY,
    )
    assert set(event["basis"]) == set(confidence.FIELDS)
    assert 0 < event["confidence"] < 1


def test_a_clearly_told_strike_is_more_certain_than_a_vague_one():
    clear = extract(
        "Syrian government air strikes kill 12 civilians in Aleppo",
        "Air strikes by Syrian government warplanes killed 12 civilians in Aleppo on Sunday.",
        MONDAY,
    )[0]
    vague = extract(
        "Violence continues",
        "Several people died in the countryside in recent days, residents said.",
        MONDAY,
    )
    vague_confidence = vague[0]["confidence"] if vague else 0.0
    assert clear["confidence"] > vague_confidence
