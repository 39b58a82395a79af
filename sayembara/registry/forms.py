from django import forms
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from sayembara.entries.models import Innovation
from sayembara.uploads import check_upload
from sayembara.widgets import DateInput

from .models import FollowUp


class ReplicationForm(forms.Form):
    ACTION_CHOICES = [
        ("replicated", _("We replicated this innovation")),
        ("help", _("We want to replicate it: ask the owners for help")),
    ]
    action = forms.ChoiceField(label=_("What do you want to record?"), choices=ACTION_CHOICES, widget=forms.RadioSelect)
    replica = forms.ModelChoiceField(
        label=_("Our innovation that replicates it"), queryset=Innovation.objects.none(), required=False,
        empty_label=_("— not registered yet —"),
    )
    new_title = forms.CharField(label=_("Or the name of our replication"), max_length=200, required=False)
    message = forms.CharField(
        label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}), required=False,
        help_text=_("What you changed (modifikasi), or what help you need from the owners."),
    )

    def __init__(self, *args, units=(), origin=None, **kwargs):
        super().__init__(*args, **kwargs)
        qs = Innovation.objects.filter(institution__in=[u.pk for u in units]).order_by("title")
        if origin is not None:
            qs = qs.exclude(pk=origin.pk)
        self.fields["replica"].queryset = qs

    def clean(self):
        data = super().clean()
        if data.get("action") == "replicated" and not data.get("replica") and not data.get("new_title", "").strip():
            raise forms.ValidationError(_("Choose your innovation that replicates it, or give the name of your replication."))
        if data.get("action") == "help" and not data.get("message", "").strip():
            self.add_error("message", _("Tell the owners what help you need."))
        return data


class FollowUpAnswerForm(forms.ModelForm):
    status = forms.ChoiceField(
        label=_("Status"), choices=[c for c in FollowUp.Status.choices if c[0] != FollowUp.Status.PENDING],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = FollowUp
        fields = ["status", "evidence", "evidence_file", "stopped_on"]
        widgets = {"evidence": forms.Textarea(attrs={"rows": 4}), "stopped_on": DateInput(),
                   "evidence_file": forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"})}
        help_texts = {"evidence_file": _("PDF, JPG or PNG.")}

    def clean_evidence_file(self):
        """A new file is checked by its content (PDF, JPG or PNG only) and stored cleaned, like entry evidence."""
        upload = self.cleaned_data.get("evidence_file")
        if not isinstance(upload, UploadedFile):
            return upload  # no new file: the one sent earlier (if any) stays
        clean = check_upload(upload)
        return ContentFile(clean.content, name=clean.named(upload.name))

    def clean(self):
        data = super().clean()
        if not (data.get("evidence") or "").strip() and not data.get("evidence_file"):
            self.add_error("evidence", _("Give some evidence: a text, a link or a file."))
        return data


class FollowUpRequestForm(forms.Form):
    year = forms.IntegerField(label=_("Follow-up year"), min_value=2000, max_value=2100)


class IidProfileForm(forms.ModelForm):
    class Meta:
        from .models import IidProfile

        model = IidProfile
        fields = ["initiator", "affair", "trial_on", "implemented_on", "design", "purpose", "benefit", "result"]
        widgets = {"trial_on": DateInput(), "implemented_on": DateInput(),
                   "design": forms.Textarea(attrs={"rows": 10, "data-word-limit": 100000}),
                   "purpose": forms.Textarea(attrs={"rows": 3}), "benefit": forms.Textarea(attrs={"rows": 3}),
                   "result": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        if data.get("trial_on") and data.get("implemented_on") and data["implemented_on"] < data["trial_on"]:
            raise forms.ValidationError(_("Implementation cannot start before the trial."))
        return data


class IidEvidenceForm(forms.Form):
    indicator = forms.ChoiceField(label=_("Indicator"))
    file = forms.FileField(label=_("File (PDF, JPG or PNG)"))

    def __init__(self, *args, **kwargs):
        from .iid import INDICATORS

        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [(i.code, f"{i.number}. {i.name}") for i in INDICATORS]


class OutcomeForm(forms.ModelForm):
    class Meta:
        from .models import NationalOutcome

        model = NationalOutcome
        fields = ["year", "level", "result", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2200:
            raise forms.ValidationError(_("Give a year such as 2024."))
        return year
