from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "sayembara.registry"
    verbose_name = _("Registry")

    def ready(self):
        from sayembara.audit.trail import track

        from . import signals

        signals.connect()
        # Replications and follow-ups are claims about an innovation's history: keep who changed them.
        track(self.get_model("Replication"))
        track(self.get_model("IidProfile"))
        track(self.get_model("NationalOutcome"))
        track(self.get_model("IidEvidence"), fields=("innovation_id", "indicator", "original_name", "size", "uploaded_by_id"))
        track(
            self.get_model("FollowUp"),
            fields=("innovation_id", "year", "status", "evidence", "stopped_on", "answered_at", "answered_by_id"),
        )
