from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JuryConfig(AppConfig):
    name = "sayembara.jury"
    verbose_name = _("Jury")

    def ready(self):
        from sayembara.audit.trail import track

        # Who assigned, locked, scheduled or reopened what is part of the jury's record.
        for name in ["StageJury", "TimeSlot", "SheetReopening"]:
            track(self.get_model(name))
