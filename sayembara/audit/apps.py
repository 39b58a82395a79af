from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The audit trail itself. Each app names the models it wants recorded in its own ``ready()``
    (``sayembara.audit.trail.track``), so this app knows no other app's models."""

    name = "sayembara.audit"
    verbose_name = _("Audit trail")
