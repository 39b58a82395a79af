"""Starting a draft and saving the proposal form, with optimistic locking (a stale form is refused, not merged)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from sayembara.audit.trail import acting_as
from sayembara.editions.models import Edition, ProposalSection

from .. import rules
from ..deadlines import deadline_passed, format_deadline, submission_deadline
from ..models import Entry, EntryDetails, Innovation, ProposalAnswer, TeamMember
from .access import category_refusal, require_editable
from .errors import EntryError, StaleEntry
from .revisions import record_revision


def count_words(text: str) -> int:
    # The same rule as the counter in the page (entries/static/entries/proposal.js): runs of non-space.
    return len(text.split())


def next_code(edition: Edition) -> str:
    prefix = f"KIPP-{edition.year}-"
    last = Entry.objects.filter(code__startswith=prefix).aggregate(m=Max("code"))["m"]
    number = int(last.rsplit("-", 1)[1]) + 1 if last and last.rsplit("-", 1)[1].isdigit() else 1
    return f"{prefix}{number:03d}"


# --- Starting a draft ----------------------------------------------------------------------------------------


def create_entry(user, edition: Edition, title: str, category=None, innovation: Innovation | None = None) -> Entry:
    """Start a draft for the user's unit (a new innovation unless an earlier one of the unit is chosen)."""
    _refuse_unless_user_may_start(user, edition, category)
    for attempt in range(5):
        try:
            with transaction.atomic():
                # A new innovation is made inside each attempt: a failed attempt rolls its innovation back too.
                if innovation is None:
                    chosen = Innovation.objects.create(title=title, institution_id=user.institution_id)
                elif Entry.objects.filter(edition=edition, innovation=innovation).exists():
                    raise EntryError(_("This innovation already has an entry in this edition."))
                else:
                    chosen = innovation
                return _new_draft(user, edition, chosen, title, category)
        except IntegrityError:
            # Two people started an entry at the same moment and took the same number: take the next one.
            if attempt == 4:
                raise
    raise AssertionError("unreachable")


def _refuse_unless_user_may_start(user, edition: Edition, category) -> None:
    if edition.status != Edition.Status.OPEN:
        raise EntryError(_("This edition does not accept entries."))
    if not rules.can_start_entry(user):
        raise EntryError(_("You can start an entry once your unit has approved your membership."))
    if deadline_passed(edition, user.institution):
        raise EntryError(
            _("The deadline for sending entries passed on %(deadline)s.")
            % {"deadline": format_deadline(submission_deadline(edition, user.institution))}
        )
    if category is not None and (category.edition_id != edition.pk or category_refusal(category, user.institution)):
        raise EntryError(category_refusal(category, user.institution) or _("Choose a category of this edition."))


def _new_draft(user, edition: Edition, innovation: Innovation, title: str, category) -> Entry:
    """The entry with its details, the user as team lead and its first revision (inside the caller's transaction)."""
    entry = Entry.objects.create(
        edition=edition, innovation=innovation, institution_id=user.institution_id, category=category,
        title=title, code=next_code(edition), created_by=user,
    )
    EntryDetails.objects.create(entry=entry)
    TeamMember.objects.create(entry=entry, user=user, name=user.full_name or user.email, role=_("Team lead"),
                              is_lead=True)
    record_revision(entry, user)
    return entry


# --- Saving the proposal form --------------------------------------------------------------------------------


@dataclass
class ProposalData:
    """Everything the proposal form carries, already validated for types (word limits are checked at sending)."""

    title: str
    category: object = None
    started_on: dt.date | None = None
    maturity: str = Innovation.Maturity.IMPLEMENTATION
    form: str = Innovation.Form.PUBLIC_SERVICE
    is_digital: bool = False
    is_application: bool = False
    video_url: str = ""
    sdgs: list = field(default_factory=list)
    team: list[tuple[str, str]] = field(default_factory=list)
    spbe_answers: dict[str, str] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)


def word_limit_errors(sections, texts: dict[str, str]) -> dict[str, str]:
    """The sections (ProposalSection rows) whose text in ``texts`` ({code: text}) is over the word limit, as
    {code: message}. Checked when the entry is sent (see ``eligibility``); saving never waits for it."""
    errors = {}
    for section in sections:
        words = count_words(texts.get(section.code, "") or "")
        if words > section.word_limit:
            errors[section.code] = _("%(words)s words; the limit is %(limit)s. Shorten the text by %(over)s words.") % {
                "words": words, "limit": section.word_limit, "over": words - section.word_limit,
            }
    return errors


@transaction.atomic
def save_proposal(entry_id: int, user, version: int, data: ProposalData, force: bool = False) -> Entry:
    """Save the form. Refused with ``StaleEntry`` when someone saved since ``version`` was read (unless ``force``)."""
    entry = _lock_for_saving(entry_id, user, version, force)
    _refuse_foreign_category(entry, data.category)
    # Word limits are not checked here: they are a rule for sending (``eligibility``), and an over-long section
    # must not keep the rest of the form from being saved.
    with acting_as(user):
        _save_profile(entry, data)
        _save_details(entry, data)
        _save_team(entry, user, data.team)
        _save_answers(entry, data.sections)
        record_revision(entry, user)
    return entry


def _lock_for_saving(entry_id: int, user, version: int, force: bool) -> Entry:
    entry = Entry.objects.select_for_update(of=("self",)).select_related("edition", "innovation").get(pk=entry_id)
    require_editable(entry, user)
    if entry.version != version and not force:
        raise StaleEntry(
            _("This entry was saved elsewhere (another tab, device or team member) after you opened it. "
              "Your text is still in the form below and has not been saved: compare it with the saved version, "
              "then save again to replace it.")
        )
    return entry


def _refuse_foreign_category(entry: Entry, category) -> None:
    if category is None:
        return
    if category.edition_id != entry.edition_id:
        raise EntryError(_("Choose a category of this edition."))
    refusal = category_refusal(category, entry.institution)
    if refusal:
        raise EntryError(refusal)


def _save_profile(entry: Entry, data: ProposalData) -> None:
    """The innovation's fields and the entry's own; the entry's version moves on."""
    innovation = entry.innovation
    innovation.title = data.title
    innovation.started_on = data.started_on
    innovation.maturity = data.maturity
    innovation.form = data.form
    innovation.is_digital = data.is_digital
    innovation.save()
    entry.title = data.title
    entry.category = data.category
    entry.video_url = data.video_url
    entry.version += 1
    entry.save()


def _save_details(entry: Entry, data: ProposalData) -> None:
    details, _created = EntryDetails.objects.get_or_create(entry=entry)
    details.is_application = data.is_application
    details.spbe_answers = data.spbe_answers if data.is_application else {}
    details.save()
    details.sdgs.set(data.sdgs)


def _save_team(entry: Entry, user, team: list[tuple[str, str]]) -> None:
    current = [(m.name, m.role) for m in entry.team.filter(is_lead=False)]
    if current == team:
        return
    entry.team.filter(is_lead=False).delete()
    TeamMember.objects.bulk_create(TeamMember(entry=entry, name=name, role=role) for name, role in team)


def _save_answers(entry: Entry, texts: dict[str, str]) -> None:
    """The sections' texts ({code: text}); only changed answers are written, unknown codes are ignored."""
    sections = {s.code: s for s in ProposalSection.objects.for_entry(entry)}
    existing = {a.section_id: a for a in ProposalAnswer.objects.filter(entry=entry)}
    for code, text in texts.items():
        section = sections.get(code)
        if section is None:
            continue
        answer = existing.get(section.pk)
        if answer is None:
            ProposalAnswer.objects.create(entry=entry, section=section, text=text)
        elif answer.text != text:
            answer.text = text
            answer.save()
