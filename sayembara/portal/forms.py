from django import forms
from django.utils.translation import gettext_lazy as _

from sayembara.editions.models import Edition


class CopyEditionForm(forms.Form):
    source = forms.ModelChoiceField(label=_("Copy the rules of"), queryset=Edition.objects.order_by("-year"),
                                    to_field_name="year", empty_label=None)
    year = forms.IntegerField(label=_("Year of the new edition"), min_value=2000, max_value=2200)
