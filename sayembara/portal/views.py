"""The pages that bring the apps together: the home page, an edition's public page, the organiser's dashboard."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.utils import timezone

from sayembara.accounts import membership
from sayembara.accounts.roles import organiser_required
from sayembara.editions.models import Edition
from sayembara.params import int_or_none

from . import copying, readiness
from .forms import CopyEditionForm, NewEditionForm
from .overview import edition_overview, organiser_overview, participation_by_year


def home(request):
    edition = Edition.objects.current()
    context = {"editions": Edition.objects.public(), "trend": participation_by_year()}
    if edition is not None:
        context.update(edition_overview(edition))
        if not edition.results_are_public:
            # While a new edition runs, the last announced winners stay on the front page.
            previous = (
                Edition.objects.public().filter(results_published_at__isnull=False, results_published_at__lte=timezone.now())
                .exclude(pk=edition.pk).order_by("-year").first()
            )
            if previous is not None:
                context["previous"] = edition_overview(previous)
        # Another edition being judged while this one takes entries is named too, with a link to its page.
        context["judging"] = list(Edition.objects.filter(status__in=[Edition.Status.JUDGING, Edition.Status.CLOSED])
                                  .exclude(pk=edition.pk).order_by("-year"))
    return render(request, "editions/home.html", context)


def edition_detail(request, year: int):
    edition = get_object_or_404(Edition.objects.public(), year=year)
    context = edition_overview(edition, request.GET.get("page"))
    context["editions"] = Edition.objects.public()
    context["paged"] = True  # the home page shows the first page and links here
    return render(request, "editions/edition_detail.html", context)


def edition_list(request):
    return render(
        request,
        "editions/edition_list.html",
        {"editions": Edition.objects.public(), "trend": participation_by_year()},
    )


@organiser_required
def organiser_dashboard(request):
    chosen = int_or_none(request.GET.get("year"), minimum=1, maximum=32767)
    edition = Edition.objects.filter(year=chosen).first() if chosen else Edition.objects.in_focus()
    if chosen and edition is None:
        raise Http404
    context = {"edition": edition, "trend": participation_by_year(), "editions": Edition.objects.all(),
               "membership_requests": membership.pending_for(request.user).count(),
               "units_without_verifier": list(membership.units_without_verifier_with_entries()[:10])}
    context["other_editions"] = [e for e in context["editions"] if e != edition]
    context["not_ready"] = readiness.problems(edition) if edition is not None and edition.status == "draft" else []
    context["copy_form"] = CopyEditionForm(initial={"source": edition.year if edition else None,
                                                    "year": (edition.year + 1) if edition else None})
    context["new_form"] = NewEditionForm(initial={"year": (edition.year + 1) if edition else None,
                                                  "host": edition.host if edition else ""})
    if edition is not None:
        context.update(organiser_overview(edition))
    return render(request, "editions/organiser_dashboard.html", context)


@organiser_required
@require_POST
def copy_edition(request):
    """A new draft edition set up like an earlier one (see ``copying``)."""
    form = CopyEditionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("editions:organiser_dashboard")
    source, year = form.cleaned_data["source"], form.cleaned_data["year"]
    try:
        edition = copying.copy_edition(source, year, by=request.user)
    except copying.CopyRefused as exc:
        messages.error(request, str(exc))
        return redirect("editions:organiser_dashboard")
    messages.success(request, _("The %(year)s edition is made as a draft with the rules of %(source)s: check its "
                                "schedule before opening it.") % {"year": edition.year, "source": source.year})
    return redirect(f"{reverse('editions:organiser_dashboard')}?year={edition.year}")


@organiser_required
@require_POST
def open_edition(request, year: int):
    """Open a draft edition for entries once its rules pass the checks (``readiness``)."""
    edition = get_object_or_404(Edition, year=year)
    try:
        readiness.open_for_entries(edition, by=request.user)
    except readiness.NotReady as exc:
        for problem in exc.problems:
            messages.error(request, problem)
    else:
        messages.success(request, _("The %(year)s edition is open for entries.") % {"year": edition.year})
    return redirect(f"{reverse('editions:organiser_dashboard')}?year={edition.year}")
