#!/usr/bin/env python3
# ruff: noqa: T201 — a command-line report: printing is its job.
"""The visitor counter's own cost per article page, in one process: no HTTP, gunicorn or wrk.

    DATABASE_URL=… .venv/bin/python bench/counter_inprocess.py [--batches 30] [--batch 150]

Run by bench/counter.py on its throwaway site (run it alone only against a throwaway database: it
counts thousands of visits). Two Django request handlers, one with the counter's middleware and
one without (VISITORS_ENABLED), serve the same article in alternating batches — on, off, then off,
on — to new visitors (no cookie) and to a returning reader (a browser's cookies some minutes into
its visit). On a shared machine whose speed drifts from second to second the wrk figures swing by
±10 %; side by side, batches a few hundred milliseconds long see the same machine, and the median
of their differences is the counter's cost to a few microseconds. Prints one JSON object.
"""

import argparse
import io
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan_site.settings")

import django  # noqa: E402

django.setup()

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.test import override_settings  # noqa: E402
from readers import BROWSER, cookie_header, returning_cookies  # noqa: E402


def environ(path, cookie=None):
    env = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "wsgi.input": io.BytesIO(),
        "wsgi.url_scheme": "http",
        "HTTP_USER_AGENT": BROWSER,
        "HTTP_ACCEPT": "text/html",
    }
    if cookie:
        env["HTTP_COOKIE"] = cookie
    return env


def serve(handler, env):
    """(headers, body) of one request."""
    received = {}

    def start_response(status, headers, exc_info=None):
        received["headers"] = headers

    body = b"".join(handler(env, start_response))
    return received["headers"], body


def returning_cookie(handler, path):
    """The cookies of a browser some minutes into its visit (bench/readers.py), in-process."""

    def open_page(url, cookie):
        headers, _ = serve(handler, environ(url, cookie))
        return [value for name, value in headers if name == "Set-Cookie"]

    return cookie_header(returning_cookies(path, open_page=open_page))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batches", type=int, default=30, help="pairs of on/off batches per reader")
    parser.add_argument("--batch", type=int, default=150, help="requests per batch")
    args = parser.parse_args()
    with override_settings(VISITORS_ENABLED=True):
        handlers = {True: WSGIHandler()}
    with override_settings(VISITORS_ENABLED=False):
        handlers[False] = WSGIHandler()
    _, home = serve(handlers[True], environ("/"))
    path = re.search(rb'href="(/tin-tuc/[a-z0-9-]+/)"', home).group(1).decode()

    def batch(counter_on, cookie, size):
        with override_settings(VISITORS_ENABLED=counter_on):  # the box is drawn only when on
            env = environ(path, cookie)
            start = time.perf_counter()
            for _ in range(size):
                serve(handlers[counter_on], dict(env, **{"wsgi.input": io.BytesIO()}))
            return (time.perf_counter() - start) / size * 1e6

    report = {"path": path, "batches": args.batches, "batch": args.batch}
    for who, cookie in (("returning", returning_cookie(handlers[True], path)), ("new", None)):
        for counter_on in (True, False):  # warm both: imports, templates, caches
            batch(counter_on, cookie, args.batch)
        on, off = [], []
        for n in range(args.batches):
            for counter_on in (True, False) if n % 2 == 0 else (False, True):
                (on if counter_on else off).append(batch(counter_on, cookie, args.batch))
        ratios = [b / a for a, b in zip(on, off, strict=True)]  # pages/s on ÷ pages/s off
        quartiles = statistics.quantiles(ratios)
        report[who] = {
            "on_us": round(statistics.median(on)),
            "off_us": round(statistics.median(off)),
            "extra_us": round(statistics.median(a - b for a, b in zip(on, off, strict=True))),
            "ratio": round(statistics.median(ratios), 3),
            "ratio_q1": round(quartiles[0], 3),
            "ratio_q3": round(quartiles[2], 3),
        }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
