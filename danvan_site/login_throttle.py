"""Login throttling glue for django-axes: the client's address, pseudonymized, and the backend.

The address is `danvan_site.clientaddr.client_ip`: `REMOTE_ADDR`, or the address our own proxy
put in `TRUSTED_PROXY_HEADER` when that is configured. Trusting a header the client can forge
would let an attacker rotate fake addresses past the lock; ignoring the proxy's header would give
every reader the proxy's address, so one attacker would lock out the whole province.

Axes stores the address it counts failures for. The house rule is that no raw IP address is
stored, so axes gets a pseudonym instead: an address in the IPv6 unique-local range `fd00::/8`
whose remaining bits are an HMAC (keyed with SECRET_KEY) of the client — its IPv4 address or its
IPv6 /64, as for the comment rate limit. Same client, same pseudonym (so locking works, and the
column stays a valid `inet` on PostgreSQL); the real address cannot be read back from it.
"""

import ipaddress

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.shortcuts import render
from django.utils.crypto import salted_hmac

from danvan_site import clientaddr


def pseudonymize(address: str) -> str:
    """A stable IPv6 unique-local stand-in for the client at `address` that does not reveal it."""
    key = clientaddr.client_key(address)
    digest = salted_hmac("danvan_site.login_throttle", key, algorithm="sha256").digest()
    return str(ipaddress.IPv6Address(b"\xfd" + digest[:15]))


def client_address(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the pseudonym of the client's address."""
    address = clientaddr.client_ip(request)
    return None if address == clientaddr.UNKNOWN else pseudonymize(address)


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
