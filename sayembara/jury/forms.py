import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sayembara.editions.models import Category
from sayembara.institutions.models import Institution
from sayembara.params import ModelMultipleChoiceField
from sayembara.widgets import DateTimeField

from .models import Conflict, Juror, StageJury


class InviteForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"))
    element = forms.ChoiceField(label=_("Element"), choices=Juror.Element.choices)
    affiliation = forms.ModelChoiceField(label=_("Affiliation"), queryset=Institution.objects.all(), required=False)
    max_load = forms.IntegerField(label=_("Maximum entries"), min_value=0, required=False)
    expertise = ModelMultipleChoiceField(
        label=_("Expertise (categories)"), queryset=Category.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, edition=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expertise"].queryset = Category.objects.filter(edition=edition)


class AssignForm(forms.Form):
    mode = forms.ChoiceField(label=_("Mode"), choices=StageJury.Mode.choices, initial=StageJury.Mode.AUTOMATIC)
    per_entry = forms.IntegerField(label=_("Jurors per entry (K)"), min_value=1, max_value=20, initial=3)
    relax_elements = forms.BooleanField(
        label=_("Relax: do not require one academic, one NGO member and one bureaucrat per entry"), required=False
    )
    relax_max_load = forms.BooleanField(label=_("Relax: allow jurors above their maximum load"), required=False)
    seed = forms.IntegerField(label=_("Random seed (tie-breaking)"), min_value=0, required=False)

    def relax(self) -> frozenset[str]:
        chosen = set()
        if self.cleaned_data.get("relax_elements"):
            chosen.add("elements")
        if self.cleaned_data.get("relax_max_load"):
            chosen.add("max_load")
        return frozenset(chosen)


class ConflictDeclarationForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of conflict"),
        choices=[(k, label) for k, label in Conflict.Kind.choices if k != Conflict.Kind.TEAM],
    )
    note = forms.CharField(label=_("Explanation (optional)"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class RecordConflictForm(ConflictDeclarationForm):
    juror = forms.ModelChoiceField(label=_("Juror"), queryset=Juror.objects.none())
    entry_code = forms.CharField(label=_("Entry number"), max_length=30)

    def __init__(self, *args, edition=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["juror"].queryset = Juror.objects.filter(edition=edition).select_related("user")
        self.fields["kind"].choices = Conflict.Kind.choices
        self.edition = edition

    def clean_entry_code(self):
        from sayembara.entries.models import Entry

        code = self.cleaned_data["entry_code"].strip()
        entry = Entry.objects.filter(edition=self.edition, code__iexact=code).first()
        if entry is None:
            raise forms.ValidationError(_("No entry of this edition has the number “%(code)s”.") % {"code": code})
        self.entry = entry
        return code


class ScheduleForm(forms.Form):
    rooms = forms.CharField(label=_("Rooms (one per line)"), widget=forms.Textarea(attrs={"rows": 3}), initial="Ruang 1")
    starts_at = DateTimeField(label=_("First slot starts at"))
    presentation_minutes = forms.IntegerField(label=_("Presentation (minutes)"), min_value=1, max_value=240, initial=10)
    questions_minutes = forms.IntegerField(label=_("Questions (minutes)"), min_value=0, max_value=240, initial=20)
    break_minutes = forms.IntegerField(label=_("Change-over between slots (minutes)"), min_value=0, max_value=120, initial=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        tomorrow = timezone.localtime() + dt.timedelta(days=1)
        self.fields["starts_at"].initial = tomorrow.replace(hour=8, minute=0, second=0, microsecond=0).strftime("%Y-%m-%dT%H:%M")


class ReopenForm(forms.Form):
    reason = forms.CharField(label=_("Reason for reopening"), widget=forms.Textarea(attrs={"rows": 3}))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet (.xlsx)"))


class SetPasswordForm(forms.Form):
    password1 = forms.CharField(label=_("Choose a password"), widget=forms.PasswordInput, min_length=10)
    password2 = forms.CharField(label=_("Repeat the password"), widget=forms.PasswordInput)

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            raise forms.ValidationError(_("The two passwords differ."))
        return data
