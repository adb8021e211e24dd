"""The extraction pipeline's lexicons, built from the database so editors' additions count.

Each process keeps what it built and rebuilds it when the table's fingerprint (row count and
latest change) moves: a place or an alias an editor adds in the admin is used by the next
import, in every app server, without a restart.
"""

from django.db.models import Count, Max

from .extraction import extract as pipeline
from .extraction.actors import ActorLexicon, default_actors
from .extraction.gazetteer import Gazetteer, default_gazetteer
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
    fingerprint = tuple(Actor.objects.aggregate(n=Count("pk"), t=Max("updated_at")).values())
    if fingerprint[0] == 0:
        return default_actors()
    return _cached(
        "actors",
        fingerprint,
        lambda: ActorLexicon.from_records(Actor.objects.values_list("name", "group", "aliases")),
    )


def gazetteer():
    fingerprint = (
        *Place.objects.aggregate(n=Count("pk"), t=Max("updated_at")).values(),
        District.objects.count(),
        Governorate.objects.count(),
    )
    if fingerprint[0] == 0:
        return default_gazetteer()
    return _cached("gazetteer", fingerprint, Gazetteer.from_db)


def extract(title, text, published, source=None):
    """The extraction pipeline with the database's actors and gazetteer."""
    return pipeline(title, text, published, source=source, gazetteer=gazetteer(), actors=actors())
