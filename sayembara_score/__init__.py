"""Numeric core of Sayembara: score aggregation, ranking, reliability, assignment.

Pure Python + numpy/scipy, deliberately free of Django so that the web app,
the ``sayembara-score`` CLI and background jobs share one implementation.
Start with :func:`rank`, :func:`sensitivity` and :func:`reliability_from_scores`;
see docs/cli.md for the rules they implement.
"""

from sayembara_score.aggregation import (
    METHODS,
    Notice,
    ScoreDataError,
    ScoreRow,
    WeightScheme,
    aggregate,
    build_sheets,
)
from sayembara_score.ranking import (
    DesignComponent,
    MonteCarloError,
    Ranking,
    Sensitivity,
    combine_stages,
    rank,
    sensitivity,
    tiebreak_ranks,
)
from sayembara_score.reliability import ReliabilityReport, reliability, reliability_from_scores

__all__ = [
    "METHODS",
    "DesignComponent",
    "MonteCarloError",
    "Notice",
    "Ranking",
    "ReliabilityReport",
    "ScoreDataError",
    "ScoreRow",
    "Sensitivity",
    "WeightScheme",
    "aggregate",
    "build_sheets",
    "combine_stages",
    "rank",
    "reliability",
    "reliability_from_scores",
    "sensitivity",
    "tiebreak_ranks",
]
