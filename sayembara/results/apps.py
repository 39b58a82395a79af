from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "sayembara.results"
    verbose_name = _("Results")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from sayembara.audit.trail import track
        from sayembara.jury.models import Score

        from .services import touch_sheet_on_score_change

        post_save.connect(touch_sheet_on_score_change, sender=Score, dispatch_uid="results-touch-sheet-save")
        post_delete.connect(touch_sheet_on_score_change, sender=Score, dispatch_uid="results-touch-sheet-delete")

        # Published results are final: the models they rest on refuse changes (see freeze.py).
        from . import freeze

        freeze.connect()

        # Awards are tracked with the core models; these are the other decisions on results.
        for name in ["ResultSettings", "JuryVote", "Publication", "Certificate", "Objection", "Correction"]:
            track(self.get_model(name))
