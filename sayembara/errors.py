"""The base of every refused domain action.

Services raise a subclass (``EntryError``, ``JuryError``, ``MembershipError`` ...)
carrying a message already in the user's language; views catch ``DomainError``
subclasses only, so a programming error is never shown as a user message.
"""


class DomainError(Exception):
    """A refused action, with a message for the user."""



class Frozen(DomainError):
    """A change to something a final, published result rests on. Only a numbered correction (ralat) may change it.

    Raised by the domain layer itself (model saves and deletes), so the admin and the shell are refused too;
    ``sayembara.middleware.DomainErrorMiddleware`` turns it into a page that says why.
    """
