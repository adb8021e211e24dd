"""Background imports, run by the task worker (`manage.py db_worker`, started by `make run`
and `make serve` after `manage.py resume_imports`).

A job survives its worker: each bulletin is stored in one transaction with its ImportOutcome
(unique by file and position), so a job resumed after a lost database connection or a killed
worker starts after the last stored bulletin and imports nothing twice. A worker holds the job
by a lease (ImportJob.worker and heartbeat_at); another may take it over once it is stalled.
"""

import datetime
import time
import uuid

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection, transaction
from django.tasks import task
from django.utils import timezone

from .importing import (
    PASTED,
    Rejected,
    estimated_bulletins,
    import_bulletin,
    read_item,
    read_uploaded_file,
    size_limit,
)
from .models import ImportItem, ImportJob, ImportOutcome

# A lost connection is retried this many times, waiting 1, 2, 4 ... 30 s in between (about two
# minutes in all, a database restart or failover), before the job is marked failed.
RECONNECT_ATTEMPTS = 8


class LeaseLost(Exception):
    """Another worker has taken the job over (this one was taken for dead)."""


def goes_to_background(uploads, text):
    """Whether an admin import is too much work for the request: by bulletins and bytes,
    not by the number of files (one JSONL file of 100,000 lines outlived gunicorn's timeout)."""
    uploads = [u for u in uploads if u.size <= size_limit(u.name)]  # rejected unread
    size = len(text.encode()) + sum(uploaded.size for uploaded in uploads)
    bulletins = bool(text.strip()) + sum(map(estimated_bulletins, uploads))
    return (
        bulletins >= settings.BACKGROUND_IMPORT_MIN_BULLETINS
        or size >= settings.BACKGROUND_IMPORT_MIN_BYTES
    )


def start_import_job(user, uploads, text="", overrides=None):
    """An ImportJob for these uploaded files and pasted text (with its form's overrides),
    enqueued once its rows are committed. Files are read one at a time from their temporary
    files; one over the size limit is stored as rejected, unread."""
    with transaction.atomic():
        job = ImportJob.objects.create(created_by=user)
        if text.strip():
            ImportItem.objects.create(
                job=job, name=PASTED, data=text.encode(), pasted=overrides or {}
            )
        for uploaded in uploads:
            name, data = read_uploaded_file(uploaded)
            if isinstance(data, Rejected):
                item = ImportItem.objects.create(
                    job=job, name=name[:300], data=b"", status=ImportItem.Status.DONE
                )
                ImportOutcome.objects.create(
                    item=item, position=0, name=name[:300], status="rejected", reason=str(data)
                )
            else:
                ImportItem.objects.create(job=job, name=name[:300], data=data)
        # The worker reads the job's rows only once they are committed.
        transaction.on_commit(lambda: run_import_job.enqueue(job.pk))
    return job


@task()
def run_import_job(job_id):
    """Import every pending file of a job, from where it stopped; retried after a lost
    connection. If another worker holds the job, look again once it could have stalled."""
    worker = uuid.uuid4().hex
    if not ImportJob.objects.claim(job_id, worker):
        if ImportJob.objects.filter(pk=job_id, finished_at=None).exists():
            later = timezone.now() + datetime.timedelta(seconds=settings.IMPORT_STALLED_AFTER)
            run_import_job.using(run_after=later).enqueue(job_id)
        return
    ImportJob.objects.filter(pk=job_id, started_at=None).update(started_at=timezone.now())
    for attempt in range(1, RECONNECT_ATTEMPTS + 1):
        try:
            import_pending(job_id, worker)
            break
        except LeaseLost:
            return
        except (OperationalError, InterfaceError) as error:
            connection.close()  # the next query opens a new connection
            if attempt == RECONNECT_ATTEMPTS:
                fail(job_id, worker, error)
                raise
            time.sleep(min(2 ** (attempt - 1), 30))
    ImportJob.objects.filter(pk=job_id, worker=worker).update(finished_at=timezone.now(), worker="")


def import_pending(job_id, worker):
    """Each pending item's bulletins after the last one stored, each in one transaction with
    its outcome and the job's heartbeat."""
    job = ImportJob.objects.select_related("created_by").get(pk=job_id)
    for pk in job.items.filter(status=ImportItem.Status.PENDING).values_list("pk", flat=True):
        item = ImportItem.objects.get(pk=pk)
        stored = item.outcomes.count()
        try:
            entries = read_item(item.name, bytes(item.data), item.pasted)
        except Exception as error:  # noqa: BLE001 - a file that cannot be read fails alone
            item.status, item.error = ImportItem.Status.FAILED, f"{type(error).__name__}: {error}"
            item.save(update_fields=["status", "error"])
            continue
        for position, entry in enumerate(entries):
            if position < stored:
                continue
            with transaction.atomic():
                outcome = import_one(item, position, entry, job.created_by)
                outcome.save()
                if not ImportJob.objects.beat(job_id, worker):
                    raise LeaseLost
        with transaction.atomic():
            if not ImportJob.objects.beat(job_id, worker):
                raise LeaseLost
            item.status, item.data = ImportItem.Status.DONE, b""  # the bulletins hold the text
            item.save(update_fields=["status", "data"])


def import_one(item, position, entry, user):
    """The unsaved ImportOutcome of one bulletin, imported in a savepoint: a bulletin that
    fails is recorded and the file goes on; a lost connection stops the job (to resume)."""
    name = (getattr(entry, "filename", "") or getattr(entry, "title", "") or item.name)[:300]
    outcome = ImportOutcome(item=item, position=position, name=name)
    if isinstance(entry, Rejected):
        outcome.status, outcome.reason = ImportOutcome.Status.REJECTED, str(entry)
        return outcome
    try:
        with transaction.atomic():
            result = import_bulletin(entry, user=user)
    except (OperationalError, InterfaceError):
        raise
    except Exception as error:  # noqa: BLE001 - recorded on the bulletin, the file goes on
        outcome.status = ImportOutcome.Status.FAILED
        outcome.reason = f"{type(error).__name__}: {error}"
        return outcome
    outcome.status, outcome.reason, outcome.bulletin = result.status, result.reason, result.bulletin
    return outcome


def fail(job_id, worker, error):
    """Say why on the job, if the database answers at all (else the job shows as stalled)."""
    try:
        ImportJob.objects.filter(pk=job_id, worker=worker).update(
            error=f"{type(error).__name__}: {error}", worker=""
        )
    except DatabaseError:
        pass
