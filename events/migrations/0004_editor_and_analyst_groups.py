"""The two roles: Editors import and change (and delete nothing); Analysts only look."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITED = ["bulletin", "incident", "report", "claim", "place", "actor"]
# Viewed by editors too: the incident form's district and governorate autocompletes need it.
LOOKED_UP = ["governorate", "district"]
ROLES = {
    "Editors": [f"{a}_{m}" for a in ("add", "change", "view") for m in EDITED]
    + [f"view_{m}" for m in LOOKED_UP],
    "Analysts": [f"view_{m}" for m in EDITED + LOOKED_UP],
}


def create_groups(apps, schema_editor=None):
    # Permissions are created after all migrations have run; on a fresh database they do not
    # exist yet, so create them here first.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="events", codename__in=codenames)
        )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_review_queue"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
