from django import forms
from django.utils.translation import gettext_lazy as _


class SettingsForm(forms.Form):
    # Never filled back in: the page shows the token's last four characters only.
    token = forms.CharField(label=_("Bot token"), max_length=200, required=False,
                            widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
                            help_text=_("From @BotFather. Leave empty to keep the token already stored."))
    chat = forms.CharField(label=_("Channel"), max_length=100, required=False,
                           help_text=_("The channel's @name (e.g. @humaspemalang) or its numeric chat id. The bot "
                                       "must be an administrator of the channel, allowed to post."))
