"""Races and faults on a real PostgreSQL database: two importers at once, an importer killed
with SIGKILL, a connection lost mid-import. Nothing is stored twice, half or silently.

The importers are separate processes (manage.py, or slow_import.py, which pauses where a race
or a crash does harm) that share the test database, so the tests commit for real
(transactional_db). On SQLite the test database is in memory, where no other process can see it.
"""

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from django.db import OperationalError, connection

from events import importing
from events.importing import BulletinInput, import_bulletin, import_uploads
from events.lexicons import extract
from events.models import Bulletin, Claim, Incident, Report

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: another process cannot see SQLite's in-memory test database",
    ),
]

ROOT = Path(__file__).resolve().parents[2]
SLOW_IMPORT = Path(__file__).with_name("slow_import.py")


def database_url():
    db = connection.settings_dict
    user = db["USER"] or "postgres"
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def importer(*args, **env):
    """A process importing against the test database; its output kept for the assertions."""
    environment = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "SECRET_KEY": "faults",
        "CONN_MAX_AGE": "0",
        **{key: str(value) for key, value in env.items()},
    }
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(process, timeout=120):
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


def bulletin(number):
    village = f"Kafr {number}"
    return {
        "id": f"gen-{number}",
        "title": f"Air strike on {village} kills {number % 9 + 1} civilians",
        "text": (
            f"Warplanes struck the village of {village} in Idlib province on Monday, killing "
            f"{number % 9 + 1} civilians and wounding {number % 5 + 2} others, according to "
            f"the Syrian Observatory for Human Rights. Separately, shelling hit Maarat "
            f"al-Numan, killing {number % 4 + 1} people."
        ),
        "published": "2019-05-13",
        "source": "Generated",
    }


def write_folder(folder, count):
    folder.mkdir()
    for number in range(count):
        item = bulletin(number)
        (folder / f"{number:03d}.txt").write_text(
            f"date {item['published']} 10:00\n{item['title']}\n\n{item['text']}\n"
        )
    return folder


def assert_no_half_bulletin():
    """Every stored bulletin carries exactly the reports its extraction gives, each report's
    incident and claims exist, and no content is stored twice."""
    hashes = list(Bulletin.objects.values_list("content_hash", flat=True))
    assert len(hashes) == len(set(hashes))
    for stored in Bulletin.objects.all():
        published = stored.published_at.date() if stored.published_at else None
        events = extract(stored.title, stored.text, published, source=stored.publisher)
        reports = list(stored.reports.all())
        assert len(reports) == len(events), stored.title
        assert sum(r.incident_id is not None for r in reports) == sum(
            not e.get("background") for e in events
        )
        claims = sum(len(e.get("perpetrators") or []) for e in events)
        assert Claim.objects.filter(report__bulletin=stored).count() == claims
    orphans = Report.objects.exclude(incident=None).exclude(incident__in=Incident.objects.all())
    assert not orphans.exists()


def summary(out):
    """(created, skipped) from import_bulletins' last line."""
    match = re.search(r"(\d+) created .*?, (\d+) skipped", out)
    assert match, out
    return int(match[1]), int(match[2])


@pytest.mark.django_db(transaction=True)
def test_the_same_bulletin_imported_by_two_processes_at_once_is_stored_once(tmp_path, tried):
    path = tmp_path / "day.jsonl"
    path.write_text("\n".join(json.dumps(bulletin(n)) for n in range(3)) + "\n")

    # Both pass the "already imported?" check before either inserts; one insert loses the race.
    first = importer(SLOW_IMPORT, str(path), SLOW_EXTRACT=0.5)
    second = importer(SLOW_IMPORT, str(path), SLOW_EXTRACT=0.5)
    plain = importer("manage.py", "import_bulletins", str(path))
    results = [finish(p) for p in (first, second, plain)]
    tried("faults: concurrent importers of one file", 3)

    for code, _, err in results:
        assert code == 0, err
    summaries = [summary(out) for _, out, _ in results]
    assert sum(created for created, _ in summaries) == 3
    assert sum(skipped for _, skipped in summaries) == 6
    assert Bulletin.objects.count() == 3
    assert_no_half_bulletin()


@pytest.mark.django_db(transaction=True)
def test_a_bulk_import_killed_halfway_leaves_no_half_bulletin_and_completes_when_rerun(
    tmp_path, tried
):
    folder = write_folder(tmp_path / "bulletins", 200)
    # Paused inside each bulletin's transaction, so the kill is most likely mid-transaction.
    process = importer(SLOW_IMPORT, str(folder), SLOW_STORE=0.1)
    deadline = time.monotonic() + 90
    while Bulletin.objects.count() < 40 and process.poll() is None:
        assert time.monotonic() < deadline, "the importer stored too little in 90 s"
        time.sleep(0.05)
    assert process.poll() is None, "the importer finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.communicate()
    tried("faults: SIGKILL of a bulk import")
    killed_at = Bulletin.objects.count()

    assert 40 <= killed_at < 200
    assert_no_half_bulletin()

    code, out, err = finish(importer("manage.py", "import_bulletins", str(folder)))

    assert code == 0, err
    assert summary(out) == (200 - killed_at, killed_at)
    assert Bulletin.objects.count() == 200
    assert len(set(Bulletin.objects.values_list("filename", flat=True))) == 200
    assert_no_half_bulletin()


@pytest.mark.django_db(transaction=True)
def test_a_connection_lost_mid_import_is_an_error_and_stores_nothing(monkeypatch, tried):
    store_events = importing.store_events
    before = tuple(model.objects.count() for model in (Bulletin, Report, Incident, Claim))

    def store_then_lose_the_connection(stored, events):
        incidents = store_events(stored, events[:1])
        # The database ends this session mid-transaction, as a restart or failover would.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        db = connection.settings_dict
        with psycopg.connect(
            dbname=db["NAME"], user=db["USER"], host=db["HOST"], port=db["PORT"], autocommit=True
        ) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        return incidents + store_events(stored, events[1:])

    monkeypatch.setattr(importing, "store_events", store_then_lose_the_connection)
    item = BulletinInput(**{key: bulletin(1)[key] for key in ("title", "text")})
    tried("faults: connection terminated mid-transaction")

    with pytest.raises(OperationalError):
        import_uploads([("lost.txt", f"{item.title}\n\n{item.text}".encode())])

    connection.close()  # The next query opens a new session.
    after = tuple(model.objects.count() for model in (Bulletin, Report, Incident, Claim))
    assert after == before
    # Once the database is back the same import goes through, whole.
    monkeypatch.setattr(importing, "store_events", store_events)
    assert import_bulletin(item).status == "created"
    assert_no_half_bulletin()


@pytest.mark.django_db(transaction=True)
def test_an_importer_whose_session_is_terminated_stops_with_the_error_and_completes_on_rerun(
    tmp_path, tried
):
    folder = write_folder(tmp_path / "bulletins", 60)
    process = importer(SLOW_IMPORT, str(folder), SLOW_STORE=0.1)
    deadline = time.monotonic() + 90
    while Bulletin.objects.count() < 10 and process.poll() is None:
        assert time.monotonic() < deadline, "the importer stored too little in 90 s"
        time.sleep(0.05)
    with connection.cursor() as cursor:
        # Every other session on the test database: the importer's, as a failover would.
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    code, out, err = finish(process)
    tried("faults: importer's session terminated")
    stored = Bulletin.objects.count()

    assert code != 0
    # psycopg words a killed session either way, depending on when the importer next reads.
    assert "OperationalError" in err
    assert "terminat" in err or "connection is lost" in err or "closed the connection" in err
    assert 10 <= stored < 60
    assert_no_half_bulletin()

    code, out, err = finish(importer("manage.py", "import_bulletins", str(folder)))

    assert code == 0, err
    assert summary(out) == (60 - stored, stored)
    assert_no_half_bulletin()


SLOW_WORKER = Path(__file__).with_name("slow_worker.py")


def background_job(files=3, lines=10):
    """A background import of `files` JSONL files of `lines` bulletins, enqueued."""
    from events.models import ImportItem, ImportJob
    from events.tasks import run_import_job

    job = ImportJob.objects.create()
    for number in range(files):
        data = "\n".join(json.dumps(bulletin(number * lines + n)) for n in range(lines))
        ImportItem.objects.create(job=job, name=f"day-{number}.jsonl", data=data.encode())
    run_import_job.enqueue(job.pk)
    return job


def wait_for(condition, what, seconds=90):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def assert_imported_exactly_once(job, count):
    from events.models import ImportItem, ImportOutcome

    job.refresh_from_db()
    assert job.state == "finished"
    assert not job.items.exclude(status=ImportItem.Status.DONE).exists()
    outcomes = ImportOutcome.objects.filter(item__job=job)
    assert outcomes.count() == count
    assert set(outcomes.values_list("status", flat=True)) == {"created"}
    assert Bulletin.objects.count() == count
    assert_no_half_bulletin()


@pytest.mark.django_db(transaction=True)
def test_a_background_import_whose_worker_is_killed_is_finished_exactly_once_by_the_next(
    settings, tried
):
    from events.models import ImportOutcome

    settings.IMPORT_STALLED_AFTER = 3
    job = background_job()
    worker = importer(SLOW_WORKER, "--interval", "0.2", SLOW_EXTRACT=0.3, IMPORT_STALLED_AFTER=3)
    wait_for(lambda: ImportOutcome.objects.count() >= 5, "the worker to import five bulletins")
    worker.send_signal(signal.SIGKILL)
    worker.communicate()
    tried("faults: SIGKILL of the task worker mid-job")
    stored = ImportOutcome.objects.count()
    assert 5 <= stored < 30
    assert Bulletin.objects.count() == stored  # every stored bulletin has its outcome
    time.sleep(3.5)
    job.refresh_from_db()
    assert job.state == "stalled"

    # A fresh worker, as `make serve` starts one: resume_imports, then db_worker.
    code, _, err = finish(importer("manage.py", "resume_imports", IMPORT_STALLED_AFTER=3))
    assert code == 0, err
    code, _, err = finish(
        importer("manage.py", "db_worker", "--batch", "--no-startup-delay", IMPORT_STALLED_AFTER=3)
    )
    assert code == 0, err

    assert_imported_exactly_once(job, 30)
    # The killed worker's run is marked failed rather than left RUNNING for ever.
    from django_tasks_db.models import DBTaskResult

    statuses = sorted(DBTaskResult.objects.values_list("status", flat=True))
    assert statuses == ["FAILED", "SUCCESSFUL"]


@pytest.mark.django_db(transaction=True)
def test_a_background_import_resumes_by_itself_after_its_connection_is_cut(tried):
    from events.models import ImportOutcome

    job = background_job()
    worker = importer(SLOW_WORKER, "--interval", "0.2", SLOW_EXTRACT=0.3)
    try:
        wait_for(lambda: ImportOutcome.objects.count() >= 5, "the worker to import five")
        with connection.cursor() as cursor:
            # Every other session on the test database: the worker's, as a failover would.
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        tried("faults: task worker's session terminated mid-job")
        wait_for(lambda: job.__class__.objects.get(pk=job.pk).finished_at, "the job to finish")
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.communicate(timeout=30)

    assert_imported_exactly_once(job, 30)
