"""The Celery application: heavy and slow work runs as jobs on workers (``celery -A sayembara worker -B``).

Settings come from Django's settings under the ``CELERY_`` prefix (broker, time limits, the beat schedule);
each installed app's ``tasks.py`` is found by autodiscovery. Jobs and their state: ``sayembara.jobs``.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sayembara.settings")

app = Celery("sayembara")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
