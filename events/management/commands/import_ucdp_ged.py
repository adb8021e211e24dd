from django.core.management.base import BaseCommand, CommandError

from events.datasets import import_ucdp_ged


class Command(BaseCommand):
    help = (
        "Import UCDP GED events from a CSV file (plain or .gz): one incident and one report per "
        "row, idempotent by the row's id. Rows whose place, district or governorate cannot be "
        "mapped are imported with what could be mapped and listed with the reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        try:
            result = import_ucdp_ged(
                options["path"], progress=self.stdout.write if verbosity else None
            )
        except OSError as error:
            raise CommandError(f"Cannot read {options['path']}: {error}") from error
        result.report("UCDP GED", self.stdout.write, every_row=verbosity > 1)
