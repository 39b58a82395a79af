"""The guided editor of an edition's rules: schedule, groups and categories, forms, stages, criteria and rubrics.

Each page edits one part as rows (add, change, remove in one save); every save goes through ``edition_setup``,
which refuses changes that would alter what entrants or jurors already relied on, with the reason.
"""

from django.contrib import messages
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sayembara.accounts.roles import organiser_required
from sayembara.editions.models import Edition, EntryGroup, ProposalSection, Stage
from sayembara.entries.models import EntrySettings, EvidenceSlot
from sayembara.params import int_or_none

from . import edition_setup, presets, readiness
from .copying import CopyRefused
from .forms import (CategoryRows, CriterionRows, EditionForm, EntryRulesForm, GroupRows, LevelRows, NewEditionForm,
                    PhaseRows, PresetForm, SectionRows, SlotRows, StageRows)


def _save(request, formsets, owners) -> bool:
    """Save every bound formset whose data was posted; say each refusal. True when all were saved."""
    if not all(f.is_valid() for f in formsets):
        messages.error(request, _("Some rows need correcting: see the messages beside them. Nothing was saved."))
        return False
    try:
        for formset, owner in zip(formsets, owners):
            edition_setup.save_rows(formset, by=request.user, **owner)
    except edition_setup.RuleChangeRefused as refused:
        for reason in refused.reasons:
            messages.error(request, reason)
        return False
    except IntegrityError:
        messages.error(request, _("Two rows would share the same number or code. Nothing was saved: change one "
                                  "at a time."))
        return False
    messages.success(request, _("Saved."))
    return True


def _rows_page(request, context):
    """A part of the editor, with the checks that still stop the edition from opening (a fix shows at once)."""
    context["problems"] = readiness.problems(context["edition"])
    return render(request, "editions/setup/rows.html", context)


def _posted(request, prefix: str):
    return request.POST if request.method == "POST" and request.POST.get("part") == prefix else None


@organiser_required
def setup(request, year: int):
    edition = get_object_or_404(Edition, year=year)
    form = EditionForm(request.POST or None, instance=edition)
    if request.method == "POST":
        if form.is_valid():
            edition_setup.save_edition(form, by=request.user)
            messages.success(request, _("Saved."))
            return redirect("editions:setup", year=year)
        messages.error(request, _("Some fields need correcting. Nothing was saved."))
    groups = list(edition.groups.all())
    return render(request, "editions/setup/overview.html", {
        "edition": edition, "form": form, "groups": groups, "problems": readiness.problems(edition),
        "stages": list(edition.stages.order_by("order")),
        "scoring_started": edition_setup.scoring_started(edition),
    })


@organiser_required
def setup_entry_rules(request, year: int):
    """Who may enter (years in operation, past winners, duplicates) and the SPBE questions."""
    edition = get_object_or_404(Edition, year=year)
    rules = EntrySettings.objects.filter(edition=edition).first() or EntrySettings(edition=edition)
    form = EntryRulesForm(request.POST or None, instance=rules)
    if request.method == "POST":
        if form.is_valid():
            try:
                edition_setup.save_entry_rules(form, edition, by=request.user)
            except edition_setup.RuleChangeRefused as refused:
                for reason in refused.reasons:
                    messages.error(request, reason)
            else:
                messages.success(request, _("Saved."))
                return redirect("editions:setup_entry_rules", year=year)
        else:
            messages.error(request, _("Some fields need correcting. Nothing was saved."))
    return render(request, "editions/setup/entry_rules.html", {"edition": edition, "form": form,
                                                                "problems": readiness.problems(edition)})


@organiser_required
def setup_schedule(request, year: int):
    edition = get_object_or_404(Edition, year=year)
    formset = PhaseRows(_posted(request, "phases"), queryset=edition.phases.all(), prefix="phases",
                        owner={"edition": edition})
    if formset.is_bound and _save(request, [formset], [{"edition": edition}]):
        return redirect("editions:setup_schedule", year=year)
    return _rows_page(request, {
        "edition": edition, "part": "schedule", "title": _("Schedule"), "formsets": [("phases", formset)],
        "help": _("The steps in their order: registration, submission, screening, judging, public test, winners. "
                  "A judging step may name its stage.")})


@organiser_required
def setup_groups(request, year: int):
    edition = get_object_or_404(Edition, year=year)
    groups = GroupRows(_posted(request, "groups"), queryset=edition.groups.all(), prefix="groups",
                       owner={"edition": edition}, scope=edition.groups.all())
    categories = CategoryRows(_posted(request, "categories"), prefix="categories",
                              queryset=edition.categories.prefetch_related("institution_types"),
                              owner={"edition": edition}, scope=edition.categories.all())
    bound = [f for f in (groups, categories) if f.is_bound]
    if bound and _save(request, bound, [{"edition": edition}] * len(bound)):
        return redirect("editions:setup_groups", year=year)
    return _rows_page(request, {
        "edition": edition, "part": "groups", "title": _("Groups and categories"),
        "formsets": [("groups", groups), ("categories", categories)],
        "help": _("A group has its own proposal form (SINOVIK's Umum, Replikasi, Khusus); a category is what entries "
                  "are ranked in, and names the group whose form its entries fill. Save the groups first, then give "
                  "each category its group.")})


@organiser_required
def setup_form(request, year: int, group: int = 0):
    """The sections and evidence of one group's form (``group`` 0: those asked of every group)."""
    edition = get_object_or_404(Edition, year=year)
    chosen = get_object_or_404(EntryGroup, pk=group, edition=edition) if group else None
    owner = {"edition": edition, "group": chosen}
    sections = SectionRows(_posted(request, "sections"), prefix="sections", owner=owner,
                           queryset=ProposalSection.objects.filter(edition=edition, group=chosen),
                           scope=ProposalSection.objects.filter(edition=edition))
    slots = SlotRows(_posted(request, "slots"), prefix="slots", owner=owner,
                     queryset=EvidenceSlot.objects.filter(edition=edition, group=chosen),
                     scope=EvidenceSlot.objects.filter(edition=edition))
    bound = [f for f in (sections, slots) if f.is_bound]
    if bound and _save(request, bound, [owner] * len(bound)):
        return redirect(request.path)
    preset = presets.PRESETS.get(chosen.preset) if chosen else None
    return _rows_page(request, {
        "edition": edition, "part": "form", "group": chosen, "preset": preset,
        "title": _("Form of group “%(group)s”") % {"group": chosen.name} if chosen else _("Sections asked of every group"),
        "formsets": [("sections", sections), ("slots", slots)],
        "preset_form": PresetForm() if chosen else None,
        "shared_sections": ProposalSection.objects.filter(edition=edition, group=None).count() if chosen else 0,
        "presets": presets.of_kind("form") + presets.of_kind("evidence"),
        "help": _("Sections with a word limit, then the evidence files. What you set here is asked of the entries of "
                  "every category in this group.") if chosen else _("Sections and evidence here are asked of every "
                                                                     "entry, whatever its group.")})


@organiser_required
def setup_stages(request, year: int):
    edition = get_object_or_404(Edition, year=year)
    stages = StageRows(_posted(request, "stages"), queryset=edition.stages.order_by("order"), prefix="stages",
                       owner={"edition": edition}, scope=edition.stages.all())
    if stages.is_bound and _save(request, [stages], [{"edition": edition}]):
        return redirect("editions:setup_stages", year=year)
    return _rows_page(request, {
        "edition": edition, "part": "stages", "title": _("Stages"), "formsets": [("stages", stages)],
        "stage_links": list(edition.stages.order_by("order").prefetch_related("criteria")),
        "preset_form": PresetForm(kinds=("criteria",)), "presets": presets.of_kind("criteria"),
        "help": _("The stages' weights in the final score add up to 100. Open a stage to set its criteria.")})


@organiser_required
def setup_stage(request, year: int, order: int):
    edition = get_object_or_404(Edition, year=year)
    stage = get_object_or_404(Stage, edition=edition, order=order)
    criteria = CriterionRows(_posted(request, "criteria"), queryset=stage.criteria.all(), prefix="criteria",
                             owner={"stage": stage}, scope=stage.criteria.all())
    if criteria.is_bound and _save(request, [criteria], [{"stage": stage}]):
        return redirect("editions:setup_stage", year=year, order=order)
    return _rows_page(request, {
        "edition": edition, "part": "stage", "stage": stage, "title": stage.label,
        "formsets": [("criteria", criteria)], "criterion_links": list(stage.criteria.prefetch_related("levels")),
        "help": _("The criteria's weights add up to 100; each has the range jurors score in and rubric levels.")})


@organiser_required
def setup_levels(request, year: int, order: int, code: str):
    edition = get_object_or_404(Edition, year=year)
    stage = get_object_or_404(Stage, edition=edition, order=order)
    criterion = get_object_or_404(stage.criteria, code=code)
    levels = LevelRows(_posted(request, "levels"), queryset=criterion.levels.all(), prefix="levels",
                       owner={"criterion": criterion})
    if levels.is_bound and _save(request, [levels], [{"criterion": criterion}]):
        return redirect(request.path)
    return _rows_page(request, {
        "edition": edition, "part": "levels", "stage": stage, "criterion": criterion,
        "title": f"{criterion.name} · {stage.label}", "formsets": [("levels", levels)],
        "help": _("Bands of the range %(low)s–%(high)s, each with what a juror should see to give it.")
        % {"low": criterion.min_score, "high": criterion.max_score}})


@organiser_required
@require_POST
def apply_preset(request, year: int):
    """Set a group's form from a form or evidence preset, or the edition's stages from a criteria preset."""
    edition = get_object_or_404(Edition, year=year)
    key = request.POST.get("preset", "")
    preset = presets.PRESETS.get(key)
    if preset is None:
        messages.error(request, _("Choose a preset."))
        return redirect("editions:setup", year=year)
    if preset.kind == "criteria":
        target = reverse("editions:setup_stages", args=[year])
    else:
        group = get_object_or_404(EntryGroup, pk=int_or_none(request.POST.get("group"), minimum=1) or 0,
                                  edition=edition)
        target = reverse("editions:setup_form", args=[year, group.pk])
    try:
        if preset.kind == "criteria":
            presets.apply_criteria(edition, key, by=request.user)
        else:
            presets.apply_form(group, key, by=request.user)
    except edition_setup.RuleChangeRefused as refused:
        for reason in refused.reasons:
            messages.error(request, reason)
        return redirect(target)
    messages.success(request, _("“%(preset)s” applied. Source: %(source)s") % {"preset": preset.title,
                                                                              "source": preset.source})
    return redirect(target)


@organiser_required
@require_POST
def take_shared_sections(request, year: int, group: int):
    edition = get_object_or_404(Edition, year=year)
    chosen = get_object_or_404(EntryGroup, pk=group, edition=edition)
    try:
        moved = edition_setup.take_shared_sections(chosen, by=request.user)
    except edition_setup.RuleChangeRefused as refused:
        for reason in refused.reasons:
            messages.error(request, reason)
    else:
        messages.success(request, _("%(n)s sections now belong to group “%(group)s” only.")
                         % {"n": moved, "group": chosen.name})
    return redirect("editions:setup_form", year=year, group=chosen.pk)


@organiser_required
@require_POST
def new_edition(request):
    form = NewEditionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("editions:organiser_dashboard")
    data = form.cleaned_data
    try:
        edition = presets.new_edition(data["year"], data["title"], data["host"], data["form_preset"],
                                      data["criteria_preset"], by=request.user)
    except CopyRefused as exc:
        messages.error(request, str(exc))
        return redirect("editions:organiser_dashboard")
    messages.success(request, _("The %(year)s edition is made as a draft from the presets: set its schedule before "
                                "opening it.") % {"year": edition.year})
    return redirect("editions:setup", year=edition.year)
