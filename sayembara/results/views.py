"""Results pages: the organiser's ranking desk, decisions, publication, documents, and public verification."""

from __future__ import annotations

import io
import re

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from sayembara import throttle
from sayembara.accounts.roles import organiser_required
from sayembara.editions.models import Edition, Stage
from sayembara.entries.models import Entry
from sayembara import jobs
from sayembara.links import absolute
from sayembara.params import int_or_none, pk_or_none
from sayembara.tabular import csv_response

from . import documents, exporters, freeze, notices, numbering, papers, rules, sequence, services
from .forms import AwardFormSet, DecisionForm, DecreeForm, ObjectionForm, ProvisionalForm, ResultSettingsForm
from .models import Award, Certificate, Correction, Decision, JuryVote, Objection, Publication, RankingRun, ResultSettings


COMPUTE_RANKING = "sayembara.results.tasks.compute_ranking"
RENDER_PAPER = "sayembara.results.tasks.render_paper"
DOCUMENTS_PAGE_SIZE = 50
"""Entries per page of the documents page (their letters and certificates): never a national list whole."""


def _edition(year: int) -> Edition:
    return get_object_or_404(Edition, year=year)


def _chosen_stage(edition: Edition, raw) -> Stage | None:
    """The stage named by a ``stage`` parameter (its order), None when none is named; 404 when it names no stage."""
    if raw in (None, ""):
        return None
    order = int_or_none(raw, minimum=0, maximum=32767)
    if order is None:
        raise Http404
    return get_object_or_404(Stage, edition=edition, order=order)


def _method(request, edition) -> str:
    method = request.GET.get("method") or services.settings_for(edition).method
    if method not in ResultSettings.Method.values:
        raise Http404
    return method


RANKING_PAGE_SIZE = 100
# JuryVote.votes is a PositiveSmallIntegerField.
MAX_VOTES = 32767


# Short column heads for the rank of an entry under each method (the settings use the long labels).
SENSITIVITY_COLUMNS = [
    ("mean", gettext_lazy("Mean")),
    ("median", gettext_lazy("Median")),
    ("trimmed", gettext_lazy("Trimmed mean")),
    ("zscore", gettext_lazy("Standard scores")),
    ("additive", gettext_lazy("Leniency corrected")),
]


def _ranking_context(request, edition, stage, method) -> dict:
    """One page of a stored ranking, plus the entries whose place depends on the method."""
    run, stale = services.current_run(edition, stage, method)
    page = rows = sensitivity_rows = None
    if run is not None:
        page = Paginator(services.ranked_rows(run), RANKING_PAGE_SIZE).get_page(request.GET.get("page"))
        rows = list(page.object_list)
        sensitivity_rows = list(services.ranked_rows(run).filter(entry_id__in=[int(k) for k in run.sensitivity]))
        stage_names = {s.kind: s.name for s in edition.stages.all()}
        for row in rows:
            row.furthest_name = stage_names.get(row.furthest_stage, row.furthest_stage)
        for row in sensitivity_rows:
            ranks = run.sensitivity[str(row.entry_id)]
            row.sensitivity_cells = [ranks.get(code) for code, _label in SENSITIVITY_COLUMNS]
    return {
        "separate_groups": _separate_groups(run, edition),
        "notices": notices.describe(run.warnings, edition) if run is not None else [],
        "edition": edition,
        "stage": stage,
        "run": run,
        "stale": stale,
        "page": page,
        "rows": rows or [],
        "sensitivity_rows": sensitivity_rows or [],
        "method": method,
        "methods": ResultSettings.Method.choices,
        "any_tie": run is not None and run.rows.filter(tie=True).exists(),
        "conf": services.settings_for(edition),
        "stages": list(edition.stages.all()),
        "sensitivity_methods": [label for _code, label in SENSITIVITY_COLUMNS],
    }


SEPARATE_NAMED = 20
"""Entries named per separate design group on the desk before "and N more"."""


def _separate_groups(run, edition) -> list[dict]:
    """The stored design groups outside each stage's main one, with entry numbers (one query)."""
    groups = run.separate_groups if run is not None else []
    if not groups:
        return []
    named = {int(i) for g in groups for i in g["entry_ids"][:SEPARATE_NAMED]}
    codes = dict(Entry.objects.filter(pk__in=named).values_list("pk", "code"))
    stage_names = {s.kind: s.name for s in edition.stages.all()}
    return [
        {
            "stage": stage_names.get(g["stage"], g["stage"]),
            "entries": [codes.get(int(i), i) for i in g["entry_ids"][:SEPARATE_NAMED]],
            "more": max(g["entries"] - SEPARATE_NAMED, 0),
            "jurors": g["jurors"],
        }
        for g in groups
    ]


@organiser_required
def manage(request, year: int):
    edition = _edition(year)
    context = _ranking_context(request, edition, None, _method(request, edition))
    context["awards"] = list(Award.objects.filter(edition=edition).select_related("entry", "category"))
    context["publication"] = Publication.objects.filter(edition=edition).first()
    context["corrections"] = list(edition.corrections.order_by("number"))
    context["open_correction"] = services.correction_open(edition)
    context["progress"] = sequence.progress(edition)
    context["announcements"] = list(edition.provisional_announcements.order_by("version"))
    context["reliability_rows"] = _reliability_rows(context["run"], context["stages"])
    return render(request, "results/manage.html", context)


def _reliability_rows(run: RankingRun | None, stages) -> list[dict]:
    if run is None:
        return []
    rows = []
    for stage in stages:
        data = run.reliability.get(stage.kind)
        if not data:
            continue
        rows.append({"name": stage.name, "label": _("All criteria (sheet total)"), "report": data["total"], "main": True})
        for code, report in data["criteria"].items():
            rows.append({"name": stage.name, "label": code, "report": report, "main": False})
    return rows


@organiser_required
def stage_ranking(request, year: int, order: int):
    edition = _edition(year)
    stage = get_object_or_404(Stage, edition=edition, order=order)
    context = _ranking_context(request, edition, stage, _method(request, edition))
    context["reliability_rows"] = _reliability_rows(context["run"], [stage])
    context["next_stage"] = edition.stages.filter(order__gt=order).order_by("order").first()
    if context["run"] is not None:
        context["advancing"] = set(services.propose_advancement(stage, context["run"]))
    return render(request, "results/stage.html", context)


@organiser_required
@require_POST
def compute(request, year: int):
    edition = _edition(year)
    stage = _chosen_stage(edition, request.POST.get("stage"))
    # A stage's ranking of a published edition may still be computed (its recap states it); the final one is
    # what was published and is not computed again.
    if freeze.is_frozen(edition.pk) and stage is None:
        messages.error(request, _("These results are published and final: they are not computed again. A genuine "
                                  "error is corrected by a numbered correction (ralat)."))
        return redirect("results:manage", year)
    method = request.POST.get("method") or services.settings_for(edition).method
    if method not in ResultSettings.Method.values:
        raise Http404
    # Seconds of bootstrap at national scale: the worker computes, the page follows its progress.
    job = jobs.start(COMPUTE_RANKING, f"{edition.pk}:{stage.pk if stage else 'final'}:{method}", by=request.user,
                     scope=f"edition:{year}", year=year, stage_pk=stage.pk if stage else None, method=method)
    return redirect(job)


@organiser_required
@require_POST
def advance(request, year: int, order: int):
    """Apply the stage's advancement rule, with the organiser's recorded additions and removals."""
    edition = _edition(year)
    stage = get_object_or_404(Stage, edition=edition, order=order)
    run, _stale = services.current_run(edition, stage)
    if run is None:
        messages.error(request, _("Compute the ranking of this stage first."))
        return redirect("results:stage", year, order)

    def codes(field):
        return {c.strip() for c in request.POST.get(field, "").replace(";", ",").split(",") if c.strip()}

    chosen = set(services.propose_advancement(stage, run))
    wanted, unwanted = codes("add"), codes("remove")
    known = dict(Entry.objects.filter(edition=edition, code__in=wanted | unwanted).values_list("code", "pk"))
    unknown = sorted((wanted | unwanted) - set(known))
    if unknown:
        messages.error(request, _("Unknown entry numbers: %(codes)s. Nothing was changed.") % {"codes": ", ".join(unknown)})
        return redirect("results:stage", year, order)
    chosen = (chosen | {known[c] for c in wanted}) - {known[c] for c in unwanted}
    reason = request.POST.get("reason", "")[:500]
    if request.POST.get("confirmed") != "1":
        # Irreversible for the entries cut: first say who advances and who does not, and what is still missing.
        rows = list(run.rows.select_related("entry__institution").order_by("rank"))
        return render(request, "results/advance_confirm.html", {
            "edition": edition, "stage": stage, "next_stage": edition.stages.filter(order__gt=order).order_by("order").first(),
            "advancing": [r for r in rows if r.entry_id in chosen], "cut": [r for r in rows if r.entry_id not in chosen],
            "problems": services.advancement_problems(stage), "add": request.POST.get("add", ""),
            "remove": request.POST.get("remove", ""), "reason": reason,
        })
    try:
        moved = services.confirm_advancement(stage, sorted(chosen), by=request.user, reason=reason)
    except services.ResultsError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(n)d entries advance to the next stage.") % {"n": moved})
    return redirect("results:stage", year, order)


@organiser_required
def explain(request, year: int, code: str):
    edition = _edition(year)
    entry = get_object_or_404(Entry.objects.select_related("institution", "category"), edition=edition, code=code)
    run, stale = services.current_run(edition)
    row = run.rows.filter(entry=entry).first() if run else None
    leniency = run.leniency if run else {}
    context = {"edition": edition, "entry": entry, "run": run, "stale": stale, "row": row, **services.explain_entry(edition, entry)}
    for _stage, sheets in context["stages"]:
        for sheet in sheets:
            sheet["leniency"] = leniency.get(f"{sheet['sheet'].stage.kind}:{sheet['sheet'].juror_id}")
    return render(request, "results/explain.html", context)


@organiser_required
def awards(request, year: int):
    edition = _edition(year)
    run, stale = services.current_run(edition)
    conf = services.settings_for(edition)
    locked = bool(conf.locked_at) or Publication.objects.filter(edition=edition).exists()
    scores = {r.entry_id: r.score for r in run.rows.all()} if run else {}
    if request.method == "POST":
        if locked:
            raise PermissionDenied
        formset = AwardFormSet(request.POST, edition=edition)
        if formset.is_valid():
            decisions = []
            for form in formset:
                if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                    continue
                entry = form.cleaned_data["entry"]
                decisions.append({
                    "entry": entry, "title": form.cleaned_data["title"], "order": form.cleaned_data["order"],
                    "category": entry.category, "final_score": services.round_score(scores.get(entry.pk)),
                })
            services.save_awards(edition, decisions)
            messages.success(request, _("The winners have been saved."))
            return redirect("results:manage", year)
    else:
        existing = list(Award.objects.filter(edition=edition).select_related("entry"))
        if existing:
            initial = [{"entry": a.entry.code, "title": a.title, "order": a.order} for a in existing]
        elif run is not None:
            initial = [{"entry": p["row"].entry.code, "title": p["title"], "order": p["order"]}
                       for p in services.propose_awards(edition, run)]
        else:
            initial = []
        formset = AwardFormSet(initial=initial, edition=edition)
    return render(request, "results/awards.html", {"edition": edition, "formset": formset, "locked": locked, "run": run, "stale": stale})


@organiser_required
@require_POST
def lock(request, year: int):
    """Corrections (ralat) of published results: open one, fix its winners, publish it."""
    edition = _edition(year)
    action = request.POST.get("action")
    try:
        if action == "lock":
            services.lock(edition, request.user)
            messages.success(request, _("The corrected winners are fixed."))
        elif action == "unlock":
            services.unlock(edition)
            messages.success(request, _("The corrected winners can be changed again."))
        elif action == "open_correction":
            correction = sequence.open_correction(edition, request.user, request.POST.get("reason", "")[:2000])
            messages.success(request, _("Correction %(number)s is open: change what must be corrected, decide and lock "
                                        "the winners, then publish the correction.") % {"number": correction.number})
        elif action == "publish_correction":
            correction = sequence.publish_correction(edition, request.user)
            messages.success(request, _("Correction %(number)s is published. SHA-256: %(hash)s")
                             % {"number": correction.number, "hash": correction.sha256})
        else:
            return HttpResponseBadRequest(_("Unknown action."))
    except services.ResultsError as error:
        messages.error(request, str(error))
    return redirect("results:manage", year)


# --- The sequence: provisional announcement, public test, decision, decree, final publication ----------


@organiser_required
def provisional(request, year: int):
    """Say what the provisional announcement will publish, then publish it and open the public test."""
    edition = _edition(year)
    state = sequence.progress(edition)
    form = ProvisionalForm(request.POST or None, initial={"days": services.settings_for(edition).public_test_days})
    if request.method == "POST" and form.is_valid():
        try:
            announcement = sequence.announce_provisional(
                edition, request.user, days=form.cleaned_data["days"], number=form.cleaned_data["number"],
                reason=form.cleaned_data["reason"])
        except services.ResultsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Provisional announcement %(number)s is public; the public test runs until "
                                        "%(end)s.") % {"number": announcement.number,
                                                       "end": sequence.when(announcement.public_test_ends_at)})
            return redirect("results:manage", year)
    run, _stale = services.current_run(edition)
    return render(request, "results/provisional_confirm.html", {
        "edition": edition, "form": form, "state": state, "problems": sequence.announcement_problems(edition, state=state),
        "awards": Award.objects.filter(edition=edition).select_related("entry__institution", "category"),
        "ranked": run.rows.count() if run else 0, "next_number": numbering.preview(edition, "provisional"),
    }, status=400 if request.method == "POST" else 200)


@organiser_required
def decide(request, year: int):
    """Record the jury's final meeting after the public test: it fixes the winners."""
    edition = _edition(year)
    form = DecisionForm(request.POST or None, edition=edition,
                        initial={"place": edition.venue,
                                 "present": [str(pk) for pk in edition.jurors.values_list("pk", flat=True)]})
    if request.method == "POST" and form.is_valid():
        try:
            sequence.decide(edition, request.user, **form.cleaned_data)
        except services.ResultsError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The decision is recorded: the winners are fixed. Enter the decree once it "
                                        "is signed."))
            return redirect("results:manage", year)
    state = sequence.progress(edition)
    return render(request, "results/decision_form.html", {
        "edition": edition, "form": form, "state": state,
        "problems": sequence.decision_problems(edition, state=state),
        "awards": Award.objects.filter(edition=edition).select_related("entry__institution", "category"),
        "next_number": numbering.preview(edition, "minutes"),
    }, status=400 if request.method == "POST" else 200)


@organiser_required
def decree(request, year: int):
    """The number and date of the regent's decree (SK), entered once it is signed."""
    edition = _edition(year)
    decision = get_object_or_404(Decision, edition=edition)
    form = DecreeForm(request.POST or None, initial={"decree_number": decision.decree_number,
                                                     "decree_date": decision.decree_date})
    if request.method == "POST":
        action = request.POST.get("action", "decree")
        if action == "withdraw":
            try:
                sequence.withdraw_decision(edition, request.user, request.POST.get("reason", "")[:500])
            except services.ResultsError as error:
                messages.error(request, str(error))
                return redirect("results:decree", year)
            messages.success(request, _("The decision is taken back: the winners can be changed again."))
            return redirect("results:manage", year)
        if form.is_valid():
            try:
                sequence.record_decree(edition, request.user, form.cleaned_data["decree_number"],
                                       form.cleaned_data["decree_date"])
            except services.ResultsError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The decree is recorded."))
                return redirect("results:manage", year)
    return render(request, "results/decree_form.html", {
        "edition": edition, "form": form, "decision": decision,
        "published": Publication.objects.filter(edition=edition).exists(),
    }, status=400 if request.method == "POST" else 200)


@organiser_required
def final_publication(request, year: int):
    """Say what the final publication states and freezes, then publish."""
    edition = _edition(year)
    problems = sequence.publication_problems(edition)
    if request.method == "POST":
        if request.POST.get("confirmed") != "1":
            return HttpResponseBadRequest(_("Confirm the final publication on its page."))
        try:
            publication = sequence.publish(edition, request.user)
        except services.ResultsError as error:
            messages.error(request, str(error))
            return redirect("results:publish", year)
        messages.success(request, _("The results are published. SHA-256: %(hash)s") % {"hash": publication.sha256})
        return redirect("results:manage", year)
    return render(request, "results/publish_confirm.html", {
        "edition": edition, "problems": problems, "decision": Decision.objects.filter(edition=edition).first(),
        "awards": Award.objects.filter(edition=edition).select_related("entry__institution", "category"),
        "certificates": Award.objects.filter(edition=edition).count(),
        "participants": Entry.objects.visible_to_public().filter(edition=edition).count(),
    })


@organiser_required
def result_settings(request, year: int):
    edition = _edition(year)
    conf = services.settings_for(edition)
    form = ResultSettingsForm(request.POST or None, instance=conf)
    if request.method == "POST":
        if conf.locked_at or (Publication.objects.filter(edition=edition).exists() and not services.correction_open(edition)):
            messages.error(request, _("The results are locked: unlock them before changing how they are computed."))
        elif form.is_valid():
            form.save()
            messages.success(request, _("The settings have been saved. Compute the ranking again to apply them."))
            return redirect("results:manage", year)
    tied = []
    run, _stale = services.current_run(edition)
    if run is not None:
        tied = list(services.ranked_rows(run).filter(tie=True))
        votes = dict(JuryVote.objects.filter(edition=edition).values_list("entry_id", "votes"))
        for row in tied:
            row.votes = votes.get(row.entry_id)
    return render(request, "results/settings.html", {"edition": edition, "form": form, "tied": tied, "conf": conf})


@organiser_required
@require_POST
def jury_votes(request, year: int):
    """Record the jury's votes for statistically tied entries (the last link of a tie-break chain)."""
    edition = _edition(year)
    wanted = {}
    for key, value in request.POST.items():
        if not key.startswith("votes-") or not value.strip():
            continue
        votes = int_or_none(value, minimum=0, maximum=MAX_VOTES)
        if votes is None or not value.strip().isdigit():
            messages.error(request, _("Votes must be whole numbers: nothing was saved."))
            return redirect("results:settings", year)
        wanted[pk_or_none(key.removeprefix("votes-"))] = votes
    entries = Entry.objects.in_bulk([pk for pk in wanted if pk is not None])
    if None in wanted or len(entries) != len(wanted) or any(e.edition_id != edition.pk for e in entries.values()):
        messages.error(request, _("Votes were sent for an entry that is not in this edition: nothing was saved."))
        return redirect("results:settings", year)
    try:
        saved = services.record_jury_votes(edition, {entries[pk]: votes for pk, votes in wanted.items()}, by=request.user)
    except services.ResultsError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(n)d jury votes recorded.") % {"n": saved})
    return redirect("results:settings", year)


# --- Public pages -------------------------------------------------------------


def public_results(request, year: int):
    """The final result with its history; before it, the provisional announcement under public test."""
    edition = get_object_or_404(Edition.objects.public(), year=year)
    original = Publication.objects.filter(edition=edition).defer("payload").first()
    announcements = list(edition.provisional_announcements.defer("payload").order_by("version"))
    if original is None:
        if not announcements:
            raise Http404
        latest = announcements[-1]
        payload = sequence.shown(latest)
        return render(request, "results/provisional.html", {
            "edition": edition, "announcement": latest, "earlier": announcements[:-1], "payload": payload,
            "page": _ranking_page(request, payload), "objections_open": sequence.objections_open(edition),
        })
    publication = sequence.current_version(edition)
    payload = sequence.shown(publication)
    return render(request, "results/public.html", {
        "edition": edition, "publication": publication, "payload": payload, "original": original,
        "page": _ranking_page(request, payload),
        "corrections": list(edition.corrections.filter(published_at__isnull=False).defer("payload").order_by("number")),
        "intact": sequence.verified(publication), "announcements": announcements,
        "decision": Decision.objects.filter(edition=edition).first(),
    })


def _ranking_page(request, payload: dict):
    """One page of a published ranking: a national list is never rendered whole (the files carry it all)."""
    return Paginator(payload["ranking"], RANKING_PAGE_SIZE).get_page(request.GET.get("page"))


def published_file(request, year: int, name: str):
    """The published snapshot, and CSV files anyone can feed to ``sayembara-score rank`` to re-check the ranking."""
    edition = get_object_or_404(Edition.objects.public(), year=year)
    get_object_or_404(Publication, edition=edition)
    publication = sequence.current_version(edition)
    payload = sequence.published_payload(publication)
    if name == "published.json":
        return HttpResponse(publication.payload, content_type="application/json; charset=utf-8")
    if name not in exporters.CHECK_FILES:
        raise Http404
    return csv_response(exporters.published_check_rows(payload, name), f"{edition.year}-{name}")


# What people type between the characters of a code read off paper: spaces, hyphens and dashes of every kind.
_CODE_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212_.]+")


def normalise_code(text: str) -> str:
    """A certificate code or fingerprint as stored: without separators, upper case ("ab12-cd34 ef56" → "AB12CD34EF56")."""
    return _CODE_SEPARATORS.sub("", text or "").upper()


def verify(request):
    """Check a certificate code or a published SHA-256, however it was typed (spaces, hyphens, any case)."""
    query = (request.GET.get("q") or "").strip()[:200]
    code = normalise_code(query)
    context = {"query": query}
    if query and not code:
        context["not_found"] = True
    elif code:
        certificate = Certificate.objects.filter(code__iexact=code).first()
        if certificate:
            return redirect("results:certificate", certificate.code)
        publication = Publication.objects.filter(sha256__iexact=code).select_related("edition").first()
        if publication:
            return redirect("results:public", publication.edition.year)
        correction = Correction.objects.filter(sha256__iexact=code, published_at__isnull=False).select_related("edition").first()
        if correction:
            return redirect("results:public", correction.edition.year)
        context["not_found"] = True
    return render(request, "results/verify.html", context)


def certificate_detail(request, code: str):
    certificate = get_object_or_404(
        Certificate.objects.select_related("entry__institution", "edition__publication", "award", "superseded_by"), code=code
    )
    return render(request, "results/certificate.html", {
        "certificate": certificate, "publication": sequence.current_version(certificate.edition)})


OBJECTIONS_PAGE_SIZE = 50


def objections(request, year: int):
    """The public test: responses to the provisional announcement, filed with a name and answered in public."""
    edition = get_object_or_404(Edition.objects.public(), year=year)
    is_open = sequence.objections_open(edition)
    form = ObjectionForm(request.POST or None, edition=edition)
    status = 200
    if request.method == "POST":
        if not is_open:
            messages.error(request, _("The public test is closed: responses can no longer be filed."))
            return redirect("results:objections", year)
        if form.is_valid():
            # A few responses per address and hour: the form is shown again, with the text, when over the limit.
            if not throttle.hit(request, f"objection:{edition.pk}", settings.OBJECTIONS_PER_HOUR, 3600):
                form.add_error(None, throttle.form_refusal(settings.OBJECTIONS_PER_HOUR, 3600))
                status = 429
            else:
                sequence.file_objection(edition, form.save(commit=False))
                messages.success(request, _("Your response has been recorded. The organiser's answer will appear on this page."))
                return redirect("results:objections", year)
        else:
            status = 400
    items = Objection.objects.filter(edition=edition).select_related("entry", "announcement")
    page = Paginator(items, OBJECTIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "results/objections.html", {
        "edition": edition, "form": form, "is_open": is_open, "window": sequence.public_test_window(edition),
        "objections": page.object_list, "page": page, "is_organiser": rules.can_manage_results(request.user),
    }, status=status)


@organiser_required
def objection_answer(request, year: int, pk: int):
    objection = get_object_or_404(Objection, edition__year=year, pk=pk)
    if request.method == "POST":
        try:
            sequence.answer_objection(objection, request.user, (request.POST.get("answer") or "")[:4000],
                                      request.POST.get("outcome") or "")
        except services.ResultsError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The answer has been published."))
            return redirect("results:objections", year)
    return render(request, "results/objection_answer.html", {
        "objection": objection, "edition": objection.edition, "outcomes": Objection.Outcome.choices[1:]})


# --- Documents ------------------------------------------------------------------


@organiser_required
def documents_index(request, year: int):
    edition = _edition(year)
    jurors = edition.jurors.select_related("user").order_by("element")
    entries = Entry.objects.visible_to_public().filter(edition=edition).select_related("institution").order_by("code")
    search = request.GET.get("q", "").strip()[:100]
    if search:
        entries = entries.filter(Q(code__icontains=search) | Q(title__icontains=search))
    page = Paginator(entries, DOCUMENTS_PAGE_SIZE).get_page(request.GET.get("page"))
    on_page = [e.pk for e in page.object_list]
    kinds = {(c.entry_id, c.kind) for c in Certificate.objects.filter(edition=edition, entry_id__in=on_page)}
    rows = [{"entry": e, "winner": (e.pk, Certificate.Kind.WINNER) in kinds,
             "participant": (e.pk, Certificate.Kind.PARTICIPANT) in kinds} for e in page.object_list]
    return render(request, "results/documents.html", {
        "edition": edition, "jurors": jurors, "rows": rows, "page": page, "search": search, "stages": edition.stages.all(),
        "publication": Publication.objects.filter(edition=edition).first(),
    })


def _pdf(data: bytes, filename: str) -> FileResponse:
    return FileResponse(io.BytesIO(data), content_type="application/pdf", filename=filename, as_attachment=False)


@organiser_required
def document(request, year: int, kind: str):
    edition = _edition(year)
    try:
        return _document(request, edition, kind)
    except services.NoScoresYet as error:
        # An edition still judging (or not yet judged) has no recap or minutes to print: say so on the documents page.
        messages.error(request, str(error))
        return redirect("results:documents", year)
    except services.RankingOutOfDate as error:
        # The desk has the "compute" button (a job); the paper is printed once the ranking is current.
        messages.error(request, str(error))
        stage = _chosen_stage(edition, request.GET.get("stage"))
        return redirect("results:stage", year, stage.order) if stage else redirect("results:manage", year)


def _document(request, edition: Edition, kind: str):
    if kind in papers.LARGE_PAPERS:
        stage = _chosen_stage(edition, request.GET.get("stage")) if kind == "recap.pdf" else None
        name = papers.filename(edition.year, kind, stage.order if stage else None)
        if papers.rows_to_print(edition, stage) > papers.INLINE_ROWS_MAX:
            # Thousands of rows take seconds to lay out: the worker prints it; the job's page hands over the file.
            job = jobs.start(RENDER_PAPER, f"{edition.year}:{kind}:{stage.order if stage else ''}", by=request.user,
                             scope=f"edition:{edition.year}", year=edition.year, kind=kind,
                             stage_order=stage.order if stage else None)
            return redirect(job)
        disposition = "attachment" if kind.endswith(".xlsx") else "inline"
        return HttpResponse(papers.render(edition, kind, stage), content_type=papers.LARGE_PAPERS[kind],
                            headers={"Content-Disposition": f'{disposition}; filename="{name}"'})
    if kind == "minutes.pdf":
        return _pdf(documents.minutes_pdf(edition), f"berita-acara-{edition.year}.pdf")
    if kind == "attendance.pdf":
        return _pdf(documents.attendance_pdf(edition), f"daftar-hadir-penetapan-{edition.year}.pdf")
    if kind == "decree.pdf":
        return _pdf(documents.decree_pdf(edition), f"draf-sk-pemenang-{edition.year}.pdf")
    raise Http404


@organiser_required
def printed_paper(request, year: int, job_pk: int):
    """A recap the worker printed (see ``papers``): the file of that job, as it was printed."""
    from sayembara.jobs.models import Job

    edition = _edition(year)
    job = get_object_or_404(Job, pk=job_pk, kind=RENDER_PAPER, state=Job.State.DONE, kwargs__year=edition.year)
    kind, stage_order = job.kwargs.get("kind"), job.kwargs.get("stage_order")
    if kind not in papers.LARGE_PAPERS:
        raise Http404
    try:
        handle = default_storage.open(papers.storage_path(edition.year, job.pk, kind, stage_order), "rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, content_type=papers.LARGE_PAPERS[kind], as_attachment=kind.endswith(".xlsx"),
                        filename=papers.filename(edition.year, kind, stage_order))


@organiser_required
def juror_sheets(request, year: int, juror_id: int):
    edition = _edition(year)
    juror = get_object_or_404(edition.jurors.select_related("user"), pk=juror_id)
    return _pdf(documents.score_sheets_pdf(edition, juror), f"lembar-penilaian-{edition.year}-{juror.pk}.pdf")


def entry_paper(request, year: int, code: str, kind: str):
    """A certificate or a feedback letter: for the organiser and the entry's own team or unit verifier."""
    if not request.user.is_authenticated:
        # Asked before anything is looked up, so a stranger cannot learn which entry codes exist.
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    edition = _edition(year)
    entry = get_object_or_404(Entry.objects.select_related("institution", "edition"), edition=edition, code=code)
    if not rules.can_see_entry_papers(request.user, entry):
        raise PermissionDenied
    if kind == "feedback.pdf":
        try:
            return _pdf(documents.feedback_pdf(edition, entry), f"umpan-balik-{entry.code}.pdf")
        except services.NoScoresYet as error:
            raise Http404(str(error)) from error
        except services.RankingOutOfDate as error:
            # Before publication the letter states the current ranking: scores changed since, so the organiser
            # computes it again (a job) before printing; nobody else reads a letter before publication.
            if not rules.is_organiser(request.user):
                raise Http404(str(error)) from error
            messages.error(request, str(error))
            return redirect("results:manage", year)
    if kind in {"certificate.pdf", "participant-certificate.pdf"}:
        wanted = Certificate.Kind.WINNER if kind == "certificate.pdf" else Certificate.Kind.PARTICIPANT
        certificate = get_object_or_404(Certificate, entry=entry, kind=wanted)
        url = absolute(reverse("results:certificate", args=[certificate.code]))
        return _pdf(documents.certificate_pdf(certificate, url), f"piagam-{entry.code}.pdf")
    raise Http404
