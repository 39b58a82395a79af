"""Changes to an edition's rules from the guided editor, refused when they would change what people already relied on.

Each row the organiser edits (a phase, a category, a group, a section, an evidence slot, a stage, a criterion, a
rubric level) goes through ``save_rows``: the guards below read the row as stored and as edited and say, in words,
why a change cannot be made. Removing a section once entries were sent with answers in it, or changing a criterion's
range once jurors have scored on it, would silently change a contest under way; the change is refused with the
reason instead. Every accepted change is written to the audit trail with who made it (the models are tracked).
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils.translation import gettext as _

from sayembara.audit.trail import acting_as, record
from sayembara.editions.models import Category, Criterion, Edition, EntryGroup, Phase, ProposalSection, RubricLevel, Stage
from sayembara.entries.models import Entry, EntrySettings, EvidenceSlot, ProposalAnswer
from sayembara.errors import DomainError
from sayembara.jury.models import Assignment, ScoreSheet


class RuleChangeRefused(DomainError):
    """One or more changes to an edition's rules cannot be made; ``reasons`` says why, each in words."""

    def __init__(self, reasons: list[str]):
        super().__init__(" ".join(str(r) for r in reasons))
        self.reasons = reasons


def sent_entries_of_group(group: EntryGroup | None, edition: Edition | None = None) -> int:
    """How many entries were sent on the form of ``group`` (``None``: the shared form, every group's entries)."""
    entries = Entry.objects.submitted()
    if group is None:
        return entries.filter(edition=edition).count()
    return entries.filter(category__group=group).count()


def scoring_started(edition: Edition) -> bool:
    return ScoreSheet.objects.filter(stage__edition=edition).exists()


def stage_in_use(stage_id: int | None) -> bool:
    """A stage jurors or entries already rely on: opened or closed, with assignments, sheets, or entries in it."""
    if stage_id is None:
        return False
    return (Stage.objects.filter(pk=stage_id).exclude(status=Stage.Status.PLANNED).exists()
            or ScoreSheet.objects.filter(stage_id=stage_id).exists()
            or Assignment.objects.filter(stage_id=stage_id).exists()
            or Entry.objects.filter(reached_stage_id=stage_id).exists())


def judging_started(edition: Edition) -> bool:
    """Any stage of ``edition`` in use, or the edition past taking entries."""
    if edition.status not in (Edition.Status.DRAFT, Edition.Status.OPEN):
        return True
    return any(stage_in_use(pk) for pk in edition.stages.values_list("pk", flat=True))




def _words(text: str) -> int:
    return len(text.split())


# --- The guards: (stored row or None, edited row, changed fields, deleting) -> reasons -----------------------------


def _section(before, after, changed, deleting) -> list[str]:
    if before is None:
        if after.required and sent_entries_of_group(after.group, after.edition):
            return [_("A new required section “%(section)s” cannot be added: entries were sent without being asked "
                      "for it. Add it as optional.") % {"section": after.title}]
        return []
    answered = ProposalAnswer.objects.filter(section=before, entry__in=Entry.objects.submitted()).exclude(text="")
    reasons = []
    if deleting or "group" in changed:
        if answered.exists():
            reasons.append(_("Section “%(section)s” has answers in entries already sent: it can no longer be removed "
                             "or moved to another group.") % {"section": before.title})
        return reasons
    if "word_limit" in changed and after.word_limit < before.word_limit:
        longest = max((_words(text) for text in answered.values_list("text", flat=True)), default=0)
        if longest > after.word_limit:
            reasons.append(_("Section “%(section)s”: an entry already sent has %(words)s words there; the limit cannot "
                             "go below that.") % {"section": before.title, "words": longest})
    if "required" in changed and after.required and sent_entries_of_group(before.group, before.edition):
        reasons.append(_("Section “%(section)s” cannot become required: entries were sent without being asked for "
                         "it.") % {"section": before.title})
    return reasons


def _slot(before, after, changed, deleting) -> list[str]:
    if before is None:
        if after.required and sent_entries_of_group(after.group, after.edition):
            return [_("New required evidence “%(slot)s” cannot be added: entries were sent without it. Add it as "
                      "optional.") % {"slot": after.name}]
        return []
    if deleting or "group" in changed:
        if before.files.exists():
            return [_("Evidence “%(slot)s” already holds files: it can no longer be removed or moved.")
                    % {"slot": before.name}]
        return []
    if "required" in changed and after.required and sent_entries_of_group(before.group, before.edition):
        return [_("Evidence “%(slot)s” cannot become required: entries were sent without it.") % {"slot": before.name}]
    return []


def _category(before, after, changed, deleting) -> list[str]:
    if before is None:
        return []
    if deleting and before.entries.exists():
        return [_("Category “%(category)s” has entries: it cannot be removed.") % {"category": before.name}]
    if "group" in changed and before.entries.submitted().exists():
        return [_("Category “%(category)s” has entries sent on its group's form: its group cannot change.")
                % {"category": before.name}]
    if {"institution_types", "quota_per_institution"} & set(changed) and before.entries.submitted().exists():
        return [_("Category “%(category)s” has entries sent: who may enter it and how many can no longer change.")
                % {"category": before.name}]
    return []


def _group(before, after, changed, deleting) -> list[str]:
    if before is not None and deleting and before.categories.exists():
        return [_("Group “%(group)s” is used by a category: give the category another group first.")
                % {"group": before.name}]
    return []


SCORED_STAGE_FIELDS = {"kind", "weight", "advancement", "advancement_value", "blind", "order"}


def _stage(before, after, changed, deleting) -> list[str]:
    if before is None:
        if judging_started(after.edition):
            return [_("Judging has started: no stage can be added.")]
        return []
    if stage_in_use(before.pk) and (deleting or SCORED_STAGE_FIELDS & set(changed)):
        return [_("Stage “%(stage)s” is under way (opened, assigned or scored): its kind, weight, advancement and "
                  "blindness can no longer change, nor can it be removed.") % {"stage": before.name}]
    if (deleting or "weight" in changed) and judging_started(before.edition):
        return [_("Judging has started: the stages and their weights in the final score can no longer change.")]
    return []


def _criterion(before, after, changed, deleting) -> list[str]:
    stage_id = before.stage_id if before is not None else after.stage_id
    if not stage_in_use(stage_id):
        return []
    name = (before or after).name
    if before is None:
        return [_("The stage is under way: criterion “%(criterion)s” cannot be added.") % {"criterion": name}]
    if deleting or {"weight", "min_score", "max_score", "code"} & set(changed):
        return [_("Criterion “%(criterion)s” has been scored: its weight and range can no longer change, nor can it "
                  "be removed.") % {"criterion": name}]
    return []


def _level(before, after, changed, deleting) -> list[str]:
    criterion = (before or after).criterion
    if stage_in_use(criterion.stage_id):
        return [_("Jurors have scored criterion “%(criterion)s” against its rubric: its levels can no longer change.")
                % {"criterion": criterion.name}]
    return []


GUARDS = {ProposalSection: _section, EvidenceSlot: _slot, Category: _category, EntryGroup: _group, Stage: _stage,
          Criterion: _criterion, RubricLevel: _level, Phase: lambda *args: []}


def refusals(formset) -> list[str]:
    """Why the formset's changes cannot be made, in words (empty: they can)."""
    guard = GUARDS[formset.model]
    reasons = []
    deleted = {id(form) for form in formset.deleted_forms} if formset.can_delete else set()
    for form in formset.forms:
        deleting = id(form) in deleted
        stored = form.instance.pk is not None and not form.instance._state.adding
        if not deleting and not form.has_changed():
            continue
        if deleting and not stored:
            continue
        before = type(form.instance).objects.filter(pk=form.instance.pk).first() if stored else None
        reasons += guard(before, form.instance, form.changed_data, deleting)
    return reasons


def save_rows(formset, by=None, **owner) -> None:
    """Save a valid formset of an edition's rules, or refuse it whole with every reason. ``owner`` (edition=...,
    group=..., stage=...) is set on the rows the organiser added."""
    for form in formset.forms:
        if form.instance._state.adding:
            for name, value in owner.items():
                setattr(form.instance, name, value)
    reasons = refusals(formset)
    if reasons:
        raise RuleChangeRefused(reasons)
    try:
        with transaction.atomic(), acting_as(by, note="edition setup"):
            rows = formset.save(commit=False)
            for row in formset.deleted_objects:
                row.delete()
            for row in rows:
                row.save()
            _save_many_to_many(formset)
    except (ProtectedError, RestrictedError) as exc:
        raise RuleChangeRefused([_("A row you removed is still used (by answers, files, entries or another row): "
                                   "it cannot be removed. Nothing was saved.")]) from exc


def _save_many_to_many(formset) -> None:
    """The rows' many-to-many fields (a category's unit types), with an audit event each: the trail does not see
    them on its own."""
    for form in formset.forms:
        if not hasattr(form, "save_m2m") or (formset.can_delete and formset._should_delete_form(form)):
            continue
        names = [f.name for f in form.instance._meta.many_to_many if f.name in form.changed_data]
        before = {n: sorted(getattr(form.instance, n).values_list("pk", flat=True)) for n in names}
        form.save_m2m()
        after = {n: sorted(getattr(form.instance, n).values_list("pk", flat=True)) for n in names}
        changes = {n: [before[n], after[n]] for n in names if before[n] != after[n]}
        if changes:
            record(form.instance, "update", changes)


def take_shared_sections(group: EntryGroup, by=None) -> int:
    """Make the sections asked of every group this group's own (an edition with one form splitting into groups:
    the old form becomes, say, the Umum group's). Refused once entries were sent with answers in them, since the
    other groups' entries would lose sections they answered. Returns how many sections moved."""
    shared = ProposalSection.objects.filter(edition=group.edition, group=None)
    answered = ProposalAnswer.objects.filter(section__in=shared, entry__in=Entry.objects.submitted()).exclude(text="")
    if answered.exists():
        raise RuleChangeRefused([_("Entries were sent with answers in the shared sections: they can no longer move "
                                   "into one group.")])
    with transaction.atomic(), acting_as(by, note="edition setup"):
        moved = 0
        for section in shared:  # one save each, so the audit trail records every move
            section.group = group
            section.save(update_fields=["group"])
            moved += 1
    return moved


def save_entry_rules(form, edition: Edition, by=None) -> None:
    """Who may enter and the SPBE questions. Fixed once entries were sent: they were checked against these rules,
    and their SPBE answers are kept by the question's place in the list."""
    stored = EntrySettings.objects.filter(pk=form.instance.pk).first() if form.instance.pk else None
    changed = [name for name in form.changed_data if name != "questions"]
    if stored is None or form.cleaned_data["questions"] != list(stored.spbe_questions or []):
        changed.append("questions")
    if changed and sent_entries_of_group(None, edition):
        raise RuleChangeRefused([_("Entries were sent under these rules: they can no longer change.")])
    with transaction.atomic(), acting_as(by, note="edition setup"):
        rules = form.save(commit=False)
        rules.edition = edition
        rules.save()


def save_edition(form, by=None) -> None:
    """The edition's own fields (title, host, theme, venue ...): always open to change, audited."""
    with transaction.atomic(), acting_as(by, note="edition setup"):
        form.save()
