from django.core.management.base import BaseCommand

from events.models import ImportJob
from events.tasks import run_import_job


class Command(BaseCommand):
    help = (
        "Enqueue every unfinished background import, so that a worker started after a crash "
        "finishes what its predecessor left (a job still held by a live worker is left to it)."
    )

    def handle(self, *args, **options):
        jobs = list(ImportJob.objects.filter(finished_at=None).values_list("pk", flat=True))
        for pk in jobs:
            run_import_job.enqueue(pk)
        if jobs or options["verbosity"] > 1:
            self.stdout.write(f"{len(jobs)} unfinished import(s) enqueued.")
