"""The refusals of the entries services. Views turn them into a message in the user's language."""

from __future__ import annotations

from sayembara.errors import DomainError


class EntryError(DomainError):
    """A refused action, with a message for the user."""


class StaleEntry(EntryError):
    """The entry changed since the form was opened (another tab or person saved first)."""


class AlreadyDone(EntryError):
    """The same action arrived twice (a double click); nothing more to do."""
