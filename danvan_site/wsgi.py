import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan_site.settings")
application = get_wsgi_application()

from danvan_site.warmup import warm_up  # noqa: E402 — needs the settings configured above

warm_up()
