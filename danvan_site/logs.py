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


class OneLineWarning(logging.Filter):
    """Turn the record into one WARNING line without its traceback.

    For refusals that are expected and already answered (a scanner's unknown `Host` gets its
    400): a traceback at ERROR level for each probe would bury the errors that need a person.
    """

    def filter(self, record):
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        record.exc_info = record.exc_text = record.stack_info = None
        return True
