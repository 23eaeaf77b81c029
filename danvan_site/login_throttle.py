"""Login throttling glue for django-axes: the client's address, pseudonymized, and the backend.

The address comes from `REMOTE_ADDR`, or — only when `TRUSTED_PROXY_HEADER` is configured — from
the header our own reverse proxy sets. Trusting a header the client can forge would let an
attacker rotate fake addresses past the lock; ignoring the proxy's header would give every reader
the proxy's address, so one attacker would lock out the whole province.

Axes stores the address it counts failures for. The house rule is that no raw IP address is
stored, so axes gets a pseudonym instead: an address in the IPv6 unique-local range `fd00::/8`
whose remaining bits are an HMAC of the real address under SECRET_KEY. Same client, same pseudonym
(so locking works, and the column stays a valid `inet` on PostgreSQL); the real address cannot be
read back from it.
"""

import hashlib
import hmac
import ipaddress

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.shortcuts import render


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def real_client_address(request) -> str | None:
    """The client's address as our trusted proxy saw it, or the socket peer without a proxy."""
    header = settings.TRUSTED_PROXY_HEADER
    if header:
        meta_key = "HTTP_" + header.upper().replace("-", "_")
        # Each trusted proxy appends the address it received from; the client is the
        # TRUSTED_PROXY_COUNT-th entry from the right, anything left of it may be forged.
        hops = [h for h in request.META.get(meta_key, "").split(",") if h.strip()]
        if len(hops) >= settings.TRUSTED_PROXY_COUNT:
            found = _valid_ip(hops[-settings.TRUSTED_PROXY_COUNT])
            if found:
                return found
    return _valid_ip(request.META.get("REMOTE_ADDR", ""))


def pseudonymize(address: str) -> str:
    """A stable IPv6 unique-local stand-in for `address` that does not reveal it."""
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).digest()
    return str(ipaddress.IPv6Address(b"\xfd" + digest[:15]))


def client_address(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the pseudonym of the real client address."""
    address = real_client_address(request)
    return pseudonymize(address) if address else None


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' lockout check, for logins that come with an HTTP request.

    `authenticate()` without a request (the test client's `login()`, `createsuperuser`, a shell)
    is not an attack surface from the network; axes would refuse it outright, so we let it pass
    on to ModelBackend unchecked.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the Vietnamese lockout page, 429, with the cool-off in minutes."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": minutes}
    return render(request, "registration/locked_out.html", context, status=429)


# axes keeps the attempted username in a 255-character column; Django usernames are at most 150.
USERNAME_MAX_LENGTH = 150


def attempted_username(request, credentials=None) -> str | None:
    """AXES_USERNAME_CALLABLE: the username tried, cut to a length any column holds.

    Django's login form does not enforce the username's maximum length before authenticating,
    so a 5,000-character "username" reached axes and failed on PostgreSQL with a 500. No real
    account has a longer name, so cutting it changes no lock.
    """
    if credentials:
        username = credentials.get("username")
    else:
        username = getattr(request, "data", request.POST).get("username")
    return username[:USERNAME_MAX_LENGTH] if isinstance(username, str) else username
