"""The data the project ships in seeds/: loaded on first run, reloadable without harm.

Actors (seeds/actors.json) and the gazetteer (seeds/gazetteer/: governorates, districts and
places). Idempotent: governorates and districts are matched by code, places by OCHA P-code,
else GeoNames id, else (origin, name, governorate). Reloading keeps what editors did: their
alternate names and aliases are kept (the union with the seed's), a place they renamed keeps
their name (the seed's name becomes an alternate), and places they created are not touched.
"""

import csv
import gzip
import json
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import (
    Actor,
    ActorGroup,
    District,
    Governorate,
    Place,
    in_syria,
    join_names,
    split_names,
)

SEEDS_DIR = Path(settings.BASE_DIR) / "seeds"
GAZETTEER_DIR = SEEDS_DIR / "gazetteer"
BATCH = 1000


def read_csv(path):
    """Rows of a CSV file (UTF-8, with or without a byte-order mark), gzipped or not (as its
    first bytes say, whatever its name), as dicts: the one reader of seeds and datasets."""
    with open(path, "rb") as handle:
        gzipped = handle.read(2) == b"\x1f\x8b"
    with (gzip.open if gzipped else open)(path, "rt", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def read_rows(directory, name):
    """Rows of a seed CSV, `name` or `name`.gz; [] when there is neither."""
    directory = Path(directory)
    for path in (directory / name, directory / f"{name}.gz"):
        if path.exists():
            return read_csv(path)
    return []


def _union(existing, names):
    return join_names(split_names(existing) + split_names("\n".join(names)))


def _number(value, kind=float):
    return kind(float(value)) if value not in (None, "") else None


def load_gazetteer(directory=GAZETTEER_DIR, progress=None):
    """Load governorates, districts and places; return counts of what was created/updated.

    `progress`, if given, is called with a short message after each step.
    """
    say = progress or (lambda message: None)
    counts = {}
    with transaction.atomic():
        counts["governorates"] = _load_governorates(read_rows(directory, "governorates.csv"))
        say(f"Governorates: {counts['governorates']}")
        counts["districts"] = _load_districts(read_rows(directory, "districts.csv"))
        say(f"Districts: {counts['districts']}")
    counts["places"] = _load_places(read_rows(directory, "places.csv"), say)
    say(f"Places: {counts['places']}")
    return counts


def _load_governorates(rows):
    return _load_areas(
        Governorate,
        "code",
        rows,
        lambda row: {
            "pcode": row["pcode"],
            "name": row["name"],
            "name_ar": row["name_ar"],
            "label_latitude": _number(row.get("label_latitude")),
            "label_longitude": _number(row.get("label_longitude")),
        },
    )


def _load_districts(rows):
    return _load_areas(
        District,
        "pcode",
        rows,
        lambda row: {
            "name": row["name"],
            "name_ar": row["name_ar"],
            "governorate_id": row["governorate"],
        },
    )


def _load_areas(model, key, rows, fields_of):
    """Create or update governorates or districts by their code, keeping editors' names."""
    created = updated = 0
    existing = {getattr(obj, key): obj for obj in model.objects.all()}
    for row in rows:
        fields = fields_of(row)
        obj = existing.get(row[key])
        if obj is None:
            names = join_names(split_names(row["alternate_names"]))
            model.objects.create(**{key: row[key]}, alternate_names=names, **fields)
            created += 1
            continue
        names = _union(obj.alternate_names, [row["alternate_names"]])
        if _apply(obj, {**fields, "alternate_names": names}):
            obj.save()
            updated += 1
    return {"created": created, "updated": updated}


def _apply(obj, fields):
    changed = False
    for name, value in fields.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _place_key(pcode, geonames_id, origin, name, governorate, latitude, longitude):
    if pcode:
        return ("pcode", pcode)
    if geonames_id:
        return ("geonames", int(geonames_id))
    # Two villages may share a name in one governorate: where they are tells them apart.
    return (origin, name, governorate, round(float(latitude), 2), round(float(longitude), 2))


def _load_places(rows, say):
    districts = dict(District.objects.values_list("pcode", "id"))
    existing = {}
    for place in Place.objects.exclude(origin=Place.Origin.EDITOR):
        key = _place_key(
            place.pcode, place.geonames_id, place.origin, place.name, place.governorate_id,
            place.latitude, place.longitude,
        )  # fmt: skip
        existing[key] = place
    to_create, to_update = [], []
    skipped = 0
    fields = [
        "name", "name_ar", "alternate_names", "governorate_id", "district_id", "latitude",
        "longitude", "geonames_id", "population", "origin",
    ]  # fmt: skip
    for row in rows:
        latitude, longitude = float(row["latitude"]), float(row["longitude"])
        if not in_syria(latitude, longitude):
            skipped += 1  # outside Syria's bounding box: the model's constraint refuses it
            continue
        values = {
            "name": row["name"],
            "name_ar": row["name_ar"],
            "alternate_names": join_names(split_names(row["alternate_names"])),
            "governorate_id": row["governorate"],
            "district_id": districts.get(row["district"]),
            "latitude": latitude,
            "longitude": longitude,
            "geonames_id": _number(row.get("geonames_id"), int),
            "population": _number(row.get("population"), int),
            "origin": row["origin"],
        }
        key = _place_key(
            row["pcode"], row.get("geonames_id"), row["origin"], row["name"], row["governorate"],
            latitude, longitude,
        )  # fmt: skip
        place = existing.get(key)
        if place is None:
            to_create.append(Place(pcode=row["pcode"] or None, **values))
            continue
        # Editors' work stays: their alternate names, and their name if they renamed it.
        names = split_names(place.alternate_names) + split_names(values["alternate_names"])
        if place.name != values["name"]:
            names.append(values["name"])
            values["name"] = place.name
        values["alternate_names"] = join_names(n for n in names if n != values["name"])
        if _apply(place, values):
            to_update.append(place)
    for start in range(0, len(to_create), BATCH):
        with transaction.atomic():
            Place.objects.bulk_create(to_create[start : start + BATCH])
        say(f"  places created: {min(start + BATCH, len(to_create))}/{len(to_create)}")
    for start in range(0, len(to_update), BATCH):
        with transaction.atomic():
            Place.objects.bulk_update(to_update[start : start + BATCH], fields)
        say(f"  places updated: {min(start + BATCH, len(to_update))}/{len(to_update)}")
    return {"created": len(to_create), "updated": len(to_update), "skipped": skipped}


def load_actors(path=None):
    """Actors and their aliases from seeds/actors.json; an editor's aliases are kept."""
    records = json.loads(Path(path or SEEDS_DIR / "actors.json").read_text(encoding="utf-8"))
    created = updated = 0
    for record in records:
        group = record.get("group") if record.get("group") in ActorGroup.values else "unknown"
        actor, was_created = Actor.objects.get_or_create(
            name=record["name"],
            defaults={"group": group, "aliases": join_names(record.get("aliases", []))},
        )
        if was_created:
            created += 1
            continue
        aliases = join_names(split_names(actor.aliases) + list(record.get("aliases", [])))
        if aliases != actor.aliases:
            actor.aliases = aliases
            actor.save(update_fields=["aliases"])
            updated += 1
    return {"created": created, "updated": updated}
