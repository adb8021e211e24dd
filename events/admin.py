import hashlib
import types
from functools import partial

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.checks import InlineModelAdminChecks
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from simple_history.admin import SimpleHistoryAdmin
from simple_history.template_utils import HistoricalRecordContextHelper

from .forms import ImportBulletinsForm, JSONField, PlaceAlternativesField
from .importing import import_pasted, import_uploads, read_uploaded_file, visible
from .models import (
    CATEGORIES,
    FIGURE_FIELDS,
    OUTCOMES,
    Actor,
    ActorGroup,
    Bulletin,
    Claim,
    District,
    Governorate,
    ImportItem,
    ImportJob,
    ImportOutcome,
    Incident,
    MergeRecord,
    MergeRefused,
    Place,
    Report,
    ReviewQueue,
    ReviewStatus,
    changes_since,
    place_district_problem,
    review_order,
)
from .tasks import goes_to_background, run_import_job, start_import_job

# Bulletins a page on a background import's progress page.
IMPORT_PAGE_SIZE = 100

admin.site.site_header = "conflictsite"
admin.site.site_title = "conflictsite admin"
admin.site.index_title = "Editing strike reports"


class LabelledHistoryHelper(HistoricalRecordContextHelper):
    """History diffs in words: a coded field (event type, status) shows its label."""

    def prepare_delta_change_value(self, change, value):
        field = self.model._meta.get_field(change.field)
        if field.choices and not isinstance(value, list):
            return dict(field.flatchoices).get(value, value)
        return super().prepare_delta_change_value(change, value)


class BoundedChangeList(ChangeList):
    """The admin's list, whose date navigation answers a year beyond any date ("?date__year=
    99999999999999999999", 10000 after 9999) as any other bad filter (the "?e=1" page), where
    Django's raised OverflowError or ValueError past its own check: a 500. So does a year
    lookup of any other date in the address ("?created_at__year=...", "?date__iso_year=..."),
    which Django takes as a filter and turns into dates only when it counts the rows."""

    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error

    def get_results(self, request):
        try:
            return super().get_results(request)
        except (OverflowError, ValueError) as error:
            raise IncorrectLookupParameters(error) from error


class BoundedLists:
    """A model admin whose list is a BoundedChangeList: every list takes lookups in its
    address, with date navigation or not ("?date__year=99999999999999999999" on the review
    queue, "?created_at__year=..." on the tokens)."""

    def get_changelist(self, request, **kwargs):
        return BoundedChangeList


class HistoryAdmin(BoundedLists, SimpleHistoryAdmin):
    """The History view, with its diffs and revert, for models whose changes are kept."""

    # JSON as the database takes it: no NaN or Infinity (see forms.JSONField).
    formfield_overrides = {models.JSONField: {"form_class": JSONField}}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.JSONField) and not db_field.null:
            kwargs.setdefault("empty", db_field.get_default)  # (see forms.JSONField)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def check_ids(self, object_id, version_id=None):
        """404 for an address whose id (or version) is not one: simple-history filters by
        it as given, which raised ValueError (500) for "abc"."""
        try:
            self.model._meta.pk.to_python(unquote(object_id))
            if version_id is not None:
                self.model.history.model._meta.pk.to_python(version_id)
        except ValidationError:
            raise Http404("No such record.") from None

    def history_view(self, request, object_id, extra_context=None):
        self.check_ids(object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self.check_ids(object_id, version_id)
        # simple-history saves a revert for anyone who may view the history; only editors
        # (change permission) may.
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        # Atomic like the change form, so a revert takes the same row lock (IncidentForm).
        request.reverting = request.method == "POST"  # (read by save_model)
        with transaction.atomic():
            return super().history_form_view(request, object_id, version_id, extra_context)

    def get_historical_record_context_helper(self, request, historical_record):
        return LabelledHistoryHelper(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        # As simple-history does, less the fields that change with every save.
        previous = None
        for current in historical_records:
            if previous is not None:
                delta = previous.diff_against(
                    current,
                    excluded_fields=["version", "updated_at"],
                    foreign_keys_are_objs=foreign_keys_are_objs,
                )
                helper = self.get_historical_record_context_helper(request, previous)
                previous.history_delta_changes = helper.context_for_delta_changes(delta)
            previous = current


class ClaimForm(forms.ModelForm):
    """A claim, edited in its report's form or its incident's: it carries the claim as it was
    loaded. Left as loaded, it is not saved (another editor's change to it since stands);
    changed after another editor saved it, it is a form error naming the claim as it is now
    (the editor's input stays, and submitting it again saves it), as VersionedForm does for
    the whole."""

    loaded_claim = forms.CharField(widget=forms.HiddenInput, required=False)
    STATE = ("report_id", "kind", "actor_id", "name", "group", "attribution", "alleged_by")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["loaded_claim"] = self.state(self.instance)

    @classmethod
    def state(cls, claim):
        values = [str(getattr(claim, name)) for name in (*cls.STATE, "position")]
        return hashlib.sha256("\x1f".join(values).encode()).hexdigest()[:32]

    def posted_state(self, cleaned_data):
        posted = types.SimpleNamespace(
            **{name: getattr(self.instance, name) for name in (*self.STATE, "position")}
        )
        for name, value in cleaned_data.items():
            if name in ("report", "actor"):
                setattr(posted, f"{name}_id", value.pk if value is not None else None)
            elif hasattr(posted, name):
                setattr(posted, name, value)
        return self.state(posted)

    def has_changed(self):
        if getattr(self, "_as_loaded", False):
            return False
        return any(name != "loaded_claim" for name in self.changed_data)

    def clean(self):
        cleaned_data = super().clean()
        loaded = cleaned_data.get("loaded_claim")
        if not self.instance.pk or not loaded or self.errors:
            return cleaned_data
        if self.posted_state(cleaned_data) == loaded:
            self._as_loaded = True  # untouched by this editor: nothing of theirs to save
            return cleaned_data
        current = Claim.objects.select_related("actor").filter(pk=self.instance.pk).first()
        if current is not None and self.state(current) != loaded:
            self.data = self.data.copy()
            self.data[self.add_prefix("loaded_claim")] = self.state(current)
            raise ValidationError(
                f"This claim was changed by another editor after you opened the page, so your "
                f"change to it was not saved. It now reads: {self.describe(current)}. Your "
                "edits are still below: save again to keep yours."
            )
        return cleaned_data

    @staticmethod
    def describe(claim):
        parts = [
            f"{claim.get_kind_display().lower()} {claim.actor or claim.name}",
            claim.get_group_display(),
            claim.get_attribution_display().lower()
            + (f" by {claim.alleged_by}" if claim.alleged_by else ""),
            f"report #{claim.report_id}, position {claim.position}",
        ]
        return "; ".join(parts)


class WithoutTheLoadedClaimForViewers:
    """The loaded claim is a form's bookkeeping: not a row on a page that cannot be saved."""

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if self.has_change_permission(request, obj):
            return fields
        return [field for field in fields if field != "loaded_claim"]


class ClaimInline(WithoutTheLoadedClaimForViewers, admin.TabularInline):
    model = Claim
    form = ClaimForm
    extra = 0
    autocomplete_fields = ["actor"]


class WithoutRowsGone:
    """A formset row loaded before another editor took its object off this incident (a
    report moved to another incident, with its claims): left out when the form is saved, as a
    row deleted since is, instead of failing on its hidden id ("Select a valid choice") on
    every save of the refused form."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if self.is_bound and i < self.initial_form_count() and form.instance.pk is None:
            form.empty_permitted = True
            form.has_changed = lambda: False  # (so it is not validated, and not saved)
            form.use_required_attribute = False
        return form


class ReportFormSet(WithoutRowsGone, forms.BaseInlineFormSet):
    pass


class ReportInline(admin.StackedInline):
    model = Report
    formset = ReportFormSet
    extra = 0
    fk_name = "incident"
    show_change_link = True
    fields = [
        "bulletin",
        "source",
        "external_id",
        "headline",
        "event_type",
        "date",
        "place_name",
        "claims_made",
    ]
    readonly_fields = fields

    @admin.display(description="Claims (who alleges what)")
    def claims_made(self, report):
        # Inlines do not nest: the claims are edited in the report's own form, one click away.
        claims = list(report.claims.select_related("actor")) if report.pk else []
        rows = format_html_join(
            "",
            "<li>{} ({}), {}{}</li>",
            (
                (
                    claim.actor or claim.name,
                    claim.get_group_display(),
                    claim.get_attribution_display().lower(),
                    f" by {claim.alleged_by}" if claim.alleged_by else "",
                )
                for claim in claims
            ),
        )
        url = reverse("admin:events_report_change", args=[report.pk]) if report.pk else None
        edit = format_html('<a href="{}">Change the claims</a>', url) if url else ""
        if not claims:
            return format_html("None. {}", edit)
        return format_html('<ul class="claims-list">{}</ul>{}', rows, edit)


class IncidentClaimFormSet(WithoutRowsGone, forms.BaseModelFormSet):
    """The claims of every report of one incident (Django's inlines do not nest): each names
    its report, chosen among the incident's own."""

    def __init__(self, data=None, files=None, instance=None, queryset=None, **kwargs):
        kwargs.pop("save_as_new", None)
        self.instance = instance
        claims = Claim.objects.select_related("report", "actor")
        if instance is None or instance.pk is None:
            claims = claims.none()
        else:
            claims = claims.filter(report__incident=instance).order_by("report", "position")
        super().__init__(data, files, queryset=claims, **kwargs)

    @classmethod
    def get_default_prefix(cls):
        return "claims"

    def add_fields(self, form, index):
        super().add_fields(form, index)
        field = form.fields["report"]
        if self.instance is None or self.instance.pk is None:  # the add form: no reports yet
            field.queryset = Report.objects.none()
        else:
            field.queryset = Report.objects.filter(incident=self.instance)
        # Short labels: the reports are listed in full just above, numbered by id.
        field.label_from_instance = lambda report: Truncator(f"#{report.pk} {report}").chars(36)


class IncidentClaimChecks(InlineModelAdminChecks):
    """A claim reaches its incident through its report, not a foreign key of its own: the
    checks of that key (admin.E202) do not apply (IncidentClaimFormSet finds the claims)."""

    def _check_relation(self, obj, parent_model):
        return []

    def _check_exclude_of_parent_model(self, obj, parent_model):
        return []


class IncidentClaimInline(WithoutTheLoadedClaimForViewers, admin.StackedInline):
    """Who alleges what, editable in the incident's form: every claim of its reports."""

    model = Claim
    form = ClaimForm
    formset = IncidentClaimFormSet
    checks_class = IncidentClaimChecks
    extra = 0
    # Two fields a line: a table of eight columns did not fit beside the navigation at 1,366 px.
    fields = [
        ("report", "kind"),
        ("actor", "name"),
        ("group", "attribution"),
        ("alleged_by", "position"),
        "loaded_claim",
    ]
    autocomplete_fields = ["actor"]
    verbose_name = "claim (who alleges what)"
    verbose_name_plural = "Claims: who alleges what"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(getattr(field, "widget", None), RelatedFieldWidgetWrapper):
            # No add/change/delete/view icons beside the report and the actor of each claim:
            # reports and actors are edited in their own forms.
            widget = field.widget
            widget.can_add_related = widget.can_change_related = False
            widget.can_delete_related = widget.can_view_related = False
        return field

    def get_formset(self, request, obj=None, **kwargs):
        """A formset over Claim without the foreign key to the incident an inline needs (a
        claim belongs to a report)."""
        can_change = self.has_change_permission(request, obj)

        class Form(self.form):
            def has_changed(self):
                # Without the permission to change claims, nothing posted is saved.
                return can_change and super().has_changed()

        return forms.modelformset_factory(
            Claim,
            form=Form,
            formset=self.formset,
            fields=flatten_fieldsets(self.get_fieldsets(request, obj)),
            formfield_callback=partial(self.formfield_for_dbfield, request=request),
            extra=self.get_extra(request, obj),
            can_delete=self.has_delete_permission(request, obj),
        )


class EvidenceField(JSONField):
    """A report's evidence: a list of {"field", "start", "end"} spans into its bulletin.

    Anything else (null, an object, JSON nested past Python's recursion limit) is a form
    error: the detail page reads these spans and the database column is NOT NULL.
    """

    message = 'Evidence is a list of spans such as {"field": "place", "start": 0, "end": 5}.'

    def to_python(self, value):
        if value in self.empty_values:
            return []
        try:
            value = super().to_python(value)
        except ValidationError as error:
            raise ValidationError(f"{' '.join(error.messages)} {self.message}") from None
        if not isinstance(value, list) or not all(map(self.is_span, value)):
            raise ValidationError(self.message)
        return value

    @staticmethod
    def is_span(span):
        return (
            isinstance(span, dict)
            and isinstance(span.get("field"), str)
            and type(span.get("start")) is int
            and type(span.get("end")) is int
            and 0 <= span["start"] < span["end"]
            and all(isinstance(v, str | int | float | bool) for v in span.values())
        )


class VersionedForm(forms.ModelForm):
    """A change form that refuses to overwrite another editor's save.

    It carries the version it was loaded with; saving when the database holds a newer one is a
    form error (`conflict_message`), and the editor's input stays in the form: submitting it
    again saves over the current version.
    """

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The database's version, not the instance's: a revert starts from an old instance.
            self.initial["loaded_version"] = (
                self._meta.model.objects.filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )

    def current(self, cleaned_data):
        """The row as the database holds it now (None if it is gone); a ValidationError when
        it was saved after this form was loaded."""
        # The admin saves inside a transaction: on PostgreSQL this row lock holds off a second
        # editor's save between this check and our UPDATE.
        current = self._meta.model.objects.filter(pk=self.instance.pk)
        if transaction.get_connection().in_atomic_block:
            current = current.select_for_update()
        current = current.first()
        if current is None:
            return None
        loaded = cleaned_data.get("loaded_version")
        if loaded != current.version:
            self.data = self.data.copy()
            self.data[self.add_prefix("loaded_version")] = current.version
            self.rebase(current, loaded)
            raise ValidationError(self.conflict_message(current, loaded))
        self.instance.version = current.version
        return current

    def conflict_message(self, current, loaded):
        raise NotImplementedError

    def rebase(self, current, loaded):
        """The refused form's fields that the other editor changed and this one left as
        loaded now hold the current values: saving again keeps this editor's changes without
        putting back what the other changed (a figure derived again from a report, say, which
        would then also count as this editor's and never be derived again). A field both
        changed keeps this editor's input; the error message shows the other's."""
        history = current.history.order_by("-history_date", "-history_id")
        # The first record of the loaded version: perpetrators changed without a save are
        # recorded under the same version, possibly after this editor loaded the page.
        then = (
            history.filter(version=loaded).order_by("history_date", "history_id").first()
            or history.filter(version__lte=loaded or 0).first()
        )
        now = history.first()
        if then is None or now is None or then.pk == now.pk:
            return
        delta = now.diff_against(then, excluded_fields=["version", "updated_at"])
        for change in delta.changes:
            field = self.fields.get(change.field)
            if field is None or field.disabled:
                continue
            old, new = change.old, change.new
            if self._meta.model._meta.get_field(change.field).many_to_many:
                # each side a list of through rows: {"incident": pk, "actor": pk}
                source = self._meta.model._meta.model_name
                old, new = (
                    [v for row in rows for k, v in row.items() if k != source]
                    for rows in (old, new)
                )
            key = self.add_prefix(change.field)
            posted = field.widget.value_from_datadict(self.data, self.files, key)
            if field.has_changed(old, posted):
                continue  # this editor's change: theirs to keep or drop
            widget = getattr(field.widget, "widget", field.widget)  # (the admin's wrapper)
            if isinstance(widget, forms.MultiWidget):
                continue  # (several inputs: left as posted)
            if isinstance(field, forms.BooleanField):
                if new:
                    self.data[key] = "on"
                else:
                    self.data.pop(key, None)
                continue
            value = widget.format_value(field.prepare_value(new))  # as the form renders it
            if isinstance(value, list | tuple):
                self.data.setlist(key, [str(v) for v in value])
            else:
                self.data[key] = "" if value is None else str(value)


class EditedForm(VersionedForm):
    """The change form of a place, an actor, a bulletin, a district or a governorate: refused,
    with what the other editor changed, when another editor saved it after it was loaded (as a
    report's or an incident's)."""

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk:
            self.current(cleaned_data)
        return cleaned_data

    def conflict_message(self, current, loaded):
        editors, changes = changes_since(current, loaded or 0)
        what = "; ".join(f"{label}: {then} → {now}" for label, then, now in changes)
        noun = self._meta.model._meta.verbose_name
        return (
            f"This {noun} was changed by {', '.join(editors) or 'another editor'} after you "
            f"opened it, so your changes were not saved. Their changes: "
            f"{what or 'none visible in the form'}. The form below holds your edits and their "
            "changes to fields you left alone: save again to keep both."
        )


@admin.register(Governorate)
class GovernorateAdmin(HistoryAdmin):
    form = EditedForm
    list_display = ["name", "code", "pcode", "name_ar"]
    search_fields = ["name", "name_ar", "alternate_names", "code"]

    def get_readonly_fields(self, request, obj=None):
        # The code is the primary key: changed in the form, Django saved a second governorate
        # under the new code and left the first as it was. Given when one is added.
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "code"] if obj is not None else fields


@admin.register(District)
class DistrictAdmin(HistoryAdmin):
    form = EditedForm
    list_display = ["name", "governorate", "pcode", "name_ar"]
    list_filter = ["governorate"]
    search_fields = ["name", "name_ar", "alternate_names", "pcode"]


@admin.register(Place)
class PlaceAdmin(HistoryAdmin):
    form = EditedForm
    list_display = ["name", "name_ar", "district", "governorate", "latitude", "longitude", "origin"]
    list_filter = ["governorate", "origin"]
    search_fields = ["name", "name_ar", "alternate_names", "pcode"]
    autocomplete_fields = ["governorate", "district"]
    list_select_related = ["district", "governorate"]


@admin.register(Actor)
class ActorAdmin(HistoryAdmin):
    form = EditedForm
    list_display = ["name", "group"]
    list_filter = ["group"]
    search_fields = ["name", "aliases"]


class ReportForm(EditedForm):
    """The report change form: its figures make its incident's, so, as the incident's form
    does, it refuses to overwrite another editor's save and to put the report on an incident
    merged away (where its deaths would count nowhere)."""

    evidence = EvidenceField(required=False, widget=forms.Textarea(attrs={"rows": 4}))
    place_alternatives = PlaceAlternativesField(required=False)

    def clean_raw(self):
        # What the extractor or the dataset's row said: an object, as both write it; the
        # incident page reads its "basis" (a list or a string there was a 500).
        raw = self.cleaned_data["raw"]
        if not isinstance(raw, dict):
            raise ValidationError('Raw is a JSON object, such as {"basis": "..."}, or empty.')
        return raw

    def clean_incident(self):
        incident = self.cleaned_data.get("incident")
        if incident is not None and incident.merged_into_id is not None:
            raise ValidationError(
                f"Incident #{incident.pk} was merged into #{incident.merged_into_id}: put the "
                f"report on #{incident.merged_into_id}, or undo the merge first."
            )
        return incident

    @staticmethod
    def conflict_message(current, loaded):
        editors = {
            str(record.history_user)
            for record in current.history.filter(version__gt=loaded or 0)
            if record.history_user
        }
        return (
            f"This report was changed by {', '.join(sorted(editors)) or 'another editor'} "
            "after you opened it, so your changes were not saved. The form below holds "
            "your edits: compare them with the report's history and save again to keep yours."
        )


@admin.register(Report)
class ReportAdmin(HistoryAdmin):
    form = ReportForm
    list_display = ["__str__", "incident", "event_type", "date", "is_primary", "is_background"]
    list_filter = ["source", "event_type", "is_primary", "is_background"]
    search_fields = ["headline", "place_name", "bulletin__title", "external_id"]
    autocomplete_fields = ["incident", "bulletin", "place", "district", "governorate"]
    inlines = [ClaimInline]

    def save_model(self, request, obj, form, change):
        # A revert (simple-history's form saves the report, never its related objects, where
        # save_related derives them): the incident it is on before, for the figures of both.
        reverting = getattr(request, "reverting", False)
        if reverting:
            left = Report.objects.filter(pk=obj.pk).values_list("incident_id", flat=True).first()
        super().save_model(request, obj, form, change)
        if reverting:
            self.incidents_changed(obj, left)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.incidents_changed(form.instance, form.initial.get("incident"))

    @staticmethod
    def incidents_changed(report, left):
        """The figures, perpetrators and sides in the fighting of the incident the report
        belongs to now and of the one it `left` (which loses the perpetrators only it named)."""
        named = list(report.claims.filter(actor__isnull=False).values_list("actor_id", flat=True))
        for pk in {report.incident_id, left} - {None}:
            incident = Incident.objects.filter(pk=pk).first()
            if incident:
                incident.reports_changed(leaving=named if pk != report.incident_id else ())


class IncidentForm(VersionedForm):
    """The incident change form, which refuses to overwrite another editor's save (its error
    names what the other editor changed) and to publish an incident merged away."""

    change_reason = forms.CharField(
        label="Reason for change",
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"size": 80}),
        help_text="Optional; kept in the incident's history with your change.",
    )

    def clean(self):
        cleaned_data = super().clean()
        if set(FIGURE_FIELDS) & set(self.changed_data):
            # A figure typed in this form is the editor's: nothing derives it again, whether
            # or not "Figures edited" was ticked.
            cleaned_data["figures_edited"] = True
        if {"perpetrators", "perpetrator_group"} & set(self.changed_data):
            # So are perpetrators chosen here: a merge or a new report leaves them be.
            cleaned_data["perpetrators_edited"] = True
            self.check_perpetrator_group(cleaned_data)
        if {"place", "district"} & set(self.changed_data):
            # (only when this editor puts them at odds: see place_district_problem)
            problem = place_district_problem(
                cleaned_data.get("place"), cleaned_data.get("district")
            )
            if problem:
                self.add_error("district", problem)
        if not self.instance.pk:
            return cleaned_data
        current = self.current(cleaned_data)
        if current is None:
            return cleaned_data
        if current.merged_into_id is None and self.instance.merged_into_id is not None:
            # A version from before a merge was undone: restored, the incident would be
            # merged away with its reports still on it, counted nowhere and no merge to undo.
            raise ValidationError(
                f"This version was merged into #{self.instance.merged_into_id}, a merge undone "
                "since: reverting to it would hide this incident and its reports. Merge it "
                "again from its duplicates page instead."
            )
        if current.merged_into_id is not None:
            # Its reports are on the incident it was merged into: published again (from this
            # form, its review buttons or a version before the merge), it would be counted
            # twice. Undoing the merge brings it back with them.
            wanted = cleaned_data.get("status", current.status)
            if "_verify" in self.data:
                wanted = ReviewStatus.VERIFIED
            if wanted != ReviewStatus.REJECTED or self.instance.merged_into_id is None:
                raise ValidationError(
                    f"This incident was merged into #{current.merged_into_id}, which holds its "
                    "reports: undo the merge (from its merge record) to bring it back."
                )
        return cleaned_data

    def check_perpetrator_group(self, cleaned_data):
        """The group is the most likely perpetrator's (as derive_from_reports and the importers
        set it): one of the chosen perpetrators' groups. Israel beside Russia's forces alone
        put the incident under both groups' filters. A group with no perpetrator named stands
        alone; a blank one leaves the perpetrators' own. (Checked when this editor changes
        either: an actor's group edited since leaves an incident's behind, and an unrelated
        edit of it is not refused.)"""
        group, perpetrators = (
            cleaned_data.get("perpetrator_group"),
            cleaned_data.get("perpetrators"),
        )
        if not group or not perpetrators or group in {actor.group for actor in perpetrators}:
            return
        named = "; ".join(f"{actor.name}: {actor.get_group_display()}" for actor in perpetrators)
        theirs = ", ".join(dict.fromkeys(actor.get_group_display() for actor in perpetrators))
        self.add_error(
            "perpetrator_group",
            f"{ActorGroup(group).label} is the group of none of the perpetrators ({named}): "
            f"choose one of theirs ({theirs}), or change the perpetrators.",
        )

    @staticmethod
    def conflict_message(current, loaded):
        editors, changes = current.changes_since(loaded or 0)
        who = ", ".join(editors) or "another editor"
        what = "; ".join(f"{label}: {then} → {now}" for label, then, now in changes)
        return (
            f"This incident was changed by {who} after you opened it, so your changes were not "
            f"saved. Their changes: {what or 'none visible in the form'}. Your edits are still "
            "below: compare them with these values and save again to keep yours."
        )


def _mark(modeladmin, request, queryset, status):
    count = queryset.set_status(status, user=request.user)
    label = ReviewStatus(status).label.lower()
    modeladmin.message_user(request, f"{count} incident(s) {label}.", messages.SUCCESS)
    merged = queryset.filter(merged_into__isnull=False).exclude(status=status).count()
    if merged:
        modeladmin.message_user(
            request,
            f"{merged} incident(s) merged into another left as they are: undo the merge to "
            "bring one back.",
            messages.WARNING,
        )


@admin.action(description="Mark selected incidents as verified", permissions=["change"])
def mark_verified(modeladmin, request, queryset):
    _mark(modeladmin, request, queryset, ReviewStatus.VERIFIED)


@admin.action(description="Mark selected incidents as rejected", permissions=["change"])
def mark_rejected(modeladmin, request, queryset):
    _mark(modeladmin, request, queryset, ReviewStatus.REJECTED)


# Reports of one event are a handful: a selection larger than this ("select all") is a
# slip, and its confirmation page, listing each, would outlast the server's timeout.
MOST_MERGED = 50


@admin.action(description="Merge selected incidents into one", permissions=["change"])
def merge_incidents(modeladmin, request, queryset):
    """Asks which incident to keep, then merges the others into it."""
    count = queryset.count()
    if count < 2:
        modeladmin.message_user(request, "Select at least two incidents to merge.", messages.ERROR)
        return None
    if count > MOST_MERGED:
        modeladmin.message_user(
            request,
            f"{count:,} incidents selected: merge at most {MOST_MERGED} at a time (the reports"
            " of one event are a handful; the duplicates page proposes them).",
            messages.ERROR,
        )
        return None
    incidents = list(queryset.order_by("date", "pk"))
    target = next((i for i in incidents if str(i.pk) == request.POST.get("target")), None)
    if "confirm" in request.POST and target:
        try:
            record = target.merge(incidents, user=request.user)
        except MergeRefused as refused:
            modeladmin.message_user(request, str(refused), messages.ERROR)
            return None
        modeladmin.message_merged(request, record)
        return HttpResponseRedirect(reverse("admin:events_incident_change", args=[target.pk]))
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": Incident._meta,
        "title": "Merge incidents",
        "incidents": incidents,
        "action": "merge_incidents",
    }
    return TemplateResponse(request, "admin/events/incident/merge.html", context)


class IncidentColumns:
    """Incident list columns with short headings, so that the list fits beside the admin's
    navigation at 1,366 pixels."""

    @admin.display(description="Where", ordering="place__name")
    def where(self, incident):
        return incident.place or incident.district or incident.governorate or "–"

    @admin.display(description="Killed", ordering="killed_total_best")
    def killed(self, incident):
        return incident.killed_total_best

    @admin.display(description="Civilians", ordering="killed_civilians_best")
    def civilians(self, incident):
        return incident.killed_civilians_best


@admin.register(Incident)
class IncidentAdmin(IncidentColumns, HistoryAdmin):
    form = IncidentForm
    list_display = [
        "__str__",
        "date",
        "event_type",
        "where",
        "killed",
        "civilians",
        "status",
        "source",
    ]
    list_filter = ["status", "source", "event_type", "governorate", "perpetrator_group"]
    search_fields = ["title", "place__name"]
    date_hierarchy = "date"
    autocomplete_fields = ["place", "district", "governorate", "perpetrators"]
    list_select_related = ["governorate", "place__governorate", "district"]
    readonly_fields = ["version", "place_confidence", "also_possible"]
    fieldsets = [
        (None, {"fields": ["title", ("event_type", "status", "confidence")]}),
        ("When", {"fields": [("date", "date_precision", "date_end"), "aggregate"]}),
        (
            "Where",
            {
                "fields": [
                    "place",
                    ("place_confidence", "also_possible"),
                    "district",
                    "governorate",
                    ("latitude", "longitude"),
                    "geo_precision",
                ]
            },
        ),
        ("Who", {"fields": ["perpetrators", "perpetrator_group", "perpetrators_edited"]}),
        (
            "Killed and injured (low, best, high)",
            {
                "fields": [
                    "figures_edited",
                    *[
                        (f"{o}_{c}_low", f"{o}_{c}_best", f"{o}_{c}_high")
                        for o in OUTCOMES
                        for c in CATEGORIES
                    ],
                ],
                "classes": ["collapse"],
            },
        ),
        ("Source", {"fields": ["source", "version"]}),
        ("Your change", {"fields": ["change_reason", "loaded_version"]}),
    ]
    inlines = [ReportInline, IncidentClaimInline]
    actions = [mark_verified, mark_rejected, merge_incidents]
    change_form_template = "admin/events/incident/change_form.html"

    @admin.display(description="Also possible")
    def also_possible(self, obj):
        """The geocoder's runners-up, each a button that puts the incident there (the button
        submits to events:switch_place, which comes back to this form)."""
        alternatives = obj.standing_alternatives() if obj else []
        if not alternatives:
            return "–"
        action = reverse("events:switch_place", args=[obj.pk])
        here = reverse("admin:events_incident_change", args=[obj.pk])
        return format_html_join(
            " ",
            '<button type="submit" class="button switch-place" formaction="{}?next={}" '
            'formnovalidate name="key" value="{}">{}, {} ({})</button>',
            (
                (
                    action,
                    here,
                    a["key"],
                    a.get("place"),
                    a.get("province") or a.get("province_code"),
                    "–" if a.get("confidence") is None else f"{a['confidence']:.2f}",
                )
                for a in alternatives
            ),
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/duplicates/",
                self.admin_site.admin_view(self.duplicates_view),
                name="events_incident_duplicates",
            ),
            path(
                "place/<int:pk>/",
                self.admin_site.admin_view(self.place_view),
                name="events_incident_place",
            ),
            *super().get_urls(),
        ]

    def place_view(self, request, pk):
        """A gazetteer place's district, governorate and coordinates, for the change form."""
        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        if not (self.has_change_permission(request) or self.has_add_permission(request)):
            raise PermissionDenied
        place = get_object_or_404(Place.objects.select_related("district", "governorate"), pk=pk)
        return JsonResponse(
            {
                "id": place.pk,
                "name": str(place),
                "district": place.district
                and {"id": place.district_id, "text": str(place.district)},
                "governorate": {"id": place.governorate_id, "text": str(place.governorate)},
                "latitude": place.latitude,
                "longitude": place.longitude,
            }
        )

    def duplicates_view(self, request, pk):
        """The incident's duplicate candidates, each with what matched; merge the chosen ones."""
        incident = get_object_or_404(Incident, pk=pk)
        if not self.has_view_or_change_permission(request, incident):
            raise PermissionDenied
        candidates = Incident.objects.duplicate_candidates(incident)
        if request.method == "POST":
            if not self.has_change_permission(request, incident):
                raise PermissionDenied
            chosen = [c for c in candidates if str(c.pk) in request.POST.getlist("merge")]
            if chosen:
                try:
                    record = incident.merge(chosen, user=request.user)
                except MergeRefused as refused:
                    self.message_user(request, str(refused), messages.ERROR)
                    return HttpResponseRedirect(request.path)
                self.message_merged(request, record)
                return HttpResponseRedirect(
                    reverse("admin:events_incident_change", args=[incident.pk])
                )
            self.message_user(request, "Choose the incidents to merge.", messages.WARNING)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Possible duplicates of {incident}",
            "incident": incident,
            "candidates": candidates,
            "has_change_permission": self.has_change_permission(request, incident),
        }
        return TemplateResponse(request, "admin/events/incident/duplicates.html", context)

    def message_merged(self, request, record):
        url = reverse("admin:events_mergerecord_change", args=[record.pk])
        self.message_user(
            request,
            format_html(
                'Merged {} into this incident; <a href="{}">undo the merge</a> from its record.',
                ", ".join(f"#{item['incident']}" for item in record.items),
                url,
            ),
            messages.SUCCESS,
        )
        for item in record.items:
            if aside := item.get("figures_set_aside"):
                shown = ", ".join(
                    f"{name.removesuffix('_best').replace('_', ' ')} {value}"
                    for name, value in aside.items()
                    if name.endswith("_best")
                )
                self.message_user(
                    request,
                    f"#{item['incident']} had figures an editor set ({shown or 'ranges only'}); "
                    "this incident kept other figures an editor set: compare them and correct "
                    "these if need be.",
                    messages.WARNING,
                )

    def render_change_form(self, request, context, *args, **kwargs):
        context["place_lookup_url"] = reverse("admin:events_incident_place", args=[0])
        return super().render_change_form(request, context, *args, **kwargs)

    def save_model(self, request, obj, form, change):
        if "_verify" in request.POST:
            obj.status = ReviewStatus.VERIFIED
        elif "_reject" in request.POST:
            obj.status = ReviewStatus.REJECTED
        obj._change_reason = form.cleaned_data.get("change_reason") or None
        returning = change and not Incident.objects.filter(pk=obj.pk).exists()
        super().save_model(request, obj, form, change)
        if returning:  # a deleted incident reverted from its history
            obj.reattach_reports()
        elif getattr(request, "reverting", False) and not obj.figures_edited:
            # A version of derived figures, reverted to: derived from the reports the incident
            # has now (a merge since brought more), not that version's numbers.
            obj.derive_from_reports()

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if change and "figures_edited" in form.changed_data and not form.instance.figures_edited:
            # No longer the editor's: the figures are the reports' again, not left as typed.
            # (an incident with no report of its own keeps them: there is nothing to derive)
            form.instance._change_reason = "Figures derived from the reports again"
            form.instance.derive_from_reports()
        if any(fs.model is Claim and fs.has_changed() for fs in formsets):
            # The perpetrators the claims name now (unless the editor chose them), as the
            # report's form derives them; and the sides in the fighting.
            form.instance._change_reason = "Claims edited"
            form.instance.derive_from_reports()
        form.instance.derive_parties()  # the claims' sides in the fighting, as edited

    def response_change(self, request, obj):
        if "_verify" in request.POST or "_reject" in request.POST:
            self.message_user(
                request, f"{obj} marked {obj.get_status_display().lower()}.", messages.SUCCESS
            )
            following = Incident.objects.review_queue().exclude(pk=obj.pk).first()
            if following:
                return HttpResponseRedirect(
                    reverse("admin:events_incident_change", args=[following.pk])
                )
            return HttpResponseRedirect(reverse("admin:events_reviewqueue_changelist"))
        return super().response_change(request, obj)


class IncidentPermissions:
    """For admin pages over incidents (the review queue, merges): incident permissions govern
    them, and nothing is added or deleted there."""

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("events.view_incident") or self.has_change_permission(
            request, obj
        )

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("events.change_incident")

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReviewQueue)
class ReviewQueueAdmin(BoundedLists, IncidentPermissions, IncidentColumns, admin.ModelAdmin):
    """Unreviewed incidents, least certain first; each opens in the incident change form."""

    list_display = ["__str__", "confidence", "date", "event_type", "where", "killed"]
    list_filter = ["event_type", "governorate", "source"]
    search_fields = ["title", "place__name"]
    list_select_related = ["governorate", "place__governorate", "district"]
    actions = [mark_verified, mark_rejected]

    def get_ordering(self, request):
        return review_order()  # the queue's own, which the Verify button follows too

    def get_queryset(self, request):
        return super().get_queryset(request).review_queue()

    def changelist_view(self, request, extra_context=None):
        # Not Django's "Select incident to review to change".
        return super().changelist_view(request, {"title": "Review queue", **(extra_context or {})})

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return HttpResponseRedirect(reverse("admin:events_incident_change", args=[object_id]))


@admin.action(description="Undo selected merges", permissions=["change"])
def undo_merges(modeladmin, request, queryset):
    count = 0
    # Latest first: a merge into an incident merged again since waits for that one's undo.
    for record in queryset.filter(undone_at=None).order_by("-merged_at", "-pk"):
        try:
            count += record.undo(user=request.user)
        except MergeRefused as refused:
            modeladmin.message_user(
                request, f"Merge {record} not undone: {refused}", messages.ERROR
            )
    modeladmin.message_user(request, f"{count} merge(s) undone.", messages.SUCCESS)


@admin.register(MergeRecord)
class MergeRecordAdmin(BoundedLists, IncidentPermissions, admin.ModelAdmin):
    """Merges of duplicate incidents; undoing one puts every report back where it was."""

    list_display = ["__str__", "target", "merged_by", "merged_at", "undone_at"]
    list_filter = [("undone_at", admin.EmptyFieldListFilter)]
    fields = ["target", "merged", "merged_by", "merged_at", "undone_at", "undone_by"]
    readonly_fields = fields

    @admin.display(description="Merged incidents")
    def merged(self, record):
        """Each merged incident, its status before the merge and the reports it gave up, as
        links rather than the raw JSON record."""
        incidents = Incident.objects.in_bulk([item["incident"] for item in record.items])
        statuses = dict(ReviewStatus.choices)

        def row(item):
            incident = incidents.get(item["incident"])
            name = f"#{item['incident']} {incident}" if incident else f"#{item['incident']}"
            reports = ", ".join(f"#{pk}" for pk in item.get("reports", [])) or "none"
            status = statuses.get(item.get("status"), item.get("status"))
            url = reverse("admin:events_incident_change", args=[item["incident"]])
            return (url, name, status, reports)

        return format_html(
            '<ul class="merged-items">{}</ul>',
            format_html_join(
                "",
                '<li><a href="{}">{}</a>: was {}; reports moved: {}</li>',
                (row(item) for item in record.items),
            ),
        )

    actions = [undo_merges]

    def response_change(self, request, obj):
        if "_undo" in request.POST:
            try:
                undone = obj.undo(user=request.user)
            except MergeRefused as refused:
                self.message_user(request, f"Merge {obj} not undone: {refused}", messages.ERROR)
            else:
                if undone:
                    self.message_user(request, f"Merge {obj} undone.", messages.SUCCESS)
                else:
                    self.message_user(request, f"Merge {obj} was already undone.", messages.WARNING)
        return super().response_change(request, obj)


class BulletinForm(EditedForm):
    """A bulletin's title and text edited: its identity (content_hash) is theirs from then on,
    so that the text as edited, imported again, is found; one edited into another bulletin's
    text is refused."""

    def clean_text(self):
        # As the importers refuse it (import_bulletin): zero-width spaces or direction marks
        # alone are no article, though Django's required field takes them for text.
        text = self.cleaned_data["text"]
        if not visible(text):
            raise ValidationError("The bulletin has no text, only marks that do not show.")
        return text

    def clean(self):
        cleaned_data = super().clean()  # (refused first if another editor saved it since)
        # Changed from what the database holds, not from what the form was loaded with: a
        # revert loads an old version, whose text (and hash) another bulletin may have taken
        # since (its save was a unique-constraint 500).
        stored = Bulletin.objects.filter(pk=self.instance.pk).values("title", "text").first()
        edited = stored is None or any(
            stored[name] != cleaned_data.get(name) for name in ("title", "text")
        )
        if edited and not self.errors:
            digest = Bulletin.hash_text(cleaned_data["title"], cleaned_data["text"])
            if twin := Bulletin.by_hash(digest, exclude=self.instance.pk):
                raise ValidationError(
                    f"Bulletin #{twin.pk} ({twin}) has this title and text already: edit or "
                    "delete one of the two."
                )
            self.instance.content_hash = digest
        return cleaned_data


@admin.register(Bulletin)
class BulletinAdmin(HistoryAdmin):
    form = BulletinForm
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
            path(
                "import/<int:pk>/",
                self.admin_site.admin_view(self.import_job_view),
                name="events_bulletin_import_job",
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
            uploads, text = form.cleaned_data["files"], form.cleaned_data["text"]
            if goes_to_background(uploads, text):
                job = start_import_job(request.user, uploads, text, form.overrides())
                return HttpResponseRedirect(job.get_absolute_url())
            results = import_uploads(map(read_uploaded_file, uploads), user=request.user)
            if text.strip():
                results.insert(0, import_pasted(text, form.overrides(), user=request.user))
            context.update(title="Import results", results=results)
            return TemplateResponse(request, "admin/events/bulletin/import_result.html", context)
        return TemplateResponse(request, "admin/events/bulletin/import.html", context)

    def import_job_view(self, request, pk):
        """A background import's state and counts, and its bulletins a page at a time (a job of
        15,000 bulletins was a 3.8 MB page, reloaded every 3 s)."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        job = get_object_or_404(ImportJob.objects.select_related("created_by"), pk=pk)
        if request.method == "POST":
            if job.state in (ImportJob.State.STALLED, ImportJob.State.FAILED):
                ImportJob.objects.filter(pk=job.pk).update(error="")
                run_import_job.enqueue(job.pk)
                self.message_user(request, "The import will resume where it stopped.")
            return HttpResponseRedirect(job.get_absolute_url())
        outcomes = ImportOutcome.objects.filter(item__job=job).select_related("bulletin")
        shown = request.GET.get("status")
        if shown in ImportOutcome.Status.values:
            outcomes = outcomes.filter(status=shown)
        page = Paginator(outcomes.order_by("item_id", "position"), IMPORT_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        incidents = {}
        for report in Report.objects.filter(
            bulletin__in=[o.bulletin_id for o in page if o.bulletin_id], incident__isnull=False
        ).select_related("incident__governorate"):
            incidents.setdefault(report.bulletin_id, []).append(report.incident)
        rows = [
            {
                "name": outcome.name,
                "status": outcome.status,
                "reason": outcome.reason,
                "bulletin": outcome.bulletin,
                "incidents": incidents.get(outcome.bulletin_id, []),
            }
            for outcome in page
        ]
        failed_files = job.items.filter(status=ImportItem.Status.FAILED).values_list(
            "name", "error"
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Background import",
            "job": job,
            "state": job.state,
            "progress": job.progress(),
            "failed_files": failed_files,
            "results": rows,
            "page": page,
            "shown": shown,
            "statuses": ImportOutcome.Status.choices,
            "stalled_after": settings.IMPORT_STALLED_AFTER,
        }
        return TemplateResponse(request, "admin/events/bulletin/import_job.html", context)
