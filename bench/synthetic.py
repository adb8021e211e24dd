"""Synthetic incidents for the scale benchmark, drawn from the real UCDP GED Syria rows.

Every synthetic incident copies the what and where of one real UCDP event (its place,
district, governorate, coordinates, event type, actors and casualty figures, mapped through
the same Crosswalk the importer uses) and moves its date by a whole number of years, so that
places, groups, types and tolls keep their real joint distribution over about ten years.
A quarter come from bulletins (synthetic text written from templates with the real place
names), the rest from datasets (their report headline is the real UCDP source headline), so
the text search has bulletins and headlines to find.

Rows go in with COPY (psycopg 3), not the ORM: a million incidents, their reports and
perpetrators load in a few minutes. Foreign keys are not checked row by row while loading
(session_replication_role = replica); every id written comes from the tables themselves.
"""

import datetime
import json
import random
import time

from django.db import connection

from events.counts import KEPT
from events.datasets import Crosswalk, _actors, ucdp_row
from events.models import Actor, ActorGroup, EventType, GeoPrecision, actors_key, groups_key
from events.seeds import SEEDS_DIR, read_csv

UCDP = SEEDS_DIR / "ucdp_ged_syria_2016_2019.csv.gz"
MARK = "bench-"  # external_id prefix of the synthetic dataset reports
YEAR_SHIFTS = range(-3, 7)  # 2016-2019 spread over 2013-2025
PUBLISHERS = ["Syria Monitor", "Levant Daily", "Northern Syria Bulletin", "Relief Watch"]
KIND_WORDS = {
    EventType.AIRSTRIKE: "Warplanes struck",
    EventType.DRONE_STRIKE: "A drone strike hit",
    EventType.SHELLING: "Artillery shells fell on",
    EventType.MISSILE: "A missile struck",
    EventType.BARREL_BOMB: "Helicopters dropped barrel bombs on",
    EventType.CHEMICAL: "A suspected chemical attack hit",
    EventType.BOMBING: "A car bomb exploded in",
    EventType.CLASH: "Fighting broke out in",
    EventType.SHOOTING: "Gunmen opened fire in",
    EventType.EXECUTION: "Bodies of executed men were found in",
    EventType.OTHER: "An attack was reported in",
}
TARGETS = [
    "a market",
    "a residential neighbourhood",
    "a field hospital",
    "a school",
    "farmland",
    "a bakery",
    "a mosque",
    "a displacement camp",
    "a checkpoint",
    "the main road",
]
GROUP_WORDS = {
    ActorGroup.SYRIAN_GOVERNMENT: "government forces",
    ActorGroup.RUSSIA: "Russian aircraft",
    ActorGroup.IRAN_ALIGNED: "Iran-backed militias",
    ActorGroup.INTERNATIONAL_COALITION: "the US-led coalition",
    ActorGroup.TURKEY: "Turkish forces",
    ActorGroup.ISRAEL: "Israeli jets",
    ActorGroup.IRAQ: "Iraqi forces",
    ActorGroup.ISLAMIC_STATE: "Islamic State fighters",
    ActorGroup.HTS: "Hayat Tahrir al-Sham",
    ActorGroup.OPPOSITION: "opposition factions",
    ActorGroup.SDF: "the Syrian Democratic Forces",
}

INCIDENT_COLUMNS = [
    "id", "title", "event_type", "date", "date_precision", "place_id", "district_id",
    "governorate_id", "latitude", "longitude", "geo_precision", "perpetrator_group", "source",
    "status", "confidence", "figures_edited", "version", "created_at", "updated_at",
    "killed_total_low", "killed_total_best", "killed_total_high", "killed_civilians_best",
    "killed_combatants_best", "perpetrator_groups", "aggregate", "party_groups",
    "perpetrator_actors",
]  # fmt: skip
REPORT_COLUMNS = [
    "id", "incident_id", "bulletin_id", "source", "external_id", "headline", "event_type", "date",
    "date_precision", "place_id", "place_name", "district_id", "governorate_id", "latitude",
    "longitude", "geo_precision", "is_primary", "is_background", "evidence", "raw", "created_at",
    "killed_total_best",
]  # fmt: skip
BULLETIN_COLUMNS = [
    "id", "title", "publisher", "published_at", "url", "text", "content_hash", "imported_at",
    "filename",
]  # fmt: skip


def templates():
    """The real events in our terms: one tuple each, as the importer would map them."""
    rows = [ucdp_row(raw) for raw in read_csv(UCDP)]
    crosswalk = Crosswalk()
    actors = _actors({name for row in rows for name in row.perpetrators})
    place_names = {}
    result = []
    for row in rows:
        governorate = crosswalk.governorate(row.adm1)
        place = crosswalk.place(row.place_name, governorate, row.latitude, row.longitude)
        if not governorate and place:
            governorate = place[1]
        if not governorate or row.date is None:
            continue
        district = crosswalk.district(governorate, row.adm2)
        if district is None and place:
            district = place[2]
        place_id = place[0] if place and row.geo_precision == GeoPrecision.PLACE else None
        if place_id:
            place_names[place_id] = row.place_name
        ids = [actors[name].pk for name in row.perpetrators]
        group = actors[row.perpetrators[0]].group if row.perpetrators else ""
        f = row.figures
        result.append(
            (
                row.event_type, row.date, row.date_precision, place_id, row.place_name[:200],
                district, governorate, row.latitude, row.longitude, row.geo_precision, group,
                ids, (f["killed_total_low"], f["killed_total_best"], f["killed_total_high"],
                      f["killed_civilians_best"], f["killed_combatants_best"]),
                row.headline, row.aggregate,
            )
        )  # fmt: skip
    return result


def _escape(value):
    """A value in COPY's text format."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    text = str(value)
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = (
            text.replace("\\", "\\\\")
            .replace("\t", "\\t")
            .replace("\n", "\\n")
            .replace("\r", "\\r")
        )
    return text


def _defaults(table, columns):
    """(columns, values) for the NOT NULL columns of a table that `columns` leaves out, with
    the model's defaults: a column added later has no database default for COPY to use."""
    from django.apps import apps

    models = apps.get_models(include_auto_created=True)
    model = next(m for m in models if m._meta.db_table == table)
    missing = [
        f for f in model._meta.concrete_fields
        if not f.null and not f.primary_key and f.column not in columns
    ]  # fmt: skip
    values = [f.get_default() for f in missing]
    return [f.column for f in missing], [
        json.dumps(v) if isinstance(v, list | dict) else v for v in values
    ]


def _copy(cursor, table, columns, lines):
    """COPY rows (lists of values) into a table, in large writes."""
    extra_columns, extra = _defaults(table, columns)
    columns = [*columns, *extra_columns]
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        batch = []
        for line in lines:
            batch.append("\t".join(map(_escape, [*line, *extra])))
            if len(batch) >= 20_000:
                copy.write("\n".join(batch) + "\n")
                batch.clear()
        if batch:
            copy.write("\n".join(batch) + "\n")


def _shift(date, years):
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


def bulletin_text(rng, date, events):
    """A short bulletin of a day, one paragraph an event, with real place names."""
    paragraphs = []
    for kind, place, governorate, group, killed in events:
        who = GROUP_WORDS.get(group, "unidentified attackers")
        target = rng.choice(TARGETS)
        toll = f"killing {killed} people" if killed else "causing damage but no deaths"
        paragraphs.append(
            f"{KIND_WORDS.get(kind, 'An attack was reported in')} {target} in {place}, "
            f"{governorate} governorate, on {date:%d %B %Y}, {toll}, according to local "
            f"sources who blamed {who}. Rescue workers searched the rubble into the evening."
        )
    return "\n\n".join(paragraphs)


def load(n, seed=5, progress=print):
    """Replace the incidents, reports, bulletins and perpetrators with n synthetic incidents."""
    rng = random.Random(seed)
    started = time.perf_counter()
    real = templates()
    governorates = dict(
        connection.cursor().execute("SELECT code, name FROM events_governorate").fetchall()
    )
    now = datetime.datetime.now(datetime.UTC).isoformat()
    actor_groups = dict(Actor.objects.values_list("pk", "group"))
    bulletin_share, per_bulletin = 0.25, 4
    incidents, reports, perpetrators, bulletins = [], [], [], []
    progress(f"  generating {n:,} incidents from {len(real):,} real events ...")
    pending = []  # bulletin incidents waiting for their bulletin: (incident row, template)
    bulletin_id = 0

    def flush_bulletin():
        nonlocal bulletin_id
        bulletin_id += 1
        day = pending[0][0][3]
        events = [
            (t[0], t[4] or governorates[t[6]], governorates[t[6]], t[10], t[12][1])
            for _, t in pending
        ]
        text = bulletin_text(rng, day, events)
        title = f"{EventType(events[0][0]).label} in {events[0][1]} and {len(events) - 1} more"
        bulletins.append(
            [bulletin_id, title, rng.choice(PUBLISHERS), f"{day}T12:00:00+00:00",
             f"https://example.org/bulletins/{bulletin_id}", text,
             f"{MARK}{bulletin_id:058d}", now, ""]
        )  # fmt: skip
        for row, t in pending:
            reports.append(
                [row[0], row[0], bulletin_id, "bulletin", "", "", t[0], row[3], t[2], t[3],
                 t[4], t[5], t[6], t[7], t[8], t[9], True, False, "[]", "{}", now, t[12][1]]
            )  # fmt: skip
        pending.clear()

    draws = []
    for _ in range(n):
        t = real[rng.randrange(len(real))]
        date = None if rng.random() < 0.005 else _shift(t[1], rng.choice(YEAR_SHIFTS))
        draws.append((date, t))
    # Ids follow the dates, as when bulletins and datasets arrive over the years: the table is
    # roughly in date order on disk, as a real one is (undated incidents come last).
    draws.sort(key=lambda draw: draw[0] or datetime.date.max)
    for pk, (date, t) in enumerate(draws, start=1):
        roll = rng.random()
        status = "verified" if roll < 0.85 else "extracted" if roll < 0.98 else "rejected"
        from_bulletin = date is not None and rng.random() < bulletin_share
        source = "bulletin" if from_bulletin else "ucdp_ged"
        title = t[13].split(";")[0][:300]
        if from_bulletin:
            title = f"{EventType(t[0]).label} in {t[4] or governorates[t[6]]}"
        low, best, high, civilians, combatants = t[12]
        groups = groups_key([t[10], *(actor_groups[actor] for actor in t[11])])
        row = [
            pk, title, t[0], date, t[2], t[3], t[5], t[6], t[7], t[8], t[9], t[10], source,
            status, round(rng.random(), 3) if status == "extracted" else None, False, 1, now,
            now, low, best, high, civilians, combatants, groups, t[14], "", actors_key(t[11]),
        ]  # fmt: skip
        incidents.append(row)
        perpetrators.extend((pk, actor) for actor in dict.fromkeys(t[11]))
        if from_bulletin:
            pending.append((row, t))
            if len(pending) >= per_bulletin:
                flush_bulletin()
        else:
            reports.append(
                [pk, pk, None, "ucdp_ged", f"{MARK}{pk}", t[13], t[0], date, t[2], t[3], t[4],
                 t[5], t[6], t[7], t[8], t[9], True, False, "[]", "{}", now, best]
            )  # fmt: skip
    if pending:
        flush_bulletin()
    generated = time.perf_counter()
    progress(f"  generated in {generated - started:.0f} s; loading with COPY ...")
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor, for copy()
        cursor.execute("SET session_replication_role = replica")
        cursor.execute(
            "TRUNCATE events_incident_perpetrators, events_claim, events_report,"
            " events_mergerecord, events_incident, events_bulletin RESTART IDENTITY CASCADE"
        )
        _copy(raw, "events_bulletin", BULLETIN_COLUMNS, bulletins)
        _copy(raw, "events_incident", INCIDENT_COLUMNS, incidents)
        _copy(raw, "events_report", REPORT_COLUMNS, reports)
        _copy(raw, "events_incident_perpetrators", ["incident_id", "actor_id"], perpetrators)
        cursor.execute("SET session_replication_role = DEFAULT")
        for table in ("events_incident", "events_report", "events_bulletin"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                f" (SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
            )
        loaded = time.perf_counter()
        progress(
            f"  loaded {len(incidents):,} incidents, {len(reports):,} reports, "
            f"{len(bulletins):,} bulletins, {len(perpetrators):,} perpetrators in "
            f"{loaded - generated:.0f} s; ANALYZE ..."
        )
        for table in ("events_incident", "events_report", "events_bulletin",
                      "events_incident_perpetrators", "events_actor", "events_place"):  # fmt: skip
            cursor.execute(f"VACUUM ANALYZE {table}")
    progress("  counting for the map, indexing words (COPY bypassed the triggers) ...")
    for table, _ in KEPT:
        table.rebuild()
    # A rebuild deletes what the tables held and fills them again: the dead rows would slow
    # every text request (the word counts' pending rows) until autovacuum came by.
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE tablename LIKE 'events\\_%%'")
        for (table,) in cursor.fetchall():
            cursor.execute(f'VACUUM ANALYZE "{table}"')
    progress(f"  done in {time.perf_counter() - started:.0f} s")
    return Actor.objects.count()
