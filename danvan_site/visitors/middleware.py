from django.core.exceptions import MiddlewareNotUsed

from . import counting


class VisitorCounterMiddleware:
    """Counts visits and who is online (SPEC "Counting rules"; the rules are in `counting`).

    A request counts when it is a GET of a public page that succeeded (2xx `text/html`), outside
    admin, staff, static and media paths, from a browser that is not a known bot or crawler.
    Article views are counted by the article page itself (`articles.views`). Counting never breaks
    a page: a database error is logged and the page is served.
    """

    def __init__(self, get_response):
        if not counting.enabled():
            raise MiddlewareNotUsed("VISITORS_ENABLED is off")
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self.is_page(response) and counting.counts_request(request):
            counting.count_visit(request, response)
        return response

    @staticmethod
    def is_page(response) -> bool:
        return (
            200 <= response.status_code < 300
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
        )
