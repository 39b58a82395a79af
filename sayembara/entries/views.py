from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sayembara.accounts.roles import INNOVATOR, ORGANISER, VERIFIER, role_required
from sayembara.accounts import membership
from sayembara.accounts.rules import unit_has_verifier
from sayembara.params import int_or_none
from sayembara.audit.trail import history as audit_history
from sayembara.audit.describe import describe as describe_events, with_actors
from sayembara.editions.models import Edition
from sayembara.tabular import xlsx_response
from sayembara.uploads import stored_file_response

from . import rules, services
from . import sinovik as sinovik_export
from .forms import (
    EvidenceForm,
    ExtensionForm,
    ImportForm,
    NewEntryForm,
    ProposalForm,
    PublishForm,
    ScreenForm,
    SendForm,
    VerifyForm,
)
from .models import DeadlineExtension, Entry, EntryDetails, EntryRevision, Evidence, EvidenceSlot, answers_in_form

PAGE_SIZE = 50
ENTRY_ROLES = (INNOVATOR, VERIFIER, ORGANISER)


def _entry_list(queryset):
    return queryset.select_related("edition", "institution", "category").order_by("-edition__year", "title")


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _entry_for(request, code: str) -> Entry:
    queryset = services.entries_visible_to(request.user).select_related(
        "edition", "institution", "institution__type", "category", "innovation", "created_by"
    )
    return get_object_or_404(queryset, code=code)


# --- Dashboards ----------------------------------------------------------------


@role_required(INNOVATOR)
def innovator_dashboard(request):
    user = request.user
    entries = _entry_list(rules.visible_entries(user).filter(institution_id=user.institution_id))
    editions = [
        (edition, services.submission_deadline(edition, user.institution)) for edition in services.open_editions()
    ]
    return render(request, "entries/innovator_dashboard.html", {
        "page": _page(request, entries), "open_editions": editions, "now": timezone.now(),
    })


@role_required(VERIFIER)
def verifier_dashboard(request):
    institution = request.user.verified_institution
    entries = _entry_list(Entry.objects.filter(institution=institution))
    waiting = entries.filter(status=Entry.Status.SENT)
    return render(request, "entries/verifier_dashboard.html", {
        "page": _page(request, entries), "waiting": list(waiting[:PAGE_SIZE]), "institution": institution,
        "membership_requests": list(membership.pending_for(request.user)[:20]),
    })


@role_required(ORGANISER)
def organiser_list(request):
    editions = list(Edition.objects.order_by("-year"))
    year = request.GET.get("year")
    edition = next((e for e in editions if str(e.year) == year), None) or next(
        (e for e in editions if e.status == Edition.Status.OPEN), editions[0] if editions else None
    )
    entries = Entry.objects.filter(edition=edition).select_related("institution", "category", "edition")
    status = request.GET.get("status", "")
    if status in Entry.Status.values:
        entries = entries.filter(status=status)
    query = request.GET.get("q", "").strip()
    if query:
        entries = entries.filter(Q(title__icontains=query) | Q(code__icontains=query) | Q(institution__name__icontains=query))
    entries = entries.order_by("code")
    return render(request, "entries/organiser_list.html", {
        "page": _page(request, entries), "edition": edition, "editions": editions, "status": status, "q": query,
        "statuses": Entry.Status.choices,
        "rules": services.settings_for(edition) if edition else None,
    })


# --- Creating and editing --------------------------------------------------------


@role_required(INNOVATOR)
def new_entry(request):
    form = NewEntryForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.create_entry(
                request.user, form.cleaned_data["edition"], form.cleaned_data["title"].strip(),
                innovation=form.cleaned_data["innovation"],
            )
        except services.EntryError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Entry %(code)s started. It is saved as a draft; you can come back any time.") % {"code": entry.code})
            return redirect("entries:edit", code=entry.code)
    return render(request, "entries/new.html", {"form": form})


def _edit_context(entry, form, **extra):
    slots = list(EvidenceSlot.objects.for_entry(entry))
    files = {}
    for evidence in Evidence.objects.filter(entry=entry).order_by("uploaded_at"):
        files.setdefault(evidence.slot_id, []).append(evidence)
    return {
        "entry": entry, "form": form, "slots": [(slot, files.get(slot.pk, [])) for slot in slots],
        "deadline": services.submission_deadline(entry.edition, entry.institution),
        "checks": services.eligibility(entry), "send_form": SendForm(),
        "unit_has_verifier": unit_has_verifier(entry.institution_id),
        **extra,
    }


@role_required(INNOVATOR)
def edit_entry(request, code: str):
    entry = _entry_for(request, code)
    autosave = request.headers.get("X-Autosave") == "1"
    if not services.can_edit(entry, request.user):
        if autosave:
            return JsonResponse({"ok": False, "message": _("This entry can no longer be changed.")}, status=409)
        messages.info(request, _("This entry is “%(status)s” and can no longer be changed.") % {"status": entry.get_status_display()})
        return redirect("entries:detail", code=entry.code)
    if request.method != "POST":
        form = ProposalForm(initial=ProposalForm.initial_for(entry), entry=entry)
        return render(request, "entries/edit.html", _edit_context(entry, form))

    form = ProposalForm(request.POST, entry=entry)
    if not form.is_valid():
        if autosave:
            return JsonResponse({"ok": False, "errors": {k: [str(e) for e in v] for k, v in form.errors.items()},
                                 "message": _("Not saved: correct the marked fields. Your text is kept in this browser.")},
                                status=400)
        messages.error(request, _("Not saved: correct the marked fields below. Nothing you typed was lost."))
        return render(request, "entries/edit.html", _edit_context(entry, form), status=400)
    try:
        entry = services.save_proposal(
            entry.pk, request.user, form.cleaned_data["version"], form.to_data(), force=form.cleaned_data.get("force", False)
        )
    except services.StaleEntry as error:
        return _stale_reply(request, entry, error, autosave)
    except services.EntryError as error:
        if autosave:
            return JsonResponse({"ok": False, "message": str(error)}, status=400)
        messages.error(request, str(error))
        return render(request, "entries/edit.html", _edit_context(entry, form), status=400)
    return _saved_reply(request, entry, form, autosave)


def _stale_reply(request, entry, error, autosave: bool):
    """Someone saved first: the form comes back with what was typed, set to replace the saved version if sent again."""
    current = Entry.objects.get(pk=entry.pk)
    if autosave:
        return JsonResponse({"ok": False, "conflict": True, "message": str(error)}, status=409)
    data = request.POST.copy()
    data["version"] = current.version
    data["force"] = "on"
    form = ProposalForm(data, entry=current)
    form.is_valid()
    messages.error(request, str(error))
    return render(request, "entries/edit.html", _edit_context(current, form, conflict=True), status=409)


def _saved_reply(request, entry, form, autosave: bool):
    saved_at = formats.time_format(timezone.localtime(), "H:i")
    # Over-long sections are saved like the rest; the innovator is warned next to them, and sending refuses.
    warnings = form.word_warnings()
    if autosave:
        # The checklist of the page as it stands after this save (server-rendered, escaped HTML; no script).
        checklist = render_to_string("entries/_checklist.html", {"checks": services.eligibility(entry)}, request=request)
        return JsonResponse({"ok": True, "version": entry.version, "message": _("Saved at %(time)s") % {"time": saved_at},
                             "warnings": warnings, "checklist": checklist})
    messages.success(request, _("Saved at %(time)s.") % {"time": saved_at})
    if warnings:
        messages.warning(request, _("Some sections are longer than their word limit. They are saved; shorten them "
                                    "before sending the entry."))
    if "check" in request.POST:
        return redirect(reverse("entries:edit", kwargs={"code": entry.code}) + "#send")
    return redirect("entries:edit", code=entry.code)


# --- Evidence ----------------------------------------------------------------------


@require_POST
@role_required(INNOVATOR)
def evidence_upload(request, code: str, slot: int):
    entry = _entry_for(request, code)
    slot_obj = get_object_or_404(EvidenceSlot.objects.for_entry(entry), pk=slot)
    form = EvidenceForm(request.POST, request.FILES)
    error = None
    if form.is_valid():
        try:
            services.attach_evidence(entry, slot_obj, form.cleaned_data["file"], request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        except services.EntryError as exc:
            error = str(exc)
    else:
        error = _("Choose a file first.")
    if request.htmx:
        files = list(Evidence.objects.filter(entry=entry, slot=slot_obj).order_by("uploaded_at"))
        # The slot, and the checklist of the page out of band: it says at once that the evidence is there.
        return render(request, "entries/_evidence_slot_htmx.html", {
            "entry": entry, "slot": slot_obj, "files": files, "error": error, "editable": True,
            "uploaded": error is None, "checks": services.eligibility(entry),
        })
    if error:
        messages.error(request, error)
    else:
        messages.success(request, _("File attached."))
    return redirect(reverse("entries:edit", kwargs={"code": entry.code}) + "#evidence")


@require_POST
@role_required(INNOVATOR)
def evidence_delete(request, code: str, pk: int):
    entry = _entry_for(request, code)
    evidence = get_object_or_404(Evidence, pk=pk, entry=entry)
    try:
        services.remove_evidence(evidence, request.user)
    except services.EntryError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("File removed."))
    return redirect(reverse("entries:edit", kwargs={"code": entry.code}) + "#evidence")


@role_required(*ENTRY_ROLES)
def evidence_download(request, code: str, pk: int):
    # The only way to a stored file: the user must be allowed to see the entry.
    entry = _entry_for(request, code)
    evidence = get_object_or_404(Evidence, pk=pk, entry=entry)
    return stored_file_response(evidence.file, evidence.content_type, evidence.original_name, as_attachment=False)


# --- Viewing ------------------------------------------------------------------------


@role_required(*ENTRY_ROLES)
def entry_detail(request, code: str):
    entry = _entry_for(request, code)
    details = EntryDetails.objects.filter(entry=entry).prefetch_related("sdgs").first()
    context = {
        "entry": entry, "details": details,
        "answers": answers_in_form(entry, entry.answers.select_related("section").order_by("section__order")),
        "team": entry.team.all(),
        "evidence": Evidence.objects.filter(entry=entry).select_related("slot").order_by("slot__order", "uploaded_at"),
        "deadline": services.submission_deadline(entry.edition, entry.institution),
        "can_edit": rules.can_edit_entry(request.user, entry),
        "can_withdraw": rules.can_withdraw_entry(request.user, entry)
        and not services.deadline_passed(entry.edition, entry.institution),
        "can_verify": rules.can_verify_entry(request.user, entry) and entry.status == Entry.Status.SENT,
        "verify_on_behalf": not rules.is_verifier_of_entry_unit(request.user, entry),
        "can_screen": rules.can_screen_entry(request.user, entry) and entry.status == Entry.Status.VERIFIED,
        "trail": describe_events(with_actors(audit_history(entry)).filter(action="transition").order_by("-at")[:30]),
        "verify_form": VerifyForm(), "screen_form": ScreenForm(),
    }
    if context["can_screen"] or context["can_edit"] or rules.can_manage_entries(request.user):
        context["checks"] = services.eligibility(entry)
    return render(request, "entries/detail.html", context)


@role_required(*ENTRY_ROLES)
def entry_history(request, code: str):
    entry = _entry_for(request, code)
    revisions = list(EntryRevision.objects.filter(entry=entry).select_related("author").order_by("-number"))
    diff = older = newer = None
    if len(revisions) >= 2:
        by_number = {r.number: r for r in revisions}
        newer = by_number.get(int_or_none(request.GET.get("to")), revisions[0])
        older = by_number.get(int_or_none(request.GET.get("from")), revisions[1])
        diff = services.diff_revisions(older, newer)
    return render(request, "entries/history.html", {
        "entry": entry, "revisions": revisions, "diff": diff, "older": older, "newer": newer,
    })


def _blind(request) -> bool:
    return request.GET.get("blind") == "1"


@role_required(*ENTRY_ROLES)
def sinovik(request, code: str):
    """The entry as SINOVIK asks for it: the fields to paste, the letters, and what SINOVIK would refuse."""
    entry = _entry_for(request, code)
    return render(request, "entries/sinovik.html", {"entry": entry, "pack": sinovik_export.package(entry)})


@role_required(*ENTRY_ROLES)
def sinovik_zip(request, code: str):
    entry = _entry_for(request, code)
    response = HttpResponse(sinovik_export.zip_bytes(sinovik_export.package(entry)), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{entry.code}-sinovik.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(*ENTRY_ROLES)
def entry_print(request, code: str):
    from .printing import proposal_context

    entry = _entry_for(request, code)
    return render(request, "entries/print.html", proposal_context(entry, blind=_blind(request)))


@role_required(*ENTRY_ROLES)
def entry_pdf(request, code: str):
    from .printing import proposal_pdf

    entry = _entry_for(request, code)
    blind = _blind(request)
    response = HttpResponse(proposal_pdf(entry, blind=blind), content_type="application/pdf")
    name = f"{entry.code}{'-anonim' if blind else ''}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


# --- Steps of the flow --------------------------------------------------------------


def _step(request, entry, action, success_message):
    try:
        action()
    except services.AlreadyDone as done:
        messages.info(request, str(done))
    except services.EntryError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success_message)
    return redirect("entries:detail", code=entry.code)


@require_POST
@role_required(INNOVATOR)
def send_entry(request, code: str):
    entry = _entry_for(request, code)
    form = SendForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["declaration"]))
        return redirect(reverse("entries:edit", kwargs={"code": entry.code}) + "#send")
    try:
        services.send_entry(entry.pk, request.user)
    except services.AlreadyDone as done:
        messages.info(request, str(done))
    except services.EntryError as error:
        messages.error(request, str(error))
        if services.can_edit(entry, request.user):
            return redirect(reverse("entries:edit", kwargs={"code": entry.code}) + "#send")
    else:
        if unit_has_verifier(entry.institution_id):
            messages.success(request, _("Entry sent to your unit verifier. You will receive an e-mail at each step."))
        else:
            messages.success(request, _("Entry sent. Your unit has no verifier, so the organiser verifies it on the "
                                        "unit's behalf. You will receive an e-mail at each step."))
    return redirect("entries:detail", code=entry.code)


@require_POST
@role_required(INNOVATOR)
def withdraw_entry(request, code: str):
    entry = _entry_for(request, code)
    return _step(request, entry, lambda: services.withdraw_entry(entry.pk, request.user), _("Entry withdrawn."))


@require_POST
@role_required(VERIFIER, ORGANISER)
def verify_entry(request, code: str):
    # Looked up without the scope on purpose: acting on another unit's entry is refused (403), not hidden.
    entry = get_object_or_404(Entry, code=code)
    if not rules.can_verify_entry(request.user, entry):
        raise PermissionDenied(_("You verify the entries of your own unit only."))
    form = VerifyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether to approve or return the entry."))
        return redirect("entries:detail", code=entry.code)
    approve = form.cleaned_data["decision"] == "approve"
    return _step(
        request, entry,
        lambda: services.verify_entry(entry.pk, request.user, approve, form.cleaned_data["notes"]),
        _("Entry approved and passed on to the organiser.") if approve else _("Entry returned to the innovator with your notes."),
    )


@require_POST
@role_required(ORGANISER)
def screen_entry(request, code: str):
    entry = get_object_or_404(Entry, code=code)
    form = ScreenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
        return redirect("entries:detail", code=entry.code)
    return _step(
        request, entry,
        lambda: services.screen_entry(entry.pk, request.user, form.cleaned_data["decision"], form.cleaned_data["notes"]),
        _("Screening decision recorded and the unit informed by e-mail."),
    )


# --- Organiser tools per edition ----------------------------------------------------


@role_required(ORGANISER)
def extensions(request, year: int):
    edition = get_object_or_404(Edition, year=year)
    form = ExtensionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.grant_extension(edition, form.cleaned_data["institution"], form.cleaned_data["until"],
                                     form.cleaned_data["reason"], request.user)
        except services.EntryError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Extension recorded and the unit informed."))
            return redirect("entries:extensions", year=year)
    return render(request, "entries/extensions.html", {
        "edition": edition, "form": form, "deadline": services.submission_deadline(edition),
        "extensions": DeadlineExtension.objects.filter(edition=edition).select_related("institution", "granted_by"),
    })


@require_POST
@role_required(ORGANISER)
def publish_screening(request, year: int):
    edition = get_object_or_404(Edition, year=year)
    form = PublishForm(request.POST)
    form.is_valid()
    try:
        services.publish_screening(edition, request.user, form.cleaned_data.get("number", ""),
                                   form.cleaned_data.get("reason", ""))
    except services.EntryError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Screening results published."))
    return redirect("entries:announcement", year=year)


def announcement(request, year: int):
    """The public announcement (pengumuman) of the administrative screening; printable."""
    edition = get_object_or_404(Edition.objects.public(), year=year)
    conf = services.settings_for(edition)
    if conf.screening_published_at is None and not rules.can_manage_entries(request.user):
        raise Http404
    screened = Entry.objects.filter(edition=edition, status__in=[Entry.Status.PASSED, Entry.Status.FAILED])
    passed = list(
        screened.filter(status=Entry.Status.PASSED).select_related("institution", "category").order_by("category__order", "code")
    )
    is_organiser = rules.can_manage_entries(request.user)
    # Until the blind stage has closed the public learns how many passed, per category, not who: a juror could
    # otherwise look up the makers of what they judge.
    hide_makers = edition.makers_hidden and not is_organiser
    per_category = {}
    for entry in passed:
        per_category[entry.category] = per_category.get(entry.category, 0) + 1
    return render(request, "entries/announcement.html", {
        "edition": edition, "rules": conf, "passed": [] if hide_makers else passed, "passed_count": len(passed),
        "per_category": list(per_category.items()), "hide_makers": hide_makers, "makers_hidden": edition.makers_hidden,
        "screened_count": screened.count(),
        "publish_form": PublishForm(initial={"number": conf.announcement_number}),
        "is_organiser": is_organiser,
    })


@role_required(ORGANISER)
def import_entries(request, year: int):
    from .importing import import_workbook

    edition = get_object_or_404(Edition, year=year)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = import_workbook(edition, form.cleaned_data["file"], request.user)
        if report.ok:
            messages.success(request, _("%(n)s entries imported.") % {"n": len(report.created)})
        else:
            messages.error(request, _("Nothing was imported: correct the rows listed below and upload the file again."))
    return render(request, "entries/import.html", {"edition": edition, "form": form, "report": report},
                  status=400 if report and not report.ok else 200)


@role_required(ORGANISER)
def import_template(request, year: int):
    from .importing import template_workbook

    edition = get_object_or_404(Edition, year=year)
    return xlsx_response(template_workbook(edition), f"impor-entri-{edition.year}.xlsx")
