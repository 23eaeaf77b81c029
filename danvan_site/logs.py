"""Logging helpers: every record carries the id of the request that produced it.

Kept free of Django imports: logging is configured before the apps are loaded.
"""

import logging
from contextvars import ContextVar

# The id of the request being handled; set by danvan_site.middleware.RequestIDMiddleware.
current_request_id: ContextVar[str] = ContextVar("current_request_id", default="-")


class RequestIDFilter(logging.Filter):
    """Add `record.request_id` (or "-" outside a request) for the formatter's `%(request_id)s`."""

    def filter(self, record):
        record.request_id = current_request_id.get()
        return True
