"""The extraction pipeline's lexicons, built from the database so editors' additions count.

Each process keeps the lexicon it built and rebuilds it when the table's fingerprint (row count
and latest change) moves: an alias an editor adds in the admin is used by the next import, in
every app server, without a restart.
"""

from django.db.models import Count, Max

from .models import Actor

_cache = {}


def actors():
    from .extraction.actors import ActorLexicon, default_actors

    fingerprint = tuple(Actor.objects.aggregate(n=Count("pk"), t=Max("updated_at")).values())
    if fingerprint[0] == 0:
        return default_actors()
    cached = _cache.get("actors")
    if cached and cached[0] == fingerprint:
        return cached[1]
    lexicon = ActorLexicon.from_records(Actor.objects.values_list("name", "group", "aliases"))
    _cache["actors"] = (fingerprint, lexicon)
    return lexicon


def extract(title, text, published, source=None):
    """The extraction pipeline with the database's actors and gazetteer."""
    from .extraction import extract as pipeline
    from .extraction.gazetteer import default_gazetteer

    return pipeline(
        title, text, published, source=source, gazetteer=default_gazetteer(), actors=actors()
    )
