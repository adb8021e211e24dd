from events.datasets import import_acled

from ._dataset import DatasetImportCommand


class Command(DatasetImportCommand):
    help = (
        "Import ACLED events from a CSV file (plain or .gz): one incident and one report per "
        "row, idempotent by the row's id. Rows whose place, district or governorate cannot be "
        "mapped are imported with what could be mapped and listed with the reason."
    )
    dataset = "ACLED"
    importer = staticmethod(import_acled)
