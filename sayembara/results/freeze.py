"""Final means final: once an edition's results are published, nothing they rest on changes.

The guard sits in the domain layer, on the models' own saves and deletes, so a view, the admin and the shell
are refused alike. Stages and criteria, the decision (with its attendance) and decree, assignments, sheets and scores, conflicts, jury votes, awards, the
result settings and the screening status of entries are covered. (A stored ranking is derived data: computing
it again from frozen inputs gives the same numbers, so papers may; the ranking desk refuses it all the same.) A genuine correction is a
numbered ralat (``results.sequence.open_correction``): while it is open the organiser may change them, each
change audited; its publication freezes the corrected result again under its own fingerprint.

Bulk ``QuerySet.update()`` calls bypass model saves; the app uses none on these models after publication.
"""

from __future__ import annotations

from functools import lru_cache

from django.db.models.signals import m2m_changed, pre_delete, pre_save
from django.utils.translation import gettext as _

from sayembara.errors import Frozen

# Model → (how to find its edition, the fields whose change matters; None: any change).
GUARDED = {
    "editions.Stage": ("edition_id", ("weight", "advancement", "advancement_value", "blind", "status", "order", "kind")),
    "editions.Criterion": ("stage__edition_id", ("weight", "min_score", "max_score", "code", "order")),
    "jury.Assignment": ("stage__edition_id", None),
    "jury.ScoreSheet": ("stage__edition_id", ("status", "juror_id", "entry_id", "stage_id")),
    "jury.Score": ("sheet__stage__edition_id", ("value", "criterion_id", "sheet_id")),
    "jury.Conflict": ("juror__edition_id", None),
    "results.Award": ("edition_id", None),
    "results.JuryVote": ("edition_id", None),
    "results.Decision": ("edition_id", None),
    "results.ResultSettings": ("edition_id", ("method", "bootstrap", "seed", "prize_count", "tiebreak_chain", "locked_at")),
    "entries.Entry": ("edition_id", ("status", "category_id", "reached_stage_id")),
}
# A new entry in a published edition has no scores and changes no result (a late draft, an import for the record).
CREATES_ALLOWED = {"entries.Entry"}


def is_frozen(edition_id) -> bool:
    """Published, and no correction open (one query: every guarded save asks)."""
    from django.db.models import Exists, OuterRef

    from .models import Correction, Publication

    if edition_id is None:
        return False
    correcting = Publication.objects.filter(edition_id=edition_id).annotate(
        correcting=Exists(Correction.objects.filter(edition_id=OuterRef("edition_id"), published_at__isnull=True))
    ).values_list("correcting", flat=True).first()
    return correcting is False


def _edition_of(model, instance, path: str):
    if "__" not in path:
        return getattr(instance, path)
    # Through objects already loaded on the instance (a score's sheet, the sheet's stage), without a query.
    *relations, attribute = path.split("__")
    current = instance
    for relation in relations:
        cached = current._state.fields_cache.get(relation)
        if cached is None:
            break
        current = cached
    else:
        return getattr(current, attribute)
    first, rest = path.split("__", 1)
    return _edition_via(model._meta.get_field(first).related_model._meta.label, getattr(instance, f"{first}_id"), rest)


@lru_cache(maxsize=100_000)
def _edition_via(label: str, related_id, rest: str):
    # A sheet's, stage's or juror's edition never changes: remembered, so a score save asks the database once.
    from django.apps import apps

    if related_id is None:
        return None
    return apps.get_model(label)._default_manager.filter(pk=related_id).values_list(rest, flat=True).first()


def _refuse(instance):
    raise Frozen(
        _("The results of this edition are published and final: “%(what)s” cannot change. A genuine error is "
          "corrected by a numbered correction (ralat) with its reason, on the ranking desk.")
        % {"what": instance._meta.verbose_name}
    )


def _before_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    path, fields = GUARDED[sender._meta.label]
    edition_id = _edition_of(sender, instance, path)
    if not is_frozen(edition_id):
        return
    if instance.pk is None:
        if sender._meta.label in CREATES_ALLOWED:
            return
        _refuse(instance)
    if fields is None:
        _refuse(instance)
    if getattr(instance, "scores_written", False):
        _refuse(instance)  # a sheet saved with the scores written in bulk beside it (jury.services.scoring)
    stored = sender._default_manager.filter(pk=instance.pk).values(*fields).first()
    if stored is None or any(stored[f] != getattr(instance, f) for f in fields):
        _refuse(instance)


def _before_delete(sender, instance, **kwargs):
    path, _fields = GUARDED[sender._meta.label]
    if is_frozen(_edition_of(sender, instance, path)):
        _refuse(instance)


def _before_attendance_change(sender, instance, action, **kwargs):
    # Who attended the decision is part of what its minutes state: frozen with it. Either side carries the edition.
    if action.startswith("pre_") and is_frozen(instance.edition_id):
        _refuse(instance)


def connect() -> None:
    from django.apps import apps

    for label in GUARDED:
        model = apps.get_model(label)
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"freeze-{label}")
        pre_delete.connect(_before_delete, sender=model, dispatch_uid=f"freeze-{label}")
    attendance = apps.get_model("results.Decision").present.through
    m2m_changed.connect(_before_attendance_change, sender=attendance, dispatch_uid="freeze-decision-present")
