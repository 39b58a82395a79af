from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TelegramConfig(AppConfig):
    name = "sayembara.telegram"
    verbose_name = _("Telegram channel")

    def ready(self):
        from sayembara.audit.trail import track

        # The token is a secret: the trail records the channel and the token's last characters only.
        track(self.get_model("TelegramSettings"), fields=("chat", "token_tail"))
