from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResultsConfig(AppConfig):
    name = "sayembara.results"
    verbose_name = _("Results")

    def ready(self):
        from sayembara.audit.trail import track

        # Awards are tracked with the core models; these are the other decisions on results.
        for name in ["ResultSettings", "JuryVote", "Publication", "Certificate", "Objection"]:
            track(self.get_model(name))
