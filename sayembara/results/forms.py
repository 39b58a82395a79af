from django import forms
from django.utils.translation import gettext_lazy as _

from sayembara.editions.models import Edition
from sayembara_score.ranking import MAX_DRAWS

from . import numbering
from .models import ResultSettings


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
