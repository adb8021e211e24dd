"""Each evidence span quotes the words it marks, so the detail page finds them again after an
editor's edit of the bulletin moves them (importing.quoted). Spans stored before are quoted
from their bulletin as it reads now (the best there is); reverse: the quotes are dropped."""

from django.db import migrations


def quote(apps, schema_editor):
    Report = apps.get_model("events", "Report")
    changed = []
    for report in Report.objects.filter(bulletin__isnull=False).select_related("bulletin").iterator(
        chunk_size=2000
    ):
        if not isinstance(report.evidence, list) or not report.evidence:
            continue
        document = f"{report.bulletin.title}\n\n{report.bulletin.text}"
        spans = [
            {**span, "quote": document[span["start"] : span["end"]]}
            if isinstance(span, dict)
            and "quote" not in span
            and type(span.get("start")) is int
            and type(span.get("end")) is int
            and 0 <= span["start"] < span["end"] <= len(document)
            else span
            for span in report.evidence
        ]
        if spans != report.evidence:
            report.evidence = spans
            changed.append(report)
        if len(changed) >= 2000:
            Report.objects.bulk_update(changed, ["evidence"])
            changed = []
    Report.objects.bulk_update(changed, ["evidence"])


def unquote(apps, schema_editor):
    Report = apps.get_model("events", "Report")
    changed = []
    for report in Report.objects.exclude(evidence=[]).iterator(chunk_size=2000):
        if isinstance(report.evidence, list):
            report.evidence = [
                {k: v for k, v in span.items() if k != "quote"} if isinstance(span, dict) else span
                for span in report.evidence
            ]
            changed.append(report)
    Report.objects.bulk_update(changed, ["evidence"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [("events", "0054_incident_place_and_district_date_indexes")]

    operations = [migrations.RunPython(quote, unquote, elidable=True)]
