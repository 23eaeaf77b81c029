"""A recycled gunicorn worker is forked ready (danvan_site.warmup): loading the WSGI application
imports the URLconf and compiles the site's templates, without touching the database (the
preloaded master must not hold a connection its forked workers would share)."""

import json
import subprocess
import sys
from pathlib import Path

from tests.environment import clean_environ

BASE_DIR = Path(__file__).resolve().parents[1]

PROBE = """
import json, sys
import danvan_site.wsgi
from django.db import connections
from django.template import engines

loader = engines["django"].engine.template_loaders[0]
print(json.dumps({
    "modules": sorted(m for m in ("danvan_site.urls", "articles.views", "reports.views") if m in sys.modules),
    "templates": sorted(loader.get_template_cache),
    "connections": [alias for alias in connections if connections[alias].connection is not None],
}))
"""


def test_loading_the_application_readies_urls_and_templates_without_a_database(tmp_path):
    database = tmp_path / "never-opened.sqlite3"
    env = clean_environ(
        DJANGO_SETTINGS_MODULE="danvan_site.settings",
        DEBUG="0",
        SECRET_KEY="warm-up-test-only",
        DATABASE_URL=f"sqlite:///{database}",
    )
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=True
    )
    ready = json.loads(result.stdout.strip().splitlines()[-1])

    assert ready["modules"] == ["articles.views", "danvan_site.urls", "reports.views"]
    for page in ("base.html", "articles/home.html", "articles/detail.html", "articles/category.html"):
        assert page in ready["templates"]
    assert ready["connections"] == []
    assert not database.exists()
    assert "not compiled" not in result.stderr
