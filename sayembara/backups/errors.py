from sayembara.errors import DomainError


class BackupError(DomainError):
    """A backup or restore that cannot go on, with a message for the operator (in English, like the commands)."""
