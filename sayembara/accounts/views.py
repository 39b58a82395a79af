from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sayembara import throttle
from sayembara.audit.trail import acting_as
from sayembara.links import absolute

from . import auth, membership, rules, services
from .forms import (
    ConfirmForm,
    EmailAuthenticationForm,
    InviteForm,
    MembershipDecisionForm,
    ProfileForm,
    RegistrationForm,
    ResendConfirmationForm,
)
from .models import Membership, User
from .roles import INNOVATOR, JUROR, ORGANISER, VERIFIER, role_required, roles_of


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
    current = membership.open_membership(user)
    form = ProfileForm(request.POST or None, instance=user, membership=current)
    if request.method == "POST" and form.is_valid():
        with acting_as(user, note=_("Profile completed")):
            user = form.save(commit=False)
            user.needs_profile = False
            user.save()
        unit = form.cleaned_data.get("unit")
        if unit is not None:
            try:
                current = membership.request_membership(
                    user, unit, link=absolute(reverse("accounts:members")))
            except membership.MembershipError as error:
                messages.error(request, str(error))
                return redirect("accounts:profile")
        messages.success(request, _("Profile saved."))
        if current is not None and current.status == Membership.Status.PENDING:
            return redirect("accounts:profile")
        return redirect("accounts:dashboard")
    if user.needs_profile and request.method != "POST":
        messages.info(request, _("Welcome! Before you start, tell us who you are and which unit you work for."))
    deciders = []
    if current is not None and current.status == Membership.Status.PENDING:
        deciders, organiser_instead = membership.deciders_of(current.institution_id)
    return render(request, "accounts/profile.html", {
        "roles": sorted(roles_of(user)), "form": form, "membership": current,
        "deciders": [d.full_name for d in deciders][:3],
        "history": user.memberships.select_related("institution").exclude(pk=getattr(current, "pk", None))[:10],
    })


def register(request):
    if request.user.is_authenticated:
        return redirect("accounts:dashboard")
    form = RegistrationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not throttle.hit(request, "register", settings.REGISTRATIONS_PER_HOUR, 3600):
            form.add_error(None, throttle.form_refusal(settings.REGISTRATIONS_PER_HOUR, 3600))
            return render(request, "accounts/register.html", {"form": form}, status=429)
        if form.is_valid():
            data = form.cleaned_data
            services.register(data["email"], data["full_name"], data["password1"])
            return redirect("accounts:register_done")
    return render(request, "accounts/register.html", {"form": form})


def register_done(request):
    return render(request, "accounts/message.html", {
        "title": _("Check your e-mail"),
        "text": _("We sent a message to the address you gave. If it is a new account, open the link in it to "
                  "activate the account, then log in. If the address already has an account, the message says "
                  "what to do."),
    })


def confirm(request, token: str):
    """Confirming takes the link (only the address's owner receives it) and the password chosen at registration,
    and a click: a mail scanner that follows links confirms nothing, and nobody confirms an address with a
    password they chose for someone else's address."""
    user = auth.user_from_confirmation(token)
    if user is None or not auth.is_unconfirmed(user):
        return render(request, "accounts/message.html", {
            "title": _("This link does not work"),
            "text": _("The confirmation link is wrong, already used or older than %(days)s days. Log in, ask for a "
                      "new link, or register again.") % {"days": settings.UNCONFIRMED_MAX_AGE_DAYS},
            "resend": True,
        }, status=400)
    form = ConfirmForm(user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.confirm(user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your e-mail address is confirmed and your account is active."))
        return redirect("accounts:dashboard")
    return render(request, "accounts/confirm.html", {"form": form, "person": user}, status=400 if form.errors else 200)


def resend_confirmation(request):
    form = ResendConfirmationForm(request.POST if request.method == "POST" else None, initial={"email": request.GET.get("email", "")[:254]})
    if request.method == "POST":
        # Limited per client and per address (like password resets), so nobody can flood a mailbox with links.
        limit = settings.REGISTRATIONS_PER_HOUR
        address = (request.POST.get("email") or "").strip().lower()[:254]
        if not (throttle.hit(request, "resend-confirmation", limit, 3600)
                and throttle.hit(request, "resend-confirmation-address", limit, 3600, client=address)):
            form.add_error(None, throttle.form_refusal(limit, 3600))
            return render(request, "accounts/resend.html", {"form": form}, status=429)
        if form.is_valid():
            services.resend_confirmation(form.cleaned_data["email"])
            return render(request, "accounts/message.html", {
                "title": _("Check your e-mail"),
                "text": _("If an account waiting for confirmation uses this address, we sent it a new link."),
            })
    return render(request, "accounts/resend.html", {"form": form})


@role_required(ORGANISER, VERIFIER)
def invite(request):
    form = InviteForm(request.POST or None, inviter=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.invite_member(request.user, data["email"], data["full_name"], data["institution"],
                                          bool(data.get("as_verifier")))
        except membership.MembershipError as error:
            form.add_error("email", str(error))
        else:
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": user.email})
            return redirect("accounts:invite")
    invited = User.objects.filter(needs_profile=True).select_related("institution").order_by("-date_joined")
    if not rules.is_organiser(request.user):
        invited = invited.filter(institution_id=request.user.verified_institution_id)
    return render(request, "accounts/invite.html", {"form": form, "invited": invited[:50]})


def invitation(request, token: str):
    user = auth.user_from_invitation(token)
    if user is None or user.has_usable_password():
        # An account that already has a password logs in with it: a link never stands in for a password.
        return render(request, "accounts/message.html", {
            "title": _("This link does not work"),
            "text": _("The invitation link is wrong, was already used or is older than %(days)s days. Ask for a "
                      "new one, or reset your password.") % {"days": settings.INVITATION_MAX_AGE_DAYS},
        }, status=400)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.accept_invitation(user, form.cleaned_data["new_password1"])
        messages.success(request, _("Your password is set. Log in to complete your profile."))
        return redirect("accounts:login")
    return render(request, "accounts/set_password.html", {"form": form, "invited": user})


# --- Unit membership -----------------------------------------------------------------


@role_required(ORGANISER, VERIFIER)
def members(request):
    """Requests to join, and the standing members, of the units this person decides for."""
    user = request.user
    pending = membership.pending_for(user).order_by("requested_at")
    context = {"pending": pending[:100], "refuse_form": MembershipDecisionForm()}
    if user.verified_institution_id:
        context["unit"] = user.verified_institution
        context["members"] = membership.members_of(user.verified_institution_id)[:200]
    if rules.is_organiser(user):
        context["without_verifier"] = membership.units_without_verifier_with_entries()[:100]
    return render(request, "accounts/members.html", context)


def _membership_for(request, pk: int) -> Membership:
    found = get_object_or_404(Membership.objects.select_related("user", "institution"), pk=pk)
    if not rules.can_decide_membership(request.user, found):
        raise Http404
    return found


@require_POST
@role_required(ORGANISER, VERIFIER)
def decide_membership(request, pk: int):
    found = _membership_for(request, pk)
    form = MembershipDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether to approve or refuse the request."))
        return redirect("accounts:members")
    try:
        if form.cleaned_data["decision"] == "approve":
            membership.approve(found, request.user)
            messages.success(request, _("%(name)s is now a member of %(unit)s.") % {"name": found.user, "unit": found.institution})
        elif form.cleaned_data["decision"] == "refuse":
            membership.refuse(found, request.user, form.cleaned_data["reason"])
            messages.success(request, _("Request refused; %(name)s was told.") % {"name": found.user})
        else:
            membership.end(found, request.user, form.cleaned_data["reason"])
            messages.success(request, _("Membership of %(name)s ended.") % {"name": found.user})
    except membership.MembershipError as error:
        messages.error(request, str(error))
    return redirect("accounts:members")


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        # Limited per client and per address, so nobody can flood a person's mailbox with reset links.
        limit = settings.PASSWORD_RESETS_PER_HOUR
        email = form.cleaned_data["email"].strip().lower()
        if not (throttle.hit(self.request, "password-reset", limit, 3600)
                and throttle.hit(self.request, "password-reset-address", limit, 3600, client=email)):
            form.add_error(None, throttle.form_refusal(limit, 3600))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


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
