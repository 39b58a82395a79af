from django.db.models import Q
from django.shortcuts import render

from sayembara.accounts.roles import INNOVATOR, VERIFIER, role_required

from .models import Entry


def _entry_list(queryset):
    return queryset.select_related("edition", "institution", "category").order_by("-edition__year", "title")


@role_required(INNOVATOR)
def innovator_dashboard(request):
    user = request.user
    entries = _entry_list(Entry.objects.filter(Q(created_by=user) | Q(team__user=user)).distinct())
    return render(request, "entries/innovator_dashboard.html", {"entries": entries})


@role_required(VERIFIER)
def verifier_dashboard(request):
    institution = request.user.verified_institution
    entries = _entry_list(Entry.objects.filter(institution=institution))
    return render(request, "entries/verifier_dashboard.html", {"entries": entries, "institution": institution})
