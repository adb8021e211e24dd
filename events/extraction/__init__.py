"""Event extraction: a bulletin's text in, strike events in the contract's shape out.

`extract` is the one entry point; the bulletin import and `manage.py extract_events` both call
it. It is a pure function of its arguments and the seed lexicons: it writes nothing anywhere.
"""

import datetime
import logging

from .actors import ActorLexicon, default_actors
from .pipeline import run

__all__ = ["ActorLexicon", "default_actors", "extract"]

logger = logging.getLogger(__name__)


def extract(
    title: str,
    text: str,
    published: datetime.date | str | None,
    *,
    source: str | None = None,
    gazetteer=None,
    actors=None,
    strict: bool = False,
) -> list[dict]:
    """Events in a bulletin, each a dict with the contract's keys plus `confidence` (0..1).

    A fault of the reader is logged and gives no events; with `strict` it is raised, for the
    callers that say so (`extract_events` writes it as the line's error, the import as its
    reason)."""
    try:
        return run(title, text, published, source=source, gazetteer=gazetteer, actors=actors)
    except Exception:
        if strict:
            raise
        logger.exception("extraction failed for %r", (title or "")[:80])
        return []
