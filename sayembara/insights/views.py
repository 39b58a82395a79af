"""Participation insights for organisers, and the public call for entries."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sayembara.accounts.roles import ORGANISER, role_required
from sayembara.audit.trail import acting_as
from sayembara.editions.models import Edition
from sayembara.institutions.models import Institution
from sayembara.params import int_or_none, pk_or_none

from . import exporters, services
from .forms import ContactForm


def _year(request) -> int | None:
    return int_or_none(request.GET.get("year"))


@role_required(ORGANISER)
def dashboard(request):
    data = dict(services.cached("dashboard", services.dashboard, _year(request)))
    data["beyond"] = services.winners_beyond()  # recorded by hand, read live
    if data["years"]:
        data["chart"] = services.chart_data(data)
    return render(request, "insights/dashboard.html", data)


@role_required(ORGANISER)
def coverage(request):
    years = [e.year for e in services.editions()]
    year = _year(request)
    year = year if year in years else (years[-1] if years else timezone.localdate().year)
    context = dict(services.cached("coverage", services.coverage, year))
    context["years"] = years
    context["invite_link"] = services.invitation_link()
    # Every participating unit is listed at once (the page is not paged): thousands at national scale.
    return render(request, "insights/coverage.html", context)


def _back(request) -> str:
    """Where to return after a form on the coverage page: a page of this site only ("//elsewhere" is not)."""
    back = request.POST.get("next") or ""
    if back.startswith("/") and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return back
    return reverse("insights:coverage")


@role_required(ORGANISER)
@require_POST
def invite(request):
    ids = [pk for pk in map(pk_or_none, request.POST.getlist("institution")) if pk is not None]
    back = _back(request)
    if not ids:
        messages.error(request, _("Choose at least one unit to invite."))
        return redirect(back)
    units = list(Institution.objects.filter(pk__in=ids, type__participates=True).order_by("name"))
    with acting_as(request.user, note="invitation to enter"):
        invited, unreachable = services.send_invitations(units, request.user, services.invitation_link())
    if invited:
        messages.success(request, _("Invitations sent to %(n)s units.") % {"n": len(invited)})
    if unreachable:
        messages.error(
            request,
            _("No e-mail address for: %(units)s. Add a contact address and send again.")
            % {"units": ", ".join(u.name for u in unreachable)},
        )
    return redirect(back)


@role_required(ORGANISER)
@require_POST
def contact(request, pk: int):
    """Set the contact address of a unit from the coverage list, so it can be invited."""
    institution = get_object_or_404(Institution, pk=pk, type__participates=True)
    form = ContactForm(request.POST)
    back = _back(request)
    if form.is_valid():
        services.set_contact_email(institution, form.cleaned_data["contact_email"], by=request.user)
        messages.success(request, _("Contact address of %(unit)s saved.") % {"unit": institution.name})
    else:
        messages.error(request, _("“%(value)s” is not a valid e-mail address; nothing was changed.")
                       % {"value": request.POST.get("contact_email", "")})
    return redirect(back)


@role_required(ORGANISER)
def scores(request):
    years = [e.year for e in services.editions()]
    rows = services.cached("scores", services.score_distribution, years)
    chart = {
        "buckets": [f"{b}–{b + 9 if b < 90 else 100}" for b in services.BUCKETS],
        "series": [{"label": f"{r['criterion']} {r['year']}", "data": r["histogram"]} for r in rows],
        "means": {r["criterion"]: {} for r in rows},
    }
    for r in rows:
        chart["means"][r["criterion"]][r["year"]] = r["mean"]
    return render(request, "insights/scores.html", {"rows": rows, "years": years, "chart": chart})


@role_required(ORGANISER)
def export(request):
    return exporters.workbook_response(_year(request))


@role_required(ORGANISER)
def summary(request):
    data = dict(services.cached("dashboard", services.dashboard, _year(request)))
    data["today"] = timezone.localdate()
    return render(request, "insights/summary.html", data)


@role_required(ORGANISER)
def announcement(request):
    return render(request, "insights/announcement.html", services.announcement_text())


def call(request):
    """The public call for entries: the open edition with a countdown, or the last results."""
    edition = services.open_edition()
    context = {"edition": edition, "deadline": services.submission_deadline(edition) if edition else None}
    if edition is None:
        context["last"] = Edition.objects.public().order_by("-year").first()
    context["start_link"] = f"{reverse('accounts:login')}?next={reverse('insights:call')}"
    return render(request, "insights/call.html", context)
