"""`make run`, a newcomer's first command, shows the site as readers get it."""

import os
import re
import shlex
import subprocess
from pathlib import Path

from danvan_site.settings_test import TEST_ENVIRONMENT

ROOT = Path(__file__).resolve().parent.parent


def test_make_run_serves_with_debug_off_so_errors_show_the_vietnamese_pages():
    """The server `make run` starts has DEBUG off (a 404 is the Vietnamese page, not Django's
    debug page) and no HTTPS redirect on plain-HTTP loopback."""
    # As on a newcomer's machine: none of the test suite's variables.
    env = {k: v for k, v in os.environ.items() if k not in TEST_ENVIRONMENT and k != "DJANGO_SETTINGS_MODULE"}
    commands = subprocess.run(
        ["make", "-n", "run", "PORT=8765"], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    serve = next(line for line in commands.splitlines() if "runserver 127.0.0.1:8765" in line)
    probe = "from django.conf import settings; print(settings.DEBUG, settings.SECURE_SSL_REDIRECT)"
    script = serve.replace("manage.py runserver 127.0.0.1:8765", f"manage.py shell -c {shlex.quote(probe)}")
    out = subprocess.run(
        ["bash", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert re.search(r"^False False$", out.stdout, re.M), out.stdout + out.stderr
