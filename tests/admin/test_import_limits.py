"""One size limit for every way in, dates in range, and uploads that never fill memory."""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events.models import Bulletin

pytestmark = pytest.mark.django_db

URL = reverse("admin:events_bulletin_import")
LIMIT = settings.MAX_BULLETIN_BYTES


def test_a_paste_over_the_size_limit_is_a_form_error_and_stores_nothing(client, editor):
    text = "Shelling hits Douma\n\n" + "Mortars fell on Douma. " * (LIMIT // 23 + 10)

    response = client.post(URL, {"text": text})

    assert response.status_code == 200
    assert "the limit is 5,242,880 bytes (5 MB)" in response.content.decode()
    assert Bulletin.objects.count() == 0


@pytest.mark.parametrize("published", ["9999-12-31 23:59", "0001-01-01 00:00", "1989-12-31"])
def test_a_pasted_publication_date_out_of_range_is_a_form_error(client, editor, published):
    response = client.post(
        URL, {"text": "Shelling hits Douma\n\nMortars fell.", "published_at": published}
    )

    assert response.status_code == 200
    assert "1990-01-01" in response.content.decode()
    assert Bulletin.objects.count() == 0


def test_a_pasted_dateline_out_of_range_is_rejected_with_the_reason(client, editor):
    response = client.post(URL, {"text": "date 1985-03-01 10:00\nShelling hits Douma\n\nText."})

    assert response.status_code == 200
    assert 'class="import-rejected"' in response.content.decode()
    assert Bulletin.objects.count() == 0


def test_an_oversized_file_is_rejected_without_being_read(client, editor, monkeypatch):
    from django.core.files.uploadedfile import TemporaryUploadedFile

    big = SimpleUploadedFile("big.txt", b"a" * (LIMIT + 1))
    # What the view receives: the upload, streamed to a temporary file.
    monkeypatch.setattr(
        TemporaryUploadedFile, "read", lambda *a: pytest.fail("the oversized file was read")
    )

    response = client.post(URL, {"files": [big]})

    assert response.status_code == 200
    assert "big.txt is 5,242,881 bytes; the limit is 5,242,880 bytes" in response.content.decode()


def test_a_request_over_the_total_cap_is_refused_before_its_body_is_read(client, editor):
    body = io.BytesIO(b"x" * 1000)

    response = client.generic(
        "POST",
        URL,
        data=b"",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(settings.MAX_UPLOAD_BYTES + 1),
        **{"wsgi.input": body},
    )

    assert response.status_code == 413
    assert body.tell() == 0
    assert b"MB" in response.content


def test_an_uploaded_file_over_a_quarter_megabyte_is_streamed_to_disk(client, editor, monkeypatch):
    from django.core.files import uploadedfile

    on_disk = []
    original = uploadedfile.TemporaryUploadedFile.__init__

    def record(self, name, *args, **kwargs):
        on_disk.append(name)
        original(self, name, *args, **kwargs)

    monkeypatch.setattr(uploadedfile.TemporaryUploadedFile, "__init__", record)
    text = b"Shelling hits Douma\n\n" + b"Mortars fell on Douma. " * 20_000

    client.post(URL, {"files": [SimpleUploadedFile("long.txt", text)]})

    assert on_disk == ["long.txt"]
