from django.core.management.base import BaseCommand, CommandError

from events.importing import import_uploads, read_paths


class Command(BaseCommand):
    help = (
        "Import news bulletins (.txt, .html, .jsonl files, or folders of them), extracting "
        "their strike events. Bulletins already imported are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")

    def handle(self, *args, **options):
        counts = {"created": 0, "skipped": 0, "rejected": 0}
        events = 0

        def progress(result):
            nonlocal events
            counts[result.status] += 1
            events += len(result.incidents)
            done = sum(counts.values())
            if result.status == "rejected":
                self.stderr.write(f"[{done}] rejected: {result.reason}")
            elif result.reason and result.status == "created":
                self.stdout.write(f"[{done}] created: {result.name}: {result.reason}")
            elif options["verbosity"] > 1 or done % 50 == 0:
                self.stdout.write(f"[{done}] {result.status}: {result.name}")

        import_uploads(read_paths(options["paths"]), progress=progress)
        self.stdout.write(
            f"{counts['created']} created ({events} events), {counts['skipped']} skipped as "
            f"already imported, {counts['rejected']} rejected."
        )
        if counts["rejected"]:
            raise CommandError(f"{counts['rejected']} bulletin(s) rejected; see above.")
