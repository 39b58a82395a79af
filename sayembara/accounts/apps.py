from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "sayembara.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from sayembara.audit.trail import track

        # Who may act for a unit is a decision with consequences: recorded.
        track(self.get_model("Membership"))
