"""Jury pages: the juror's scoring on any device, and the organiser's assignment, progress and schedules."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sayembara import jobs
from sayembara.accounts.roles import JUROR, organiser_required, role_required
from sayembara.editions.models import Criterion, Edition, RubricLevel, Stage
from sayembara.entries.models import Entry, Evidence
from sayembara.params import int_or_none, pk_or_none

from . import blind, exporters, rules, services, wording
from .forms import (AssignForm, ConflictDeclarationForm, ImportForm, InviteForm, RecordConflictForm, ReopenForm,
                    ScheduleForm, SetPasswordForm)
from .models import Assignment, Conflict, Juror, ScoreSheet, TimeSlot

RUN_ASSIGNMENT = "sayembara.jury.tasks.run_assignment"
PREPARE_ALIASES = "sayembara.jury.tasks.prepare_aliases"

LIST_PAGE_SIZE = 50
"""Rows per page of the organiser's national lists (panels, progress per entry, conflicts): never a whole stage."""

# --- Juror pages ------------------------------------------------------------------------------------


@role_required(JUROR)
def dashboard(request):
    """The juror's work: per edition and stage, the entries to judge and how far along each sheet is.

    Entries are named by their stage pseudonym, and an entry the juror judges in an open blind stage is left
    out of the other stages until that one closes (it would show its makers beside the same proposal).
    """
    jurors = list(Juror.objects.filter(user=request.user).select_related("edition").order_by("-edition__year"))
    return render(request, "jury/dashboard.html", {
        "jurors": jurors, "groups": _stage_groups(jurors),
        "pending_conduct": [j for j in jurors if j.code_of_conduct_accepted_at is None],
    })


def _stage_groups(jurors: list[Juror]) -> list[dict]:
    """Per stage, the rows of the jurors' assignments with their sheets, and how many are submitted or held back."""
    conflicted = set(Conflict.objects.filter(juror__in=jurors).values_list("entry_id", flat=True))
    sheets = {
        (s.stage_id, s.entry_id): s
        for s in ScoreSheet.objects.filter(juror__in=jurors).only("stage_id", "entry_id", "status", "juror_id")
    }
    assignments = list(
        Assignment.objects.filter(juror__in=jurors)
        .exclude(entry_id__in=conflicted)
        .select_related("stage__edition", "entry__institution")
        .order_by("-stage__edition__year", "stage__order", "entry__code")
    )
    # Entries a juror judges in an open blind stage, per edition: left out of that edition's other stages.
    judged_blind = {(a.juror_id, a.entry_id) for a in assignments if a.stage.blind and a.stage.status == Stage.Status.OPEN}
    stages, held_back = {}, {}
    for assignment in assignments:
        stage = assignment.stage
        group = stages.setdefault(stage.pk, {"stage": stage, "rows": [], "submitted": 0})
        if not stage.blind and (assignment.juror_id, assignment.entry_id) in judged_blind:
            held_back[stage.pk] = held_back.get(stage.pk, 0) + 1
            continue
        sheet = sheets.get((stage.pk, assignment.entry_id))
        group["rows"].append({"assignment": assignment, "sheet": sheet})
        if sheet and sheet.status == ScoreSheet.Status.SUBMITTED:
            group["submitted"] += 1
    groups = list(stages.values())
    for group in groups:
        _show_group(group, held_back.get(group["stage"].pk, 0))
    return groups


def _show_group(group: dict, held_back: int) -> None:
    """Name a stage group's entries as its jurors see them, in an order that gives nothing away."""
    stage = group["stage"]
    group["open"] = stage.status == Stage.Status.OPEN
    group["held_back"] = held_back
    aliases = blind.aliases_for(stage, [row["assignment"].entry for row in group["rows"]])
    for row in group["rows"]:
        entry = row["assignment"].entry
        row["shown"] = blind.shown(stage, entry, aliases[entry.pk], with_text=False)
    if stage.blind:
        # Not in entry-number order, which would line up with the public list of entries.
        group["rows"].sort(key=lambda row: row["shown"].label)


def invitation(request, token: str):
    """The e-mailed link, once and within its lifetime.

    A new account chooses its password here and is then logged in. An existing account is never logged in
    by the link: its owner logs in with their own password first, and then accepts.
    """
    juror = services.juror_for_invitation(token)
    if juror is None:
        return render(request, "accounts/message.html", {
            "title": _("This link does not work"),
            "text": _("The invitation link is wrong, was already used or has expired. Ask the organising committee "
                      "for a new one."),
        }, status=404)
    user = juror.user
    new_account = not user.has_usable_password()
    if not new_account and request.user != user:
        if request.user.is_authenticated:
            return render(request, "accounts/message.html", {
                "title": _("This invitation is for another account"),
                "text": _("Log out, then open the link again and log in as %(email)s.") % {"email": user.email},
            }, status=403)
        messages.info(request, _("Log in with your own password to accept the jury invitation."))
        return redirect_to_login(request.get_full_path())
    form = SetPasswordForm(request.POST or None) if new_account else None
    if request.method == "POST" and (form is None or form.is_valid()):
        services.accept_invitation(juror, form.cleaned_data["password1"] if form is not None else None)
        if new_account:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("jury:code_of_conduct", year=juror.edition.year)
    return render(request, "jury/invitation.html", {"juror": juror, "form": form})


@role_required(JUROR)
def code_of_conduct(request, year: int):
    juror = get_object_or_404(Juror.objects.select_related("edition"), user=request.user, edition__year=year)
    if request.method == "POST":
        if request.POST.get("agree") != "yes":
            messages.error(request, _("Tick the box to accept the code of conduct."))
        else:
            services.accept_code_of_conduct(juror)
            messages.success(request, _("Thank you. You can now score your entries."))
            return redirect("jury:dashboard")
    return render(request, "jury/code_of_conduct.html", {"juror": juror})


def _juror_context(request, stage_pk: int, ref: str):
    """The stage, the juror, the entry and its alias, or 404 when the entry is not the juror's to judge (conflicts,
    and entries the juror judges blind in another open stage, included)."""
    stage = get_object_or_404(Stage.objects.select_related("edition"), pk=stage_pk)
    juror = rules.juror_for(request.user, stage.edition_id)
    if juror is None:
        raise Http404
    alias = blind.alias_by_ref(stage, ref)
    if alias is None or alias.entry.edition_id != stage.edition_id:
        raise Http404
    entry = alias.entry
    if not rules.may_judge(juror, stage, entry):
        raise Http404
    blind.refresh(stage, entry, alias)  # masked again if the entry changed since
    return stage, juror, entry, alias


def _evidence_of(entry) -> list[Evidence]:
    # Numbered by position for jurors: a database number would tell the order entries were made in.
    return list(Evidence.objects.filter(entry=entry).select_related("slot").order_by("slot__order", "uploaded_at", "pk"))


def _sheet_state(stage: Stage, juror, entry):
    """The stage's criteria, the juror's sheet for the entry (or None) and its stored values."""
    current = ScoreSheet.objects.filter(stage=stage, juror=juror, entry=entry).prefetch_related("scores").first()
    return _criteria(stage), current, services.current_values(current)


def _criteria(stage: Stage) -> list[Criterion]:
    return list(stage.criteria.order_by("order").prefetch_related(
        Prefetch("levels", queryset=RubricLevel.objects.order_by("-min_score"))))


def _form_rows(criteria, stored: dict, posted=None) -> list[dict]:
    # A stored score is shown with the language's decimal mark ("82,57" in Indonesian; both marks are read
    # back); the hidden original keeps the stored form for the optimistic-locking comparison.
    mark = get_format("DECIMAL_SEPARATOR")
    rows = []
    for criterion in criteria:
        value, justification = stored.get(criterion.pk, ("", ""))
        value = value.replace(".", mark)
        if posted is not None:
            value = posted.get(f"score_{criterion.pk}", value)
            justification = posted.get(f"just_{criterion.pk}", justification)
        orig_value, orig_just = stored.get(criterion.pk, ("", ""))
        rows.append({"criterion": criterion, "value": value, "justification": justification,
                     "orig_value": orig_value, "orig_justification": orig_just})
    return rows


def _posted_sheet(post, criteria):
    values = {c.pk: post.get(f"score_{c.pk}", "") for c in criteria}
    justifications = {c.pk: post.get(f"just_{c.pk}", "") for c in criteria}
    original = {c.pk: (post.get(f"orig_{c.pk}", ""), post.get(f"origj_{c.pk}", "")) for c in criteria}
    version = int_or_none(post.get("version"))
    return values, justifications, original, version


@role_required(JUROR)
def sheet(request, stage_pk: int, ref: str):
    stage, juror, entry, alias = _juror_context(request, stage_pk, ref)
    posted = current = stored = None
    if request.method == "POST":
        # A save reads only what it writes: the page's other parts are read when it is shown again.
        prefetch_related_objects([stage], "criteria")  # read once, by this view and by the save
        values, justifications, original, version = _posted_sheet(request.POST, list(stage.criteria.all()))
        submit = request.POST.get("action") == "submit"
        try:
            saved, merged = services.save_sheet(
                juror, stage, entry, values, justifications, comment=request.POST.get("comment", ""), submit=submit,
                version=version, original=original,
            )
        except services.StaleSheet as exc:
            messages.error(request, str(exc))
            current, posted = exc.sheet, request.POST
            stored = services.current_values(current)
        except services.JuryError as exc:
            messages.error(request, str(exc))
            posted = request.POST
        else:
            if merged:
                messages.info(request, _("Your changes were merged with those saved in another window."))
            messages.success(request, _("Sheet submitted.") if submit else _("Draft saved."))
            return redirect("jury:sheet", stage_pk=stage.pk, ref=alias.pseudonym)
    criteria, found, found_values = _sheet_state(stage, juror, entry)
    if current is None:
        current, stored = found, found_values
    locked = current is not None and current.status == ScoreSheet.Status.SUBMITTED
    return render(request, "jury/sheet.html", {
        "stage": stage, "juror": juror, "entry": entry, "sheet": current, "locked": locked,
        "rows": _form_rows(criteria, stored, posted),
        "comment": posted.get("comment", "") if posted is not None else (current.comment if current else ""),
        "version": current.version if current else 0,
        "shown": blind.shown(stage, entry, alias),
        "evidence": list(enumerate(_evidence_of(entry), start=1)),
        "can_score": stage.status == Stage.Status.OPEN and juror.code_of_conduct_accepted_at is not None,
    })


@role_required(JUROR)
def evidence_file(request, stage_pk: int, ref: str, number: int):
    """An evidence file of an entry the juror judges, under a neutral name so blind stages stay blind."""
    stage, _juror, entry, alias = _juror_context(request, stage_pk, ref)
    files = _evidence_of(entry)
    if not 1 <= number <= len(files):
        raise Http404
    evidence = files[number - 1]
    extension = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}.get(evidence.content_type, "bin")
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=evidence.content_type)
    name = blind.evidence_name(stage, entry, alias, evidence.slot.code, number, extension)
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(JUROR)
def declare_conflict(request, stage_pk: int, ref: str):
    stage, juror, entry, alias = _juror_context(request, stage_pk, ref)
    form = ConflictDeclarationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.record_conflict(juror, entry, form.cleaned_data["kind"], Conflict.Source.DECLARED,
                                 form.cleaned_data["note"], by=request.user)
        messages.success(request, _("Your conflict of interest is recorded. This entry is no longer shown to you."))
        return redirect("jury:dashboard")
    return render(request, "jury/declare_conflict.html", {
        "stage": stage, "shown": blind.shown(stage, entry, alias, with_text=False), "form": form})


@role_required(JUROR)
def live(request, stage_pk: int):
    """The room's scoring page: one entry at a time in schedule order, kept in the browser when offline."""
    stage = get_object_or_404(Stage.objects.select_related("edition"), pk=stage_pk)
    juror = rules.juror_for(request.user, stage.edition_id)
    if juror is None:
        raise Http404
    criteria = _criteria(stage)
    entries = services.juror_stage_entries(juror, stage)
    aliases = blind.aliases_for(stage, entries)
    entries = blind.in_juror_order(stage, entries, aliases)
    sheets = {s.entry_id: s for s in ScoreSheet.objects.filter(stage=stage, juror=juror).prefetch_related("scores")}
    cards = []
    for entry in entries:
        current = sheets.get(entry.pk)
        stored = services.current_values(current)
        shown = blind.shown(stage, entry, aliases[entry.pk], with_text=False)
        cards.append({"entry": entry, "shown": shown, "sheet": current, "rows": _form_rows(criteria, stored),
                      "submitted": current is not None and current.status == ScoreSheet.Status.SUBMITTED})
    return render(request, "jury/live.html", {
        "stage": stage, "juror": juror, "cards": cards,
        "can_score": stage.status == Stage.Status.OPEN and juror.code_of_conduct_accepted_at is not None,
    })


@role_required(JUROR)
@require_POST
def live_sync(request, stage_pk: int):
    """Receive one submission from the live page.

    400: the body cannot be read (not a JSON object, bad key, unknown criteria,
    scores that are not numbers in range); 404: the entry is not the juror's to
    judge; 409: refused by a rule of the jury, or ``"status": "conflict"`` when
    the same criterion was changed elsewhere since ``version`` (the answer then
    carries the stored version and scores, and nothing was applied). A resend
    of a key already applied for this sheet gets the first answer again.
    """
    stage = get_object_or_404(Stage.objects.select_related("edition"), pk=stage_pk)
    juror = rules.juror_for(request.user, stage.edition_id)
    if juror is None:
        raise Http404
    if request.content_type != "application/json":
        return _sync_refusal(_("The submission could not be read: it must be sent as JSON."), 400)
    try:
        submission = services.parse_live_submission(services.read_live_body(request.body),
                                                    list(stage.criteria.order_by("order")))
    except services.BadSubmission as exc:
        return _sync_refusal(str(exc), 400)
    alias = blind.alias_by_ref(stage, submission.entry_ref)
    entry = Entry.objects.filter(pk=alias.entry_id, edition_id=stage.edition_id).first() if alias else None
    if entry is None or not rules.may_judge(juror, stage, entry):
        raise Http404
    try:
        answer, replayed = services.apply_live_submission(juror, stage, entry, submission)
    except services.StaleSheet as exc:
        # Nothing was applied: the sheet as stored (none, if this send would have created it).
        current = ScoreSheet.objects.filter(pk=exc.sheet.pk).first()
        return JsonResponse({"status": "conflict", "message": str(exc), **services.sheet_answer(current)}, status=409)
    except services.JuryError as exc:
        return _sync_refusal(str(exc), 409, status="refused")
    return JsonResponse({**answer, "replayed": replayed})


def _sync_refusal(message: str, code: int, status: str = "error") -> JsonResponse:
    return JsonResponse({"status": status, "message": message}, status=code)


# --- Organiser pages --------------------------------------------------------------------------------


@organiser_required
def organise(request, year: int):
    edition = get_object_or_404(Edition, year=year)
    jurors = list(Juror.objects.filter(edition=edition).select_related("user", "affiliation")
                  .prefetch_related("expertise").order_by("element", "user__full_name"))
    stages = list(Stage.objects.filter(edition=edition).select_related("jury").order_by("order"))
    form = InviteForm(request.POST or None, edition=edition)
    if request.method == "POST":
        if request.POST.get("action") == "detect":
            found = services.detect_conflicts(edition)
            messages.success(request, _("%(count)s new conflicts of interest detected.") % {"count": found})
            return redirect("jury:organise", year=year)
        if form.is_valid():
            data = form.cleaned_data
            juror = services.invite_juror(edition, data["email"], data["full_name"], data["element"], data["affiliation"],
                                          data["max_load"], data["expertise"], by=request.user)
            messages.success(request, _("Invitation sent to %(email)s.") % {"email": juror.user.email})
            return redirect("jury:organise", year=year)
    return render(request, "jury/organise.html", {"edition": edition, "jurors": jurors, "stages": stages, "form": form,
                                                  "editions": Edition.objects.all()})


@organiser_required
def conflicts(request, year: int):
    edition = get_object_or_404(Edition, year=year)
    form = RecordConflictForm(request.POST or None, edition=edition)
    if request.method == "POST" and form.is_valid():
        services.record_conflict(form.cleaned_data["juror"], form.entry, form.cleaned_data["kind"],
                                 Conflict.Source.RECORDED, form.cleaned_data["note"], by=request.user)
        messages.success(request, _("Conflict of interest recorded."))
        return redirect("jury:conflicts", year=year)
    search = request.GET.get("q", "")
    page = Paginator(services.conflict_register(edition, search), LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "jury/conflicts.html", {"edition": edition, "page": page, "search": search, "form": form})


@organiser_required
def conflicts_csv(request, year: int):
    """The conflict register for auditors, as CSV (opens in a spreadsheet)."""
    return exporters.conflict_register_csv(get_object_or_404(Edition, year=year))


def _stage(stage_pk: int) -> Stage:
    return get_object_or_404(Stage.objects.select_related("edition"), pk=stage_pk)


@organiser_required
def stage_assignment(request, stage_pk: int):
    stage = _stage(stage_pk)
    jury = services.stage_jury(stage)
    form = AssignForm(request.POST or None, initial={"mode": jury.mode, "per_entry": jury.per_entry})
    if request.method == "POST" and form.is_valid():
        if jury.locked:
            messages.error(request, _("The assignment of this stage is locked because scoring has started."))
            return redirect("jury:stage_assignment", stage_pk=stage.pk)
        # The solver takes seconds at national scale: the worker assigns, the job's page follows it.
        data = form.cleaned_data
        job = jobs.start(RUN_ASSIGNMENT, stage.pk, by=request.user, scope=f"edition:{stage.edition.year}",
                         stage_pk=stage.pk, mode=data["mode"], per_entry=data["per_entry"], relax=sorted(form.relax()),
                         seed=data["seed"], by_pk=request.user.pk)
        return redirect(job)
    context = services.assignment_overview(stage)
    search, show = request.GET.get("q", ""), request.GET.get("show", "")
    page = Paginator(services.panel_entries(stage, search, show), LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    context.update({"stage": stage, "form": form, "overlap": len(services.blind_overlap(stage)),
                    "started": ScoreSheet.objects.filter(stage=stage).exists(),
                    "unmet": wording.unmet_rows(context["unmet_shown"]),
                    "page": page, "panels": services.panel_rows(stage, page.object_list), "search": search, "show": show})
    return render(request, "jury/stage_assignment.html", context)


@organiser_required
def stage_masking(request, stage_pk: int):
    """What jurors of a blind stage read of each entry: what was masked, and what may still name its makers."""
    stage = _stage(stage_pk)
    if not stage.blind:
        raise Http404
    entries = services.stage_entries(stage).select_related("institution__parent", "created_by").prefetch_related(
        "team__user").order_by("code")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    aliases = blind.aliases_for(stage, page.object_list)
    rows = [{"entry": entry, "alias": aliases[entry.pk]} for entry in page.object_list]
    return render(request, "jury/stage_masking.html", {"stage": stage, "page": page, "rows": rows})


@organiser_required
@require_POST
def stage_change(request, stage_pk: int):
    """Manual changes, locking and opening or closing scoring of a stage."""
    stage = _stage(stage_pk)
    action = request.POST.get("action")
    try:
        if action in {"add", "remove"}:
            juror = Juror.objects.filter(pk=pk_or_none(request.POST.get("juror")), edition_id=stage.edition_id).first()
            if juror is None:
                raise services.JuryError(_("Choose a juror of this edition."))
            entry = Entry.objects.filter(edition_id=stage.edition_id, code__iexact=request.POST.get("entry", "").strip()).first()
            if entry is None:
                raise services.JuryError(_("No entry of this edition has the number “%(code)s”.")
                                         % {"code": request.POST.get("entry", "")})
            if action == "add":
                services.add_assignment(stage, juror, entry, by=request.user)
                messages.success(request, _("%(juror)s now judges %(entry)s.") % {"juror": juror.user, "entry": entry.code})
            else:
                services.remove_assignment(stage, juror, entry, by=request.user)
                messages.success(request, _("%(juror)s no longer judges %(entry)s.") % {"juror": juror.user, "entry": entry.code})
        elif action == "lock":
            services.lock_assignment(stage, by=request.user)
            messages.success(request, _("The assignment is locked."))
        elif action == "unlock":
            services.unlock_assignment(stage, by=request.user)
            messages.success(request, _("The assignment is unlocked."))
        elif action == "open":
            overlap = services.open_stage(stage, by=request.user, override_reason=request.POST.get("override_reason", ""))
            # Pseudonyms and masked copies are made on the worker now, not on each juror's first page.
            jobs.start(PREPARE_ALIASES, stage.pk, by=request.user, scope=f"edition:{stage.edition.year}", stage_pk=stage.pk)
            messages.success(request, _("Scoring is open."))
            if overlap:
                messages.warning(request, _("%(count)s entries stay hidden from the jurors who judge them blind "
                                            "elsewhere until that stage closes.") % {"count": len({e for _j, e, _o in overlap})})
        elif action == "close":
            services.close_stage(stage, by=request.user)
            messages.success(request, _("The stage is closed."))
        else:
            raise services.JuryError(_("Unknown action."))
    except services.JuryError as exc:
        messages.error(request, str(exc))
    return redirect("jury:stage_assignment", stage_pk=stage.pk)


@organiser_required
def stage_progress(request, stage_pk: int):
    stage = _stage(stage_pk)
    if request.method == "POST":
        count = services.send_reminders(stage, by=request.user)
        messages.success(request, _("%(count)s jurors reminded by e-mail.") % {"count": count})
        return redirect("jury:stage_progress", stage_pk=stage.pk)
    context = services.progress(stage)
    search, missing = request.GET.get("q", ""), request.GET.get("missing") == "1"
    page = Paginator(services.entry_progress(stage, search, missing), LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    juror = Juror.objects.filter(pk=pk_or_none(request.GET.get("juror")), edition_id=stage.edition_id).select_related("user").first()
    entry = None
    if juror is None and request.GET.get("entry"):
        entry = services.stage_entries(stage).filter(code__iexact=request.GET["entry"].strip()[:40]).first()
    context.update({"stage": stage, "page": page, "search": search, "missing": missing,
                    "behind_only": request.GET.get("jurors") == "behind", "focus_juror": juror, "focus_entry": entry,
                    "sheets": services.sheets_of(stage, juror=juror, entry=entry)})
    return render(request, "jury/stage_progress.html", context)


@organiser_required
def stage_schedule(request, stage_pk: int):
    stage = _stage(stage_pk)
    form = ScheduleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            count = services.build_schedule(stage, data["rooms"].splitlines(), data["starts_at"], data["presentation_minutes"],
                                            data["questions_minutes"], data["break_minutes"], by=request.user)
        except services.JuryError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("%(count)s time slots scheduled.") % {"count": count})
            return redirect("jury:stage_schedule", stage_pk=stage.pk)
    return render(request, "jury/stage_schedule.html", {"stage": stage, "form": form, "slots": services.schedule(stage)})


def _rooms(stage):
    rooms: dict[str, list[TimeSlot]] = {}
    for slot in services.schedule(stage):
        rooms.setdefault(slot.room, []).append(slot)
    return rooms


@organiser_required
def stage_agenda(request, stage_pk: int):
    stage = _stage(stage_pk)
    return render(request, "jury/agenda.html", {"stage": stage, "rooms": _rooms(stage),
                                                "jurors": Juror.objects.filter(edition_id=stage.edition_id).select_related("user")})


@organiser_required
def stage_attendance(request, stage_pk: int):
    stage = _stage(stage_pk)
    return render(request, "jury/attendance.html", {"stage": stage, "rooms": _rooms(stage)})


@organiser_required
def paper_sheet(request, stage_pk: int, juror_pk: int, entry_pk: int):
    """The organiser keys in a paper sheet on a juror's behalf (marked as such)."""
    stage = _stage(stage_pk)
    juror = get_object_or_404(Juror.objects.select_related("user"), pk=juror_pk, edition_id=stage.edition_id)
    entry = get_object_or_404(Entry, pk=entry_pk, edition_id=stage.edition_id)
    if not rules.may_judge(juror, stage, entry):
        raise Http404
    criteria, current, stored = _sheet_state(stage, juror, entry)
    posted = None
    if request.method == "POST":
        values, justifications, original, version = _posted_sheet(request.POST, criteria)
        try:
            services.save_sheet(juror, stage, entry, values, justifications, comment=request.POST.get("comment", ""),
                                submit=request.POST.get("action") == "submit", version=version, original=original,
                                entered_by=request.user)
        except services.JuryError as exc:
            messages.error(request, str(exc))
            posted = request.POST
        else:
            messages.success(request, _("Paper sheet saved on behalf of %(juror)s.") % {"juror": juror.user})
            return redirect("jury:stage_progress", stage_pk=stage.pk)
    return render(request, "jury/paper_sheet.html", {
        "stage": stage, "juror": juror, "entry": entry, "sheet": current, "rows": _form_rows(criteria, stored, posted),
        "version": current.version if current else 0,
        "locked": current is not None and current.status == ScoreSheet.Status.SUBMITTED,
        "comment": current.comment if current else "",
    })


@organiser_required
def import_sheets(request, stage_pk: int):
    stage = _stage(stage_pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        count, errors = services.import_sheets(stage, form.cleaned_data["file"], by=request.user)
        if not errors:
            messages.success(request, _("%(count)s paper sheets imported.") % {"count": count})
            return redirect("jury:stage_progress", stage_pk=stage.pk)
    return render(request, "jury/import.html", {"stage": stage, "form": form, "errors": errors,
                                                "headers": services.IMPORT_HEADERS})


@organiser_required
def import_template(request, stage_pk: int):
    """A workbook to fill in: one row per assigned (entry, juror, criterion)."""
    return exporters.import_template_xlsx(_stage(stage_pk))


@organiser_required
def reopen_sheet(request, sheet_pk: int):
    sheet_obj = get_object_or_404(ScoreSheet.objects.select_related("stage", "juror__user", "entry"), pk=sheet_pk)
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reopen_sheet(sheet_obj, form.cleaned_data["reason"], request.user)
        except services.JuryError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The sheet is reopened; the juror can change it and submit again."))
            return redirect(reverse("jury:stage_progress", kwargs={"stage_pk": sheet_obj.stage_id}))
    return render(request, "jury/reopen.html", {"sheet": sheet_obj, "form": form,
                                                "history": sheet_obj.reopenings.select_related("reopened_by")})
