"""A sign-in storm: every juror of a national live session signs in with a password in the same second.

Uses the national data set (bench/national_build.py) and gunicorn with 4 sync workers on 127.0.0.1. Each of the
300 jurors gets a password stored either as the app stores it now (Argon2id, m=19 MiB, t=2, p=1) or as Django's
default did (PBKDF2-SHA256, 1,000,000 iterations; the app then also rewrites it as Argon2id, as it does for every
old hash), then 300 threads open the sign-in page and post their credentials at once. Prints the time to sign in
(p50, p95, max), the whole storm's wall time and the failures.

    .venv/bin/python bench/login_storm.py [--hash argon2|pbkdf2|both] [--users 300]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import threading
import time
import urllib.request

from national_common import WORK_DIR, environment, gunicorn, load_facts, setup_django, together

from sqlite_jurors import Client

PASSWORD = "juri-nasional-2021-uji-beban"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def store_passwords(user_pks: list[int], hasher: str) -> None:
    from django.contrib.auth.hashers import Argon2PasswordHasher, PBKDF2PasswordHasher, make_password

    from sayembara.accounts.models import User

    if hasher == "pbkdf2":
        encoded = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    else:
        encoded = make_password(PASSWORD)  # the project's first hasher
        assert encoded.startswith(Argon2PasswordHasher.algorithm), encoded
    User.objects.filter(pk__in=user_pks).update(password=encoded)


def sign_in(base: str, email: str, timings: list, failures: list, barrier: threading.Barrier) -> None:
    client = Client(base, "unused", "")
    barrier.wait()
    started = time.perf_counter()
    status, page, _seconds = client.request("/accounts/login/")
    token = CSRF.search(page)
    if status != 200 or token is None:
        failures.append(f"GET {status}")
        return
    status, _page, _seconds = client.request("/accounts/login/", {
        "csrfmiddlewaretoken": token.group(1), "username": email, "password": PASSWORD})
    if status != 302:
        failures.append(f"POST {status}")
        return
    timings.append(time.perf_counter() - started)


def storm(hasher: str, users: list[dict], workers: int) -> None:
    store_passwords([u["user"] for u in users], hasher)
    env = {**os.environ, **environment()}
    with gunicorn(env, WORK_DIR / f"login-storm-{hasher}.log", "--workers", str(workers), "--timeout", "300") as base:
        for _ in range(workers * 3):  # every worker has imported the app
            urllib.request.urlopen(base + "/accounts/login/", timeout=10).read()
        timings, failures = [], []
        barrier = threading.Barrier(len(users))
        wall = together(sign_in, [(base, u["email"], timings, failures, barrier) for u in users])
    cuts = statistics.quantiles(timings, n=100) if len(timings) > 1 else [0] * 99
    print(f"  {hasher:7} {len(users)} sign-ins at once, gunicorn {workers} workers: storm over in {wall:.1f} s; "
          f"sign-in p50 {cuts[49]:.1f} s, p95 {cuts[94]:.1f} s, max {max(timings or [0]):.1f} s; "
          f"{len(failures)} failed {sorted(set(failures))[:3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hash", choices=["argon2", "pbkdf2", "both"], default="both")
    parser.add_argument("--users", type=int, default=300)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    facts = load_facts()
    setup_django()
    from sayembara.jury.models import Juror

    jurors = Juror.objects.filter(pk__in=[j["juror"] for j in facts["jurors"]]).select_related("user")[:args.users]
    users = [{"user": j.user_id, "email": j.user.email} for j in jurors]
    print(f"sign-in storm on the national data set ({len(users)} jurors), 127.0.0.1")
    from sayembara.accounts.models import User

    # A new password ends the build's signed-in sessions (their hash depends on it): the old hashes go back after.
    kept = dict(User.objects.filter(pk__in=[u["user"] for u in users]).values_list("pk", "password"))
    try:
        for hasher in (["pbkdf2", "argon2"] if args.hash == "both" else [args.hash]):
            storm(hasher, users, args.workers)
    finally:
        for pk, password in kept.items():
            User.objects.filter(pk=pk).update(password=password)


if __name__ == "__main__":
    main()
