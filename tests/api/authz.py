"""Who may open the API's URLs (the role matrix logs in with a session, as the pages do).

The API reads tokens only, never the session: the public endpoints answer everyone alike (200), and the organiser's
exports answer 401 to every session, the organiser's included (a page's login is not an API key; see
``tests/api/test_organiser_api.py`` for tokens). The token page is the organiser's, like the organiser's pages.
"""

ROLES = ["anonymous", "outsider", "innovator", "verifier", "juror", "organiser"]
ALL_200 = {role: 200 for role in ROLES}
TOKEN_ONLY = {role: 401 for role in ROLES}
ORGANISER_PAGE = {**{role: 403 for role in ROLES}, "anonymous": 302, "organiser": 200}


def _public_innovation(f):
    from sayembara.registry.models import RegistryRecord

    return {"pk": RegistryRecord.objects.filter(is_public=True).order_by("pk").values_list("innovation", flat=True)[0]}


def _organiser_token(f):
    from sayembara.api import services

    return {"pk": services.create_token(f["users"]["organiser"], "matrix").token.pk}


YEAR_2020 = lambda f: {"year": 2020}  # noqa: E731

CASES = [
    ("api:schema", None, ALL_200),
    ("api:docs", None, ALL_200),
    ("api:tokens", None, ORGANISER_PAGE),
    ("api:token_revoke", _organiser_token, {**ORGANISER_PAGE, "organiser": 405}, ORGANISER_PAGE),
    ("api:innovations", None, ALL_200),
    ("api:innovation", _public_innovation, ALL_200),
    ("api:replications", _public_innovation, ALL_200),
    ("api:results_list", None, ALL_200),
    ("api:results", YEAR_2020, ALL_200),
    ("api:ranking", YEAR_2020, ALL_200),
    ("api:export_entries", YEAR_2020, TOKEN_ONLY),
    ("api:export_assignments", YEAR_2020, TOKEN_ONLY),
    ("api:export_scores", YEAR_2020, TOKEN_ONLY),
]
