"""Who may open the jobs pages: the organiser only."""

from tests.foundation.authz import ALL_200, only


def _job(f):
    from sayembara.jobs.models import Job

    return {"pk": Job.objects.create(kind="sayembara.jobs.tasks.probe", state=Job.State.DONE, progress=100).pk}


POST_ONLY = {role: (302 if role == "anonymous" else 403) for role in ALL_200} | {"organiser": 405}

CASES = [
    ("jobs:list", None, only("organiser")),
    ("jobs:status", _job, only("organiser")),
    # Checking the worker starts a small job: a POST, by the organiser.
    ("jobs:probe", None, POST_ONLY, only("organiser")),
]
