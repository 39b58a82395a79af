from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "sayembara.insights"
    verbose_name = _("Insights")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_delete, post_save

        from .services import bump_version

        # Any change to what the figures count makes the cached figures stale. Not scores and sheets: hundreds of
        # jurors save them at once during judging, and a version row bumped by every save would queue them all
        # behind one lock; figures built from scores go stale by time instead (``services.CACHE_SECONDS``).
        for label in ("entries.Entry", "results.Award", "institutions.Institution", "institutions.InstitutionType",
                      "editions.Edition", "editions.Category", "editions.Criterion", "editions.Stage",
                      "insights.Invitation"):
            model = apps.get_model(label)
            post_save.connect(bump_version, sender=model, dispatch_uid=f"insights-{label}")
            post_delete.connect(bump_version, sender=model, dispatch_uid=f"insights-{label}-delete")
