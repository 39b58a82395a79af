from django.core.paginator import Paginator
from django.shortcuts import render

from sayembara.accounts.roles import organiser_required

from . import describe
from .models import AuditEvent

PAGE_SIZE = 50


@organiser_required
def trail(request):
    """Every recorded change, newest first, in words: who, what, when (WIB) and why; filterable by record type and record."""
    types = describe.record_types()
    model = request.GET.get("model", "")
    if model not in {label for label, _name in types}:
        model = ""
    object_id = request.GET.get("object", "").strip()
    if not object_id.isdigit():
        object_id = ""
    events = describe.with_actors(AuditEvent.objects.all())
    if model:
        events = events.filter(model=model)
        if object_id:
            events = events.filter(object_id=object_id)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "audit/trail.html", {
        "page": page, "said": describe.describe(page.object_list), "types": types, "model": model,
        "object_id": object_id, "record": describe.record_name(model, object_id) if model and object_id else "",
    })
