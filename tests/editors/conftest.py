import datetime

import pytest
from django.contrib.auth.models import Permission, User

from events.models import District, EventType, GeoPrecision, Governorate, Incident, Place


def make_place(name="Saraqeb"):
    governorate, _ = Governorate.objects.get_or_create(
        code="SY07", defaults={"pcode": "SY07", "name": "Idlib"}
    )
    district, _ = District.objects.get_or_create(
        pcode="SY0700", defaults={"name": "Idlib", "governorate": governorate}
    )
    return Place.objects.create(
        name=name, governorate=governorate, district=district, latitude=35.86, longitude=36.80
    )


def make_incident(**fields):
    fields.setdefault("title", "Air strike on Saraqeb")
    fields.setdefault("event_type", EventType.AIRSTRIKE)
    fields.setdefault("date", datetime.date(2018, 2, 5))
    if fields.get("place") is None and fields.get("latitude") is None:
        # Known to the country only: precise to a place, it needs the place or a point (the
        # form refuses a place-level location of neither).
        fields.setdefault("geo_precision", GeoPrecision.COUNTRY)
    return Incident.objects.create(**fields)


def make_staff(username, *codenames):
    user = User.objects.create_user(username, is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


EDITOR_PERMISSIONS = [
    f"{action}_{model}"
    for action in ("add", "change", "view")
    for model in ("incident", "report", "claim", "place", "actor", "bulletin")
] + ["view_governorate", "view_district"]


@pytest.fixture
def editor(client):
    user = make_staff("editor", *EDITOR_PERMISSIONS)
    client.force_login(user)
    return user


def form_data(response):
    """What a browser sends back when an admin change form is submitted as loaded."""
    forms = [response.context["adminform"].form]
    for inline in response.context.get("inline_admin_formsets", []):
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue
            key = form.add_prefix(name)
            if value is True:
                data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            else:
                data[key] = str(value)
    return data
