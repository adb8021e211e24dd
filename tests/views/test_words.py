"""IncidentWord: the map of a one-word search counts, by word and point, exactly the
published incidents whose search rows hold that word, whatever changes them."""

import pytest
from django.db import connection
from django.db.models import Sum
from django.urls import reverse

from events.counts import words
from events.models import Incident, IncidentWord, ReviewStatus

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="IncidentWord is kept on PostgreSQL only"
    ),
]


def counted_directly():
    """{(word, lat, lon): (incidents, killed)} from the search rows themselves."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT l, latitude, longitude, count(*), coalesce(sum(killed), 0)"
            " FROM events_incidentsearch, unnest(tsvector_to_array(document)) AS l"
            " WHERE published GROUP BY 1, 2, 3"
        )
        return {row[:3]: row[3:] for row in cursor.fetchall()}


def counted_by_words():
    rows = (
        IncidentWord.objects.order_by()
        .values_list("word", "latitude", "longitude")
        .annotate(n=Sum("incidents"), killed=Sum("killed"))
    )
    return {row[:3]: (row[3], row[4]) for row in rows if row[3] or row[4]}


def test_word_counts_follow_reports_bulletins_and_incidents(
    make_incident, make_report, make_bulletin
):
    bakery = make_incident(killed_total_best=4)
    bulletin = make_bulletin(title="Raid", text="Warplanes hit the bakery in Soussa.")
    make_report(bakery, bulletin)
    market = make_incident(latitude=35.0, longitude=38.0)
    make_report(market, None, source="ucdp_ged", external_id="7", headline="Market hit")
    assert counted_by_words() == counted_directly()
    assert counted_by_words()[("bakeri", 34.43, 40.95)] == (1, 4)

    bulletin.text = "Warplanes hit the mill in Soussa."
    bulletin.save()
    bakery.killed_total_best, bakery.latitude = 9, 34.5
    bakery.save()
    market.status = ReviewStatus.REJECTED
    market.save()
    assert counted_by_words() == counted_directly()
    assert IncidentWord.objects.filter(pending=True).exists()

    words.compact(force=True)
    assert counted_by_words() == counted_directly()
    assert not IncidentWord.objects.filter(incidents=0).exists()

    Incident.objects.filter(pk=bakery.pk).delete()
    assert counted_by_words() == counted_directly() == {}


def test_a_rebuild_recounts_the_words(make_incident, make_report):
    incident = make_incident()
    make_report(incident, None, source="ucdp_ged", external_id="1", headline="Bakery hit")
    IncidentWord.objects.all().delete()

    words.rebuild()

    assert counted_by_words() == counted_directly() != {}
    assert not IncidentWord.objects.filter(pending=True).exists()


@pytest.mark.parametrize(
    "text, word",
    [
        ("hospital", "hospit"),
        ("  Hospitals ", "hospit"),
        ("field hospital", None),  # two words: both must be there
        ('"field hospital"', None),  # a phrase
        ("-hospital", None),  # an exclusion
        ("the", None),  # a stop word only
        ("O'Brien", None),
    ],
)
def test_only_a_one_word_search_is_a_single_word(text, word):
    assert words.single_word(text) == word


def test_the_map_of_one_word_reads_the_word_counts(
    client, make_incident, make_report, monkeypatch, django_assert_max_num_queries
):
    monkeypatch.setattr("events.views.MAP_EVENT_LIMIT", 2)
    for n in range(4):
        incident = make_incident(latitude=34 + n / 10, killed_total_best=n)
        make_report(incident, None, source="ucdp_ged", external_id=str(n), headline="Bakery hit")
    query = {"bbox": "35,32,43,38", "zoom": "6"}

    with django_assert_max_num_queries(10) as captured:
        one = client.get(reverse("events:map_data"), {**query, "q": "bakery"}).json()
    sql = " ".join(q["sql"] for q in captured.captured_queries)  # before the next request
    two = client.get(reverse("events:map_data"), {**query, "q": "bakery hit"}).json()

    assert IncidentWord._meta.db_table in sql
    assert sorted(one["cells"]) == sorted(two["cells"])
    assert sum(cell[2] for cell in one["cells"]) == 4
