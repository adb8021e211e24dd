"""E-mail digests of saved searches: the incidents that newly match each one, daily or weekly.
`manage.py send_digests` sends the due ones; the task worker runs it every hour (tasks.py)."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.template.loader import render_to_string
from django.utils import timezone

from . import citation
from .forms import one_line
from .models import SavedSearch

logger = logging.getLogger(__name__)

# A digest lists this many incidents at most, then links to the rest.
DIGEST_ITEMS = 50


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def digest_message(search, incidents, count, now):
    cited = {
        "filter_url": absolute(search.get_absolute_url()),
        "retrieved_at": now.isoformat(timespec="seconds"),
        "rows": count,
        "sources": citation.sources(search.query),
    }
    context = {
        "search": search,
        "incidents": incidents,
        "count": count,
        "more": count - len(incidents),
        "list_url": cited["filter_url"],
        "site_url": settings.SITE_URL.rstrip("/"),
        "citation": citation.text(cited),
    }
    # (on one line: a name saved before names were, with a line break, made it raise)
    subject = f"{count} new incident{'s' if count != 1 else ''}: {one_line(search.name)}"
    body = render_to_string("opendata/digest.txt", context)
    return EmailMessage(subject, body, to=[search.user.email])


def invalid_message(search, errors):
    context = {
        "search": search,
        "errors": errors,
        "list_url": absolute(search.get_absolute_url()),
        "site_url": settings.SITE_URL.rstrip("/"),
    }
    body = render_to_string("opendata/digest_invalid.txt", context)
    return EmailMessage(
        f"Saved search no longer valid: {one_line(search.name)}", body, to=[search.user.email]
    )


def send_digests(now=None, stdout=None):
    """Send every due digest that has new incidents; returns how many were sent.

    A search is marked sent at `now` whether or not anything new matched, so the next
    digest covers the period after it. Users without an e-mail address are skipped. A search
    whose filters no longer hold sends, once until they hold again, a message saying why
    instead of a digest (which would match nothing, silently).
    """
    now = now or timezone.now()
    sent = 0
    due = SavedSearch.objects.due(now).select_related("user").exclude(user__email="")
    if not due.exists():
        return 0  # (no connection to the mail server for nothing to send)
    with mailers.default as mailer:
        for search in due.iterator(chunk_size=100):
            try:
                sent += send_one(search, mailer, now, stdout)
            except Exception:
                # One search's failure (its mail refused, say) is logged, and the others are
                # still sent: it is tried again at the next run.
                logger.exception("The digest of saved search %s failed", search.pk)
    return sent


def send_one(search, mailer, now, stdout=None):
    """Send one due search's digest (or the notice that it no longer holds); 1 if a message
    went, else 0. The search is marked sent at `now` either way."""
    since = search.last_sent_at or search.created_at
    if errors := search.filter_errors():
        told = search.invalid_told_at is None
        if told:
            mailer.send_messages([invalid_message(search, errors)])
            if stdout:
                stdout.write(f"{search.user.email}: {search.name} (no longer valid)")
        SavedSearch.objects.filter(pk=search.pk).update(
            last_sent_at=now, invalid_told_at=search.invalid_told_at or now
        )
        return int(told)
    new = search.new_incidents(since).filter(created_at__lte=now)
    count = new.count()
    if count:
        rows = list(new.select_related("place", "governorate")[:DIGEST_ITEMS])
        mailer.send_messages([digest_message(search, rows, count, now)])
        # (all it counted, listed or linked: none of them is new again)
        search.sent.add(*new.values_list("pk", flat=True))
        if stdout:
            stdout.write(f"{search.user.email}: {search.name} ({count} new)")
    SavedSearch.objects.filter(pk=search.pk).update(last_sent_at=now, invalid_told_at=None)
    return int(bool(count))
