"""The base of every refused domain action.

Services raise a subclass (``EntryError``, ``JuryError``, ``MembershipError`` ...)
carrying a message already in the user's language; views catch ``DomainError``
subclasses only, so a programming error is never shown as a user message.
"""


class DomainError(Exception):
    """A refused action, with a message for the user."""

