"""The Celery application: heavy and slow work runs as jobs on workers (``celery -A sayembara worker -B``).

Settings come from Django's settings under the ``CELERY_`` prefix (broker, time limits, the beat schedule);
each installed app's ``tasks.py`` is found by autodiscovery. Jobs and their state: ``sayembara.jobs``.
"""

import os
import sys

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sayembara.settings")

_path = list(sys.path)
app = Celery("sayembara")
# Celery's Django fix-up puts the working directory first on sys.path. Run from an app's folder (makemessages
# is), that folder's rules.py would shadow the django-rules package; the project is importable already.
sys.path[:] = _path
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
