import time
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.urls import reverse

from opendata import api
from opendata.models import ApiToken

pytestmark = pytest.mark.django_db

INCIDENTS = reverse("opendata:api_incidents")


@pytest.fixture(autouse=True)
def fresh_rate_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def one_window(monkeypatch):
    """The limiter counts in fixed one-minute windows: a test that crossed a window's edge
    would see its count start again, so its clock stays at the start of one window."""
    start = time.time() // api.WINDOW_SECONDS * api.WINDOW_SECONDS + 1
    monkeypatch.setattr(api, "time", SimpleNamespace(time=lambda: start))


@pytest.fixture
def token(db):
    user = User.objects.create_user("analyst")
    token = ApiToken(name="R scripts", user=user)
    key = token.set_new_key()
    token.save()
    return key


def test_incidents_come_with_their_reports_and_claims(
    client, make_incident, make_report, make_actor, make_bulletin
):
    incident = make_incident(killed_total_best=5, title="Strike")
    report = make_report(
        incident, bulletin=make_bulletin(title="SOHR: strike"), killed_total_best=5
    )
    report.claims.create(
        name="Russian Air Force",
        actor=make_actor("Russian Air Force", "russia"),
        group="russia",
        attribution="alleged",
        alleged_by="SOHR",
    )

    response = client.get(INCIDENTS)

    assert response.status_code == 200
    (data,) = response.json()["incidents"]
    assert data["id"] == incident.pk and data["title"] == "Strike"
    assert data["governorate"] == {"code": "SY-DY", "name": "Deir ez-Zor"}
    assert data["figures"]["killed"]["total"]["best"] == 5
    (reported,) = data["reports"]
    assert reported["bulletin"]["title"] == "SOHR: strike"
    (claim,) = reported["claims"]
    assert claim["attribution"] == "alleged" and claim["alleged_by"] == "SOHR"
    assert claim["actor"]["group"] == "russia"


def test_pages_follow_by_keyset_through_every_match(client, make_incident):
    made = {make_incident().pk for _ in range(5)}
    seen, url = [], f"{INCIDENTS}?limit=2&province=SY-DY"

    while url:
        body = client.get(url).json()
        seen += [item["id"] for item in body["incidents"]]
        url = body["next"]

    assert sorted(seen) == sorted(made)


def test_answers_cite_their_filter_time_rows_and_sources(client, make_incident):
    make_incident(event_type="shelling")

    cited = client.get(INCIDENTS, {"event_type": "shelling", "limit": 10}).json()["citation"]

    assert cited["filter_url"] == "http://testserver/events/?event_type=shelling"
    assert cited["rows"] == 1 and cited["retrieved_at"]
    # the gazetteer's, UCDP's and the bulletins' the rows come from
    assert {source["license"] for source in cited["sources"]} == {
        "CC BY 4.0", "CC BY 3.0 IGO", "their publishers' terms"
    }  # fmt: skip


def test_one_incident_and_404_for_a_missing_or_rejected_one(client, make_incident):
    incident = make_incident()
    rejected = make_incident(status="rejected")

    assert client.get(reverse("opendata:api_incident", args=[incident.pk])).json()["id"] == (
        incident.pk
    )
    assert client.get(reverse("opendata:api_incident", args=[rejected.pk])).status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        {"colour": "red"},
        {"limit": "0"},
        {"limit": "501"},
        {"cursor": "x"},
        {"province": "?"},
        {"limit": ["1", "3"]},  # the last was kept, silently
    ],
)
def test_unknown_parameters_and_invalid_values_are_answered_400(client, query):
    assert client.get(INCIDENTS, query).status_code == 400


def test_writes_are_refused_with_405(client):
    assert client.post(INCIDENTS).status_code == 405


def test_anonymous_clients_get_429_with_retry_after_over_the_limit(client, settings, one_window):
    settings.API_RATE_ANONYMOUS = 3

    statuses = [client.get(INCIDENTS).status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]
    response = client.get(INCIDENTS)
    assert 1 <= int(response["Retry-After"]) <= 61


def test_behind_a_proxy_each_client_is_counted_apart(client, settings, one_window):
    # Every request comes from the proxy's address; the client's is what it appended.
    settings.BEHIND_PROXY, settings.API_RATE_ANONYMOUS = True, 2
    first = {"HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    other = {"HTTP_X_FORWARDED_FOR": "203.0.113.99"}

    statuses = [client.get(INCIDENTS, **first).status_code for _ in range(3)]

    assert statuses == [200, 200, 429]
    assert client.get(INCIDENTS, **other).status_code == 200


@pytest.mark.parametrize("path", [INCIDENTS, "/ogc/collections/incidents/items"])
def test_a_limit_of_thousands_of_digits_is_a_400(client, path):
    assert client.get(path, {"limit": "1" * 4301}).status_code == 400


def test_a_token_raises_the_limit(client, settings, token, one_window):
    settings.API_RATE_ANONYMOUS, settings.API_RATE_TOKEN = 1, 5
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    statuses = [client.get(INCIDENTS, **auth).status_code for _ in range(6)]

    assert statuses == [200] * 5 + [429]
    assert client.get(INCIDENTS).status_code == 200  # the address's own count is apart


def test_an_unknown_or_revoked_token_is_answered_401(client, token):
    assert client.get(INCIDENTS, HTTP_AUTHORIZATION="Bearer nope").status_code == 401
    ApiToken.objects.update(revoked=True)
    assert client.get(INCIDENTS, HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


def test_the_openapi_document_describes_both_resources_and_the_429(client):
    document = client.get(reverse("opendata:api_openapi")).json()

    assert document["openapi"].startswith("3.0")
    assert set(document["paths"]) == {"/incidents", "/incidents/{id}"}
    names = [p["name"] for p in document["paths"]["/incidents"]["get"]["parameters"]]
    assert {"limit", "cursor", "province", "group", "q"} <= set(names)
    assert "429" in document["paths"]["/incidents"]["get"]["responses"]


def test_editors_issue_a_token_in_the_admin_and_see_its_key_once(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    analyst = django_user_model.objects.create_user("analyst")
    client.force_login(editor)

    response = client.post(
        reverse("admin:opendata_apitoken_add"),
        {"name": "Analyst's R scripts", "user": analyst.pk},
        follow=True,
    )

    assert response.status_code == 200
    (message,) = [str(m) for m in response.context["messages"] if "copy it now" in str(m)]
    key = message.split(" is ")[1].split(" ")[0]
    token = ApiToken.objects.get()
    assert token.key_hash == ApiToken.hash_key(key) and token.created_by == editor
    assert (
        key
        not in client.get(
            reverse("admin:opendata_apitoken_change", args=[token.pk])
        ).content.decode()
    )
    assert ApiToken.objects.for_key(key) == token


def test_analysts_cannot_issue_tokens(client, django_user_model):
    analyst = django_user_model.objects.create_user("analyst", is_staff=True)
    analyst.groups.add(Group.objects.get(name="Analysts"))
    client.force_login(analyst)

    assert client.get(reverse("admin:opendata_apitoken_add")).status_code == 403


@pytest.mark.parametrize(
    "name",
    ["opendata:api_incidents", "opendata:ogc_items", "events:export", "opendata:export_geojson"],
)
def test_a_write_to_a_read_only_address_is_a_405_even_without_a_csrf_token(name):
    # With CSRF checks on, as for any client but the test's, a POST got the 403 CSRF page.
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(reverse(name))

    assert response.status_code == 405
    assert "GET" in response["Allow"]


@pytest.mark.parametrize("path", ["/api/v1/incidents/", "/api/v1/incident", "/api/v2/"])
def test_an_unknown_api_path_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "openapi.json" in response.json()["error"]


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("/api/v1/incidents", "error"),
        ("/api/v1/incidents/1", "error"),
        ("/api/v1/openapi.json", "error"),
        ("/api/v1/nothing", "error"),
        ("/ogc/collections/incidents/items", "description"),
        ("/ogc", "description"),
        ("/ogc/nothing", "description"),
    ],
)
def test_the_apis_refuse_a_write_in_their_own_json_and_answer_options(client, path, key):
    # A write was refused with an empty text/html 405, and OPTIONS (a browser's preflight)
    # with a 405 too: a client of the JSON APIs reads JSON, and OPTIONS says what is allowed.
    for method in ("post", "put", "delete", "patch"):
        response = getattr(client, method)(path)
        assert response.status_code == 405
        assert response["Content-Type"].startswith("application/json")
        assert "read only" in response.json()[key]
        assert response["Allow"] == "GET, HEAD, OPTIONS"
    response = client.options(path, HTTP_ORIGIN="https://maps.example.org")
    assert response.status_code == 204
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]


def test_a_request_of_too_many_parameters_is_a_json_400_on_the_apis(client):
    # Django refuses more than DATA_UPLOAD_MAX_NUMBER_FIELDS parameters before any view: its
    # HTML error page was the API's answer.
    query = "&".join(f"k{n}=1" for n in range(1200))
    for path, key in (
        ("/api/v1/incidents", "error"),
        ("/ogc/collections/incidents/items", "description"),
    ):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400
        assert response["Content-Type"].startswith("application/json")
        assert "parameters" in response.json()[key]
    assert client.get(f"/events/?{query}")["Content-Type"].startswith("text/html")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    ["events:map_data", "events:map_popup", "events:histogram", "events:overview_data",
     "events:place_suggestions"],
)  # fmt: skip
def test_a_request_of_too_many_parameters_is_a_json_400_on_the_pages_data(client, name):
    # (a hostile tester's: the map's data answered Django's HTML page, and the map, which reads
    # every answer as JSON, said only that it could not be loaded)
    query = "&".join(f"k{n}=1" for n in range(1200))
    response = client.get(f"{reverse(name)}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    [[error]] = response.json()["errors"].values()
    assert "parameters" in error["message"]


def private_addresses(incident):
    return [
        INCIDENTS,
        reverse("opendata:api_incident", args=[incident.pk]),
        reverse("opendata:ogc_items"),
        reverse("opendata:export_geojson"),
        reverse("events:export"),
    ]


def test_a_token_opens_a_site_that_requires_a_login(client, settings, token, make_incident):
    # (a hostile tester's: the login check came before the token's, so the scripts and GIS
    # clients tokens are for were sent to the login page)
    settings.BROWSING_REQUIRES_LOGIN = True
    incident = make_incident()

    for path in private_addresses(incident):
        response = client.get(path, HTTP_AUTHORIZATION=f"Bearer {token}")
        assert response.status_code == 200, path
        assert response.get("X-RateLimit-Limit") in (None, str(settings.API_RATE_TOKEN))


def test_a_bad_token_on_a_site_that_requires_a_login_is_a_401(
    client, settings, token, make_incident
):
    settings.BROWSING_REQUIRES_LOGIN = True
    incident = make_incident()
    ApiToken.objects.update(revoked=True)

    for key in ("nope", token):
        for path in private_addresses(incident):
            response = client.get(path, HTTP_AUTHORIZATION=f"Bearer {key}")
            assert response.status_code == 401, path
            assert response.json()["error"] == "Unknown or revoked API token."


def test_a_token_of_a_disabled_account_opens_no_private_site(client, settings, token):
    settings.BROWSING_REQUIRES_LOGIN = True
    User.objects.filter(username="analyst").update(is_active=False)

    response = client.get(INCIDENTS, HTTP_AUTHORIZATION=f"Bearer {token}")

    assert response.status_code == 401


def test_without_a_token_a_site_that_requires_a_login_still_asks_for_one(
    client, settings, make_incident
):
    settings.BROWSING_REQUIRES_LOGIN = True
    incident = make_incident()

    for path in private_addresses(incident):
        response = client.get(path)
        assert response.status_code == 302, path
        assert reverse("login") in response["Location"]
