"""One actor for one name: an actor whose name is another actor's alias (the dataset spelling
"Government of Syria" of "Syrian government forces", "IS" of "Islamic State") is merged into
it: its claims and incidents point to the other, its name stays as an alias, and the
incidents' groups are worked out again.

The dataset spellings added to seeds/actors.json with this migration are added here too
(where the actor exists), so that a database seeded before is merged the same way. Stands
alone: names are compared as Actor names are (casefolded, accents and punctuation dropped,
ACLED's "(Syria)" or "(2000-)" qualifiers left out).
"""

import re
import unicodedata

from django.db import migrations

ALIASES = {
    "Syrian government forces": [
        "Government of Syria",
        "Military Forces of Syria",
        "Police Forces of Syria",
    ],
    "Russian armed forces": [
        "Government of Russia",
        "Military Forces of Russia",
        "Government of Russia (Soviet Union)",
    ],
    "Iran-aligned militias": ["Government of Iran", "Military Forces of Iran"],
    "US-led international coalition": [
        "Government of United States of America",
        "Military Forces of the United States",
    ],
    "Turkish armed forces": ["Government of Turkey", "Military Forces of Turkey"],
    "Israel Defense Forces": ["Government of Israel", "Military Forces of Israel"],
    "Iraqi air force": ["Government of Iraq", "Military Forces of Iraq"],
    "Hayat Tahrir al-Sham": ["Tahrir al- Sham Army"],
    "Syrian armed opposition": ["Syrian insurgents"],
    "Syrian Democratic Forces": ["SDF: Syrian Democratic Forces"],
}


def split_names(value):
    return [line.strip() for line in (value or "").replace("|", "\n").splitlines() if line.strip()]


def actor_key(name):
    letters = unicodedata.normalize("NFKD", name or "").casefold()
    letters = "".join(ch for ch in letters if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[\W_]+", " ", letters).split())


def groups_key(groups):
    groups = sorted({group for group in groups if group})
    return f",{','.join(groups)}," if groups else ""


def merge(apps, schema_editor):
    Actor = apps.get_model("events", "Actor")
    Claim = apps.get_model("events", "Claim")
    Incident = apps.get_model("events", "Incident")
    through = Incident.perpetrators.through

    for name, aliases in ALIASES.items():
        actor = Actor.objects.filter(name=name).first()
        if actor is not None:
            known = {actor_key(a) for a in split_names(actor.aliases)}
            added = [a for a in aliases if actor_key(a) not in known]
            if added:
                actor.aliases = "\n".join([*split_names(actor.aliases), *added])
                actor.save(update_fields=["aliases"])

    actors = list(Actor.objects.order_by("pk"))
    names = {actor_key(actor.name) for actor in actors}
    by_alias = {}
    for actor in actors:
        for alias in split_names(actor.aliases):
            by_alias.setdefault(actor_key(alias), actor)
    affected = set()
    for actor in actors:
        bare = re.sub(r"\s*\([^)]*\)", " ", actor.name)
        into = by_alias.get(actor_key(actor.name))
        if into is None and actor_key(bare) not in names:
            into = by_alias.get(actor_key(bare))
        if into is None or into.pk == actor.pk:
            continue
        claims = Claim.objects.filter(actor=actor)
        affected |= set(claims.values_list("report__incident_id", flat=True))
        claims.update(actor=into, group=into.group)
        linked = set(through.objects.filter(actor=actor).values_list("incident_id", flat=True))
        already = set(
            through.objects.filter(actor=into, incident_id__in=linked).values_list(
                "incident_id", flat=True
            )
        )
        through.objects.bulk_create(
            [through(incident_id=pk, actor_id=into.pk) for pk in sorted(linked - already)]
        )
        through.objects.filter(actor=actor).delete()
        affected |= linked
        actor.delete()

    groups = dict(Actor.objects.values_list("pk", "group"))
    ids = sorted(pk for pk in affected if pk)
    for start in range(0, len(ids), 2000):
        chunk = ids[start : start + 2000]
        perpetrators, parties = {}, {}
        for incident_id, kind, actor_id in Claim.objects.filter(
            report__incident_id__in=chunk, report__is_background=False
        ).values_list("report__incident_id", "kind", "actor_id"):
            target = parties if kind == "party" else perpetrators
            target.setdefault(incident_id, []).append(groups.get(actor_id))
        links = {}
        for incident_id, actor_id in through.objects.filter(incident_id__in=chunk).values_list(
            "incident_id", "actor_id"
        ):
            links.setdefault(incident_id, []).append(groups.get(actor_id))
        current = dict(Incident.objects.filter(pk__in=chunk).values_list("pk", "perpetrator_group"))
        updates = {}
        for incident_id in chunk:
            # An incident no claim speaks for (an editor's) keeps its group.
            first = (perpetrators.get(incident_id) or [current.get(incident_id) or ""])[0] or ""
            values = (
                first,
                groups_key([first, *links.get(incident_id, [])]),
                groups_key(parties.get(incident_id, [])),
            )
            updates.setdefault(values, []).append(incident_id)
        for (first, perpetrator_groups, party_groups), pks in updates.items():
            Incident.objects.filter(pk__in=pks).update(
                perpetrator_group=first,
                perpetrator_groups=perpetrator_groups,
                party_groups=party_groups,
            )


class Migration(migrations.Migration):
    dependencies = [("events", "0018_incident_merged_into")]

    operations = [migrations.RunPython(merge, migrations.RunPython.noop)]
