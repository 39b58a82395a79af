"""Registry rules: keeping the search index fresh, searching, similarity, replication and follow-up."""

from .search import *  # noqa: F401,F403
from .search import _public_entry_q, _rarest_first, _similarity_cache, _similarity_model  # noqa: F401
