"""Keep the registry index in step with innovations, entries, awards and editions (after commit)."""

from django.db.models.signals import post_delete, post_save

from . import services


def _innovation_saved(sender, instance, **kwargs):
    # The original's replication count may have changed too.
    services.mark_stale(innovation_ids=[instance.pk, instance.replicated_from_id])


def _entry_saved(sender, instance, **kwargs):
    services.mark_stale(innovation_ids=[instance.innovation_id])


def _award_saved(sender, instance, **kwargs):
    services.mark_stale(entry_ids=[instance.entry_id])


def _edition_saved(sender, instance, created, **kwargs):
    if not created:
        services.mark_stale(edition_ids=[instance.pk])


def _stage_saved(sender, instance, **kwargs):
    # A blind stage opening or closing hides or shows the edition's innovations.
    services.mark_stale(edition_ids=[instance.edition_id])


def connect():
    from sayembara.editions.models import Edition, Stage
    from sayembara.entries.models import Entry, Innovation
    from sayembara.results.models import Award

    post_save.connect(_innovation_saved, sender=Innovation, dispatch_uid="registry-innovation")
    post_save.connect(_entry_saved, sender=Entry, dispatch_uid="registry-entry")
    post_delete.connect(_entry_saved, sender=Entry, dispatch_uid="registry-entry-delete")
    post_save.connect(_award_saved, sender=Award, dispatch_uid="registry-award")
    post_delete.connect(_award_saved, sender=Award, dispatch_uid="registry-award-delete")
    post_save.connect(_edition_saved, sender=Edition, dispatch_uid="registry-edition")
    post_save.connect(_stage_saved, sender=Stage, dispatch_uid="registry-stage")
