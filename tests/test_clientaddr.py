"""The client address behind the rate limits, and the keyed hash stored instead of it."""

import pytest
from django.test import RequestFactory

from danvan_site.clientaddr import client_hash, client_ip

rf = RequestFactory()


def request(remote="203.0.113.7", **headers):
    return rf.get("/", REMOTE_ADDR=remote, **headers)


def test_remote_addr_is_used_and_forwarding_headers_ignored_by_default(settings):
    settings.TRUSTED_PROXY_HEADER = ""
    assert (
        client_ip(request(HTTP_X_FORWARDED_FOR="198.51.100.1", HTTP_X_REAL_IP="198.51.100.2"))
        == "203.0.113.7"
    )


@pytest.mark.parametrize("name", ["X-Forwarded-For", "HTTP_X_FORWARDED_FOR", "x-forwarded-for"])
def test_the_trusted_header_gives_the_address_our_proxy_added(settings, name):
    settings.TRUSTED_PROXY_HEADER = name
    # The client sent "1.2.3.4" itself; our proxy appended the address it saw.
    req = request(remote="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.9")
    assert client_ip(req) == "198.51.100.9"


def test_a_garbled_trusted_header_falls_back_to_remote_addr(settings):
    settings.TRUSTED_PROXY_HEADER = "X-Real-IP"
    assert client_ip(request(remote="10.0.0.1", HTTP_X_REAL_IP="not-an-ip")) == "10.0.0.1"


def test_the_hash_hides_the_address_and_depends_on_the_secret_key(settings):
    first = client_hash(request(), "comments")
    assert "203.0.113.7" not in first and len(first) == 64
    settings.SECRET_KEY = "another-secret-key-for-this-test"
    assert client_hash(request(), "comments") != first


def test_each_purpose_gets_its_own_hash():
    assert client_hash(request(), "comments") != client_hash(request(), "login")


def test_one_ipv6_network_counts_as_one_client():
    a = client_hash(request("2001:db8:1:2::10"), "comments")
    b = client_hash(request("2001:db8:1:2:abcd::99"), "comments")
    c = client_hash(request("2001:db8:1:3::10"), "comments")
    assert a == b != c


def test_an_ipv4_mapped_address_is_the_ipv4_client():
    assert client_hash(request("::ffff:203.0.113.7"), "comments") == client_hash(request(), "comments")
