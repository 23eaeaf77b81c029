"""Who is asking: the client's address, and a keyed hash of it for limits that must store no raw IP.

The address comes from `REMOTE_ADDR`, unless `settings.TRUSTED_PROXY_HEADER` names a header set by
our own reverse proxy (e.g. "X-Forwarded-For" or "X-Real-IP"). Without that setting any such
header is ignored: a client can write whatever it likes in it, so trusting it by default would let
anyone dodge a per-client limit or pin it on someone else.
"""

import ipaddress

from django.conf import settings
from django.utils.crypto import salted_hmac

UNKNOWN = "unknown"


def _meta_key(header: str) -> str:
    """ "X-Forwarded-For" or "HTTP_X_FORWARDED_FOR" → the `request.META` key."""
    key = header.strip().upper().replace("-", "_")
    return key if key.startswith("HTTP_") or key == "REMOTE_ADDR" else f"HTTP_{key}"


def _valid(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    """The client's address as our edge saw it; `UNKNOWN` when there is none that parses.

    With a trusted proxy header we take its right-most address: that is the one our proxy added.
    Anything to its left was sent by the client and may be forged.
    """
    header = getattr(settings, "TRUSTED_PROXY_HEADER", "")
    if header:
        raw = request.META.get(_meta_key(header), "")
        if raw:
            address = _valid(raw.split(",")[-1])
            if address:
                return address
    return _valid(request.META.get("REMOTE_ADDR", "")) or UNKNOWN


def client_key(address: str) -> str:
    """What identifies one client for a limit: the address, or its /64 network for IPv6.

    An IPv6 host usually owns a whole /64 and can change addresses inside it at will.
    """
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped is not None:  # ::ffff:203.0.113.7 is the IPv4 client 203.0.113.7
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def client_hash(request, purpose: str) -> str:
    """HMAC-SHA256 (keyed with SECRET_KEY) of the client's address, for storing instead of the IP.

    `purpose` separates uses (comments, login throttling …) so one hash cannot be matched with
    another. Without the secret key the hash cannot be reversed by trying all IPv4 addresses.
    """
    return salted_hmac(
        f"danvan_site.clientaddr.{purpose}", client_key(client_ip(request)), algorithm="sha256"
    ).hexdigest()
