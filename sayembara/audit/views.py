from django.core.paginator import Paginator
from django.shortcuts import render

from sayembara.accounts.roles import organiser_required

from .models import AuditEvent

PAGE_SIZE = 50


@organiser_required
def trail(request):
    """Every recorded change, newest first, filterable by record type, record and person."""
    events = AuditEvent.objects.select_related("actor")
    model = request.GET.get("model", "")
    object_id = request.GET.get("object", "")
    if model:
        events = events.filter(model=model)
    if object_id:
        events = events.filter(object_id=object_id)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    models = AuditEvent.objects.order_by("model").values_list("model", flat=True).distinct()
    return render(request, "audit/trail.html", {"page": page, "models": models, "model": model, "object_id": object_id})
