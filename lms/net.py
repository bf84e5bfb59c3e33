"""The client's address as the rate limits see it, behind the reverse proxy.

With ``TRUSTED_PROXY_COUNT`` = N (> 0), the proxies we run in front of gunicorn
each append the address they saw to ``X-Forwarded-For``; the Nth entry from the
right is what the outermost trusted proxy saw, so anything a client writes in
the header itself lies to the left and is ignored. With 0 (the default) the
header is ignored and the peer address (``REMOTE_ADDR``) is used.
"""

import ipaddress

from django.conf import settings

UNKNOWN = "desconocida"


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    remote = _valid(request.META.get("REMOTE_ADDR", "")) or UNKNOWN
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [
        part
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < count:
        # Did not come through every trusted proxy: the peer is the client.
        return remote
    return _valid(forwarded[-count]) or remote
