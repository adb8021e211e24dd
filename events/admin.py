from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from .forms import ImportBulletinsForm
from .importing import ImportResult, Rejected, import_bulletin, import_uploads, parse_text
from .models import (
    Actor,
    Bulletin,
    Claim,
    District,
    Governorate,
    Incident,
    Place,
    Report,
    ReviewStatus,
)


@admin.register(Governorate)
class GovernorateAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "pcode", "name_ar"]
    search_fields = ["name", "name_ar", "alternate_names", "code"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "governorate", "pcode", "name_ar"]
    list_filter = ["governorate"]
    search_fields = ["name", "name_ar", "alternate_names", "pcode"]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "name_ar", "district", "governorate", "latitude", "longitude", "origin"]
    list_filter = ["governorate", "origin"]
    search_fields = ["name", "name_ar", "alternate_names", "pcode"]
    autocomplete_fields = ["governorate", "district"]
    list_select_related = ["district", "governorate"]


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "group"]
    list_filter = ["group"]
    search_fields = ["name", "aliases"]


class ClaimInline(admin.TabularInline):
    model = Claim
    extra = 0
    autocomplete_fields = ["actor"]


class ReportInline(admin.StackedInline):
    model = Report
    extra = 0
    fk_name = "incident"
    show_change_link = True
    fields = ["bulletin", "source", "external_id", "headline", "event_type", "date", "place_name"]
    readonly_fields = fields


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["__str__", "incident", "event_type", "date", "is_primary", "is_background"]
    list_filter = ["source", "event_type", "is_primary", "is_background"]
    search_fields = ["headline", "place_name", "bulletin__title", "external_id"]
    autocomplete_fields = ["incident", "bulletin", "place", "district", "governorate"]
    inlines = [ClaimInline]


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "date",
        "event_type",
        "governorate",
        "place",
        "killed_total_best",
        "killed_civilians_best",
        "status",
        "source",
    ]
    list_filter = ["status", "source", "event_type", "governorate", "perpetrator_group"]
    search_fields = ["title", "place__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["place", "district", "governorate", "perpetrators"]
    list_select_related = ["governorate", "place"]
    inlines = [ReportInline]
    actions = ["mark_verified", "mark_rejected"]

    @admin.action(description="Mark selected incidents as verified")
    def mark_verified(self, request, queryset):
        count = queryset.update(status=ReviewStatus.VERIFIED)
        self.message_user(request, f"{count} incident(s) verified.", messages.SUCCESS)

    @admin.action(description="Mark selected incidents as rejected")
    def mark_rejected(self, request, queryset):
        count = queryset.update(status=ReviewStatus.REJECTED)
        self.message_user(request, f"{count} incident(s) rejected.", messages.SUCCESS)


@admin.register(Bulletin)
class BulletinAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "published_at", "imported_at", "imported_by", "events"]
    search_fields = ["title", "text", "publisher"]
    date_hierarchy = "published_at"
    readonly_fields = ["content_hash", "imported_at", "imported_by", "filename"]
    change_list_template = "admin/events/bulletin/change_list.html"

    @admin.display(description="Reports")
    def events(self, bulletin):
        url = reverse("admin:events_report_changelist") + f"?bulletin__id__exact={bulletin.pk}"
        return format_html('<a href="{}">{}</a>', url, bulletin.reports.count())

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="events_bulletin_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportBulletinsForm(request.POST or None, request.FILES or None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Import bulletins",
            "form": form,
        }
        if request.method == "POST" and form.is_valid():
            results = import_uploads(
                ((f.name, f.read()) for f in form.cleaned_data["files"]), user=request.user
            )
            if form.cleaned_data["text"].strip():
                results.insert(0, self._import_pasted(form.cleaned_data, request.user))
            context.update(title="Import results", results=results)
            return TemplateResponse(request, "admin/events/bulletin/import_result.html", context)
        return TemplateResponse(request, "admin/events/bulletin/import.html", context)

    @staticmethod
    def _import_pasted(data, user):
        text = data["text"].replace("\r\n", "\n")
        try:
            item = parse_text(text, "pasted text")
        except Rejected as error:
            return ImportResult("pasted text", "rejected", str(error))
        item.filename = ""
        for key in ("title", "publisher", "url"):
            if data.get(key):
                setattr(item, key, data[key])
        if data.get("published_at"):
            item.published_at = data["published_at"]
        return import_bulletin(item, user=user)
