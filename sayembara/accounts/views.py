from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from .forms import EmailAuthenticationForm
from .roles import INNOVATOR, JUROR, ORGANISER, VERIFIER, roles_of


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
    roles = roles_of(request.user)
    for role, url_name in DASHBOARD_BY_ROLE:
        if role in roles:
            return redirect(url_name)
    return redirect("accounts:profile")


@login_required
def profile(request):
    return render(request, "accounts/profile.html", {"roles": sorted(roles_of(request.user))})
