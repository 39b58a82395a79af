from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditionsConfig(AppConfig):
    name = "sayembara.editions"
    verbose_name = _("Editions")

    def ready(self):
        from sayembara.audit.trail import track

        # The rules of a contest: a change to them is part of its record.
        for name in ["Edition", "Stage", "Criterion", "RubricLevel", "Phase", "Category", "EntryGroup", "ProposalSection"]:
            track(self.get_model(name))
