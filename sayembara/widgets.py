"""Date and time inputs that survive every language of the interface.

A browser's ``<input type="date">`` reads and writes ISO dates (2025-03-01)
only. Django's default ``DateInput`` renders a date in the active language's
first input format, "01-03-2025" in Indonesian: the browser shows an empty
field and the next save stores nothing. Every date (and date-time) field of
the site uses these widgets and fields instead, so what is rendered is what
the browser understands and what comes back parses in any language.
"""

from __future__ import annotations

from django import forms

ISO_DATE = "%Y-%m-%d"
ISO_DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class DateInput(forms.DateInput):
    """``<input type="date">`` with its value always in ISO form, whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None, format=None):  # noqa: A002 - Django's name
        super().__init__(attrs=attrs, format=format or ISO_DATE)


class DateTimeLocalInput(forms.DateTimeInput):
    """``<input type="datetime-local">`` with its value always as ``yyyy-mm-ddThh:mm``."""

    input_type = "datetime-local"

    def __init__(self, attrs=None, format=None):  # noqa: A002 - Django's name
        super().__init__(attrs=attrs, format=format or ISO_DATETIME_LOCAL)


class DateField(forms.DateField):
    """A date field on :class:`DateInput`. It reads ISO dates (what the browser sends) in every language, and the
    language's own forms too (Django adds the ISO formats to each language's input formats)."""

    widget = DateInput


class DateTimeField(forms.DateTimeField):
    """A date-time field on :class:`DateTimeLocalInput`, reading what the browser sends first."""

    widget = DateTimeLocalInput

    def __init__(self, *, input_formats=None, **kwargs):
        super().__init__(input_formats=input_formats or [ISO_DATETIME_LOCAL, "%Y-%m-%d %H:%M"], **kwargs)
