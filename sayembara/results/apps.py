from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "sayembara.results"
    verbose_name = _("Results")

    def ready(self):
        from sayembara.audit.trail import track

        # Published results are final: the models they rest on refuse changes (see freeze.py).
        from . import freeze

        freeze.connect()

        # Every decision on results is recorded.
        for name in ["Award", "ResultSettings", "JuryVote", "Publication", "Certificate", "Objection", "Correction"]:
            track(self.get_model(name))
