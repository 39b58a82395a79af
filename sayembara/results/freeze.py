"""Final means final: once an edition's results are published, nothing they rest on changes.

The guard sits in the domain layer, on the models' own saves and deletes, so a view, the admin and the shell
are refused alike. Stages and criteria, assignments, sheets and scores, conflicts, jury votes, awards, the
result settings and the screening status of entries are covered. (A stored ranking is derived data: computing
it again from frozen inputs gives the same numbers, so papers may; the ranking desk refuses it all the same.) A genuine correction is a
numbered ralat (``results.services.open_correction``): while it is open the organiser may change them, each
change audited; its publication freezes the corrected result again under its own fingerprint.

Bulk ``QuerySet.update()`` calls bypass model saves; the app uses none on these models after publication.
"""

from __future__ import annotations

from django.db.models.signals import pre_delete, pre_save
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
    "results.ResultSettings": ("edition_id", ("method", "bootstrap", "seed", "prize_count", "tiebreak_chain", "locked_at")),
    "entries.Entry": ("edition_id", ("status", "category_id", "reached_stage_id")),
}
# A new entry in a published edition has no scores and changes no result (a late draft, an import for the record).
CREATES_ALLOWED = {"entries.Entry"}


def is_frozen(edition_id) -> bool:
    """Published, and no correction open."""
    from .models import Correction, Publication

    if edition_id is None or not Publication.objects.filter(edition_id=edition_id).exists():
        return False
    return not Correction.objects.filter(edition_id=edition_id, published_at__isnull=True).exists()


def _edition_of(model, instance, path: str):
    if "__" not in path:
        return getattr(instance, path)
    # Follow the path from the instance's own foreign key (e.g. sheet → stage → edition).
    first, rest = path.split("__", 1)
    related_id = getattr(instance, f"{first}_id")
    related_model = model._meta.get_field(first).related_model
    return related_model._default_manager.filter(pk=related_id).values_list(rest, flat=True).first()


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
    stored = sender._default_manager.filter(pk=instance.pk).values(*fields).first()
    if stored is None or any(stored[f] != getattr(instance, f) for f in fields):
        _refuse(instance)


def _before_delete(sender, instance, **kwargs):
    path, _fields = GUARDED[sender._meta.label]
    if is_frozen(_edition_of(sender, instance, path)):
        _refuse(instance)


def connect() -> None:
    from django.apps import apps

    for label in GUARDED:
        model = apps.get_model(label)
        pre_save.connect(_before_save, sender=model, dispatch_uid=f"freeze-{label}")
        pre_delete.connect(_before_delete, sender=model, dispatch_uid=f"freeze-{label}")
