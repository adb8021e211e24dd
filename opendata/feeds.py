"""An Atom feed of every filtered view of the list: /events/feed.atom?<the list's filters>."""

import datetime
import re

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from events.filters import IncidentFilter
from events.models import Incident
from events.pagination import DEFAULT_ORDER, order_queryset
from events.views import filter_query

FEED_ITEMS = 50
# Characters XML 1.0 cannot hold (Django's feed writer raises on them), which a bulletin's
# title or an editor's paste may carry.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text):
    """The text with what XML cannot hold made spaces, and its spaces collapsed."""
    return " ".join(NOT_XML.sub(" ", text).split())


class IncidentFeed(Feed):
    """The newest incidents (by date, as the list orders them) matching the query string."""

    feed_type = Atom1Feed

    def get_object(self, request):
        self.request = request
        return IncidentFilter(request.GET, queryset=Incident.objects.all())

    def title(self, incidents):
        return "conflictsite: incidents" + (" (filtered)" if filter_query(self.request) else "")

    def subtitle(self, incidents):
        return "Newest incidents first: " + (filter_query(self.request) or "every incident")

    def link(self, incidents):
        query = filter_query(self.request)
        return reverse("events:list") + (f"?{query}" if query else "")

    def feed_url(self, incidents):
        return self.request.get_full_path()

    def items(self, incidents):
        # Newest first whatever the list's order (?order=killed): a feed reader shows what
        # came last, and an entry that comes later is a new one. Undated ones first, as the
        # list puts them (on either database).
        newest = order_queryset(incidents.qs, DEFAULT_ORDER)
        newest = newest.select_related("place", "governorate")
        return list(newest[:FEED_ITEMS])

    def item_title(self, incident):
        where = incident.place.name if incident.place else ""
        if incident.governorate:
            where = f"{where}, {incident.governorate.name}" if where else incident.governorate.name
        when = incident.date.isoformat() if incident.date else "undated"
        title = f"{when}: {incident.get_event_type_display()}" + (f" in {where}" if where else "")
        return xml_text(title)

    def item_description(self, incident):
        killed = incident.killed_total_best
        toll = "toll unknown" if killed is None else f"{killed} killed"
        # Atom's summary is HTML (type="html"): the text is escaped, so a title holding markup
        # is shown as written, never rendered.
        return escape(
            xml_text(
                f"{incident.title or incident}. {toll}. Status: {incident.get_status_display()}."
            )
        )

    def item_pubdate(self, incident):
        if incident.date is None:
            return incident.created_at
        return datetime.datetime.combine(incident.date, datetime.time(), tzinfo=datetime.UTC)

    def item_updateddate(self, incident):
        return incident.updated_at
