import datetime
import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from events.models import Incident
from opendata import tasks
from opendata.digests import send_digests
from opendata.models import SavedSearch
from tests.conftest import governorate

pytestmark = pytest.mark.django_db

SEARCHES = reverse("opendata:searches")


@pytest.fixture
def analyst(django_user_model):
    return django_user_model.objects.create_user(
        "analyst", email="analyst@example.org", password="pw"
    )


def save(user, query="province=SY-HL", frequency="daily", **kw):
    return SavedSearch.objects.create(
        user=user, name=kw.pop("name", "Aleppo"), query=query, frequency=frequency, **kw
    )


def backdate(search, **delta):
    """As if the search had been saved (and last sent) that long ago."""
    then = timezone.now() - datetime.timedelta(**delta)
    SavedSearch.objects.filter(pk=search.pk).update(created_at=then, last_sent_at=None)
    before = then - datetime.timedelta(minutes=1)
    Incident.objects.update(created_at=before, updated_at=before)


def test_a_signed_in_analyst_saves_the_lists_filters_with_a_digest(client, analyst):
    client.force_login(analyst)

    response = client.post(
        SEARCHES,
        {"name": "Russian strikes", "frequency": "weekly", "query": "group=russia&cursor=abc"},
    )

    assert response.status_code == 302
    search = SavedSearch.objects.get()
    assert (search.user, search.name, search.frequency) == (analyst, "Russian strikes", "weekly")
    assert search.query == "group=russia"
    assert "Russian strikes" in client.get(SEARCHES).content.decode()


def test_invalid_filters_or_a_name_used_twice_are_refused_with_400(client, analyst):
    governorate("SY-HL")  # (a search of a governorate the gazetteer lacks is replaced)
    client.force_login(analyst)
    save(analyst, name="Mine")

    invalid = client.post(SEARCHES, {"name": "X", "frequency": "daily", "query": "min_killed=lots"})
    twice = client.post(SEARCHES, {"name": "Mine", "frequency": "daily", "query": ""})

    assert invalid.status_code == twice.status_code == 400
    assert SavedSearch.objects.count() == 1


def test_only_the_lists_filters_are_saved_not_other_parameters(client, analyst):
    client.force_login(analyst)
    query = "group=russia&foo=%00&padding=" + "x" * 50_000

    response = client.post(SEARCHES, {"name": "Padded", "frequency": "daily", "query": query})

    assert response.status_code == 302
    assert SavedSearch.objects.get().query == "group=russia"


@pytest.mark.parametrize("query", ["%ZZ&&&=", "foo=bar", "cursor=abc", "&", "province="])
def test_a_query_of_no_filter_is_refused_not_saved_as_every_incident(client, analyst, query):
    # (a hostile tester's: "%ZZ&&&=" was saved as "(every incident)", with a daily digest)
    client.force_login(analyst)

    response = client.post(SEARCHES, {"name": "Broken", "frequency": "daily", "query": query})

    assert response.status_code == 400
    assert "No filter of the list" in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_an_empty_query_is_saved_as_every_incident(client, analyst):
    client.force_login(analyst)

    response = client.post(SEARCHES, {"name": "All", "frequency": "weekly", "query": ""})

    assert response.status_code == 302
    assert SavedSearch.objects.get().query == ""


def test_a_place_chosen_by_name_is_saved_as_its_id(client, analyst, make_place):
    # By name, the saved search would find another place, or none, once the gazetteer holds a
    # namesake: the digest's filter must stay the place the analyst chose.
    soussa = make_place(name="Al-Soussa")
    client.force_login(analyst)

    query = "place=Al-Soussa&group=russia"
    response = client.post(SEARCHES, {"name": "Soussa", "frequency": "daily", "query": query})

    assert response.status_code == 302
    assert SavedSearch.objects.get().query == f"place={soussa.pk}&group=russia"


def test_head_on_the_saved_searches_page_is_answered_like_get(client, analyst):
    assert client.head(SEARCHES).status_code == 302  # to the login, as GET is
    client.force_login(analyst)

    assert client.head(SEARCHES).status_code == 200


def test_saving_needs_a_login(client):
    response = client.post(SEARCHES, {"name": "X", "frequency": "daily", "query": ""})

    assert response.status_code == 302 and "login" in response["Location"]
    assert not SavedSearch.objects.exists()


def test_an_analyst_deletes_only_their_own_searches(client, analyst, django_user_model):
    other = save(django_user_model.objects.create_user("other"), name="Theirs")
    mine = save(analyst, name="Mine")
    client.force_login(analyst)

    assert client.post(reverse("opendata:search_delete", args=[other.pk])).status_code == 404
    assert client.get(reverse("opendata:search_delete", args=[mine.pk])).status_code == 405
    assert client.post(reverse("opendata:search_delete", args=[mine.pk])).status_code == 302
    assert list(SavedSearch.objects.all()) == [other]


def test_the_list_offers_to_save_its_filters_to_signed_in_users(client, analyst, make_incident):
    make_incident(province="SY-HL")
    assert "Save this search" not in client.get(reverse("events:list")).content.decode()

    client.force_login(analyst)
    content = client.get(reverse("events:list"), {"province": "SY-HL"}).content.decode()

    assert 'name="query" value="province=SY-HL"' in content


def test_a_digest_lists_the_new_matching_incidents_once(analyst, make_incident, make_place):
    search = save(analyst)
    make_incident(province="SY-HL", title="Before")
    backdate(search, days=2)
    new = make_incident(
        province="SY-HL",
        killed_total_best=7,
        place=make_place(name="Atareb", province="SY-HL", latitude=36.1, longitude=36.8),
    )
    make_incident(province="SY-DY")

    assert send_digests() == 1
    assert send_digests() == 0  # not due again before a day has passed

    (message,) = mail.outbox
    assert message.to == ["analyst@example.org"]
    assert message.subject == "1 new incident: Aleppo"
    assert f"http://127.0.0.1:8000/events/{new.pk}/" in message.body
    assert "Air strike in Atareb, Aleppo: 7 killed" in message.body
    assert "http://127.0.0.1:8000/events/?province=SY-HL" in message.body
    assert "CC BY 3.0 IGO" in message.body


def test_weekly_digests_wait_a_week_and_nothing_new_sends_nothing(analyst, make_incident):
    governorate("SY-HL")  # (a search of a governorate the gazetteer lacks is no longer valid)
    search = save(analyst, frequency="weekly")
    backdate(search, days=1)
    make_incident(province="SY-DY")  # matches no search
    now = timezone.now()

    assert send_digests(now) == 0
    make_incident(province="SY-HL")
    assert send_digests(now + datetime.timedelta(days=3)) == 0  # a week has not passed
    assert send_digests(now + datetime.timedelta(days=8)) == 1
    assert len(mail.outbox) == 1


def test_the_command_sends_and_the_worker_task_reschedules_itself(analyst, make_incident):
    search = save(analyst)
    backdate(search, days=1)
    make_incident(province="SY-HL")

    call_command("send_digests", "--schedule")
    call_command("send_digests", "--schedule")  # already queued: once
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    DBTaskResult.objects.all().delete()
    assert tasks.send_digests_task.call() == 1
    (queued,) = DBTaskResult.objects.filter(status="READY")
    assert queued.task_path == tasks.send_digests_task.module_path
    assert queued.run_after > timezone.now() + datetime.timedelta(minutes=59)
    assert len(mail.outbox) == 1


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 Message accepted for delivery"


def test_a_real_smtp_server_receives_the_digest(analyst, make_incident, settings):
    inbox = Inbox()
    with socket.socket() as probe:  # a free port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.MAILERS = {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": port},
            }
        }
        search = save(analyst, name="Aleppo strikes")
        backdate(search, days=1)
        make_incident(province="SY-HL")
        make_incident(province="SY-HL")

        assert send_digests() == 1
    finally:
        controller.stop()

    (envelope,) = inbox.messages
    assert envelope.rcpt_tos == ["analyst@example.org"]
    received = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert received["Subject"] == "2 new incidents: Aleppo strikes"
    assert "2 new incidents match your saved search" in received.get_content()


def test_no_digest_due_opens_no_mail_connection(analyst, settings):
    # (a newcomer's: `make run` queued the digests, which connected to SMTP on localhost:25 with
    # no saved search at all, and printed a ConnectionRefusedError's traceback)
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port},
        }
    }
    assert send_digests() == 0
    # a weekly digest sent yesterday: not due for six days more
    save(analyst, frequency="weekly", last_sent_at=timezone.now() - datetime.timedelta(days=1))
    assert send_digests() == 0


def test_a_double_submitted_save_is_refused_with_400_not_500(client, analyst, monkeypatch):
    # Two clicks at once: both pass the form's name check before either is saved; the
    # database's unique constraint refuses the second.
    client.force_login(analyst)
    save(analyst, name="Twice")
    monkeypatch.setattr(
        "opendata.forms.SavedSearchForm.validate_unique", lambda form: None, raising=True
    )

    response = client.post(SEARCHES, {"name": "Twice", "frequency": "daily", "query": ""})

    assert response.status_code == 400
    assert "already have a saved search" in response.content.decode()
    assert SavedSearch.objects.count() == 1


def test_an_incident_that_comes_to_match_later_is_in_the_next_digest_once(analyst, make_incident):
    # (a hostile tester's: a "verified only" search never heard of incidents verified after
    # they were imported, as digests listed only incidents created since the last one)
    search = save(analyst, query="province=SY-HL&status=verified")
    incident = make_incident(province="SY-HL")
    backdate(search, days=2)
    now = timezone.now()
    assert send_digests(now) == 0

    incident.status = "verified"
    incident.save()

    assert send_digests(now + datetime.timedelta(days=1, minutes=1)) == 1
    assert f"/events/{incident.pk}/" in mail.outbox[0].body
    incident.save()  # edited again: it was sent already
    assert send_digests(now + datetime.timedelta(days=2, minutes=2)) == 0


def test_a_search_whose_filters_no_longer_hold_says_so_on_the_page(client, analyst, make_place):
    # (a hostile tester's: a saved place later deleted left a search that matched nothing,
    # silently, its digests empty for ever)
    place = make_place(name="Atareb", province="SY-HL")
    pk = place.pk
    save(analyst, query=f"place={pk}")
    save(analyst, name="Deir ez-Zor", query="province=SY-HL")
    place.delete()
    client.force_login(analyst)

    page = client.get(SEARCHES).content.decode()

    assert page.count("no longer valid") == 1
    assert f"place: Unknown place {pk}." in page


def test_the_digest_of_a_search_no_longer_valid_tells_the_analyst_once(
    analyst, make_incident, make_place
):
    place = make_place(name="Atareb", province="SY-HL")
    pk = place.pk
    search = save(analyst, query=f"place={pk}")
    place.delete()
    backdate(search, days=2)
    make_incident(province="SY-HL")
    now = timezone.now()

    assert send_digests(now) == 1
    (message,) = mail.outbox
    assert message.subject == "Saved search no longer valid: Aleppo"
    assert f"- place: Unknown place {pk}." in message.body
    assert "http://127.0.0.1:8000/searches/" in message.body
    assert send_digests(now + datetime.timedelta(days=1, minutes=1)) == 0  # once, not daily
    assert len(mail.outbox) == 1

    # Corrected (saved again with valid filters), its digests resume, and a later breakage
    # is told again.
    last_sent = now - datetime.timedelta(days=1)  # (as if a day had passed since it was told)
    SavedSearch.objects.filter(pk=search.pk).update(query="province=SY-HL", last_sent_at=last_sent)
    make_incident(province="SY-HL")
    assert send_digests(now) == 1
    assert mail.outbox[1].subject == "1 new incident: Aleppo"
    assert SavedSearch.objects.get().invalid_told_at is None


def test_a_name_with_line_breaks_or_controls_is_saved_on_one_line(client, analyst):
    # (a hostile tester's: "evil\r\nBcc: ..." was saved as typed, and its digest's subject
    # raised ValueError in every hourly run, before any later search was sent)
    client.force_login(analyst)

    response = client.post(
        SEARCHES,
        {"name": "evil\r\nBcc: victim@example.org\x1b[2J\u202e", "frequency": "daily", "query": ""},
    )

    assert response.status_code == 302
    assert SavedSearch.objects.get().name == "evil Bcc: victim@example.org[2J"
    blank = client.post(SEARCHES, {"name": "\r\n\u200b", "frequency": "daily", "query": ""})
    assert blank.status_code == 400


def test_one_search_whose_digest_fails_does_not_stop_the_others(analyst, make_incident):
    governorate("SY-HL")
    broken = save(analyst, name="evil\r\nBcc: victim@example.org")  # (as stored before)
    other = save(analyst, name="Other")
    backdate(broken, days=2)
    backdate(other, days=2)
    make_incident(province="SY-HL")

    assert send_digests() == 2
    assert {m.subject for m in mail.outbox} == {
        "1 new incident: evil Bcc: victim@example.org",
        "1 new incident: Other",
    }


def test_a_digest_that_raises_is_logged_and_the_next_are_still_sent(
    analyst, make_incident, monkeypatch, caplog
):
    from opendata import digests

    governorate("SY-HL")
    first, second = save(analyst, name="First"), save(analyst, name="Second")
    backdate(first, days=2)
    backdate(second, days=2)
    make_incident(province="SY-HL")
    made = digests.digest_message

    def refuse_first(search, *args):
        if search.name == "First":
            raise ValueError("refused")
        return made(search, *args)

    monkeypatch.setattr(digests, "digest_message", refuse_first)

    assert send_digests() == 1
    assert [m.subject for m in mail.outbox] == ["1 new incident: Second"]
    assert "saved search" in caplog.text and "refused" in caplog.text
    assert SavedSearch.objects.get(name="First").last_sent_at is None  # tried again next run


def test_saving_again_under_its_name_replaces_a_search_no_longer_valid(client, analyst, make_place):
    # (a reviewer's: the notice said "correct the filters and save it again", and saving under
    # the same name was refused as a name used twice)
    governorate("SY-HL")
    place = make_place(name="Atareb", province="SY-HL")
    search = save(analyst, query=f"place={place.pk}", invalid_told_at=timezone.now())
    place.delete()
    client.force_login(analyst)

    response = client.post(
        SEARCHES, {"name": "Aleppo", "frequency": "weekly", "query": "province=SY-HL"}
    )

    assert response.status_code == 302
    (kept,) = SavedSearch.objects.all()
    assert (kept.pk, kept.query, kept.frequency) == (search.pk, "province=SY-HL", "weekly")
    assert kept.invalid_told_at is None and kept.filter_errors() == []
