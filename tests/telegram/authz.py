"""Who may open the Telegram pages: the organiser only."""

from tests.foundation.authz import only

CASES = [
    ("telegram:settings", None, only("organiser"), only("organiser")),
    # Testing the connection is a POST (it starts a job, or says the token is missing).
    ("telegram:check", None, {**only(), "organiser": 405}, only("organiser")),
    ("telegram:edition", lambda f: {"year": 2020}, only("organiser"), only("organiser")),
    # Posting is a POST; an empty one says what to choose.
    ("telegram:post", lambda f: {"year": 2020}, {**only(), "organiser": 405}, only("organiser")),
]
