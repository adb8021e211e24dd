"""Scheduled work for the task worker (`manage.py db_worker`)."""

import datetime

from django.tasks import task
from django.utils import timezone

from .digests import send_digests

# How often the worker looks for due digests.
DIGEST_CHECK_INTERVAL = datetime.timedelta(hours=1)


@task()
def send_digests_task():
    """Send the due digests, then run again in an hour: the schedule is the queue itself."""
    try:
        return send_digests()
    finally:
        schedule_digests(timezone.now() + DIGEST_CHECK_INTERVAL)


def schedule_digests(when=None):
    """Queue send_digests_task for `when` (now by default) unless one is already queued."""
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.filter(
        task_path=send_digests_task.module_path, status="READY"
    ).exists()
    if queued:
        return False
    send_digests_task.using(run_after=when or timezone.now()).enqueue()
    return True
