from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    """Jobs run by the worker, the outbox of e-mail and the worker's heartbeat. A foundation app: it knows no
    other app; apps hand it their tasks by name."""

    name = "sayembara.jobs"
    verbose_name = _("Jobs")

    def ready(self):
        from . import signals  # noqa: F401  (the worker's heartbeat at start-up)
