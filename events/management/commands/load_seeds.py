from django.core.management import call_command
from django.core.management.base import BaseCommand

from events.importing import import_uploads, read_paths
from events.models import Report, Source
from events.seeds import SEEDS_DIR, load_actors


class Command(BaseCommand):
    help = (
        "Load the data shipped in seeds/: the gazetteer, the actors, the sample bulletins and "
        "the UCDP GED Syria events. Safe to run again: what is loaded stays, editors' changes "
        "are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-datasets", action="store_true", help="Do not load the UCDP GED events."
        )

    def handle(self, *args, **options):
        call_command("load_gazetteer", verbosity=options["verbosity"])
        counts = load_actors()
        self.stdout.write(f"Actors: {counts['created']} created, {counts['updated']} updated.")
        results = import_uploads(read_paths([SEEDS_DIR / "bulletins"]))
        created = sum(r.status == "created" for r in results)
        self.stdout.write(f"Sample bulletins: {created} imported, {len(results) - created} kept.")
        ucdp = SEEDS_DIR / "ucdp_ged_syria_2016_2019.csv.gz"
        if options["skip_datasets"] or not ucdp.exists():
            return
        if Report.objects.filter(source=Source.UCDP_GED).exists():
            self.stdout.write("UCDP GED events: already loaded.")
        else:
            call_command("import_ucdp_ged", str(ucdp), verbosity=options["verbosity"])
