"""The rules of entering, by concept (see each module); callers import the names from here."""

from .flow import *  # noqa: F401,F403  (split by concept in the next step)
