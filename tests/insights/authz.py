"""Who may open the insights URLs."""

from tests.foundation.authz import ALL_200, only

ORGANISER_POST_ONLY = {"anonymous": 302, "outsider": 403, "innovator": 403, "verifier": 403, "juror": 403, "organiser": 405}


def _village(fixtures):
    from sayembara.institutions.models import Institution

    return {"pk": Institution.objects.get(name="Pemerintah Desa Kuta").pk}


CASES = [
    ("insights:dashboard", None, only("organiser")),
    ("insights:coverage", None, only("organiser")),
    ("insights:invite", None, ORGANISER_POST_ONLY, only("organiser")),
    ("insights:contact", _village, ORGANISER_POST_ONLY, only("organiser")),
    ("insights:scores", None, only("organiser")),
    ("insights:export", None, only("organiser")),
    ("insights:summary", None, only("organiser")),
    ("insights:announcement", None, only("organiser")),
    ("insights:call", None, ALL_200),
]
