from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "sayembara.api"
    label = "api"
    verbose_name = _("API")

    def ready(self):
        from sayembara.audit.trail import track

        # Who was given programmatic access and when it was taken back; never the key's digest.
        track(self.get_model("ApiToken"), fields=("user_id", "name", "prefix", "created_at", "revoked_at"))
