"""Jobs: heavy and slow work run on a Celery worker, with a record the pages show (state, progress, result).

``jobs.start("sayembara.<app>.tasks.<name>", key, by=user, scope="edition:2027", **kwargs)`` records a job and
hands it to the queue once the caller's transaction commits; tasks are written with ``@job_task``
(``sayembara.jobs.runner``). Mail goes through the outbox (``sayembara.jobs.mail``).
"""


def start(task_name, key, *, by=None, scope="", **kwargs):
    """See :func:`sayembara.jobs.services.start` (imported late: this package loads before the models)."""
    from .services import start as start_job

    return start_job(task_name, key, by=by, scope=scope, **kwargs)
