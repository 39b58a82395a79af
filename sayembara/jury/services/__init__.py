"""The jury's business rules (being split into one module per concept)."""

from .scoring import *  # noqa: F401,F403
from .scoring import _solver_pool  # noqa: F401
