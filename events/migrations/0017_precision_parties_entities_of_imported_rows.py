"""The rows imported before 0016, brought in line with what the importers now write:

- geo precision "province" is "governorate"; an incident without one is "country" when it
  has neither coordinates nor a governorate, "governorate" when it has only that;
- UCDP rows: the period's last day (date_end) when coarser than a day; event_clarity 2
  ("lower clarity": a toll summed over an area or a period) marks the incident an aggregate;
- the sides of UCDP state-based and non-state conflict (type_of_violence 1 and 2) and of
  ACLED battles and strategic developments (and the target of explosions/remote violence)
  become parties to the fighting, no longer perpetrators;
- HTML entities in dataset headlines are decoded, and a title cut inside one is made again.

Stands alone: it reads each row's `raw` (what the dataset said), never live code.
"""

import datetime
import html

from django.db import migrations

UCDP_PARTY_VIOLENCE = {"1", "2"}  # state-based, non-state; 3 is one-sided violence
ACLED_BOTH_PARTIES = {"battles", "strategic developments"}
ACLED_TARGET_IS_PARTY = {"explosions/remote violence"}


def groups_key(groups):
    groups = sorted({group for group in groups if group})
    return f",{','.join(groups)}," if groups else ""


def _date(value):
    try:
        return datetime.date.fromisoformat(str(value or "")[:10])
    except ValueError:
        return None


def party_names(source, raw):
    """The names a dataset row gives as sides in the fighting rather than attackers."""
    if source == "ucdp_ged":
        if str(raw.get("type_of_violence")) in UCDP_PARTY_VIOLENCE:
            return None  # every name
        return set()
    kind = str(raw.get("event_type") or "").strip().lower()
    if kind in ACLED_BOTH_PARTIES:
        return None
    if kind in ACLED_TARGET_IS_PARTY:
        return {str(raw.get("actor2") or "").strip()}
    return set()


def forwards(apps, schema_editor):
    Incident = apps.get_model("events", "Incident")
    Report = apps.get_model("events", "Report")
    Claim = apps.get_model("events", "Claim")
    Actor = apps.get_model("events", "Actor")
    through = Incident.perpetrators.through

    for model in (Incident, Report):
        model.objects.filter(geo_precision="province").update(geo_precision="governorate")
    unlocated = Incident.objects.filter(geo_precision="", latitude__isnull=True)
    unlocated.filter(governorate__isnull=True).update(geo_precision="country")
    unlocated.update(geo_precision="governorate")
    Incident.objects.filter(geo_precision="").update(geo_precision="place")
    Report.objects.exclude(source="bulletin").filter(
        geo_precision="", latitude__isnull=True
    ).update(geo_precision="country")

    rows = Report.objects.filter(source__in=["ucdp_ged", "acled"]).values_list(
        "pk", "incident_id", "source", "raw", "headline"
    )
    period_ends, aggregates, party_reports = {}, [], {}
    for pk, incident_id, source, raw, headline in rows.iterator(chunk_size=2000):
        raw = raw or {}
        if source == "ucdp_ged":
            start, end = _date(raw.get("date_start")), _date(raw.get("date_end"))
            if str(raw.get("date_prec")) != "1" and start and end and end > start:
                period_ends.setdefault(end, []).append(pk)
            if str(raw.get("event_clarity")) == "2" and incident_id:
                aggregates.append(incident_id)
        names = party_names(source, raw)
        if names is None or names:
            party_reports[pk] = names
        if "&" in (headline or "") and html.unescape(headline) != headline:
            decoded = html.unescape(headline)
            Report.objects.filter(pk=pk).update(headline=decoded)
            if incident_id:
                Incident.objects.filter(pk=incident_id, title=headline.split(";")[0][:300]).update(
                    title=decoded.split(";")[0][:300]
                )
    for end, pks in period_ends.items():
        for start in range(0, len(pks), 2000):
            chunk = pks[start : start + 2000]
            Report.objects.filter(pk__in=chunk).update(date_end=end)
            Incident.objects.filter(reports__pk__in=chunk).update(date_end=end)
    for start in range(0, len(aggregates), 2000):
        Incident.objects.filter(pk__in=aggregates[start : start + 2000]).update(aggregate=True)

    every = [pk for pk, names in party_reports.items() if names is None]
    for start in range(0, len(every), 2000):
        Claim.objects.filter(report_id__in=every[start : start + 2000]).update(kind="party")
    for pk, names in party_reports.items():
        if names:
            Claim.objects.filter(report_id=pk, name__in=names).update(kind="party")

    # The incidents of those reports: perpetrators, group and both keys from their claims.
    incident_ids = set(
        Report.objects.filter(pk__in=list(party_reports)).values_list("incident_id", flat=True)
    )
    incident_ids.discard(None)
    groups = dict(Actor.objects.values_list("pk", "group"))
    ids = sorted(incident_ids)
    for start in range(0, len(ids), 2000):
        chunk = ids[start : start + 2000]
        claims = {}
        for incident_id, kind, actor_id, group in Claim.objects.filter(
            report__incident_id__in=chunk, report__is_background=False
        ).values_list("report__incident_id", "kind", "actor_id", "group"):
            claims.setdefault(incident_id, []).append((kind, actor_id, group))
        links, unlinked = {}, []
        for pk, incident_id, actor_id in through.objects.filter(
            incident_id__in=chunk
        ).values_list("pk", "incident_id", "actor_id"):
            found = claims.get(incident_id, [])
            if any(k == "party" and a == actor_id for k, a, _ in found) and not any(
                k != "party" and a == actor_id for k, a, _ in found
            ):
                unlinked.append(pk)  # named only as a side: no longer a perpetrator
            else:
                links.setdefault(incident_id, []).append(actor_id)
        through.objects.filter(pk__in=unlinked).delete()
        # One UPDATE for each set of values (a few dozen), not one for each incident: each
        # statement runs the summary's and the search's triggers.
        updates = {}
        for incident_id in chunk:
            found = claims.get(incident_id, [])
            perpetrators = [a for k, a, _ in found if k != "party" and a]
            first = (groups.get(perpetrators[0]) if perpetrators else "") or ""
            values = (
                first,
                groups_key([first, *(groups.get(a) for a in links.get(incident_id, []))]),
                groups_key(g or groups.get(a) for k, a, g in found if k == "party"),
            )
            updates.setdefault(values, []).append(incident_id)
        for (first, perpetrator_groups, party_groups), pks in updates.items():
            Incident.objects.filter(pk__in=pks).update(
                perpetrator_group=first,
                perpetrator_groups=perpetrator_groups,
                party_groups=party_groups,
            )


class Migration(migrations.Migration):
    dependencies = [("events", "0016_incident_precision_aggregate_party")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
