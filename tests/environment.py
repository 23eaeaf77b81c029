"""The environment for a subprocess that loads the production settings (manage.py, wsgi)."""

import os

from danvan_site.settings_test import TEST_ENVIRONMENT


def clean_environ(**variables: str) -> dict[str, str]:
    """This process's environment without any variable the settings read (the test settings
    set them all), plus `variables`: the subprocess sees only what the test chose."""
    env = {k: v for k, v in os.environ.items() if k not in TEST_ENVIRONMENT and k != "DATABASE_URL"}
    env.update(variables)
    return env
