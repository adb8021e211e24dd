"""Large admin uploads are imported in the background by the task worker."""

import json

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from events import importing, tasks
from events.models import Bulletin, ImportItem, ImportJob, ImportOutcome

pytestmark = pytest.mark.django_db(transaction=True)

URL = reverse("admin:events_bulletin_import")


def bulletins(count):
    return [
        SimpleUploadedFile(
            f"bulletin-{n}.txt",
            f"Shelling hits Douma, report {n}\n\nMortars fell on Douma on day {n}.".encode(),
        )
        for n in range(count)
    ]


def test_many_files_become_a_job_that_the_worker_imports(client, editor, settings):
    settings.BACKGROUND_IMPORT_MIN_BULLETINS = 3
    files = bulletins(3) + [SimpleUploadedFile("broken.txt", b"\x00\x01binary\x00" * 9)]

    response = client.post(URL, {"files": files})

    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    assert Bulletin.objects.count() == 0
    waiting = client.get(job.get_absolute_url())
    assert b"Waiting for the worker" in waiting.content

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)

    job.refresh_from_db()
    assert job.finished_at is not None
    assert Bulletin.objects.count() == 3
    assert job.progress() == {
        "files": 4,
        "files_done": 4,
        "created": 3,
        "skipped": 0,
        "rejected": 1,
        "failed": 0,
    }
    assert not ImportItem.objects.exclude(data=b"").exists()
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Finished" in page and page.count('class="import-created"') == 3


def test_a_bulletin_that_fails_does_not_block_the_rest(editor, monkeypatch):
    job = ImportJob.objects.create(created_by=editor)
    for name in ("first.txt", "boom.txt", "last.txt"):
        ImportItem.objects.create(job=job, name=name, data=f"Title {name}\n\nText.".encode())
    real = tasks.import_bulletin

    def failing(item, user=None):
        if item.filename == "boom.txt":
            raise RuntimeError("the extractor crashed")
        return real(item, user=user)

    monkeypatch.setattr(tasks, "import_bulletin", failing)

    tasks.run_import_job.call(job.pk)

    outcomes = dict(ImportOutcome.objects.values_list("item__name", "status"))
    assert outcomes == {"first.txt": "created", "boom.txt": "failed", "last.txt": "created"}
    assert "the extractor crashed" in ImportOutcome.objects.get(item__name="boom.txt").reason
    assert Bulletin.objects.count() == 2
    job.refresh_from_db()
    assert job.state == "finished"


def test_only_importers_see_a_jobs_progress(client):
    job = ImportJob.objects.create()
    client.force_login(User.objects.create_user("reader", password="x", is_staff=True))

    assert client.get(job.get_absolute_url()).status_code == 403


def jsonl(count, start=0):
    lines = (
        json.dumps({"title": f"Shelling hits Douma {n}", "text": f"Mortars fell on Douma, {n}."})
        for n in range(start, start + count)
    )
    return "\n".join(lines).encode()


def test_one_file_of_many_bulletins_goes_to_the_background(client, editor, settings):
    settings.BACKGROUND_IMPORT_MIN_BULLETINS = 50

    response = client.post(URL, {"files": [SimpleUploadedFile("day.jsonl", jsonl(60))]})

    assert response.status_code == 302
    assert Bulletin.objects.count() == 0
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert Bulletin.objects.count() == 60


def test_one_large_paste_goes_to_the_background_with_its_form_values(client, editor, settings):
    settings.BACKGROUND_IMPORT_MIN_BYTES = 10_000
    text = "Shelling hits Douma\n\n" + "Mortars fell on Douma on Monday. " * 400

    response = client.post(
        URL, {"text": text, "publisher": "Wire", "published_at": "2018-07-13 12:00"}
    )

    assert response.status_code == 302
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    bulletin = Bulletin.objects.get()
    assert (bulletin.publisher, bulletin.published_at.isoformat()) == (
        "Wire",
        "2018-07-13T12:00:00+00:00",
    )


def test_a_few_small_files_are_imported_in_the_request(client, editor):
    response = client.post(URL, {"files": bulletins(5)})

    assert response.status_code == 200
    assert Bulletin.objects.count() == 5
    assert not ImportJob.objects.exists()


def test_the_progress_page_of_a_large_job_shows_counts_and_one_page_of_bulletins(
    client, editor, settings
):
    job = ImportJob.objects.create(created_by=editor)
    ImportItem.objects.create(job=job, name="day.jsonl", data=jsonl(250))
    tasks.run_import_job.call(job.pk)

    page = client.get(job.get_absolute_url())

    body = page.content.decode()
    assert "250 bulletins created" in body
    assert body.count('class="import-created"') == 100
    assert "bulletins 1–100 of 250" in body
    second = client.get(job.get_absolute_url(), {"page": 3}).content.decode()
    assert second.count('class="import-created"') == 50
    rejected = client.get(job.get_absolute_url(), {"status": "rejected"}).content.decode()
    assert rejected.count('class="import-created"') == 0


def test_a_job_whose_worker_went_quiet_says_stalled_and_resumes_from_the_admin(
    client, editor, settings
):
    job = ImportJob.objects.create(created_by=editor)
    item = ImportItem.objects.create(job=job, name="day.jsonl", data=jsonl(5))
    # A worker took it, stored two bulletins, and died (its lease is old).
    ImportJob.objects.claim(job.pk, "dead-worker")
    for entry in importing.read_item(item.name, bytes(item.data))[:2]:
        result = importing.import_bulletin(entry)
        item.outcomes.create(
            position=item.outcomes.count(), name=entry.filename, status=result.status
        )
    settings.IMPORT_STALLED_AFTER = 0

    page = client.get(job.get_absolute_url()).content.decode()

    assert "Stalled" in page and "Resume the import" in page
    assert client.post(job.get_absolute_url()).status_code == 302
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    job.refresh_from_db()
    assert job.state == "finished"
    assert Bulletin.objects.count() == 5
    assert list(item.outcomes.values_list("position", flat=True)) == [0, 1, 2, 3, 4]
    assert "Finished" in client.get(job.get_absolute_url()).content.decode()


def test_a_job_held_by_a_live_worker_is_not_taken_over(editor, settings):
    job = ImportJob.objects.create(created_by=editor)
    ImportItem.objects.create(job=job, name="day.jsonl", data=jsonl(3))
    ImportJob.objects.claim(job.pk, "live-worker")

    tasks.run_import_job.call(job.pk)

    assert Bulletin.objects.count() == 0
    assert not ImportJob.objects.claim(job.pk, "another")


def test_a_failed_job_says_why(client, editor):
    job = ImportJob.objects.create(created_by=editor, error="OperationalError: server closed")

    page = client.get(job.get_absolute_url()).content.decode()

    assert "Failed:" in page and "server closed" in page and "Resume the import" in page
