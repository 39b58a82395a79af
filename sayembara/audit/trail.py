"""The audit trail: every save or delete of a tracked model is written down.

Tracking hangs on model signals rather than on views so that changes made
anywhere (views, the admin, shell, imports) are recorded the same way. The
acting user comes from a context variable set per request by
``AuditActorMiddleware`` or by ``acting_as`` in commands and services.
"""

from __future__ import annotations

import contextvars
import datetime
from contextlib import contextmanager
from decimal import Decimal

from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save

from .models import AuditEvent

_actor: contextvars.ContextVar = contextvars.ContextVar("audit_actor", default=None)
_note: contextvars.ContextVar = contextvars.ContextVar("audit_note", default="")
_tracked: dict[type[models.Model], tuple[str, ...]] = {}
# Set by ``written_by_service``: a service that writes one event for a whole change turns the per-row events off.
_paused: contextvars.ContextVar = contextvars.ContextVar("audit_paused", default=False)


def current_actor():
    return _actor.get()


@contextmanager
def acting_as(user, note: str = ""):
    """Attribute the changes made inside the block to ``user`` (with an optional reason)."""
    actor_token = _actor.set(user if user is not None and user.is_authenticated else None)
    note_token = _note.set(note)
    try:
        yield
    finally:
        _actor.reset(actor_token)
        _note.reset(note_token)


@contextmanager
def written_by_service():
    """Inside the block, saves of tracked models write no event of their own: the service that makes one change of
    many rows (a score sheet and its scores) writes a single event for it with :func:`record`."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def record(instance, action: str, changes: dict) -> AuditEvent:
    """Write one event for ``instance`` (a service's own account of a change; actor and note as set by ``acting_as``)."""
    return _write(type(instance), instance, action, changes)


def audit_value(value):
    """A value as the trail stores it (decimals and instants as text)."""
    return _plain(value)


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        # One instant, one text: the row read back is in UTC, the instance may hold Jakarta time.
        return value.astimezone(datetime.timezone.utc).isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _snapshot(instance, fields) -> dict:
    return {name: _plain(getattr(instance, name)) for name in fields}


def _on_pre_save(sender, instance, raw=False, **kwargs):
    if _paused.get():
        return
    if raw or instance.pk is None:
        instance._audit_before = None
        return
    fields = _tracked[sender]
    row = sender._default_manager.filter(pk=instance.pk).values(*fields).first()
    instance._audit_before = {k: _plain(v) for k, v in row.items()} if row else None


def _on_post_save(sender, instance, created, raw=False, **kwargs):
    if raw or _paused.get():
        return
    fields = _tracked[sender]
    after = _snapshot(instance, fields)
    before = getattr(instance, "_audit_before", None)
    if created or before is None:
        changes = {k: [None, v] for k, v in after.items() if v not in (None, "")}
        action = AuditEvent.Action.CREATE
    else:
        changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
        if not changes:
            return
        action = AuditEvent.Action.TRANSITION if set(changes) == {"status"} else AuditEvent.Action.UPDATE
    _write(sender, instance, action, changes)


def _on_post_delete(sender, instance, **kwargs):
    if _paused.get():
        return
    _write(sender, instance, AuditEvent.Action.DELETE, {k: [v, None] for k, v in _snapshot(instance, _tracked[sender]).items()})


def _write(sender, instance, action, changes):
    return AuditEvent.objects.create(
        actor=current_actor(),
        action=action,
        model=sender._meta.label_lower,
        object_id=str(instance.pk),
        summary=str(instance)[:255],
        changes=changes,
        note=_note.get(),
    )


def track(model: type[models.Model], fields: tuple[str, ...] | None = None) -> None:
    """Record every change to ``model`` (all concrete fields unless ``fields`` is given)."""
    if fields is None:
        fields = tuple(
            f.attname for f in model._meta.concrete_fields if not f.primary_key and f.name not in {"updated_at", "version"}
        )
    _tracked[model] = fields
    uid = f"audit-{model._meta.label_lower}"
    pre_save.connect(_on_pre_save, sender=model, dispatch_uid=uid)
    post_save.connect(_on_post_save, sender=model, dispatch_uid=uid)
    post_delete.connect(_on_post_delete, sender=model, dispatch_uid=uid)


def history(instance) -> models.QuerySet:
    return AuditEvent.objects.filter(model=instance._meta.label_lower, object_id=str(instance.pk)).select_related("actor")
