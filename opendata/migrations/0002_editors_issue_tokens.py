"""Editors issue API tokens in the admin (and revoke them); Analysts do not see them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["add_apitoken", "change_apitoken", "view_apitoken", "view_savedsearch"]


def grant(apps, schema_editor=None):
    # Permissions are created after all migrations have run; on a fresh database they do not
    # exist yet, so create them here first.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label="opendata", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Editors"):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="opendata", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("opendata", "0001_tokens_and_saved_searches"),
        ("events", "0004_editor_and_analyst_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
