from django.core.management.base import BaseCommand

from events.seeds import GAZETTEER_DIR, load_gazetteer


class Command(BaseCommand):
    help = (
        "Load the gazetteer shipped in seeds/gazetteer/ (governorates, districts, places). "
        "Safe to run again: editors' alternate names and places are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", default=str(GAZETTEER_DIR))

    def handle(self, *args, **options):
        verbose = options["verbosity"] > 0
        counts = load_gazetteer(
            options["directory"], progress=self.stdout.write if verbose else None
        )
        parts = []
        for table, numbers in counts.items():
            detail = ", ".join(f"{value} {name}" for name, value in numbers.items())
            parts.append(f"{table}: {detail}")
        self.stdout.write("Gazetteer loaded. " + "; ".join(parts) + ".")
