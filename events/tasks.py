"""Background work, run by the task worker (`manage.py db_worker`, started by `make run`)."""

from django.db import close_old_connections
from django.tasks import task
from django.utils import timezone

from .importing import import_uploads
from .models import ImportItem, ImportJob


@task()
def run_import_job(job_id):
    """Import every pending file of a job; one failed file never blocks the rest."""
    job = ImportJob.objects.get(pk=job_id)
    ImportJob.objects.filter(pk=job.pk, started_at=None).update(started_at=timezone.now())
    for item in job.items.filter(status=ImportItem.Status.PENDING).iterator(chunk_size=1):
        try:
            results = import_uploads([(item.name, bytes(item.data))], user=job.created_by)
        except Exception as error:  # noqa: BLE001 - recorded on the item, the job goes on
            close_old_connections()
            item.status, item.error = ImportItem.Status.FAILED, f"{type(error).__name__}: {error}"
        else:
            item.status = ImportItem.Status.DONE
            item.results = [result.as_dict() for result in results]
        item.data = b""  # the bulletins now hold the text
        item.save(update_fields=["status", "error", "results", "data"])
    ImportJob.objects.filter(pk=job.pk).update(finished_at=timezone.now())
