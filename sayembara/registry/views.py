"""Public registry pages, replication and follow-up forms, organiser tools."""

from __future__ import annotations

import mimetypes

from openpyxl import Workbook

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from sayembara import jobs, throttle
from sayembara.accounts.roles import INNOVATOR, ORGANISER, VERIFIER, role_required
from sayembara.audit.trail import acting_as
from sayembara.editions.models import Edition
from sayembara.jobs.models import Job
from sayembara.links import absolute
from sayembara.entries.models import Innovation
from sayembara.institutions.models import Institution
from sayembara.tabular import append_row, workbook_bytes, xlsx_response
from sayembara.params import int_or_none
from sayembara.uploads import EVIDENCE_TYPES, stored_file_response

from . import rules, services
from . import iid
from .forms import FollowUpAnswerForm, FollowUpRequestForm, IidEvidenceForm, IidProfileForm, OutcomeForm, ReplicationForm
from .models import FollowUp, IidEvidence, IidProfile, NationalOutcome, RegistryRecord, Replication

PAGE_SIZE = 20


def _int(value) -> int | None:
    # Words and numbers too large for the database are no filter at all, never a server error.
    return int_or_none(value)


def _filters_from(params) -> services.SearchFilters:
    return services.SearchFilters(
        q=params.get("q", "").strip()[:200],
        year=_int(params.get("year")),
        institution_type=params.get("type", ""),
        institution=_int(params.get("institution")),
        category=params.get("category", ""),
        digital=params.get("digital", ""),
        maturity=params.get("maturity", ""),
        status=params.get("status", ""),
        award=params.get("award", ""),
    )


def search(request):
    filters = _filters_from(request.GET)
    results = services.search(filters)
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    choices = services.filter_choices()
    context = {
        "filters": filters,
        "page": page,
        "querystring": query.urlencode(),
        "choices": choices,
        "status_choices": [("active", _("Active")), ("stopped", _("Stopped")), ("replicated", _("Replicated by others"))],
    }
    template = "registry/_results.html" if request.htmx and request.htmx.target == "results" else "registry/search.html"
    return render(request, template, context)


def _is_owner_or_organiser(user, innovation: Innovation) -> bool:
    return rules.can_see_private_innovation(user, innovation)


def detail(request, pk: int):
    innovation = get_object_or_404(
        Innovation.objects.select_related("institution__type", "replicated_from__institution"), pk=pk
    )
    record = RegistryRecord.objects.filter(innovation=innovation).first()
    if not (record and record.is_public) and not _is_owner_or_organiser(request.user, innovation):
        raise Http404
    history = services.innovation_history(innovation)
    latest = history[-1]["entry"] if history else None
    answers = []
    lead = None
    if latest is not None:
        answers = list(latest.answers.select_related("section").filter(section__code__in=services.DESCRIPTIVE_SECTIONS))
        lead = latest.team.filter(is_lead=True).first()
    is_owner = _is_owner_or_organiser(request.user, innovation)
    is_organiser = rules.can_manage_registry(request.user)
    context = {
        "innovation": innovation,
        "record": record,
        "history": history,
        "answers": answers,
        "lead": lead,
        "replications": services.replications_of(innovation),
        "follow_ups": innovation.follow_ups.exclude(status=FollowUp.Status.PENDING).order_by("-year"),
        "pending_follow_ups": innovation.follow_ups.filter(status=FollowUp.Status.PENDING) if is_owner else [],
        "help_requests": innovation.replication_records.filter(kind=Replication.Kind.HELP_REQUESTED)
        .select_related("institution", "created_by") if is_owner else [],
        # Loaded after the page (htmx): fitting the similarity model can take a while after the index changed.
        "show_similar": is_organiser,
        "can_replicate": bool(services.user_units(request.user)) if request.user.is_authenticated else False,
        "share_url": absolute(request.get_full_path()),
        "outcomes": list(innovation.national_outcomes.all()),
        "outcome_form": OutcomeForm() if is_organiser else None,
        "can_edit_iid": rules.can_edit_iid_profile(request.user, innovation),
    }
    return render(request, "registry/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def replicate(request, pk: int):
    origin = get_object_or_404(Innovation.objects.select_related("institution"), pk=pk, registry_record__is_public=True)
    units = services.user_units(request.user)
    if not units:
        return render(request, "registry/no_unit.html", status=403)
    unit = units[0]
    form = ReplicationForm(request.POST or None, units=units, origin=origin)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with acting_as(request.user):
            if data["action"] == "replicated":
                try:
                    services.record_replication(
                        origin, unit, request.user, replica=data["replica"], new_title=data["new_title"].strip(),
                        message=data["message"],
                    )
                except services.RegistryError as error:
                    form.add_error(None, str(error))
                else:
                    messages.success(request, _("Your replication is recorded and shown on both innovations' pages."))
                    return redirect("registry:detail", pk=origin.pk)
            elif not throttle.hit(request, "replication-help", settings.HELP_REQUESTS_PER_HOUR, 3600):
                # Each request e-mails the owners: a few per address and hour, the message kept in the form.
                form.add_error(None, throttle.form_refusal(settings.HELP_REQUESTS_PER_HOUR, 3600))
                status = 429
            else:
                services.request_replication_help(origin, unit, request.user, data["message"])
                messages.success(request, _("Your request has been sent to the owners of the innovation."))
                return redirect("registry:detail", pk=origin.pk)
    return render(request, "registry/replicate.html", {"origin": origin, "form": form, "unit": unit}, status=status)


@role_required(INNOVATOR, VERIFIER, ORGANISER)
def similar_check(request):
    """A fragment listing innovations like the title and text given (for a new entry's form)."""
    organiser = rules.can_manage_registry(request.user)
    innovation_id = _int(request.GET.get("innovation"))
    if innovation_id:
        innovation = get_object_or_404(Innovation, pk=innovation_id)
        if not organiser:
            raise Http404
        matches = services.similar_to_innovation(innovation, limit=6)
        return render(request, "registry/_similar_list.html", {"similar": matches})
    title = request.GET.get("title", "")[:200]
    text = request.GET.get("text", "")[:5000]
    exclude = [i for i in [_int(request.GET.get("exclude"))] if i]
    # Units see only public innovations; organisers also see unpublished ones (to catch duplicates early).
    matches = (
        services.similar_to_text(title, text, exclude=exclude, limit=5, public_only=not organiser) if (title or text) else []
    )
    return render(request, "registry/_similar.html", {"similar": matches, "checked": bool(title or text)})


FIND_DUPLICATES = "sayembara.registry.tasks.find_duplicates"
FOLLOW_UP_ROUND = "sayembara.registry.tasks.follow_up_round"


@role_required(ORGANISER)
@require_http_methods(["GET", "POST"])
def duplicates(request, year: int):
    """An edition's entries that resemble another innovation: found by the worker, shown once found."""
    edition = get_object_or_404(Edition, year=year)
    if request.method == "POST":
        job = jobs.start(FIND_DUPLICATES, edition.pk, by=request.user, scope=f"edition:{year}", edition_pk=edition.pk)
        return redirect(job)
    return render(request, "registry/duplicates.html", {
        "edition": edition, "rows": services.stored_duplicates(edition),
        "job": Job.objects.filter(kind=FIND_DUPLICATES, key=str(edition.pk)).first(),
        "editions": Edition.objects.order_by("-year"),
    })


@role_required(ORGANISER)
@require_http_methods(["GET", "POST"])
def follow_ups(request):
    this_year = timezone.localdate().year
    form = FollowUpRequestForm(request.POST or None, initial={"year": this_year})
    if request.method == "POST" and form.is_valid():
        # Thousands of innovations and their owners at national scale: the worker asks, the job's page follows.
        year = form.cleaned_data["year"]
        job = jobs.start(FOLLOW_UP_ROUND, year, by=request.user, scope="registry", year=year, by_pk=request.user.pk)
        return redirect(job)
    year = _int(request.GET.get("year")) or this_year
    context = {
        "form": form,
        "summary": services.follow_up_summary(year),
        "lapsed": services.lapsed_innovations(),
        "answers": FollowUp.objects.filter(year=year).select_related("innovation__institution").order_by("status", "innovation__title"),
        "year": year,
    }
    return render(request, "registry/follow_ups.html", context)


def _follow_up_for(request, pk: int) -> FollowUp:
    follow_up = get_object_or_404(FollowUp.objects.select_related("innovation__institution"), pk=pk)
    if not rules.can_answer_follow_up(request.user, follow_up):
        raise Http404
    return follow_up


@login_required
@require_http_methods(["GET", "POST"])
def follow_up_answer(request, pk: int):
    follow_up = _follow_up_for(request, pk)
    form = FollowUpAnswerForm(request.POST or None, request.FILES or None, instance=follow_up,
                              initial={"status": None if follow_up.status == FollowUp.Status.PENDING else follow_up.status})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with acting_as(request.user):
            services.answer_follow_up(
                FollowUp.objects.get(pk=follow_up.pk), data["status"], data["evidence"], request.user,
                evidence_file=data["evidence_file"] if "evidence_file" in request.FILES else None,
                stopped_on=data.get("stopped_on"),
            )
        messages.success(request, _("Thank you, your answer is recorded."))
        return redirect("registry:detail", pk=follow_up.innovation_id)
    return render(request, "registry/follow_up_answer.html", {"follow_up": follow_up, "form": form})


@login_required
def follow_up_evidence(request, pk: int):
    follow_up = _follow_up_for(request, pk)
    if not follow_up.evidence_file or not default_storage.exists(follow_up.evidence_file.name):
        raise Http404
    name = follow_up.evidence_file.name.rsplit("/", 1)[-1]
    # Only checked types are served as themselves; files stored before content checking (HTML, SVG, ...) as bytes.
    content_type = mimetypes.guess_type(name)[0]
    if content_type not in EVIDENCE_TYPES.values():
        content_type = "application/octet-stream"
    return FileResponse(default_storage.open(follow_up.evidence_file.name, "rb"), as_attachment=True, filename=name,
                        content_type=content_type)


class LatestInnovationsFeed(Feed):
    title = gettext_lazy("Newly published innovations")
    description = gettext_lazy("Public service innovations newly published in the Sayembara registry.")

    def link(self):
        return reverse("registry:search")

    def items(self):
        return (
            Innovation.objects.filter(registry_record__is_public=True)
            .select_related("institution", "registry_record")
            .order_by("-registry_record__published_at", "-pk")[:30]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.institution.name}. {item.summary}"

    def item_link(self, item):
        return reverse("registry:detail", args=[item.pk])

    def item_pubdate(self, item):
        return item.registry_record.published_at

    def item_author_name(self, item):
        return item.institution.name


class LatestInnovationsAtomFeed(LatestInnovationsFeed):
    feed_type = Atom1Feed
    subtitle = LatestInnovationsFeed.description


# --- Beyond the regency: the IID profile and evidence, national outcomes ----------------------------------------


def _innovation_for_iid(request, pk: int) -> Innovation:
    innovation = get_object_or_404(Innovation.objects.select_related("institution"), pk=pk)
    if not rules.can_edit_iid_profile(request.user, innovation):
        raise Http404
    return innovation


@login_required
@require_http_methods(["GET", "POST"])
def iid_profile(request, pk: int):
    """The innovation's Indeks Inovasi Daerah profile and its evidence per indicator, with what IID still lacks."""
    innovation = _innovation_for_iid(request, pk)
    profile = IidProfile.objects.filter(innovation=innovation).first()
    form = IidProfileForm(request.POST if request.POST.get("part") == "profile" else None, instance=profile)
    upload = IidEvidenceForm(request.POST if request.POST.get("part") == "evidence" else None,
                             request.FILES if request.POST.get("part") == "evidence" else None)
    if request.method == "POST":
        if form.is_bound:
            if form.is_valid():
                services.save_iid_profile(form, innovation, request.user)
                messages.success(request, _("The IID profile is saved."))
                return redirect("registry:iid_profile", pk=pk)
            messages.error(request, _("Some fields need correcting. Nothing was saved."))
        elif upload.is_bound:
            if upload.is_valid():
                try:
                    services.attach_iid_evidence(innovation, upload.cleaned_data["indicator"],
                                                 upload.cleaned_data["file"], request.user)
                except ValidationError as exc:
                    messages.error(request, " ".join(exc.messages))
                else:
                    messages.success(request, _("The file is attached."))
                    return redirect("registry:iid_profile", pk=pk)
            else:
                messages.error(request, _("Choose an indicator and a file."))
        elif request.POST.get("remove"):
            evidence = get_object_or_404(IidEvidence, pk=int_or_none(request.POST["remove"], minimum=1) or 0,
                                         innovation=innovation)
            services.remove_iid_evidence(evidence, request.user)
            messages.success(request, _("The file is removed."))
            return redirect("registry:iid_profile", pk=pk)
    readiness = iid.readiness_of([innovation])[innovation.pk]
    files = {}
    for evidence in innovation.iid_evidence.all():
        files.setdefault(evidence.indicator, []).append(evidence)
    return render(request, "registry/iid_profile.html", {
        "innovation": innovation, "form": form, "upload": upload, "readiness": readiness, "files": files,
        "guideline": iid.GUIDELINE, "min_words": iid.DESIGN_MIN_WORDS,
    })


@login_required
def iid_evidence_file(request, pk: int, evidence: int):
    innovation = _innovation_for_iid(request, pk)
    found = get_object_or_404(IidEvidence, pk=evidence, innovation=innovation)
    return stored_file_response(found.file, found.content_type, found.original_name, as_attachment=True)


IID_PAGE = 50


@role_required(ORGANISER)
def iid_readiness(request):
    """Per unit: innovations, IID profiles begun, evidence files; a unit opens to its innovations."""
    units = (Institution.objects.filter(innovations__isnull=False).distinct()
             .annotate(innovations_n=Count("innovations", distinct=True),
                       profiles_n=Count("innovations__iid_profile", distinct=True),
                       files_n=Count("innovations__iid_evidence", distinct=True))
             .order_by("name"))
    query = request.GET.get("q", "").strip()[:100].replace("\x00", "")
    if query:
        units = units.filter(name__icontains=query)
    page = Paginator(units, IID_PAGE).get_page(int_or_none(request.GET.get("page"), minimum=1) or 1)
    return render(request, "registry/iid_readiness.html", {"page": page, "q": query, "guideline": iid.GUIDELINE})


def _unit_for_iid(request, unit: int) -> Institution:
    institution = get_object_or_404(Institution, pk=unit)
    if not rules.can_see_unit_iid(request.user, institution):
        raise Http404
    return institution


@login_required
def iid_unit(request, unit: int):
    """One unit's innovations and whether each is ready for IID (a page of 50, readiness in four queries)."""
    institution = _unit_for_iid(request, unit)
    innovations = Innovation.objects.filter(institution=institution).order_by("title")
    page = Paginator(innovations, IID_PAGE).get_page(int_or_none(request.GET.get("page"), minimum=1) or 1)
    found = iid.readiness_of(list(page.object_list))
    rows = [(innovation, found[innovation.pk]) for innovation in page.object_list]
    return render(request, "registry/iid_unit.html", {
        "institution": institution, "page": page, "rows": rows, "guideline": iid.GUIDELINE,
        "indicators": iid.INDICATORS})


IID_EXPORT_MAX = 2000


@login_required
def iid_export(request, unit: int):
    """The unit's innovations in the shape of the IID portal's form: profile fields, then evidence per indicator."""
    institution = _unit_for_iid(request, unit)
    innovations = list(Innovation.objects.filter(institution=institution).order_by("title")[:IID_EXPORT_MAX])
    found = iid.readiness_of(innovations)
    profiles = {p.innovation_id: p for p in IidProfile.objects.filter(innovation__in=innovations)}
    book = Workbook()
    sheet = book.active
    sheet.title = "IID"
    append_row(sheet, ["Nama Inovasi", "Tahapan", "Inisiator", "Jenis", "Bentuk", "Urusan Pemerintahan",
                       "Waktu Uji Coba", "Waktu Penerapan", "Rancang Bangun", "Tujuan", "Manfaat", "Hasil Inovasi",
                       "Siap IID"] + [f"{i.number}. {i.name}" for i in iid.INDICATORS])
    for innovation in innovations:
        profile = profiles.get(innovation.pk)
        ready = found[innovation.pk]
        append_row(sheet, [
            innovation.title, innovation.get_maturity_display(),
            profile.get_initiator_display() if profile and profile.initiator else "",
            "Digital" if innovation.is_digital else "Non Digital", innovation.get_form_display(),
            profile.get_affair_display() if profile and profile.affair else "",
            profile.trial_on.strftime("%d-%m-%Y") if profile and profile.trial_on else "",
            profile.implemented_on.strftime("%d-%m-%Y") if profile and profile.implemented_on else "",
            profile.design if profile else "", profile.purpose if profile else "",
            profile.benefit if profile else "", profile.result if profile else "",
            _("Yes") if ready.ready else _("No"),
        ] + ["; ".join(ready.evidence.get(i.code, [])) for i in iid.INDICATORS])
    return xlsx_response(workbook_bytes(book), f"iid-{institution.pk}.xlsx")


@role_required(ORGANISER)
@require_http_methods(["POST"])
def record_outcome(request, pk: int):
    """What became of the innovation beyond the regency (provincial rank, SINOVIK Top 99/45, IGA)."""
    innovation = get_object_or_404(Innovation, pk=pk)
    if request.POST.get("remove"):
        outcome = get_object_or_404(NationalOutcome, pk=int_or_none(request.POST["remove"], minimum=1) or 0,
                                    innovation=innovation)
        services.remove_outcome(outcome, request.user)
        messages.success(request, _("The result is removed."))
        return redirect("registry:detail", pk=pk)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        services.record_outcome(form, innovation, request.user)
        messages.success(request, _("The result is recorded."))
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect("registry:detail", pk=pk)
