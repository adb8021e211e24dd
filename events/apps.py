from importlib import import_module

from django.apps import AppConfig, apps
from django.utils.module_loading import module_has_submodule


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Conflict events"

    def ready(self):
        # The admin is installed as SimpleAdminConfig, so admin modules are imported here,
        # skipping django-leaflet's: it imports GeoDjango, which needs GDAL, and this site keeps
        # plain latitude/longitude columns.
        for config in apps.get_app_configs():
            if config.name != "leaflet" and module_has_submodule(config.module, "admin"):
                import_module(f"{config.name}.admin")
        # Every other app's list answers a lookup past what a number holds ("?id__in=" of 20
        # digits on Django's users) as any bad filter, as ours do, not with a 500.
        from django.contrib import admin

        from events.admin import BoundedChangeList

        for model_admin in admin.site._registry.values():
            if type(model_admin).get_changelist is admin.ModelAdmin.get_changelist:
                model_admin.get_changelist = lambda request, **kwargs: BoundedChangeList
