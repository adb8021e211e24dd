from django.core.management.base import BaseCommand
from django.tasks import TaskResultStatus

from events.models import ImportJob
from events.tasks import run_import_job


class WorkerLost(Exception):
    """The worker running this task stopped (killed, or its machine lost) before it finished."""


class Command(BaseCommand):
    help = (
        "Enqueue every unfinished background import, so that a worker started after a crash "
        "finishes what its predecessor left (a job still held by a live worker is left to it), "
        "and mark the runs of dead workers as failed (django-tasks-db leaves them RUNNING)."
    )

    def handle(self, *args, **options):
        jobs = {job.pk: job for job in ImportJob.objects.filter(finished_at=None)}
        abandoned = self.abandoned_runs(jobs)
        for pk in jobs:
            run_import_job.enqueue(pk)
        if jobs or abandoned or options["verbosity"] > 1:
            self.stdout.write(
                f"{len(jobs)} unfinished import(s) enqueued; {abandoned} run(s) of a lost "
                "worker marked failed."
            )

    @staticmethod
    def abandoned_runs(jobs):
        """RUNNING runs of import jobs that are finished or stalled: their worker is gone."""
        from django_tasks_db.backend import DatabaseBackend
        from django_tasks_db.models import DBTaskResult

        if not isinstance(run_import_job.get_backend(), DatabaseBackend):
            return 0
        alive = {pk for pk, job in jobs.items() if job.state == ImportJob.State.RUNNING}
        count = 0
        runs = DBTaskResult.objects.filter(
            status=TaskResultStatus.RUNNING, task_path=run_import_job.module_path
        )
        for run in runs:
            if (run.args_kwargs.get("args") or [None])[0] not in alive:
                run.set_failed(WorkerLost("the worker stopped before the job finished"))
                count += 1
        return count
