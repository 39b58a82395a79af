from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "sayembara.audit"
    verbose_name = _("Audit trail")

    def ready(self):
        from django.apps import apps

        from .trail import track

        # Every change to proposals, scores and results is recorded.
        for label in [
            "accounts.Membership",
            "entries.Innovation",
            "entries.Entry",
            "entries.TeamMember",
            "entries.ProposalAnswer",
            "jury.Assignment",
            "jury.ScoreSheet",
            "jury.Score",
            "jury.Conflict",
            "results.Award",
            "editions.Edition",
            "editions.Stage",
            "editions.Criterion",
        ]:
            track(apps.get_model(label))
