"""Do once per process, before the first reader, what Django otherwise does on the first request.

Under `make serve` gunicorn preloads the application (`--preload`): this runs in the master, and
every worker — a recycled one too — is forked with it done and shares that memory. Without it a
fresh worker spent its first ~100 ms importing the URLconf and its views and compiling templates
while readers queued behind it (the p99 of `make bench` when both workers recycled together).
No database access here: connections must not be shared with forked workers.
"""

import logging
from pathlib import Path

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template
from django.urls import get_resolver

logger = logging.getLogger(__name__)


def warm_up() -> None:
    resolver = get_resolver()
    resolver.url_patterns  # noqa: B018 — imports the URLconf and every view module
    resolver.app_dict  # noqa: B018 — builds the lookup tables `{% url %}` and reverse() use
    for directory in map(Path, settings.TEMPLATES[0]["DIRS"]):
        for path in sorted(directory.rglob("*.html")):
            name = path.relative_to(directory).as_posix()
            try:
                get_template(name)  # compiled once, kept by the cached loader (DEBUG off)
            except (TemplateDoesNotExist, TemplateSyntaxError):
                logger.warning("Warm-up: template %s not compiled", name, exc_info=True)
