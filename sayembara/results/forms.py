from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sayembara.editions.models import Edition
from sayembara.entries.models import Entry
from sayembara.widgets import DateField
from sayembara_score.ranking import MAX_DRAWS

from . import numbering, sequence
from .models import Objection, ResultSettings


def tiebreak_choices(edition: Edition) -> list[tuple[str, str]]:
    """The keys a tie can be broken by: a stage's score, a criterion's score, or the jury's recorded vote."""
    choices = [("", "—")]
    stages = list(edition.stages.prefetch_related("criteria"))
    choices += [(f"stage:{s.kind}", _("Higher score in %(stage)s") % {"stage": s.name}) for s in stages]
    codes = {}
    for s in stages:
        for c in s.criteria.all():
            codes.setdefault(c.code, c.name)
    choices += [(f"criterion:{code}", _("Higher score on %(criterion)s") % {"criterion": name}) for code, name in codes.items()]
    choices.append(("jury_vote", _("The jury's vote, recorded by the organiser")))
    return choices


class ResultSettingsForm(forms.ModelForm):
    tiebreak_1 = forms.ChoiceField(label=_("First tie-break"), required=False)
    tiebreak_2 = forms.ChoiceField(label=_("Second tie-break"), required=False)
    tiebreak_3 = forms.ChoiceField(label=_("Third tie-break"), required=False)

    class Meta:
        model = ResultSettings
        fields = [
            "method", "bootstrap", "seed", "prize_count", "letterhead_title", "letterhead_subtitle",
            "letterhead_address", "city", "signatory_name", "signatory_title", "signatory_nip",
            "regent_title", "regent_name", "decree_legal_basis", "public_test_days",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One number pattern per kind of paper, empty for the default shown as placeholder.
        for kind, label in numbering.KINDS.items():
            self.fields[f"numbering_{kind}"] = forms.CharField(
                label=_("Number pattern: %(paper)s") % {"paper": label}, required=False, max_length=100,
                initial=(self.instance.numbering or {}).get(kind, ""),
                widget=forms.TextInput(attrs={"placeholder": numbering.DEFAULTS[kind]}))
        self.fields["public_test_days"].widget.attrs.update(min=1, max=30)
        self.fields["public_test_days"].validators.append(_between(1, 30))
        choices = tiebreak_choices(self.instance.edition)
        chain = list(self.instance.tiebreak_chain or [])
        for i in range(3):
            field = self.fields[f"tiebreak_{i + 1}"]
            field.choices = choices
            field.initial = chain[i] if i < len(chain) else ""
        self.fields["bootstrap"].widget.attrs.update(min=0, max=MAX_DRAWS, placeholder=_("automatic"))
        self.fields["bootstrap"].validators.append(_at_most(MAX_DRAWS))

    def clean(self):
        data = super().clean()
        chain = [data.get(f"tiebreak_{i}") for i in (1, 2, 3) if data.get(f"tiebreak_{i}")]
        if len(chain) != len(set(chain)):
            raise forms.ValidationError(_("Each tie-break may be used once."))
        data["tiebreak_chain"] = chain
        patterns = {}
        for kind in numbering.KINDS:
            pattern = (data.get(f"numbering_{kind}") or "").strip()
            if not pattern:
                continue
            try:
                numbering.check_pattern(pattern)
            except numbering.NumberingError as error:
                self.add_error(f"numbering_{kind}", str(error))
            patterns[kind] = pattern
        data["numbering"] = patterns
        return data

    def save(self, commit=True):
        self.instance.tiebreak_chain = self.cleaned_data["tiebreak_chain"]
        self.instance.numbering = self.cleaned_data["numbering"]
        return super().save(commit)


def _at_most(limit):
    def check(value):
        if value > limit:
            raise forms.ValidationError(_("At most %(limit)s simulations.") % {"limit": limit})

    return check


def _between(low, high):
    def check(value):
        if value is not None and not low <= value <= high:
            raise forms.ValidationError(_("From %(low)s to %(high)s days.") % {"low": low, "high": high})

    return check


class AwardForm(forms.Form):
    # The entry by its number: a select of every entry in each of the prize rows was 15 MB and 13 s at
    # national scale (36 rows x 5,000 options). The number is resolved in one query for the whole formset.
    entry = forms.CharField(max_length=30, label=_("Entry number"))
    title = forms.CharField(max_length=80, label=_("Award"))
    order = forms.IntegerField(min_value=1, max_value=99, label=_("Order"))

    def __init__(self, *args, entries=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.entries = entries if entries is not None else {}

    def clean_entry(self):
        code = self.cleaned_data["entry"].strip().upper()
        entry = self.entries.get(code)
        if entry is None:
            raise forms.ValidationError(gettext("No entry of this edition has the number “%(code)s”.") % {"code": code})
        return entry

    @property
    def entry_title(self) -> str:
        """The title beside the number, for the rows the page shows (initial or posted)."""
        code = (self["entry"].value() or "")
        entry = self.entries.get(str(code).strip().upper())
        return entry.title if entry is not None else ""


class AwardFormSetBase(forms.BaseFormSet):
    def __init__(self, *args, edition=None, **kwargs):
        # Only the numbers on this page are looked up: posted ones, or the initial proposal's.
        super().__init__(*args, **kwargs)
        codes = {str(form["entry"].value() or "").strip().upper() for form in self.forms} - {""}
        found = Entry.objects.filter(edition=edition, code__in=codes).select_related("category") if codes else []
        entries = {e.code.upper(): e for e in found}
        for form in self.forms:
            form.entries = entries


# absolute_max: a forged TOTAL_FORMS builds at most 200 forms (Django's default allows 1,200, each with every entry).
AwardFormSet = forms.formset_factory(AwardForm, formset=AwardFormSetBase, extra=0, can_delete=True, max_num=200,
                                     absolute_max=200)


class ProvisionalForm(forms.Form):
    number = forms.CharField(label=_("Announcement number"), max_length=120, required=False,
                             help_text=_("Leave empty to take the next number of the register."))
    days = forms.IntegerField(label=_("Days of the public test"), min_value=1,
                              max_value=sequence.MAX_PUBLIC_TEST_DAYS)
    reason = forms.CharField(label=_("What changed since the previous version, and why"), required=False,
                             max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(forms.Form):
    held_on = DateField(label=_("Date of the meeting"), input_formats=["%Y-%m-%d"])
    place = forms.CharField(label=_("Place of the meeting"), max_length=200)
    # Choices, not a queryset field: a forged id is refused by the form, never sent to the database.
    present = forms.MultipleChoiceField(label=_("Jurors present"), widget=forms.CheckboxSelectMultiple)
    minutes_number = forms.CharField(label=_("Number of the minutes (berita acara)"), max_length=120,
                                     required=False,
                                     help_text=_("Leave empty to take the next number of the register."))

    def __init__(self, *args, edition=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.jurors = {str(j.pk): j for j in edition.jurors.select_related("user").order_by("element", "user__full_name")}
        self.fields["present"].choices = [(pk, f"{j.user.full_name} ({j.get_element_display()})")
                                          for pk, j in self.jurors.items()]

    def clean_present(self):
        return [self.jurors[pk] for pk in self.cleaned_data["present"]]


class DecreeForm(forms.Form):
    decree_number = forms.CharField(label=_("Decree number"), max_length=120)
    decree_date = DateField(label=_("Decree date"), input_formats=["%Y-%m-%d"])


class ObjectionForm(forms.ModelForm):
    # The entry by its number, not a list of every entry: a national contest has thousands.
    entry_code = forms.CharField(label=_("Entry number concerned (optional)"), max_length=30, required=False)

    class Meta:
        model = Objection
        fields = ["name", "email", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5, "maxlength": 4000})}
        labels = {"text": _("Your response")}

    field_order = ["entry_code", "name", "email", "text"]

    def __init__(self, *args, edition=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition

    def clean_entry_code(self):
        code = self.cleaned_data["entry_code"].strip()
        if not code:
            return ""
        entry = Entry.objects.visible_to_public().filter(edition=self.edition, code__iexact=code).first()
        if entry is None:
            raise forms.ValidationError(gettext("No entry of this edition has the number “%(code)s”.") % {"code": code})
        self.instance.entry = entry
        return entry.code
