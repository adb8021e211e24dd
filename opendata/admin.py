from django.contrib import admin, messages

from events.admin import BoundedLists

from .models import ApiToken, SavedSearch


@admin.register(ApiToken)
class ApiTokenAdmin(BoundedLists, admin.ModelAdmin):
    """Editors issue tokens: the key is shown once, in the message after saving."""

    list_display = ["name", "user", "prefix", "revoked", "created_at", "last_used_at"]
    list_filter = ["revoked"]
    search_fields = ["name", "user__username", "prefix"]
    readonly_fields = ["prefix", "created_by", "created_at", "last_used_at"]

    def save_model(self, request, obj, form, change):
        key = None
        if not change:
            key = obj.set_new_key()
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
        if key:
            messages.warning(
                request,
                f"The key of “{obj.name}” is {key} — copy it now: it is not shown again. "
                f"Clients send it as the header “Authorization: Bearer {key}”.",
            )


@admin.register(SavedSearch)
class SavedSearchAdmin(BoundedLists, admin.ModelAdmin):
    list_display = ["name", "user", "frequency", "query", "last_sent_at"]
    list_filter = ["frequency"]
    search_fields = ["name", "user__username", "query"]
    raw_id_fields = ["user"]
