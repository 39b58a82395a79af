"""The registry's refusals."""

from sayembara.errors import DomainError


class RegistryError(DomainError):
    """A refused registry action, with a message in the user's language."""
