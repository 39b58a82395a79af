from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sayembara.editions.models import Category, Edition, ProposalSection
from sayembara.institutions.models import Institution
from sayembara.params import ModelMultipleChoiceField
from sayembara.widgets import DateField, DateTimeField

from .models import SDG, Entry, EntryDetails, Innovation
from .services import ProposalData, open_editions, settings_for, word_limit_errors


def categories_for(edition: Edition, institution) -> "forms.QuerySet":
    """The categories of ``edition`` open to the kind of ``institution`` (a village never sees the OPD/BUMD one)."""
    query = Category.objects.filter(edition=edition)
    if institution is not None:
        query = query.open_to(institution)
    return query.order_by("order", "name")


class NewEntryForm(forms.Form):
    edition = forms.ModelChoiceField(label=_("Edition"), queryset=Edition.objects.none(), empty_label=None)
    title = forms.CharField(label=_("Title of the innovation"), max_length=200)
    innovation = forms.ModelChoiceField(
        label=_("Entered before?"), queryset=Innovation.objects.none(), required=False,
        empty_label=_("No, this is a new innovation"),
        help_text=_("If your unit entered this innovation in an earlier year, choose it so its history stays together."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["edition"].queryset = open_editions()
        self.fields["innovation"].queryset = Innovation.objects.filter(institution_id=user.institution_id) if user else Innovation.objects.none()


class ProposalForm(forms.Form):
    """The proposal form of one edition: profile fields, the SPBE questions and the sections, as data."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    force = forms.BooleanField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(label=_("Title of the innovation"), max_length=200)
    category = forms.ModelChoiceField(label=_("Category"), queryset=Category.objects.none(), required=False)
    started_on = DateField(
        label=_("In operation since"), required=False,
        help_text=_("The date the innovation started serving people."),
    )
    maturity = forms.ChoiceField(label=_("Maturity"), choices=Innovation.Maturity.choices, widget=forms.RadioSelect)
    form = forms.ChoiceField(label=_("Form of the innovation"), choices=Innovation.Form.choices, widget=forms.RadioSelect)
    is_digital = forms.TypedChoiceField(
        label=_("Digital or non-digital"), choices=[("0", _("Non-digital")), ("1", _("Digital"))],
        coerce=lambda v: v == "1", widget=forms.RadioSelect,
    )
    sdgs = ModelMultipleChoiceField(
        label=_("Sustainable Development Goals (SDGs)"), queryset=SDG.objects.all(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    team = forms.CharField(
        label=_("Team members"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One person per line: name, role. You are listed as team lead."),
    )
    video_url = forms.URLField(label=_("Video link"), required=False, assume_scheme="https", help_text=_("YouTube or another public link, at most 3 minutes."))
    is_application = forms.TypedChoiceField(
        label=_("Is the innovation an application?"), choices=[("0", _("No")), ("1", _("Yes"))],
        coerce=lambda v: v == "1", widget=forms.RadioSelect,
    )

    def __init__(self, *args, entry: Entry, **kwargs):
        super().__init__(*args, **kwargs)
        self.entry = entry
        self.fields["category"].queryset = categories_for(entry.edition, entry.institution)
        self.fields["category"].error_messages["invalid_choice"] = _(
            "This category is not open to units of your kind (%(kind)s). Choose one of the categories in the list."
        ) % {"kind": entry.institution.type}
        self.spbe_questions = list(settings_for(entry.edition).spbe_questions or [])
        for index, question in enumerate(self.spbe_questions):
            self.fields[f"spbe_{index}"] = forms.CharField(
                label=question, required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
            )
        self.sections = list(ProposalSection.objects.for_entry(entry))
        for section in self.sections:
            self.fields[f"section_{section.code}"] = forms.CharField(
                label=section.title, required=False, help_text=section.guidance,
                widget=forms.Textarea(attrs={"rows": 6, "data-word-limit": section.word_limit, "data-section": section.code}),
            )

    @classmethod
    def initial_for(cls, entry: Entry) -> dict:
        details = EntryDetails.objects.filter(entry=entry).prefetch_related("sdgs").first()
        innovation = entry.innovation
        initial = {
            "version": entry.version, "title": entry.title, "category": entry.category_id,
            "started_on": innovation.started_on, "maturity": innovation.maturity, "form": innovation.form,
            "is_digital": "1" if innovation.is_digital else "0", "video_url": entry.video_url,
            "is_application": "1" if details and details.is_application else "0",
            "sdgs": list(details.sdgs.all()) if details else [],
            "team": "\n".join(f"{m.name}, {m.role}" if m.role else m.name for m in entry.team.filter(is_lead=False)),
        }
        for key, value in (details.spbe_answers if details else {}).items():
            initial[f"spbe_{key}"] = value
        for answer in entry.answers.select_related("section"):
            initial[f"section_{answer.section.code}"] = answer.text
        return initial

    def section_fields(self):
        """(section, bound field, warning) per section; the warning says when the text is over the word limit."""
        warnings = self.word_warnings()
        return [(section, self[f"section_{section.code}"], warnings.get(f"section_{section.code}", ""))
                for section in self.sections]

    def word_warnings(self) -> dict[str, str]:
        """{field name: message} for the sections over their word limit, in what the form holds now.

        The limit is a rule for sending, not for saving: an over-long text is saved like any other (so that
        nothing else of the form waits for it), and the innovator is warned next to the section.
        """
        texts = {s.code: self[f"section_{s.code}"].value() or "" for s in self.sections}
        return {f"section_{code}": message for code, message in word_limit_errors(self.sections, texts).items()}

    def spbe_fields(self):
        return [self[f"spbe_{i}"] for i in range(len(self.spbe_questions))]

    def clean_team(self):
        members = []
        for line in self.cleaned_data.get("team", "").splitlines():
            if not line.strip():
                continue
            name, _sep, role = line.partition(",")
            members.append((name.strip()[:150], role.strip()[:80]))
        return members

    def to_data(self) -> ProposalData:
        c = self.cleaned_data
        return ProposalData(
            title=c["title"].strip(), category=c.get("category"), started_on=c.get("started_on"),
            maturity=c["maturity"], form=c["form"], is_digital=c["is_digital"], is_application=c["is_application"],
            video_url=c.get("video_url", ""), sdgs=list(c.get("sdgs") or []), team=c.get("team", []),
            spbe_answers={str(i): c.get(f"spbe_{i}", "") for i in range(len(self.spbe_questions))},
            sections={s.code: c.get(f"section_{s.code}", "") for s in self.sections},
        )


class EvidenceForm(forms.Form):
    file = forms.FileField(label=_("File (PDF, JPG or PNG)"))


class VerifyForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), widget=forms.RadioSelect,
        choices=[("approve", _("Approve: send to the organiser")), ("return", _("Return to the innovator with notes"))],
    )
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ScreenForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), widget=forms.RadioSelect,
        choices=[("passed", _("Passed")), ("failed", _("Failed (give reasons)")), ("returned", _("Return for correction (once)"))],
    )
    notes = forms.CharField(label=_("Reasons or notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class SendForm(forms.Form):
    declaration = forms.BooleanField(
        label=_("I declare that the information in this entry is true. False information may lead to disqualification "
                "or the withdrawal of an award."),
        error_messages={"required": _("Tick the declaration to send the entry.")},
    )


class ExtensionForm(forms.Form):
    institution = forms.ModelChoiceField(label=_("Unit"), queryset=Institution.objects.filter(type__participates=True, active=True))
    until = DateTimeField(label=_("New deadline (WIB)"))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class PublishForm(forms.Form):
    number = forms.CharField(label=_("Announcement number"), max_length=120, required=False)
    reason = forms.CharField(label=_("Reason, if publishing before the deadline"), max_length=300, required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet (.xlsx)"))
