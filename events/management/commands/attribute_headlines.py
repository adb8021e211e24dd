from django.core.management.base import BaseCommand

from events.datasets import attribute_from_headlines


class Command(BaseCommand):
    help = (
        "Read who did it from the source headlines of UCDP events imported before the importer "
        "did (state-based and non-state events, whose two sides are parties to the fighting): "
        "each perpetrator named becomes a claim alleged by the outlet. Safe to run again."
    )

    def handle(self, *args, **options):
        gained = attribute_from_headlines(progress=self.stdout.write)
        self.stdout.write(f"{gained} incidents have a perpetrator from their headlines.")
