"""Registry rules: keeping the search index fresh, searching, similarity, replication and follow-up.

One module per concept; every name other code uses is re-exported here, so callers write
``from sayembara.registry import services`` and ``services.search(...)``.
"""

from ..text import DESCRIPTIVE_SECTIONS
from .errors import RegistryError
from .follow_up import (
    answer_follow_up,
    follow_up_candidates,
    follow_up_summary,
    lapsed_innovations,
    send_follow_up_requests,
)
from .history import (
    innovation_history,
    owners_of,
    record_replication,
    replications_of,
    request_replication_help,
    user_units,
)
from .national import attach_iid_evidence, record_outcome, remove_iid_evidence, remove_outcome, save_iid_profile
from .index import TEXT_WEIGHT, TITLE_WEIGHT, UNIT_WEIGHT, _public_entry_q, flush_stale, mark_stale, refresh_records
from .search import SearchFilters, SearchResults, _rarest_first, filter_choices, public_innovations, search
from .similarity import (
    Similar,
    _similarity_cache,
    _similarity_model,
    build_similarity_model,
    forget_similarity_model,
    index_state,
    possible_duplicates,
    store_duplicates,
    stored_duplicates,
    similar_to_innovation,
    similar_to_text,
)

__all__ = [
    "DESCRIPTIVE_SECTIONS", "TEXT_WEIGHT", "TITLE_WEIGHT", "UNIT_WEIGHT",
    "RegistryError", "build_similarity_model", "index_state", "store_duplicates", "stored_duplicates",
    "refresh_records", "mark_stale", "flush_stale", "_public_entry_q",
    "SearchFilters", "SearchResults", "public_innovations", "search", "_rarest_first", "filter_choices",
    "Similar", "_similarity_cache", "_similarity_model", "forget_similarity_model", "similar_to_text",
    "similar_to_innovation", "possible_duplicates",
    "innovation_history", "replications_of", "owners_of", "user_units", "record_replication", "request_replication_help",
    "follow_up_candidates", "send_follow_up_requests", "answer_follow_up", "lapsed_innovations", "follow_up_summary",
    "save_iid_profile", "attach_iid_evidence", "remove_iid_evidence", "record_outcome", "remove_outcome",
]
