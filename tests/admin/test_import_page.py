"""The admin's "Import bulletins" page."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events.models import Bulletin

pytestmark = pytest.mark.django_db

URL = reverse("admin:events_bulletin_import")


def test_the_import_page_shows_the_paste_and_upload_form(client, editor):
    response = client.get(URL)

    assert response.status_code == 200
    assert b'name="text"' in response.content
    assert b'name="files"' in response.content and b"multiple" in response.content


def test_staff_without_the_add_permission_get_403(client):
    client.force_login(User.objects.create_user("reader", password="x", is_staff=True))

    assert client.get(URL).status_code == 403


def test_anonymous_users_are_sent_to_the_login_page(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_an_empty_submission_is_a_form_error(client, editor):
    response = client.post(URL, {"text": "  "})

    assert response.status_code == 200
    assert b"Paste a bulletin or choose at least one file" in response.content
    assert Bulletin.objects.count() == 0


def test_uploads_list_each_bulletin_as_created_skipped_or_rejected(client, editor):
    text = b"Mortars hit Douma\n\nMortar shells fell on Douma on Monday."
    files = [
        SimpleUploadedFile("douma.txt", text),
        SimpleUploadedFile("douma-copy.txt", text),
        SimpleUploadedFile("blank.txt", b"   "),
    ]

    response = client.post(URL, {"files": files})

    assert response.status_code == 200
    body = response.content.decode()
    assert body.count('class="import-created"') == 1
    assert body.count('class="import-skipped"') == 1
    assert body.count('class="import-rejected"') == 1
    assert "blank.txt is empty" in body
    assert Bulletin.objects.get().imported_by == editor


def test_an_empty_file_among_others_is_rejected_alone(client, editor):
    text = b"Mortars hit Douma\n\nMortar shells fell on Douma on Monday."
    files = [SimpleUploadedFile("douma.txt", text), SimpleUploadedFile("empty.txt", b"")]

    response = client.post(URL, {"files": files})

    body = response.content.decode()
    assert body.count('class="import-created"') == 1
    assert body.count('class="import-rejected"') == 1
    assert "empty.txt is empty" in body
    assert Bulletin.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("list.json", b'[{"title": "Raid", "text": "Jets struck Saraqeb on Monday."}]'),
        ("rows.csv", b"title,text\nRaid,Jets struck Saraqeb on Monday.\n"),
        ("scan.pdf", b"%PDF-1.4 Jets struck Saraqeb on Monday."),
    ],
)
def test_a_file_of_another_kind_is_rejected_with_the_kinds_we_read(client, editor, name, data):
    response = client.post(URL, {"files": [SimpleUploadedFile(name, data)]})

    body = response.content.decode()
    assert body.count('class="import-rejected"') == 1
    assert ".txt, .text, .html, .htm or .jsonl" in body
    assert Bulletin.objects.count() == 0


def test_a_pasted_bulletin_takes_the_title_and_publisher_given(client, editor):
    response = client.post(
        URL,
        {
            "text": "Jets struck Saraqeb on Monday, killing four civilians.",
            "title": "Raid on Saraqeb",
            "publisher": "Example Wire",
            "published_at": "2018-02-06 09:00",
        },
    )

    assert response.status_code == 200
    bulletin = Bulletin.objects.get()
    assert (bulletin.title, bulletin.publisher) == ("Raid on Saraqeb", "Example Wire")
    assert bulletin.published_at.date().isoformat() == "2018-02-06"


def test_the_bulletin_list_links_to_the_import_page(client, editor):
    editor.user_permissions.add(Permission.objects.get(codename="view_bulletin"))

    response = client.get(reverse("admin:events_bulletin_changelist"))

    assert URL.encode() in response.content
