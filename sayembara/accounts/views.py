from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.mail import send_mail
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _

from sayembara.audit.trail import acting_as

from .forms import EmailAuthenticationForm, InviteForm, ProfileForm, RegistrationForm
from .models import User
from .roles import INNOVATOR, JUROR, ORGANISER, VERIFIER, role_required, roles_of

CONFIRM_SALT = "sayembara.accounts.confirm"
CONFIRM_MAX_AGE = 3 * 24 * 3600


class LoginView(auth_views.LoginView):
    form_class = EmailAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


# Each role has its own landing page; a person with several roles lands on the most powerful one.
DASHBOARD_BY_ROLE = [
    (ORGANISER, "editions:organiser_dashboard"),
    (JUROR, "jury:dashboard"),
    (VERIFIER, "entries:verifier_dashboard"),
    (INNOVATOR, "entries:innovator_dashboard"),
]


@login_required
def dashboard(request):
    if request.user.needs_profile:
        return redirect("accounts:profile")
    roles = roles_of(request.user)
    for role, url_name in DASHBOARD_BY_ROLE:
        if role in roles:
            return redirect(url_name)
    return redirect("accounts:profile")


@login_required
def profile(request):
    user = request.user
    form = ProfileForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        with acting_as(user, note=_("Profile completed")):
            user = form.save(commit=False)
            user.needs_profile = False
            user.save()
        messages.success(request, _("Profile saved."))
        return redirect("accounts:dashboard")
    if user.needs_profile and request.method != "POST":
        messages.info(request, _("Welcome! Before you start, tell us who you are and which unit you work for."))
    return render(request, "accounts/profile.html", {"roles": sorted(roles_of(user)), "form": form})


def _mail(to: str, subject: str, body: str) -> None:
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def _unique_username(email: str) -> str:
    base = email.split("@")[0][:130] or "user"
    candidate, n = base, 1
    while User.objects.filter(username=candidate).exists():
        n += 1
        candidate = f"{base}{n}"
    return candidate


def register(request):
    if request.user.is_authenticated:
        return redirect("accounts:dashboard")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = User(email=data["email"], username=_unique_username(data["email"]), full_name=data["full_name"],
                    is_active=False, needs_profile=True)
        user.set_password(data["password1"])
        user.save()
        token = signing.dumps(user.pk, salt=CONFIRM_SALT)
        link = request.build_absolute_uri(reverse("accounts:confirm", kwargs={"token": token}))
        with translation.override(settings.LANGUAGE_CODE):
            _mail(user.email, _("Confirm your e-mail address"),
                  _("Hello %(name)s,\n\nopen this link to confirm your e-mail address and activate your account "
                    "(valid for 3 days):\n\n%(link)s\n\nIf you did not register, ignore this e-mail.")
                  % {"name": user.full_name, "link": link})
        return redirect("accounts:register_done")
    return render(request, "accounts/register.html", {"form": form})


def register_done(request):
    return render(request, "accounts/message.html", {
        "title": _("Check your e-mail"),
        "text": _("We sent you a link to confirm your e-mail address. Open it to activate your account, then log in."),
    })


def confirm(request, token: str):
    try:
        pk = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
        user = User.objects.get(pk=pk)
    except (signing.BadSignature, User.DoesNotExist):
        return render(request, "accounts/message.html", {
            "title": _("This link does not work"),
            "text": _("The confirmation link is wrong or older than 3 days. Register again or reset your password."),
        })
    if not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    messages.success(request, _("Your e-mail address is confirmed. Log in to continue."))
    return redirect("accounts:login")


@role_required(ORGANISER, VERIFIER)
def invite(request):
    form = InviteForm(request.POST or None, inviter=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with acting_as(request.user, note=_("Invited")):
            user = User(email=data["email"], username=_unique_username(data["email"]), full_name=data["full_name"],
                        institution=data["institution"], is_active=False, needs_profile=True)
            if data.get("as_verifier"):
                user.verified_institution = data["institution"]
            user.set_unusable_password()
            user.save()
        link = request.build_absolute_uri(reverse("accounts:invitation", kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user)}))
        with translation.override(settings.LANGUAGE_CODE):
            _mail(user.email, _("Invitation to the Public Service Innovation Competition"),
                  _("Hello %(name)s,\n\n%(inviter)s invites you to enter the innovations of %(unit)s in the competition. "
                    "Open this link to choose your password:\n\n%(link)s")
                  % {"name": user.full_name, "inviter": request.user.full_name, "unit": user.institution, "link": link})
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": user.email})
        return redirect("accounts:invite")
    invited = User.objects.filter(needs_profile=True).select_related("institution").order_by("-date_joined")
    if ORGANISER not in roles_of(request.user):
        invited = invited.filter(institution_id=request.user.verified_institution_id)
    return render(request, "accounts/invite.html", {"form": form, "invited": invited[:50]})


def invitation(request, uidb64: str, token: str):
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (ValueError, TypeError, OverflowError, User.DoesNotExist):
        user = None
    if user is None or not default_token_generator.check_token(user, token):
        return render(request, "accounts/message.html", {
            "title": _("This link does not work"),
            "text": _("The invitation link is wrong or was already used. Ask for a new one, or reset your password."),
        })
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save(commit=False)
        user.is_active = True
        user.save()
        messages.success(request, _("Your password is set. Log in to complete your profile."))
        return redirect("accounts:login")
    return render(request, "accounts/set_password.html", {"form": form, "invited": user})


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/set_password.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


def password_reset_done(request):
    return render(request, "accounts/message.html", {
        "title": _("Check your e-mail"),
        "text": _("If an account uses this address, we sent it a link to choose a new password."),
    })


def password_reset_complete(request):
    messages.success(request, _("Your new password is set. Log in with it."))
    return redirect("accounts:login")
