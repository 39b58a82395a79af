"""The pages that bring the apps together: the home page, an edition's public page, the organiser's dashboard."""

from django.shortcuts import get_object_or_404, render

from sayembara.accounts import membership
from sayembara.accounts.roles import organiser_required
from sayembara.editions.models import Edition

from .overview import edition_overview, organiser_overview, participation_by_year


def home(request):
    edition = Edition.objects.current()
    context = {"editions": Edition.objects.public(), "trend": participation_by_year()}
    if edition is not None:
        context.update(edition_overview(edition))
        if not edition.results_are_public:
            # While a new edition runs, the last announced winners stay on the front page.
            previous = (
                Edition.objects.public().filter(year__lt=edition.year, results_published_at__isnull=False).order_by("-year").first()
            )
            if previous is not None:
                context["previous"] = edition_overview(previous)
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
    edition = Edition.objects.order_by("-year").first()
    context = {"edition": edition, "trend": participation_by_year(), "editions": Edition.objects.all(),
               "membership_requests": membership.pending_for(request.user).count(),
               "units_without_verifier": list(membership.units_without_verifier_with_entries()[:10])}
    if edition is not None:
        context.update(organiser_overview(edition))
    return render(request, "editions/organiser_dashboard.html", context)
