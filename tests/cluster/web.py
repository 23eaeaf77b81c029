"""A small HTTP client for the cluster checks: real connections, a cookie jar, no redirects
followed (a login's 302 is the answer we check), and the forms of a page as a browser would send
them."""

import http.cookiejar
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from html.parser import HTMLParser

BROWSER = (
    "Mozilla/5.0 (Linux; Android 13; SM-A146P) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Mobile Safari/537.36"
)
# A known crawler: never counted, so it reads the figures without changing them.
BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@dataclass
class Response:
    status: int
    text: str
    headers: dict
    seconds: float


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """One browser (or crawler) with its own cookies. `address` is sent as X-Forwarded-For,
    which only an app server reached directly reads as the client (nginx overwrites it)."""

    def __init__(
        self, base: str, user_agent: str = BROWSER, address: str | None = None, cookies: bool = True
    ):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        handlers = [urllib.request.ProxyHandler({}), _NoRedirect()]
        if cookies:
            handlers.append(urllib.request.HTTPCookieProcessor(self.jar))
        self.opener = urllib.request.build_opener(*handlers)
        self.headers = {"User-Agent": user_agent, "Accept": "text/html"}
        if address:
            self.headers["X-Forwarded-For"] = address

    def request(self, path: str, data: dict | None = None, headers: dict | None = None, timeout: float = 30):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(
            self.base + path, data=body, headers={**self.headers, **(headers or {})}
        )
        start = time.perf_counter()
        try:
            with self.opener.open(request, timeout=timeout) as response:
                text = response.read().decode("utf-8", "replace")
                return Response(response.status, text, dict(response.headers), time.perf_counter() - start)
        except urllib.error.HTTPError as error:  # 3xx (not followed), 4xx, 5xx: an answer too
            text = error.read().decode("utf-8", "replace")
            return Response(error.code, text, dict(error.headers), time.perf_counter() - start)

    def get(self, path: str, **kwargs) -> Response:
        return self.request(path, **kwargs)

    def post(self, path: str, data: dict, **kwargs) -> Response:
        return self.request(path, data=data, **kwargs)

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)

    def login(self, path: str, username: str, password: str) -> Response:
        """Open the login page (for its CSRF token), then send the credentials."""
        form = form_fields(self.get(path).text, "login-form" if "/admin/" in path else None)
        form.update(username=username, password=password)
        return self.post(path, form)


class _Forms(HTMLParser):
    """The fields of every <form> on a page, as a browser would submit them (no file parts)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[dict, list[tuple[str, str]]]] = []
        self._select: str | None = None
        self._select_multiple = False
        self._options: list[tuple[str, bool]] = []
        self._option: tuple[str | None, bool] | None = None
        self._option_text = ""
        self._textarea: str | None = None
        self._text = ""

    @property
    def _fields(self):
        return self.forms[-1][1]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append((attrs, []))
        elif not self.forms:
            return
        elif tag == "input" and attrs.get("name"):
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self._fields.append((attrs["name"], attrs.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "textarea" and attrs.get("name"):
            self._textarea, self._text = attrs["name"], ""
        elif tag == "select" and attrs.get("name"):
            self._select, self._select_multiple, self._options = attrs["name"], "multiple" in attrs, []
        elif tag == "option" and self._select:
            self._flush_option()
            self._option, self._option_text = (attrs.get("value"), "selected" in attrs), ""

    def _flush_option(self):
        if self._option is not None:
            value, selected = self._option
            self._options.append((value if value is not None else self._option_text.strip(), selected))
            self._option = None

    def handle_data(self, data):
        if self._textarea is not None:
            self._text += data
        elif self._option is not None:
            self._option_text += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            self._fields.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None
        elif tag == "option":
            self._flush_option()
        elif tag == "select" and self._select:
            self._flush_option()
            chosen = [value for value, selected in self._options if selected]
            if not chosen and self._options and not self._select_multiple:
                chosen = [self._options[0][0]]
            self._fields.extend((self._select, value) for value in chosen)
            self._select = None


def form_fields(html: str, form_id: str | None = None) -> dict:
    """The named form's fields (the first form with a CSRF token when unnamed); a name that
    occurs several times (a multiple select) maps to the list of its values."""
    parser = _Forms()
    parser.feed(html)
    for attrs, fields in parser.forms:
        names = [name for name, _ in fields]
        if (form_id and attrs.get("id") == form_id) or (not form_id and "csrfmiddlewaretoken" in names):
            result: dict = {}
            for name, value in fields:
                if name in result:
                    result[name] = [
                        *(result[name] if isinstance(result[name], list) else [result[name]]),
                        value,
                    ]
                else:
                    result[name] = value
            return result
    raise AssertionError(f"no form {form_id or 'with a CSRF token'} on the page")


def stat(html: str, name: str) -> int:
    """A figure as the reader sees it (`data-stat="…"`, Vietnamese thousands separators)."""
    match = re.search(rf'data-stat="{name}">([^<]*)<', html)
    assert match, f'no data-stat="{name}" on the page'
    return int(re.sub(r"\D", "", match.group(1)))
