"""Who may open the account pages (registration, invitation, password reset, unit membership)."""

ROLES = ["anonymous", "outsider", "innovator", "verifier", "juror", "organiser"]
ALL_200 = {role: 200 for role in ROLES}
ALL_400 = {role: 400 for role in ROLES}
ANONYMOUS_ONLY = {"anonymous": 200, **{role: 302 for role in ROLES[1:]}}
DECIDERS = {"anonymous": 302, "outsider": 403, "innovator": 403, "verifier": 200, "juror": 403, "organiser": 200}


def _stranger_request(f):
    """The pending request of the stranger who asked to join Disdukcapil."""
    from sayembara.accounts.models import Membership

    return {"pk": Membership.objects.get(user=f["users"]["stranger"], status="pending").pk}


CASES = [
    ("accounts:register", None, ANONYMOUS_ONLY),
    ("accounts:register_done", None, ALL_200),
    # A wrong link is answered with a page that says so (400), for everyone.
    ("accounts:confirm", lambda f: {"token": "not-a-token"}, ALL_400),
    ("accounts:resend_confirmation", None, ALL_200),
    ("accounts:invite", None, {"anonymous": 302, "outsider": 403, "innovator": 403, "verifier": 200, "juror": 403, "organiser": 200}),
    ("accounts:invitation", lambda f: {"token": "wrong-token"}, ALL_400),
    ("accounts:members", None, DECIDERS),
    # Deciding takes POST only; Dinkes's verifier does not even learn that the request exists.
    ("accounts:decide_membership", _stranger_request, {role: 405 for role in ROLES}, {**DECIDERS, "other_verifier": 404}),
    ("accounts:password_reset", None, ALL_200),
    ("accounts:password_reset_done", None, ALL_200),
    ("accounts:password_reset_confirm", lambda f: {"uidb64": "MQ", "token": "wrong-token"}, ALL_200),
    ("accounts:password_reset_complete", None, {role: 302 for role in ROLES}),
]
