import csv

from django.core.management.base import BaseCommand, CommandError

from events.datasets import NotTheDataset


class DatasetImportCommand(BaseCommand):
    """`manage.py import_<dataset> PATH`: import the file, then list what could not be mapped."""

    dataset = ""  # the name in messages, e.g. "UCDP GED"
    importer = None  # events.datasets.import_*: (path, progress) -> a result with .report()

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        progress = self.stdout.write if verbosity else None
        try:
            result = self.importer(options["path"], progress=progress)
        # Not a file, not gzip (or cut short), not UTF-8, or a field past csv's limit.
        except (OSError, EOFError, UnicodeDecodeError, csv.Error) as error:
            raise CommandError(f"Cannot read {options['path']}: {error}") from error
        except NotTheDataset as error:
            raise CommandError(f"Not imported: {options['path']}: {error}") from error
        result.report(self.dataset, self.stdout.write, every_row=verbosity > 1)
