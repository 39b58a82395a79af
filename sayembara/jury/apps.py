from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JuryConfig(AppConfig):
    name = "sayembara.jury"
    verbose_name = _("Jury")

    def ready(self):
        from sayembara.audit.trail import track

        from . import signals

        signals.connect(self.get_model("Score"))
        # Every change to assignments, sheets, scores and conflicts is recorded, and who assigned, locked,
        # scheduled or reopened what is part of the jury's record too.
        for name in ["Assignment", "ScoreSheet", "Score", "Conflict", "StageJury", "TimeSlot", "SheetReopening"]:
            track(self.get_model(name))
