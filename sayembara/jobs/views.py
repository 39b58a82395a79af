from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from sayembara.accounts.roles import organiser_required

from . import services
from .models import Job, OutboundEmail

PAGE_SIZE = 50
FAILED_MAIL_SHOWN = 50
PROBE = "sayembara.jobs.tasks.probe"


@organiser_required
@require_GET
def job_list(request):
    """Recent jobs, newest first, with their errors; and the e-mail the worker gave up sending."""
    scope = request.GET.get("scope", "").strip()[:100]
    jobs = Job.objects.select_related("created_by")
    if scope:
        jobs = jobs.filter(scope=scope)
    page = Paginator(jobs, PAGE_SIZE).get_page(request.GET.get("page"))
    unsent = OutboundEmail.objects.filter(state=OutboundEmail.State.FAILED)
    return render(request, "jobs/list.html", {
        "page": page, "scope": scope, "unsent": unsent[:FAILED_MAIL_SHOWN], "unsent_count": unsent.count(),
    })


@organiser_required
@require_GET
def job_status(request, pk: int):
    """The job's state for htmx polling (the fragment ``jobs/_status.html``), or as a page of its own."""
    job = get_object_or_404(Job.objects.select_related("created_by"), pk=pk)
    template = "jobs/_status.html" if request.htmx else "jobs/status.html"
    return render(request, template, {"job": job})


@organiser_required
@require_POST
def probe(request):
    """Check the worker: a small job that reports three steps. A double click starts one."""
    job = services.start(PROBE, "probe", by=request.user, scope="jobs")
    return redirect(job)
