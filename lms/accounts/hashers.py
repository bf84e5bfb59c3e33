"""How passwords are stored: Argon2id with the minimum settings OWASP's
Password Storage Cheat Sheet recommends (19 MiB of memory, 2 passes, 1 lane).

Argon2id won the Password Hashing Competition and is OWASP's first choice: it
costs an attacker memory as well as time, which GPUs and custom hardware make
far cheaper for PBKDF2. At these settings a sign-in costs about 20 ms of CPU
instead of the 188 ms of Django's PBKDF2 (1,000,000 iterations), so the first
minutes of an exam day, when thousands of officials sign in at once, no longer
fill the server's cores (issue 17, docs/scale.md). Django's own Argon2 hasher
uses 100 MiB and 8 lanes (RFC 9106's first option), about 270 ms of CPU here.

Passwords stored before (PBKDF2) still verify and are re-stored with this
hasher the next time the person signs in (``settings.PASSWORD_HASHERS``).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idPasswordHasher(Argon2PasswordHasher):
    # Same algorithm name as Django's: a hash made with other Argon2 settings is
    # verified by its own parameters and re-made with these at the next sign-in.
    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
