from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EntriesConfig(AppConfig):
    name = "sayembara.entries"
    verbose_name = _("Entries")

    def ready(self):
        from sayembara.audit.trail import track

        # The core entry models are tracked by the audit app; these hold proposal data too.
        for name in ["Evidence", "EntryDetails", "EvidenceSlot", "EntrySettings", "DeadlineExtension"]:
            track(self.get_model(name))
