"""API tokens (issued by editors in the admin) and analysts' saved searches with their e-mail
digests."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from events.filters import IncidentFilter
from events.models import Incident


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        # A disabled account's token goes with its login: on a site that requires one, the
        # token stands in for it (events.views.browsing).
        return self.filter(revoked=False, user__is_active=True)

    def for_key(self, key):
        """The active token with this key, or None."""
        return self.active().filter(key_hash=ApiToken.hash_key(key)).first()


class ApiToken(models.Model):
    """A key that raises the JSON API's rate limit. Only its hash is kept: the key is shown
    once, when an editor creates the token."""

    name = models.CharField(max_length=100, help_text="Who or what it is for.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="api_tokens",
        help_text="The analyst it is issued to.",
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(
        max_length=8, editable=False, help_text="The key's first characters, to recognise it."
    )
    revoked = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "API token"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key):
        return hashlib.sha256(key.encode()).hexdigest()

    def set_new_key(self):
        """Give the token a new random key; returns it (the only time it can be read)."""
        key = secrets.token_urlsafe(30)
        self.key_hash, self.prefix = self.hash_key(key), key[:8]
        return key


class Frequency(models.TextChoices):
    DAILY = "daily", "Daily"
    WEEKLY = "weekly", "Weekly"


PERIODS = {
    Frequency.DAILY: datetime.timedelta(days=1),
    Frequency.WEEKLY: datetime.timedelta(days=7),
}


class SavedSearchQuerySet(models.QuerySet):
    def due(self, now=None):
        """Searches whose digest is due: never sent, or sent a period ago or more."""
        now = now or timezone.now()
        due = models.Q(last_sent_at__isnull=True)
        for frequency, period in PERIODS.items():
            due |= models.Q(frequency=frequency, last_sent_at__lte=now - period)
        return self.filter(due)


class SavedSearch(models.Model):
    """A filter of the list an analyst keeps under a name, with a digest of the incidents
    that newly match it, by e-mail, daily or weekly."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="saved_searches"
    )
    name = models.CharField(max_length=100)
    query = models.TextField(blank=True, help_text="The list's query string.")
    frequency = models.CharField(max_length=10, choices=Frequency, default=Frequency.DAILY)
    created_at = models.DateTimeField(auto_now_add=True)
    # Incidents created or changed after this may be new for the next digest.
    last_sent_at = models.DateTimeField(null=True, blank=True)
    # The incidents its digests have listed: one that comes to match later (verified, moved
    # into its governorate) is new once, not again at each edit.
    sent = models.ManyToManyField(Incident, blank=True, related_name="+", editable=False)
    # When the analyst was told that its filters no longer hold (a saved place deleted, say):
    # once, until they hold again.
    invalid_told_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SavedSearchQuerySet.as_manager()

    class Meta:
        ordering = ["user", "name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], name="saved_search_unique_name"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        list_url = reverse("events:list")
        return f"{list_url}?{self.query}" if self.query else list_url

    def incident_filter(self):
        return IncidentFilter(QueryDict(self.query), queryset=Incident.objects.all())

    def filter_errors(self):
        """Why the saved filters no longer hold, as "filter: error" lines; [] if they do."""
        incidents = self.incident_filter()
        if incidents.is_valid():
            return []
        return [f"{name}: {' '.join(errors)}" for name, errors in incidents.form.errors.items()]

    def new_incidents(self, since):
        """The incidents that newly match the search: matching now, created or changed after
        `since` (any time if None), and not listed by one of its digests before; newest first;
        none if the saved filter is no longer valid."""
        incidents = self.incident_filter()
        if not incidents.is_valid():
            return Incident.objects.none()
        queryset = incidents.qs
        if since is not None:
            queryset = queryset.filter(Q(created_at__gt=since) | Q(updated_at__gt=since))
        if self.pk:
            queryset = queryset.exclude(pk__in=self.sent.values("pk"))
        return queryset.order_by("-created_at", "-id")
