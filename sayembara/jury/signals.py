"""Signal handlers of the jury's data."""

from django.db.models.signals import post_delete, post_save
from django.utils import timezone


def touch_sheet_on_score_change(sender, instance, **kwargs):
    """A changed score is a changed sheet, whoever changed it (views, admin, imports).

    Rankings read the sheets' ``updated_at`` to know they are stale, instead of the (three times more) scores.
    """
    from .models import ScoreSheet

    ScoreSheet.objects.filter(pk=instance.sheet_id).update(updated_at=timezone.now())


def connect(score_model) -> None:
    post_save.connect(touch_sheet_on_score_change, sender=score_model, dispatch_uid="jury-touch-sheet-save")
    post_delete.connect(touch_sheet_on_score_change, sender=score_model, dispatch_uid="jury-touch-sheet-delete")
