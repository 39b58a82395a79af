from django import forms


class ContactForm(forms.Form):
    """A unit's contact address, set from the coverage list so the unit can be invited (empty clears it)."""

    contact_email = forms.EmailField(required=False)
