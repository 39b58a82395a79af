"""Innovations alike: TF-IDF over the index's stemmed words and over title characters, for duplicates and ideas."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Iterable

from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from sayembara.editions.models import Edition
from sayembara.entries.models import Entry, Innovation, ProposalAnswer

from ..models import RegistryRecord
from ..text import DESCRIPTIVE_SECTIONS, stems

# The fitted model, kept while the index does not change (one object: tests and refresh_records clear it).
_similarity_cache: dict = {}
# A regency's registry (hundreds of innovations) is fitted in a blink wherever it is needed. A national one (tens
# of thousands: 10 s and 200 MB) is fitted once by the worker (sayembara.registry.tasks.rebuild_similarity) and
# stored through the storage API; every web process loads that instead of fitting its own.
INLINE_FIT_MAX = 2000
MODEL_FILE = "registry/similarity-model.joblib"


def forget_similarity_model() -> None:
    """Drop the fitted model; the next comparison fits (or loads) it again on the rebuilt index."""
    _similarity_cache.clear()


def fitted_here(records: int) -> bool:
    """Whether a registry of this many records is fitted by whoever needs it (else by the worker)."""
    return records <= INLINE_FIT_MAX

def index_state() -> tuple:
    """Changes whenever the index does: the number of records and the latest refresh."""
    return (RegistryRecord.objects.count(),
            RegistryRecord.objects.order_by("-refreshed_at").values_list("refreshed_at", flat=True).first())


def _similarity_model(fit: bool = False):
    """The model for this index: fitted here for a small registry (or when ``fit``, in a job), else the stored one,
    which may be a rebuild behind the index for a moment (suggestions, not decisions, rest on it)."""
    state = index_state()
    cached = _similarity_cache.get("model")
    if cached and cached["state"] == state:
        return cached
    if fitted_here(state[0]) or fit:
        return _fit(state)
    stored_at = _stored_at()
    if cached and stored_at is not None and cached.get("stored_at") == stored_at:
        return cached
    return _load_stored(stored_at)


def _current_model_for_job():
    """For the worker: the stored model when it was fitted on the index as it stands (loading it takes about
    110 MB and a second at national scale; fitting again peaks near 500 MB), else a fresh fit."""
    state = index_state()
    cached = _similarity_cache.get("model")
    if cached and cached["state"] == state:
        return cached
    stored = _load_stored(_stored_at())
    if stored is not None and stored.get("state") == state:
        return stored
    return _fit(state)


def build_similarity_model() -> dict | None:
    """Fit the model on the whole index and store it for every process (the worker's job)."""
    import joblib

    model = _fit(index_state())
    if model is None:
        return None
    buffer = io.BytesIO()
    joblib.dump({k: v for k, v in model.items() if k != "stored_at"}, buffer, compress=3)
    if default_storage.exists(MODEL_FILE):
        default_storage.delete(MODEL_FILE)
    default_storage.save(MODEL_FILE, ContentFile(buffer.getvalue()))
    model["stored_at"] = _stored_at()
    return model


def _stored_at():
    """When the stored model was written (a process reloads it when this changes), or None when there is none."""
    if not default_storage.exists(MODEL_FILE):
        return None
    try:
        return default_storage.get_modified_time(MODEL_FILE)
    except NotImplementedError:
        # A storage that keeps no modification times (Django's API allows it): each process loads the model once.
        return "stored"


def _load_stored(stored_at):
    import joblib

    if stored_at is None:
        return None
    with default_storage.open(MODEL_FILE, "rb") as stored:
        model = joblib.load(stored)
    model["stored_at"] = stored_at
    _similarity_cache["model"] = model
    return model


def _fit(state: tuple):
    """TF-IDF over stemmed words (1–2-grams) and over characters of title and summary."""
    import numpy
    from sklearn.feature_extraction.text import TfidfVectorizer

    rows = list(
        RegistryRecord.objects.select_related("innovation").values_list(
            "innovation_id", "stemmed_text", "innovation__title", "innovation__summary"
        )
    )
    if not rows:
        return None
    ids = [r[0] for r in rows]
    word = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, dtype=numpy.float32)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, dtype=numpy.float32, lowercase=True)
    word_matrix = word.fit_transform([r[1] for r in rows])
    char_matrix = char.fit_transform([f"{r[2]} {r[3]}" for r in rows])
    model = {"state": state, "ids": ids, "word": word, "char": char, "word_matrix": word_matrix, "char_matrix": char_matrix}
    _similarity_cache["model"] = model
    return model


@dataclass
class Similar:
    innovation: Innovation
    score: float
    word_score: float
    char_score: float

    @property
    def percent(self) -> int:
        return round(self.score * 100)

    @property
    def likely_resubmission(self) -> bool:
        return self.char_score >= 0.8 or self.word_score >= 0.8


SIMILAR_CANDIDATES = 200
"""How many of the closest innovations are considered before the excluded and the non-public ones are left out."""


def similar_to_text(
    title: str, text: str, exclude: Iterable[int] = (), limit: int = 8, minimum: float = 0.15, public_only: bool = False
) -> list[Similar]:
    """The innovations most like a title and a text, best first (both TF-IDF cosines averaged)."""
    import numpy

    model = _similarity_model()
    if model is None or not (title or text).strip():
        return []
    word_vector = model["word"].transform([" ".join(stems(f"{title} {text}"))])
    char_vector = model["char"].transform([f"{title} {text[:600]}"])
    word_scores = (model["word_matrix"] @ word_vector.T).toarray().ravel()
    char_scores = (model["char_matrix"] @ char_vector.T).toarray().ravel()
    combined = 0.6 * word_scores + 0.4 * char_scores
    # The best few hundred, not all 35,000 sorted; and whether they are public asked of those only.
    best = min(len(combined), max(SIMILAR_CANDIDATES, limit))
    order = numpy.argpartition(-combined, best - 1)[:best]
    order = order[numpy.argsort(-combined[order])]
    excluded = set(exclude)
    candidates = [index for index in order if combined[index] >= minimum and model["ids"][index] not in excluded]
    if public_only:
        public = set(RegistryRecord.objects.filter(is_public=True, innovation_id__in=[model["ids"][i] for i in candidates])
                     .values_list("innovation_id", flat=True))
        candidates = [index for index in candidates if model["ids"][index] in public]
    picked = [(model["ids"][index], float(combined[index]), float(word_scores[index]), float(char_scores[index]))
              for index in candidates[:limit]]
    innovations = Innovation.objects.select_related("institution", "registry_record").in_bulk([p[0] for p in picked])
    return [Similar(innovations[i], s, w, c) for i, s, w, c in picked if i in innovations]


def similar_to_innovation(innovation: Innovation, limit: int = 8, public_only: bool = False) -> list[Similar]:
    record = RegistryRecord.objects.filter(innovation=innovation).first()
    text = innovation.summary
    answers = ProposalAnswer.objects.filter(entry__innovation=innovation, section__code__in=DESCRIPTIVE_SECTIONS).order_by(
        "-entry__edition__year"
    ).values_list("text", flat=True)[: len(DESCRIPTIVE_SECTIONS)]
    text = f"{text} {' '.join(answers)}" if answers else (record.stemmed_text if record else text)
    return similar_to_text(innovation.title, text, exclude=[innovation.pk], limit=limit, public_only=public_only)


DUPLICATES_CHUNK = 100


def possible_duplicates(edition: Edition, threshold: float = 0.45, per_entry: int = 3) -> list[dict]:
    """Entries of an edition whose innovation closely resembles another innovation (re-submission or replication).

    Uses the indexed vectors of the entries' own innovations, compared with every other innovation in
    chunks of sparse products, so a national edition (thousands of entries) is one pass.
    """
    import numpy

    model = _current_model_for_job()  # run by the worker (find_duplicates): it may fit a national model
    if model is None:
        return []
    position = {pk: i for i, pk in enumerate(model["ids"])}
    entries = [
        e for e in Entry.objects.filter(edition=edition).select_related("innovation", "institution").order_by("code")
        if e.innovation_id in position
    ]
    found: list[tuple[Entry, int, float, float, float]] = []
    word_t, char_t = model["word_matrix"].T, model["char_matrix"].T
    # 100 entries at a time against the whole registry: dense blocks of 100 x 35,000 scores (14 MB each), not
    # 500 x 35,000 (three of them made a national run peak near 1 GB).
    for start in range(0, len(entries), DUPLICATES_CHUNK):
        chunk = entries[start:start + DUPLICATES_CHUNK]
        rows = [position[e.innovation_id] for e in chunk]
        word = (model["word_matrix"][rows] @ word_t).toarray().astype(numpy.float32)
        char = (model["char_matrix"][rows] @ char_t).toarray().astype(numpy.float32)
        combined = word * 0.6
        combined += char * 0.4
        combined[numpy.arange(len(rows)), rows] = -1  # never the innovation itself
        candidates = numpy.argpartition(combined, -per_entry, axis=1)[:, -per_entry:]
        for i, entry in enumerate(chunk):
            for j in candidates[i]:
                if combined[i, j] >= threshold:
                    found.append((entry, model["ids"][j], float(combined[i, j]), float(word[i, j]), float(char[i, j])))
        del word, char, combined
    innovations = Innovation.objects.select_related("institution", "registry_record").in_bulk({f[1] for f in found})
    return [
        {"entry": entry, "match": Similar(innovations[pk], score, w, c)}
        for entry, pk, score, w, c in found if pk in innovations
    ]


# --- The duplicates of an edition, found by a job (sayembara.registry.tasks.find_duplicates) ----------------------
# Comparing a national edition with the whole registry takes minutes and a large model: the worker does it once
# and stores the pairs in the shared cache (Redis, or a folder without it), for as long as the index is unchanged.


def _duplicates_key(edition: Edition) -> str:
    count, refreshed = index_state()
    return f"registry:duplicates:{edition.pk}:{count}:{refreshed.isoformat() if refreshed else '-'}"


def store_duplicates(edition: Edition, rows: list[dict]) -> None:
    pairs = [(r["entry"].pk, r["match"].innovation.pk, r["match"].score, r["match"].word_score, r["match"].char_score)
             for r in rows]
    caches["shared"].set(_duplicates_key(edition), pairs, timeout=None)


def stored_duplicates(edition: Edition) -> list[dict] | None:
    """The stored duplicates of ``edition`` as :func:`possible_duplicates` gives them, or None if not found yet."""
    pairs = caches["shared"].get(_duplicates_key(edition))
    if pairs is None:
        return None
    entries = Entry.objects.select_related("institution").in_bulk({p[0] for p in pairs})
    innovations = Innovation.objects.select_related("institution", "registry_record").in_bulk({p[1] for p in pairs})
    return [
        {"entry": entries[e], "match": Similar(innovations[i], score, w, c)}
        for e, i, score, w, c in sorted(pairs, key=lambda p: (entries[p[0]].code if p[0] in entries else "", -p[2]))
        if e in entries and i in innovations
    ]
