"""How passwords are stored: Argon2id at OWASP's first recommended setting (19 MiB, 2 passes, 1 lane).

Jurors of a live session sign in within the same minute. Django's default, PBKDF2-SHA256 with 1,000,000
iterations, costs about 320 ms of CPU a sign-in on our 2-core server: 300 jurors queue every page behind 48 s
of hashing (measured: 40 s under load). Argon2id at m=19 MiB, t=2, p=1 costs about 29 ms of CPU and is
memory-hard, which makes a stolen hash at least as costly to crack on GPUs as PBKDF2 at 600,000 iterations
(OWASP Password Storage Cheat Sheet); the whole storm is about 4 s of CPU. Existing PBKDF2 hashes are
rewritten at each person's next sign-in (Django upgrades a hash made by a hasher that is not the first).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idHasher(Argon2PasswordHasher):
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
