"""The worker says it is alive as soon as it is ready, before the first scheduled heartbeat."""

import logging

from celery.signals import worker_ready

from . import heartbeat

logger = logging.getLogger(__name__)


@worker_ready.connect
def _beat_when_ready(sender=None, **kwargs):
    try:
        heartbeat.beat()
    except Exception:  # the cache may be down: the scheduled heartbeat tries again
        logger.exception("the worker could not write its first heartbeat")
