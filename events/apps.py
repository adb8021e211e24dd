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
