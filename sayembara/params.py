"""Reading numbers and choices from query strings, forms and JSON bodies without trusting them.

A parameter a person can type is never passed to the database unchecked: a
word where a number belongs, or a number larger than the database holds,
is answered with "not found" or a message, never a server error.
"""

from __future__ import annotations

import re

from django import forms
from django.db import models

# The widest integer every supported database stores (SQLite and PostgreSQL bigint).
DB_INT_MIN, DB_INT_MAX = -(2**63), 2**63 - 1
# A plain whole number as people type it: optional sign, ASCII digits only (no "1_000", no other scripts).
_INTEGER = re.compile(r"[+-]?[0-9]{1,19}")


def int_or_none(value, minimum: int = DB_INT_MIN, maximum: int = DB_INT_MAX) -> int | None:
    """The whole number in ``value`` when it is one and lies in [minimum, maximum]; otherwise None.

    Accepts an int (not a bool) or a string of ASCII digits with an optional sign and
    surrounding spaces. Anything else (words, decimals, lists, NUL, 20-digit numbers) is None.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and _INTEGER.fullmatch(value.strip()):
        number = int(value.strip())
    else:
        return None
    return number if minimum <= number <= maximum else None


def pk_or_none(value) -> int | None:
    """A primary key (a positive whole number the database can hold), or None."""
    return int_or_none(value, minimum=1)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, but a key too large for the database is an invalid choice, not a crash.

    Django checks each chosen key with ``pk=...`` (which tolerates overflow) and then
    fetches them with ``pk__in=...``, which SQLite refuses with OverflowError for
    numbers above 2**63.
    """

    def _check_values(self, value):
        pk_field = self.queryset.model._meta.pk if not self.to_field_name else None
        if isinstance(pk_field, models.IntegerField):
            try:
                chosen = frozenset(value)
            except TypeError:
                return super()._check_values(value)
            for pk in chosen:
                try:
                    number = int(str(pk).strip())
                except ValueError:
                    continue  # not a number at all: Django refuses it with the same message
                if not DB_INT_MIN <= number <= DB_INT_MAX:
                    raise forms.ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                    )
        return super()._check_values(value)
