"""The data the project ships in seeds/: loaded on first run, reloadable without harm."""

import json
from pathlib import Path

from django.conf import settings

from .models import Actor, ActorGroup, join_names, split_names

SEEDS_DIR = Path(settings.BASE_DIR) / "seeds"


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
