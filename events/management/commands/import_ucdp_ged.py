from events.datasets import import_ucdp_ged

from ._dataset import DatasetImportCommand


class Command(DatasetImportCommand):
    help = (
        "Import UCDP GED events from a CSV file (plain or .gz): one incident and one report per "
        "row, idempotent by the row's id. Rows whose place, district or governorate cannot be "
        "mapped are imported with what could be mapped and listed with the reason."
    )
    dataset = "UCDP GED"
    importer = staticmethod(import_ucdp_ged)
