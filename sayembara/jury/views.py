from django.db.models import Prefetch
from django.shortcuts import render

from sayembara.accounts.roles import JUROR, role_required
from sayembara.editions.models import Stage

from .models import Assignment, Juror, ScoreSheet


@role_required(JUROR)
def dashboard(request):
    """The juror's work: per edition and stage, the entries to judge and how far along each sheet is."""
    jurors = list(
        Juror.objects.filter(user=request.user).select_related("edition").order_by("-edition__year")
    )
    sheets = {
        (s.stage_id, s.entry_id): s
        for s in ScoreSheet.objects.filter(juror__in=jurors).only("stage_id", "entry_id", "status", "juror_id")
    }
    assignments = (
        Assignment.objects.filter(juror__in=jurors)
        .select_related("stage__edition", "entry__institution")
        .order_by("-stage__edition__year", "stage__order", "entry__code")
    )
    rows = []
    for assignment in assignments:
        sheet = sheets.get((assignment.stage_id, assignment.entry_id))
        rows.append({"assignment": assignment, "sheet": sheet, "blind": assignment.stage.blind})
    return render(request, "jury/dashboard.html", {"jurors": jurors, "rows": rows})
