from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from sayembara.institutions.models import Institution

from .models import User


class OneLineField(forms.CharField):
    """A name or position: one line, spaces collapsed (a line break in a name would break e-mail headers)."""

    def to_python(self, value):
        value = super().to_python(value)
        return " ".join(value.split()) if value else value


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"), max_length=254, widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )
    error_messages = {
        "invalid_login": _("The e-mail address or the password is wrong. Note that the password is case-sensitive."),
        "inactive": _("This account is inactive."),
        "unconfirmed": _("This e-mail address is not confirmed yet. Open the link we sent you, or ask for a new one."),
        "lapsed": _("This registration was not confirmed within %(days)s days and has lapsed. Register again with "
                    "the same address."),
    }

    # Set only when the password was right: the page then offers what can be done (a new link, registering again).
    unconfirmed = False
    lapsed = False

    def clean(self):
        try:
            return super().clean()
        except forms.ValidationError:
            # Said only to whoever knows the password, so it reveals nothing to a stranger.
            from . import auth

            email = (self.cleaned_data.get("username") or "").strip()
            password = self.cleaned_data.get("password") or ""
            user = User.objects.filter(email__iexact=email).first() if email else None
            if user is not None and auth.is_unconfirmed(user) and user.check_password(password):
                if auth.is_expired_registration(user):
                    from django.conf import settings

                    self.lapsed = True
                    raise forms.ValidationError(self.error_messages["lapsed"], code="lapsed",
                                                params={"days": settings.UNCONFIRMED_MAX_AGE_DAYS}) from None
                self.unconfirmed = True
                raise forms.ValidationError(self.error_messages["unconfirmed"], code="unconfirmed") from None
            raise


def participating_units():
    return Institution.objects.filter(type__participates=True, active=True).select_related("type").order_by("type__order", "name")


class RegistrationForm(forms.Form):
    full_name = OneLineField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password1 = forms.CharField(label=_("Password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                                help_text=_("At least 10 characters; not only numbers."))
    password2 = forms.CharField(label=_("Password again"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}))

    def clean_email(self):
        # Whether the address already has an account is never said here: the owner is told by e-mail.
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        one, two = cleaned.get("password1"), cleaned.get("password2")
        if one and two and one != two:
            self.add_error("password2", _("The two passwords are not the same."))
        elif one:
            probe = User(email=cleaned.get("email", ""), full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(one, probe)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ProfileForm(forms.ModelForm):
    """Name, position and phone, and the unit the person asks to join (asked at the first login).

    Choosing a unit only sends a request: the unit's verifier, or the organiser, approves it.
    """

    unit = forms.ModelChoiceField(
        label=_("Unit (institution)"), queryset=Institution.objects.none(),
        help_text=_("Your request goes to the unit's verifier (or the organiser). You see the unit's entries once "
                    "it is approved."),
    )

    class Meta:
        model = User
        fields = ["full_name", "position", "phone"]
        field_classes = {"full_name": OneLineField, "position": OneLineField, "phone": OneLineField}

    def __init__(self, *args, membership=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].required = True
        self.fields["unit"].queryset = participating_units()
        self.fields["phone"].help_text = _("A number the organiser can call or message (WhatsApp).")
        if membership is not None:
            self.fields["unit"].initial = membership.institution_id
            if membership.status == membership.Status.APPROVED:
                # Moving to another unit changes what a person may see: the verifier or organiser ends the
                # membership first.
                self.fields["unit"].disabled = True
                self.fields["unit"].help_text = _("To move to another unit, ask its verifier or the organiser.")
        self.order_fields(["full_name", "unit", "position", "phone"])


class ResendConfirmationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"}))


class ConfirmForm(forms.Form):
    password = forms.CharField(label=_("The password you chose when registering"), strip=False,
                               widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}))

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_(
                "This is not the password of this registration. If you did not register this address yourself, "
                "register it again with your own password: that cancels the other registration."))
        return password


class MembershipDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("refuse", _("Refuse")), ("end", _("End membership"))])
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class InviteForm(forms.Form):
    full_name = OneLineField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    institution = forms.ModelChoiceField(label=_("Unit (institution)"), queryset=Institution.objects.none())
    as_verifier = forms.BooleanField(label=_("Make this person the verifier of the unit"), required=False)

    def __init__(self, *args, inviter=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = participating_units()
        from .rules import is_organiser

        if inviter is not None and not is_organiser(inviter):
            # A unit verifier invites people of their own unit only.
            self.fields["institution"].queryset = Institution.objects.filter(pk=inviter.verified_institution_id)
            self.fields["institution"].initial = inviter.verified_institution_id
            del self.fields["as_verifier"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this e-mail address already exists."))
        return email
