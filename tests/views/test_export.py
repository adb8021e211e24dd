import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from events.export import HEADER

pytestmark = pytest.mark.django_db

EXPORT = reverse("events:export")
MAP_DATA = reverse("events:map_data")


def read_csv(response):
    """The rows, header first; the file must end with its trailer, which counts them."""
    content = b"".join(response.streaming_content).decode("utf-8")
    body, last = content.removesuffix("\n").rsplit("\n", 1)
    rows = list(csv.reader(io.StringIO(body + "\n")))
    assert last == f"# end of export: {len(rows) - 1} incidents"
    return rows


def test_it_streams_every_matching_row_with_one_header_and_a_dated_name(
    client, make_incident, make_place, make_actor, monkeypatch
):
    monkeypatch.setattr("events.views.PAGE_SIZE", 2)
    actors = [make_actor("Russian Air Force", "russia"), make_actor("Syrian Arab Air Force")]
    first = make_incident(
        place=make_place(name="Al-Soussa"),
        killed_total_best=28,
        killed_civilians_high=30,
        perpetrators=actors,
    )
    for _ in range(4):
        make_incident()

    response = client.get(EXPORT, {"province": "SY-DY"})

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="incidents-{today}.csv"'
    rows = read_csv(response)
    assert rows[0] == HEADER
    assert len(rows) == 1 + 5
    row = dict(zip(HEADER, next(r for r in rows[1:] if r[0] == str(first.pk)), strict=True))
    assert row["date"] == "2018-07-12"
    assert row["place"] == "Al-Soussa"
    assert row["governorate"] == "Deir ez-Zor" and row["province_code"] == "SY-DY"
    assert row["perpetrators"] == "Russian Air Force; Syrian Arab Air Force"
    assert row["killed_total_best"] == "28" and row["killed_civilians_high"] == "30"
    assert row["killed_total_low"] == ""
    assert row["url"] == f"http://testserver/events/{first.pk}/"


def test_cells_that_start_a_formula_are_neutralised(client, make_incident, make_place):
    for index, start in enumerate(["=", "+", "-", "@", "\t", "\r"]):
        make_incident(place=make_place(name=f"{start}HYPERLINK(evil) {index}"))
    make_incident(place=make_place(name="Plain = fine"))

    places = [row[HEADER.index("place")] for row in read_csv(client.get(EXPORT))[1:]]

    assert sorted(places) == sorted(
        [
            "'=HYPERLINK(evil) 0",
            "'+HYPERLINK(evil) 1",
            "'-HYPERLINK(evil) 2",
            "'@HYPERLINK(evil) 3",
            "'\tHYPERLINK(evil) 4",
            "'\rHYPERLINK(evil) 5",
            "Plain = fine",
        ]
    )


def test_the_export_keeps_utf8_text(client, make_incident, make_place):
    make_incident(place=make_place(name="السوسة"))

    rows = read_csv(client.get(EXPORT))

    assert rows[1][HEADER.index("place")] == "السوسة"


def test_an_invalid_filter_is_a_400_with_a_plain_message(client):
    response = client.get(EXPORT, {"min_killed": "lots", "province": "SY-XX"})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "min_killed" in body and "province" in body


def test_the_export_rejects_post(client):
    assert client.post(EXPORT).status_code == 405


def test_the_list_total_the_map_cells_and_the_csv_rows_agree(client, make_incident, monkeypatch):
    monkeypatch.setattr("events.views.MAP_EVENT_LIMIT", 5)
    monkeypatch.setattr("events.views.PAGE_SIZE", 4)
    for day in range(1, 13):
        make_incident(
            date=datetime.date(2018, 1, day),
            latitude=34 + day / 10,
            longitude=38 + day / 7,
            killed_total_best=day if day % 3 else 40,
        )
    make_incident(killed_total_best=50, province="SY-HL")
    make_incident(killed_total_best=3)
    make_incident(killed_total_best=90, status="rejected")
    query = {"province": "SY-DY", "min_killed": "5"}

    listed = client.get(reverse("events:list"), query).context["total"].count
    cells = client.get(MAP_DATA, {**query, "bbox": "35,32,43,38", "zoom": "6"}).json()
    exported = len(read_csv(client.get(EXPORT, query))) - 1

    assert cells["mode"] == "cells"
    assert listed == sum(cell[2] for cell in cells["cells"]) == exported == 9


@pytest.mark.django_db(transaction=True)  # As in production: no transaction around the request.
def test_a_download_stopped_early_leaves_the_connection_usable(client, monkeypatch):
    from events.models import Incident

    monkeypatch.setattr("events.export.CHUNK_BYTES", 512)
    Incident.objects.bulk_create(Incident(title=f"Incident {i}") for i in range(5_000))
    response = client.get(EXPORT)
    chunks = iter(response.streaming_content)

    next(chunks), next(chunks)
    response.close()  # The client went away.

    assert Incident.objects.count() == 5_000


def test_a_period_and_an_aggregate_say_so_in_the_export(client, make_incident):
    import datetime

    make_incident(
        date=datetime.date(2016, 1, 1),
        date_end=datetime.date(2016, 12, 31),
        date_precision="year",
        aggregate=True,
    )
    make_incident()

    exported = client.get(EXPORT, {"aggregates": "include"})  # left out by default
    rows = [dict(zip(HEADER, row, strict=True)) for row in read_csv(exported)[1:]]

    by_date = {row["date"]: row for row in rows}
    assert by_date["2016-01-01"]["date_end"] == "2016-12-31"
    assert by_date["2016-01-01"]["aggregate"] == "yes"
    assert (by_date["2018-07-12"]["date_end"], by_date["2018-07-12"]["aggregate"]) == ("", "")


def test_each_row_carries_its_title_source_id_arabic_names_labels_and_every_estimate(
    client, make_incident, make_place, make_bulletin, make_report
):
    soussa = make_place(name="Al-Soussa", name_ar="السوسة")
    imported = make_incident(
        title="Air strike on Al-Soussa",
        place=soussa,
        source="ucdp_ged",
        killed_children_low=2,
        killed_children_best=3,
        killed_children_high=4,
    )
    make_report(imported, external_id="123456", source="ucdp_ged")
    reported = make_incident(title="Shelling", event_type="shelling")
    make_report(reported, make_bulletin(url="https://example.org/news/1"), is_primary=True)

    rows = read_csv(client.get(EXPORT))

    by_id = {row[0]: dict(zip(HEADER, row, strict=True)) for row in rows[1:]}
    row = by_id[str(imported.pk)]
    assert row["title"] == "Air strike on Al-Soussa"
    assert row["source_id"] == "123456"
    assert row["place_ar"] == "السوسة"
    assert (row["event_type"], row["event_type_label"]) == ("airstrike", "Air strike")
    assert (row["source"], row["source_label"]) == ("ucdp_ged", "UCDP GED")
    assert (row["status_label"], row["date_precision_label"]) == ("Extracted", "Day")
    assert [row[f"killed_children_{b}"] for b in ("low", "best", "high")] == ["2", "3", "4"]
    assert "injured_women_high" in HEADER
    assert by_id[str(reported.pk)]["source_id"] == "https://example.org/news/1"


def test_the_file_ends_with_a_line_that_counts_its_rows(client, make_incident):
    for _ in range(3):
        make_incident()

    content = b"".join(client.get(EXPORT).streaming_content).decode()

    assert content.endswith("\n# end of export: 3 incidents\n")
    empty = b"".join(client.get(EXPORT, {"min_killed": 1000}).streaming_content).decode()
    assert empty.endswith("\n# end of export: 0 incidents\n")


def test_a_download_cut_short_has_no_trailer(client, make_incident):
    for _ in range(3):
        make_incident()
    chunks = list(client.get(EXPORT).streaming_content)

    truncated = b"".join(chunks)[:-40].decode()

    assert "# end of export" not in truncated.rsplit("\n", 2)[-1]


def test_head_answers_as_get_does_without_a_body(client, make_incident):
    make_incident()

    response = client.head(EXPORT, {"province": "SY-DY"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == b""
    assert client.head(EXPORT, {"min_killed": "x"}).status_code == 400


@pytest.mark.parametrize(
    "path, query",
    [
        ("events:export", {"evnt_type": "shelling"}),  # a typo of event_type
        ("opendata:export_geojson", {"limit": "5"}),  # no such parameter: every row came back
    ],
)
def test_an_export_refuses_a_parameter_that_is_no_filter(client, make_incident, path, query):
    # An analyst's typo exported every incident, as though unfiltered, without a word.
    make_incident()

    response = client.get(reverse(path), query)

    assert response.status_code == 400
    assert next(iter(query)) in response.content.decode()


def test_the_pages_export_links_carry_only_the_filters(client, make_incident):
    # A link that came with a campaign tag or a map position still exports.
    make_incident()

    page = client.get(reverse("events:list"), {"province": "SY-DY", "utm_source": "mail"})

    assert "utm_source" not in page.context["query"]
    assert client.get(reverse("events:export") + "?" + page.context["query"]).status_code == 200


def test_the_perpetrators_are_listed_by_name_whatever_the_database(
    client, make_incident, make_actor
):
    # Linked in another order than their names': PostgreSQL sorted them, SQLite did not.
    later, earlier = make_actor("Syrian Arab Air Force"), make_actor("Russian Air Force")
    incident = make_incident(perpetrators=[later])
    incident.perpetrators.add(earlier)

    rows = read_csv(client.get(EXPORT))

    row = dict(zip(HEADER, rows[1], strict=True))
    assert row["perpetrators"] == "Russian Air Force; Syrian Arab Air Force"
