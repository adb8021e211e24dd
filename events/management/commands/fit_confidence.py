"""Fit the extraction confidence table from labelled articles.

    python manage.py fit_confidence --jsonl ../shared/eval/fakes-dev.jsonl \
        --scorer ../shared/eval/score.py

Extracts every article (the same entry point as `extract_events`), checks its scored event's
four headline fields against the labels with the evaluation set's own scorer, and writes how
often each kind of evidence was right to `seeds/extraction_confidence.json`: counts only, no
article text. Deterministic: the same articles give the same file.
"""

import importlib.util
import json

from django.core.management.base import BaseCommand, CommandError

from events.extraction import confidence, extract


class Command(BaseCommand):
    help = "Fit seeds/extraction_confidence.json from a labelled JSONL file."

    def add_arguments(self, parser):
        parser.add_argument("--jsonl", required=True, help="labelled articles (the dev set)")
        parser.add_argument("--scorer", required=True, help="the evaluation set's score.py")
        parser.add_argument("--output", default=str(confidence.SEED))

    def handle(self, *args, jsonl, scorer, output, **options):
        try:
            spec = importlib.util.spec_from_file_location("score", scorer)
            score = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(score)
            lines = open(jsonl, encoding="utf-8").read().splitlines()
        except OSError as error:
            raise CommandError(f"cannot read {error.filename}: {error.strerror}") from None
        pairs = []
        for line in filter(str.strip, lines):
            item = json.loads(line)
            events = extract(
                item.get("title") or "",
                item.get("text") or "",
                item.get("published"),
                source=item.get("source"),
            )
            event = score.primary(events)
            if event is None:
                continue
            got, want = score.observed(event), item["expected"]
            hits = {
                "province": got["province_code"] in want["province_codes"],
                "perpetrator_group": got["perpetrator_group"] == want["perpetrator_group"],
                "cause": got["cause"] == want["cause"],
                "civilians_killed": got["civilians_killed"] == want["civilians_killed"],
            }
            pairs.append((event, hits))
        document = {
            "about": (
                "How often each kind of extraction evidence gave the coders' answer, per headline "
                "field: {field: {basis: [right, seen]}}. Fitted by `manage.py fit_confidence` "
                "from the FA-KES dev articles (Abu Salem et al., ICWSM 2019; Zenodo record "
                "2607278; CC BY 4.0). Counts only: no article text."
            ),
            "articles": len(pairs),
            "table": confidence.fit(pairs),
        }
        with open(output, "w", encoding="utf-8") as handle:
            json.dump(document, handle, indent=1, sort_keys=True)
            handle.write("\n")
        self.stdout.write(f"fitted on {len(pairs)} articles: {output}")
