"""Large admin uploads are imported in the background by the task worker."""

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from events import tasks
from events.models import Bulletin, ImportItem, ImportJob

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
    settings.BACKGROUND_IMPORT_MIN_FILES = 3
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


def test_a_file_that_fails_does_not_block_the_rest(editor, monkeypatch):
    job = ImportJob.objects.create(created_by=editor)
    for name in ("first.txt", "boom.txt", "last.txt"):
        ImportItem.objects.create(job=job, name=name, data=f"Title {name}\n\nText.".encode())
    real = tasks.import_uploads

    def failing(files, user=None):
        files = list(files)
        if files[0][0] == "boom.txt":
            raise RuntimeError("the extractor crashed")
        return real(files, user=user)

    monkeypatch.setattr(tasks, "import_uploads", failing)

    tasks.run_import_job.call(job.pk)

    statuses = dict(job.items.values_list("name", "status"))
    assert statuses == {"first.txt": "done", "boom.txt": "failed", "last.txt": "done"}
    assert "the extractor crashed" in job.items.get(name="boom.txt").error
    assert Bulletin.objects.count() == 2


def test_only_importers_see_a_jobs_progress(client):
    job = ImportJob.objects.create()
    client.force_login(User.objects.create_user("reader", password="x", is_staff=True))

    assert client.get(job.get_absolute_url()).status_code == 403
