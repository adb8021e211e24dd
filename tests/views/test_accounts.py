"""The site's own login and logout (analysts are not staff), and brute-force protection on
every login: by account and by address."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("login")
ADMIN_LOGIN = reverse("admin:login")
PASSWORD = "a-long-analyst-password-42"


@pytest.fixture
def analyst():
    return User.objects.create_user("analyst", password=PASSWORD)


def log_in(client, username="analyst", password=PASSWORD, url=LOGIN, address="10.0.0.1", **data):
    return client.post(
        url, {"username": username, "password": password, **data}, REMOTE_ADDR=address
    )


def test_an_analyst_who_is_not_staff_logs_in_and_browses_when_login_is_required(
    client, analyst, settings
):
    settings.BROWSING_REQUIRES_LOGIN = True
    listing = reverse("events:list")

    refused = client.get(listing)
    assert refused.status_code == 302
    assert refused["Location"] == f"{LOGIN}?next={listing}"

    response = log_in(client, next=listing)

    assert response.status_code == 302 and response["Location"] == listing
    assert client.get(listing).status_code == 200


def test_the_admin_link_is_shown_to_staff_only(client, analyst):
    # (a newcomer's: visitors and analysts were offered an admin they cannot use)
    admin = f'href="{reverse("admin:index")}"'
    assert admin not in client.get(reverse("events:list")).content.decode()
    client.force_login(analyst)
    assert admin not in client.get(reverse("events:list")).content.decode()
    editor = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    client.force_login(editor)
    assert admin in client.get(reverse("events:list")).content.decode()


def test_the_login_page_renders_its_form(client):
    response = client.get(LOGIN, {"next": "/events/"})

    assert response.status_code == 200
    assert b'name="username"' in response.content and b'value="/events/"' in response.content


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/nowhere/"])
def test_a_login_with_a_foreign_or_unknown_next_goes_home(client, analyst, target):
    response = log_in(client, next=target)

    assert response.status_code == 302
    if target.startswith("/nowhere"):
        assert response["Location"] == target  # on this site: followed as asked
    else:
        assert response["Location"] == reverse("home")
    assert client.get(reverse("home")).status_code == 302  # home leads to the list


def test_a_login_without_next_goes_home_not_to_a_404(client, analyst):
    response = log_in(client)

    assert response["Location"] == reverse("home")


def test_logout_is_a_post_that_goes_home(client, analyst):
    client.force_login(analyst)

    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))

    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert "_auth_user_id" not in client.session


def test_a_wrong_password_is_a_form_error(client, analyst):
    response = log_in(client, password="wrong")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("url", [LOGIN, ADMIN_LOGIN])
def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, analyst, url):
    analyst.is_staff = True
    analyst.save()
    for _ in range(5):
        log_in(client, password="wrong", url=url)

    response = log_in(client, url=url)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_account_is_locked_whichever_addresses_the_attempts_come_from(client, analyst):
    for n in range(5):
        log_in(client, password="wrong", address=f"10.0.1.{n}")

    assert log_in(client, address="10.0.2.1").status_code == 429


def test_an_address_is_locked_whichever_accounts_it_tries(client, analyst):
    for n in range(5):
        log_in(client, username=f"guess{n}", password="wrong", address="10.0.3.1")

    assert log_in(client, address="10.0.3.1").status_code == 429
    # Another address still logs the analyst in: the account itself was not attacked.
    assert log_in(client, address="10.0.4.1").status_code == 302


def test_behind_a_proxy_the_address_is_the_one_the_proxy_appended(rf, settings):
    from events.middleware import client_address

    request = rf.get("/", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9", REMOTE_ADDR="10.0.0.2")

    settings.BEHIND_PROXY = False
    assert client_address(request) == "10.0.0.2"
    settings.BEHIND_PROXY = True
    assert client_address(request) == "203.0.113.9"
