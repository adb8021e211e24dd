from django.core.management.base import BaseCommand

from opendata.digests import send_digests
from opendata.tasks import schedule_digests


class Command(BaseCommand):
    help = (
        "Send the e-mail digests of saved searches that are due. With --schedule, queue the "
        "task that does so every hour in the task worker instead (make run and serve do)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule", action="store_true", help="queue the hourly task, if not queued yet"
        )

    def handle(self, *args, schedule=False, **options):
        if schedule:
            queued = schedule_digests()
            self.stdout.write("Digests scheduled." if queued else "Digests already scheduled.")
            return
        sent = send_digests(stdout=self.stdout if options["verbosity"] > 1 else None)
        self.stdout.write(f"Sent {sent} digest{'s' if sent != 1 else ''}.")
