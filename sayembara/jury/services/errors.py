"""The jury's refusals: each carries a message for the user, already in their language."""

from __future__ import annotations

from sayembara.errors import DomainError

from ..models import ScoreSheet


class JuryError(DomainError):
    """A rule of the jury was broken; the message is for the user."""


class StaleSheet(JuryError):
    """The sheet changed since the form was opened, and the changes overlap."""

    def __init__(self, message: str, sheet: ScoreSheet, stored: dict[int, str]):
        super().__init__(message)
        self.sheet = sheet
        self.stored = stored


class BadSubmission(JuryError):
    """The live page's submission cannot be read; nothing was applied (HTTP 400)."""
