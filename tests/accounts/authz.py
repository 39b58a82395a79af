"""Who may open the account pages (registration, invitation, password reset)."""

ROLES = ["anonymous", "outsider", "innovator", "verifier", "juror", "organiser"]
ALL_200 = {role: 200 for role in ROLES}
ANONYMOUS_ONLY = {"anonymous": 200, **{role: 302 for role in ROLES[1:]}}

CASES = [
    ("accounts:register", None, ANONYMOUS_ONLY),
    ("accounts:register_done", None, ALL_200),
    # A wrong link is answered with a page that says so, for everyone.
    ("accounts:confirm", lambda f: {"token": "not-a-token"}, ALL_200),
    ("accounts:invite", None, {"anonymous": 302, "outsider": 403, "innovator": 403, "verifier": 200, "juror": 403, "organiser": 200}),
    ("accounts:invitation", lambda f: {"uidb64": "MQ", "token": "wrong-token"}, ALL_200),
    ("accounts:password_reset", None, ALL_200),
    ("accounts:password_reset_done", None, ALL_200),
    ("accounts:password_reset_confirm", lambda f: {"uidb64": "MQ", "token": "wrong-token"}, ALL_200),
    ("accounts:password_reset_complete", None, {role: 302 for role in ROLES}),
]
