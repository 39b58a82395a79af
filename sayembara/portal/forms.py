from django import forms
from django.forms import modelformset_factory
from django.utils.translation import gettext_lazy as _

from sayembara.editions.models import Category, Criterion, Edition, EntryGroup, Phase, ProposalSection, RubricLevel, Stage
from sayembara.entries.models import EntrySettings, EvidenceSlot
from sayembara.institutions.models import InstitutionType

from sayembara.widgets import DateTimeLocalInput

from . import presets


class CopyEditionForm(forms.Form):
    source = forms.ModelChoiceField(label=_("Copy the rules of"), queryset=Edition.objects.order_by("-year"),
                                    to_field_name="year", empty_label=None)
    year = forms.IntegerField(label=_("Year of the new edition"), min_value=2000, max_value=2200)


# --- The guided editor of an edition's rules (edition_setup) -------------------------------------------------------

class EditionForm(forms.ModelForm):
    class Meta:
        model = Edition
        fields = ["title", "host", "theme", "venue", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class EntryRulesForm(forms.ModelForm):
    """Who may enter and what is asked of applications: the SPBE questions one per line."""

    questions = forms.CharField(label=_("E-government (SPBE) questions, one per line"), required=False,
                                widget=forms.Textarea(attrs={"rows": 5}),
                                help_text=_("Asked when the innovation is an application."))

    class Meta:
        model = EntrySettings
        fields = ["min_years_in_operation", "past_winner_rule", "past_winner_editions", "duplicate_threshold"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["questions"].initial = "\n".join(self.instance.spbe_questions or [])
        self.fields["min_years_in_operation"].min_value = 0
        self.fields["duplicate_threshold"].min_value = 0
        self.fields["duplicate_threshold"].max_value = 1

    def clean_min_years_in_operation(self):
        value = self.cleaned_data["min_years_in_operation"]
        if value < 0 or value > 50:
            raise forms.ValidationError(_("Give a number of years between 0 and 50."))
        return value

    def clean_duplicate_threshold(self):
        value = self.cleaned_data["duplicate_threshold"]
        if not 0 <= value <= 1:
            raise forms.ValidationError(_("Give a number between 0 and 1."))
        return value

    def clean_questions(self):
        lines = [" ".join(line.split()) for line in self.cleaned_data["questions"].splitlines()]
        lines = [line[:300] for line in lines if line]
        if len(lines) > 20:
            raise forms.ValidationError(_("At most 20 questions."))
        return lines

    def save(self, commit=True):
        self.instance.spbe_questions = self.cleaned_data["questions"]
        return super().save(commit)


class BaseRows(forms.BaseModelFormSet):
    """Rows of one part of an edition's rules. ``owner`` is set on new rows before they are checked (their edition,
    group or stage); ``unique`` names the fields no two rows of ``scope`` may share (the database's unique
    constraints, said in words before they are hit)."""

    unique: tuple[str, ...] = ()

    def __init__(self, *args, owner=None, scope=None, **kwargs):
        self.owner = owner or {}
        self.scope = scope
        super().__init__(*args, **kwargs)

    def _construct_form(self, i, **kwargs):
        if i >= self.initial_form_count():  # a blank row: its choices (stages, groups) are its edition's
            kwargs.setdefault("instance", self.model(**self.owner))
        form = super()._construct_form(i, **kwargs)
        # Every row offers the same choices (stages, groups, unit types): read them once, not once per row.
        cache = self.__dict__.setdefault("_choices", {})
        for name in getattr(form, "shared_choices", ()):
            field = form.fields[name]
            if name not in cache:
                cache[name] = list(field.choices)
            field.choices = cache[name]
            field.widget.choices = cache[name]
        return form

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [f for f in self.forms if f.has_changed() or f.instance.pk]
        kept = [f for f in kept if not (self.can_delete and self._should_delete_form(f))]
        mine = {f.instance.pk for f in self.forms if f.instance.pk}
        for name in self.unique:
            label = self.model._meta.get_field(name).verbose_name
            values = [f.cleaned_data.get(name) for f in kept if f.cleaned_data.get(name) not in (None, "")]
            outside = set()
            if self.scope is not None:
                outside = set(self.scope.exclude(pk__in=mine).values_list(name, flat=True))
            seen = set()
            for value in values:
                if value in seen or value in outside:
                    raise forms.ValidationError(
                        _("Two rows have the same %(field)s “%(value)s”: each must be different.")
                        % {"field": label, "value": value})
                seen.add(value)


def rows(model, fields, *, unique=(), widgets=None, extra=2, base=BaseRows, form=forms.ModelForm):
    formset = modelformset_factory(model, form=form, formset=base, fields=fields, extra=extra, can_delete=True,
                                   widgets=widgets or {})
    formset.unique = unique
    return formset


class PhaseForm(forms.ModelForm):
    shared_choices = ("stage",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        edition_id = self.instance.edition_id
        self.fields["stage"].queryset = Stage.objects.filter(edition_id=edition_id)
        self.fields["stage"].label_from_instance = lambda stage: stage.name

    def clean(self):
        data = super().clean()
        for name in ("starts_at", "ends_at"):
            if data.get(name) and not 2000 <= data[name].year <= 2200:
                self.add_error(name, _("Give a date between the years 2000 and 2200."))  # drops it from data
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] < data["starts_at"]:
            raise forms.ValidationError(_("It ends before it starts."))
        return data


class CategoryForm(forms.ModelForm):
    shared_choices = ("group", "institution_types")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = EntryGroup.objects.filter(edition_id=self.instance.edition_id)
        self.fields["institution_types"].queryset = InstitutionType.objects.filter(participates=True)
        self.fields["institution_types"].widget = forms.CheckboxSelectMultiple()


class StageForm(forms.ModelForm):
    def clean(self):
        data = super().clean()
        rule, value = data.get("advancement"), data.get("advancement_value")
        if rule and rule != Stage.Advancement.ALL and (value is None or value <= 0):
            self.add_error("advancement_value", _("Give the number (N) or the pass mark, above zero."))
        return data


class RangeForm(forms.ModelForm):
    def clean(self):
        data = super().clean()
        if data.get("min_score") is not None and data.get("max_score") is not None \
                and data["max_score"] <= data["min_score"]:
            raise forms.ValidationError(_("The highest score must be above the lowest."))
        return data


class LevelForm(forms.ModelForm):
    def clean(self):
        data = super().clean()
        if data.get("min_score") is not None and data.get("max_score") is not None \
                and data["max_score"] < data["min_score"]:
            raise forms.ValidationError(_("The level ends below where it starts."))
        return data


SMALL = {"rows": 2}
PhaseRows = rows(Phase, ["kind", "name", "starts_at", "ends_at", "stage"], form=PhaseForm,
                 widgets={"starts_at": DateTimeLocalInput(), "ends_at": DateTimeLocalInput()})
GroupRows = rows(EntryGroup, ["order", "name", "description"], unique=("name",), extra=2,
                 widgets={"description": forms.Textarea(attrs=SMALL)})
CategoryRows = rows(Category, ["order", "name", "group", "institution_types", "quota_per_institution"],
                    unique=("name",), extra=1, form=CategoryForm)
SectionRows = rows(ProposalSection, ["order", "code", "title", "word_limit", "required", "guidance"],
                   unique=("code",), widgets={"guidance": forms.Textarea(attrs=SMALL)})
SlotRows = rows(EvidenceSlot, ["order", "code", "name", "required", "accepts", "guidance"], unique=("code",),
                widgets={"guidance": forms.Textarea(attrs=SMALL)})
StageRows = rows(Stage, ["order", "kind", "name", "weight", "advancement", "advancement_value", "blind"],
                 unique=("order", "kind"), extra=1, form=StageForm)
CriterionRows = rows(Criterion, ["order", "code", "name", "weight", "min_score", "max_score", "description"],
                     unique=("code",), form=RangeForm, widgets={"description": forms.Textarea(attrs=SMALL)})
LevelRows = rows(RubricLevel, ["min_score", "max_score", "label", "description"], form=LevelForm,
                 widgets={"description": forms.Textarea(attrs=SMALL)})


class PresetForm(forms.Form):
    preset = forms.ChoiceField(label=_("Preset"))

    def __init__(self, *args, kinds=("form", "evidence"), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preset"].choices = [(p.key, p.title) for p in presets.PRESETS.values() if p.kind in kinds]


class NewEditionForm(forms.Form):
    year = forms.IntegerField(label=_("Year of the new edition"), min_value=2000, max_value=2200)
    title = forms.CharField(label=_("Title"), max_length=200, initial="Kompetisi Inovasi Pelayanan Publik")
    host = forms.CharField(label=_("Host"), max_length=200)
    form_preset = forms.ChoiceField(label=_("Proposal form"),
                                    choices=[(p.key, p.title) for p in presets.of_kind("form")])
    criteria_preset = forms.ChoiceField(label=_("Stages and criteria"),
                                        choices=[(p.key, p.title) for p in presets.of_kind("criteria")])
