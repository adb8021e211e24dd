"""The extraction pipeline's lexicons, built from the database so editors' additions count.

The one place where the database meets `events/extraction/` (which touches none): the places,
actors and aliases of the admin are read here and passed to the pipeline. Each process keeps
what it built and rebuilds it when the table's fingerprint (row count and latest change)
moves: a place or an alias an editor adds in the admin is used by the next import, in every
app server, without a restart. Without a usable database (not configured, not migrated, or
no places loaded yet) the seeds' lexicons are used.
"""

from django.db import DatabaseError
from django.db.models import Count, Max

from .extraction import extract as pipeline
from .extraction.actors import ActorLexicon, default_actors
from .extraction.gazetteer import (
    Gazetteer,
    default_gazetteer,
    seed_areas,
    seed_nonplaces,
    seed_prominence,
    seed_stopwords,
)
from .models import Actor, District, Governorate, Place

_cache = {}


def _cached(key, fingerprint, build):
    cached = _cache.get(key)
    if cached and cached[0] == fingerprint:
        return cached[1]
    value = build()
    _cache[key] = (fingerprint, value)
    return value


def actors():
    try:
        fingerprint = tuple(Actor.objects.aggregate(n=Count("pk"), t=Max("updated_at")).values())
    except DatabaseError:
        return default_actors()
    if fingerprint[0] == 0:
        return default_actors()
    return _cached(
        "actors",
        fingerprint,
        lambda: ActorLexicon.from_records(Actor.objects.values_list("name", "group", "aliases")),
    )


def gazetteer():
    try:
        fingerprint = (
            *Place.objects.aggregate(n=Count("pk"), t=Max("updated_at")).values(),
            District.objects.count(),
            Governorate.objects.count(),
        )
    except DatabaseError:
        return default_gazetteer()
    if fingerprint[0] == 0:
        return default_gazetteer()
    return _cached("gazetteer", fingerprint, gazetteer_from_db)


def gazetteer_from_db() -> Gazetteer:
    """The gazetteer of the database: the seeds' places as loaded, with editors' places and
    alternate names. Each place's key is its P-code, GeoNames id or row ("place:<pk>")."""
    governorates = list(
        Governorate.objects.values(
            "code", "name", "name_ar", "alternate_names", "label_latitude", "label_longitude"
        )
    )
    districts = [
        {**d, "governorate": d.pop("governorate_id")}
        for d in District.objects.values(
            "pcode", "name", "name_ar", "alternate_names", "governorate_id"
        )
    ]
    # How many UCDP events each seed place saw is no model field: it ranks namesakes.
    prominence = seed_prominence()
    places = []
    for p in Place.objects.values(
        "name", "name_ar", "alternate_names", "governorate_id", "district__pcode",
        "id", "latitude", "longitude", "population", "geonames_id", "pcode", "origin",
    ):  # fmt: skip
        p["governorate"] = p.pop("governorate_id")
        p["district"] = p.pop("district__pcode")
        p["ucdp_events"] = prominence.get(
            p["pcode"] or p["geonames_id"] or (p["name"], p["governorate"]), 0
        )
        places.append(p)
    return Gazetteer.from_records(
        governorates,
        districts,
        places,
        seed_areas(),
        stopwords=seed_stopwords(),
        nonplaces=seed_nonplaces(),
    )


def extract(title, text, published, source=None, strict=False):
    """The extraction pipeline with the database's actors and gazetteer."""
    return pipeline(
        title, text, published, source=source, gazetteer=gazetteer(), actors=actors(), strict=strict
    )
