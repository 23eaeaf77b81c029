"""Scale-out, checked as readers, editors and an operator meet it (`make test-cluster`).

Readers go through nginx (deploy/nginx.conf), which spreads them over app servers A and B. The
checks that need "one server" and "the other" (an edit, a lockout, a comment) talk to A and to B
on their own ports, which only this test opens to a client: in production gunicorn is never
exposed (an app server reached directly believes any X-Forwarded-For, which these checks use to
play several clients). Figures are read as a reader sees them, on the page, by a crawler that is
never counted. The checks run in this order; the last one stops A and starts it again.
"""

import json
import re
import statistics
import subprocess
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from html import escape
from pathlib import Path

import pytest

from .cluster import AXES_FAILURE_LIMIT, DEMO_PASSWORD
from .web import BOT, BROWSER, Client, form_fields, stat

pytestmark = pytest.mark.cluster

PARALLEL = 200


def article_paths(cluster) -> list[str]:
    """The published articles on the home page, newest first."""
    html = Client(cluster.url, BOT).get("/").text
    return list(dict.fromkeys(re.findall(r'href="(/tin-tuc/[\w-]+/)"', html)))


def views(base: str, path: str) -> int:
    return stat(Client(base, BOT).get(path).text, "views")


def visits_today(base: str) -> int:
    html = Client(base, BOT).get("/").text
    box = re.search(r'id="visitor-stats".*?</section>', html, re.S)
    assert box, "no visitor statistics box on the home page"
    return stat(box.group(0), "today")


def admin_login(base: str, address: str | None) -> Client:
    editor = Client(base, address=address)
    response = editor.login("/admin/login/?next=/admin/", "editor", DEMO_PASSWORD)
    assert response.status == 302, f"editor login refused ({response.status})"
    return editor


def test_parallel_new_visitors_through_nginx_add_exactly_their_number(cluster):
    path = article_paths(cluster)[0]
    views_before, today_before = views(cluster.url, path), visits_today(cluster.url)
    start = threading.Barrier(PARALLEL)

    def new_visitor(_):
        reader = Client(cluster.url, BROWSER, cookies=False)
        start.wait()  # all of them at once
        return reader.get(path, timeout=60).status

    with ThreadPoolExecutor(PARALLEL) as pool:
        statuses = Counter(pool.map(new_visitor, range(PARALLEL)))

    assert statuses == {200: PARALLEL}
    assert views(cluster.url, path) - views_before == PARALLEL
    assert visits_today(cluster.url) - today_before == PARALLEL


def test_an_article_edited_on_one_app_server_shows_on_the_other_at_the_next_request(cluster):
    editor = admin_login(cluster.app_url("app_a"), address="203.0.113.60")
    listing = editor.get("/admin/articles/article/?status__exact=published").text
    # Each row: its change link, then its "Xem" link to the public page; the first one on the
    # home page (not one scheduled for later).
    rows = re.findall(
        r'href="(/admin/articles/article/\d+/change/)[^"]*".*?href="(/tin-tuc/[\w-]+/)"', listing, re.S
    )
    on_home = article_paths(cluster)
    change, path = next((change, path) for change, path in rows if path in on_home)
    fields = form_fields(editor.get(change).text, "article_form")
    on_b = Client(cluster.app_url("app_b"), BOT)
    for _ in range(4):  # B's workers have the page in their caches now
        assert escape(fields["title"]) in on_b.get(path).text

    new_title = f"Tin sửa trên máy chủ A {uuid.uuid4().hex[:8]}"
    saved = editor.post(change, {**fields, "title": new_title, "_save": "Lưu"})
    assert saved.status == 302, re.findall(r'<ul class="errorlist[^>]*>(.*?)</ul>', saved.text, re.S)

    assert escape(new_title) in on_b.get(path).text


def test_a_login_lockout_made_on_one_app_server_holds_on_the_other(cluster):
    on_a = Client(cluster.app_url("app_a"), address="203.0.113.50")
    for _ in range(AXES_FAILURE_LIMIT):
        assert on_a.login("/dang-nhap/", "writer", "not-the-password").status in (200, 429)

    b = cluster.app_url("app_b")
    # On B the right password no longer opens the locked account, from any address …
    refused = Client(b, address="203.0.113.51").login("/dang-nhap/", "writer", DEMO_PASSWORD)
    assert refused.status == 429 and "Tạm khóa đăng nhập" in refused.text
    # … and the locked address opens no other account either …
    assert Client(b, address="203.0.113.50").login("/dang-nhap/", "district2", DEMO_PASSWORD).status == 429
    # … while anyone else logs in on B as usual …
    assert Client(b, address="203.0.113.52").login("/dang-nhap/", "district", DEMO_PASSWORD).status == 302
    # … and through nginx a client's own X-Forwarded-For is not believed: naming the locked
    # address there does not lock this reader out.
    forged = Client(cluster.url, address="203.0.113.50").login("/dang-nhap/", "district", DEMO_PASSWORD)
    assert forged.status == 302


def test_the_request_id_nginx_logs_is_the_one_the_application_uses(cluster):
    response = Client(cluster.url, BOT).get("/")
    request_id = response.headers["X-Request-ID"]  # set by Django from nginx's X-Request-ID
    time.sleep(0.2)  # nginx writes its access log line once the response has gone
    assert cluster.log_count("danvan.access", f"id={request_id}") == 1


def test_a_comment_posted_on_one_app_server_is_in_the_admin_of_the_other(cluster):
    reader = Client(cluster.app_url("app_a"), address="203.0.113.70")
    path, page = next(
        (path, page)
        for path in article_paths(cluster)
        if 'id="comment-form"' in (page := reader.get(path).text)
    )
    fields = form_fields(page, "comment-form")
    # The code the reader would read in the image; the test reads it from the database instead.
    code = json.loads(reader.get("/captcha/refresh/", headers={"X-Requested-With": "XMLHttpRequest"}).text)
    assert re.fullmatch(r"[0-9a-f]{40}", code["key"])  # safe to put in the query below
    answer = cluster.query(f"SELECT response FROM captcha_captchastore WHERE hashkey = '{code['key']}'")
    title = f"Ý kiến gửi qua máy chủ A {uuid.uuid4().hex[:8]}"
    fields.update(
        name="Trần Thị Mai",
        email="mai@example.com",
        title=title,
        body="Mong Ban có thêm bài về dân vận khéo ở bản.",
        captcha_0=code["key"],
        captcha_1=answer,
        website="",
    )
    posted = reader.post(path + "y-kien/", fields)
    assert posted.status == 302, re.findall(r'<ul class="errorlist[^>]*>(.*?)</ul>', posted.text, re.S)

    editor_on_b = admin_login(cluster.app_url("app_b"), address="203.0.113.71")
    assert title in editor_on_b.get("/admin/articles/comment/").text


def test_an_editor_signed_in_through_nginx_stays_signed_in_on_both_app_servers(cluster):
    editor = admin_login(cluster.url, address=None)
    answers = [editor.get("/admin/") for _ in range(6)]  # nginx takes turns between A and B
    assert [answer.status for answer in answers] == [200] * 6
    assert all("Quản lý nội dung" in answer.text for answer in answers)


def test_a_public_form_refuses_a_body_bigger_than_any_comment_before_the_app_reads_it(cluster):
    path = article_paths(cluster)[0]
    huge = {"name": "x", "body": "x" * (2 * 1024 * 1024)}
    assert Client(cluster.url).post(path + "y-kien/", huge).status == 413


# --- Slow clients -------------------------------------------------------------------------------

SLOW_CLIENTS = 50  # of each kind


def open_connections_to(port: int) -> int:
    """Established TCP connections from this machine to `port` (the attack's, seen from its side)."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            parts = line.split()
            if int(parts[2].rsplit(":", 1)[1], 16) == port and parts[3] == "01":
                count += 1
    return count


@contextmanager
def slow_clients(base: str, port: int):
    """50 slowloris clients (a header line every 5 s, never the blank line that ends it) and 50
    slow-body clients (a POST whose 64 KB body comes a few bytes every 5 s), from slowhttptest."""
    common = ["-c", str(SLOW_CLIENTS), "-r", "100", "-i", "5", "-l", "60", "-p", "3"]
    attacks = [
        subprocess.Popen(["slowhttptest", "-H", *common, "-u", base + "/"], **QUIET),
        subprocess.Popen(["slowhttptest", "-B", "-s", "65536", *common, "-u", base + "/"], **QUIET),
    ]
    try:
        deadline = time.monotonic() + 10
        while open_connections_to(port) < 2 * SLOW_CLIENTS * 0.9 and time.monotonic() < deadline:
            time.sleep(0.1)
        yield
    finally:
        for attack in attacks:
            attack.terminate()
            attack.wait(timeout=10)


QUIET = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}


def time_home_page(base: str, port: int, requests: int, timeout: float) -> tuple[list[float], list[int]]:
    """A returning reader opening the home page `requests` times, 0.2 s apart: the seconds each
    answer took (a timeout counts as `timeout`), and how many slow connections were open."""
    reader = Client(base, BROWSER)
    seconds, attackers = [], []
    for _ in range(requests):
        attackers.append(open_connections_to(port))
        start = time.perf_counter()
        try:
            assert reader.get("/", timeout=timeout).status == 200
            seconds.append(time.perf_counter() - start)
        except OSError:  # no answer in time (or none at all): unavailable for that long
            seconds.append(timeout)
        time.sleep(0.2)
    return seconds, attackers


def report(what: str, seconds: list[float], attackers: list[int], timeout: float):
    timed_out = sum(1 for each in seconds if each >= timeout)
    print(
        f"{what}: median {statistics.median(seconds) * 1000:.1f} ms, max {max(seconds) * 1000:.1f} ms "
        f"over {len(seconds)} requests ({timed_out} gave no answer within {timeout:.0f} s), "
        f"{min(attackers)}–{max(attackers)} slow connections open"
    )


def test_slow_clients_do_not_slow_the_site_behind_nginx(cluster):
    port = cluster.ports["nginx"]
    for _ in range(8):  # every worker of A and B has the home page at hand
        Client(cluster.url, BROWSER).get("/")
    with slow_clients(cluster.url, port):
        seconds, attackers = time_home_page(cluster.url, port, requests=20, timeout=5)
    report("through nginx, 50 slow-header + 50 slow-body clients", seconds, attackers, timeout=5)
    assert min(attackers) >= 2 * SLOW_CLIENTS * 0.9, "the slow clients were not all connected"
    assert statistics.median(seconds) < 0.1
    # The slowest one only has to be answered: on a busy shared machine the scheduler alone
    # makes an odd request slow, with or without an attack.
    assert max(seconds) < 1


def test_the_same_slow_clients_take_a_bare_gunicorn_down(cluster):
    """What nginx is for: the attack straight at one app server (never done in production)."""
    base, port = cluster.app_url("app_b"), cluster.ports["app_b"]
    with slow_clients(base, port):
        seconds, attackers = time_home_page(base, port, requests=4, timeout=3)
    report("straight at gunicorn (app server B), same clients", seconds, attackers, timeout=3)
    assert statistics.median(seconds) > 1


# --- An app server stopped under load ---------------------------------------------------------


def test_stopping_an_app_server_under_load_loses_no_counted_view(cluster):
    path = article_paths(cluster)[1]
    before = views(cluster.url, path)
    served_by_a_before = cluster.log_count("app_a", f'"GET {path} ')
    upstream_errors_before = cluster.log_count("nginx-error", "failed (")
    statuses: Counter = Counter()
    lock = threading.Lock()
    end = time.monotonic() + 8

    def new_visitors():
        while time.monotonic() < end:
            try:
                status = Client(cluster.url, BROWSER, cookies=False).get(path, timeout=30).status
            except OSError:
                status = "connection error"
            with lock:
                statuses[status] += 1

    try:
        with ThreadPoolExecutor(4) as pool:
            for _ in range(4):
                pool.submit(new_visitors)
            time.sleep(3)
            cluster.stop_app("app_a")  # SIGTERM to gunicorn's master, mid-run
        served_by_a = cluster.log_count("app_a", f'"GET {path} ') - served_by_a_before
        # Each one a connection to A refused, or reset before an answer (a request still in the
        # queue of its socket when A closed it), that nginx then sent to B.
        upstream_errors = cluster.log_count("nginx-error", "failed (") - upstream_errors_before
    finally:
        cluster.start_app("app_a")

    counted = views(cluster.url, path) - before
    print(
        f"load run through nginx, app server A stopped (SIGTERM) after 3 of 8 s: responses {dict(statuses)}, "
        f"{served_by_a} of them answered by A, {upstream_errors} connections to A failed and went to B, "
        f"views counted {counted}"
    )
    assert served_by_a > 0, "A took no part in the run"
    assert statuses[200] > served_by_a, "B took no part in the run"
    assert counted >= statuses[200]
