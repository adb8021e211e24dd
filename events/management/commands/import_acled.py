import re

from django.core.management.base import BaseCommand, CommandError

from events.datasets import import_acled


class Command(BaseCommand):
    help = (
        "Import ACLED events from a CSV file (plain or .gz): one incident and one report per "
        "row, idempotent by the row's id. Rows whose place, district or governorate cannot be "
        "mapped are imported with what could be mapped and listed with the reason."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, **options):
        try:
            result = import_acled(options["path"], progress=self.stdout.write)
        except OSError as error:
            raise CommandError(f"Cannot read {options['path']}: {error}") from error
        reasons = {}
        for _, reason in result.problems:
            kind = " ".join(re.sub(r"'[^']*'|\"[^\"]*\"|\(.*\)|:.*", "", reason).split())
            reasons[kind] = reasons.get(kind, 0) + 1
        for kind, count in sorted(reasons.items(), key=lambda item: -item[1]):
            self.stdout.write(f"  {count:6d} x {kind}")
        self.stdout.write(result.summary("ACLED"))
