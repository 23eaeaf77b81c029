#!/usr/bin/env python3
# ruff: noqa: T201 — a command-line report: printing is its job.
"""What the visitor counter costs: article page req/s with the counter on and off.

    .venv/bin/python bench/counter.py [--duration 10] [--rounds 3] [--connections 16]

Builds a throwaway site (SQLite file in a temp folder, or the database in DATABASE_URL), fills it
with `seed_demo`, and runs it as `make serve` does (gunicorn, 2 workers, DEBUG off, no SSL
redirect; bench.settings) twice: port 8104 with the counter, port 8105 with VISITORS_ENABLED=0. Then wrk (Debian's
`wrk`) drives the same article page on both, interleaved round by round so a noisy machine hurts
both sides alike, for

  * returning readers: a browser's cookies kept (`-H "Cookie: …"`): the visit is live, the view
    of this article and the visitor's presence were recorded — the counter writes nothing;
  * new visitors: no cookie: every request is a new visit, a new article view and a new online
    visitor — the counter's worst case.

Prints a table (median req/s, p50/p99 latency, CPU per request of the workers and of the
PostgreSQL server processes, non-2xx) and the on/off ratios (the median of each round's, and each
round's: on this shared machine they swing by ±10 %), the counter's cost 1 − on/off against its
targets (≤ 10 % for returning readers, ≤ 30 % for new visitors), then the same comparison in one
process (bench/counter_inprocess.py: alternating batches, precise to a few µs), writes it all to
bench/results/counter.json, and checks that the visits recorded equal the requests wrk completed.
It sees the counter only as a reader does: over HTTP, the figures read from the page's
"Thống kê truy cập" box (`data-stat`), never through the counter's code.
"""

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from readers import BROWSER, cookie_header, returning_cookies, visitor_figures

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
# The ceilings on the counter's cost, 1 − (req/s on ÷ req/s off) of the article page.
COST_TARGETS = {"returning": 0.10, "new": 0.30}


def run(cmd, env, **kw):
    return subprocess.run(cmd, env=env, cwd=ROOT, check=True, text=True, capture_output=True, **kw)


def wait_up(url, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer: {url}")


def get(url):
    request = urllib.request.Request(url, headers={"User-Agent": BROWSER})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode()


def wrk(url, headers, args):
    cmd = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s", "--latency"]
    for header in headers:
        cmd += ["-H", header]
    out = subprocess.run([*cmd, url], check=True, text=True, capture_output=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "rps": rps,
        "requests": total,
        "p50_ms": latency_ms(out, "50%"),
        "p99_ms": latency_ms(out, "99%"),
        "errors": (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, errors.groups())) if errors else 0),
    }


def latency_ms(out, pct):
    value, unit = re.search(rf"^\s+{pct}\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
    return round(float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 2)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--on", default="127.0.0.1:8104", help="address of the server with the counter")
    parser.add_argument("--off", default="127.0.0.1:8105", help="address of the server without it")
    args = parser.parse_args()
    addresses = {"on": args.on, "off": args.off}
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")

    tmp = Path(tempfile.mkdtemp(prefix="danvan-bench-counter-"))
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-not-secret",
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": ",".join(a.rsplit(":", 1)[0] for a in (args.on, args.off)),
        "MEDIA_ROOT": str(tmp / "media"),
        "LOG_LEVEL": "WARNING",
        # The production settings plus the floor page (bench/settings.py), as `make bench` runs.
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "PYTHONPATH": str(ROOT),
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{tmp / 'bench.sqlite3'}")
    database = env["DATABASE_URL"].split(":", 1)[0]
    print(f"Preparing the site in {tmp} ({database})…", flush=True)
    run([PYTHON, "manage.py", "migrate", "--noinput"], env)
    run([PYTHON, "manage.py", "seed_demo", "--no-accounts", "--if-empty"], env)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], env)

    servers = []
    try:
        for mode, address in addresses.items():
            server_env = {**env, "VISITORS_ENABLED": "1" if mode == "on" else "0"}
            servers.append(
                subprocess.Popen(
                    [GUNICORN, "danvan_site.wsgi:application", "--bind", address]
                    + ["--workers", str(args.workers), "--log-level", "warning"],
                    env=server_env,
                    cwd=ROOT,
                    start_new_session=True,
                )
            )
        for address in addresses.values():
            wait_up(f"http://{address}/robots.txt")

        home = get(f"http://{args.on}/")
        path = re.search(r'href="(/tin-tuc/[a-z0-9-]+/)"', home).group(1)
        # A returning reader: the cookies a browser holds some minutes into its visit.
        cookie = cookie_header(returning_cookies(f"http://{args.on}{path}"))
        print(f"Article {path}\nReturning reader's cookies: {cookie}\n", flush=True)

        scenarios = [
            ("returning", "on", [f"Cookie: {cookie}"]),
            ("returning", "off", [f"Cookie: {cookie}"]),
            ("new", "on", []),
            ("new", "off", []),
        ]
        # Warm both servers (imports, template and closed-day caches) outside the measurement.
        for _, mode, headers in scenarios[:2]:
            wrk(
                f"http://{addresses[mode]}{path}",
                [f"User-Agent: {BROWSER}", *headers],
                argparse.Namespace(**{**vars(args), "duration": 2}),
            )
        before = visits_today(args.on, env)
        runs = {(who, mode): [] for who, mode, _ in scenarios}
        pids = {mode: server.pid for mode, server in zip(addresses, servers, strict=True)}
        for n in range(args.rounds):
            # A-B then B-A: a load that drifts during the round hurts both sides alike.
            order = scenarios if n % 2 == 0 else [scenarios[1], scenarios[0], scenarios[3], scenarios[2]]
            for who, mode, headers in order:
                cpu, db_cpu = cpu_seconds(pids[mode]), database_cpu_seconds()
                result = wrk(f"http://{addresses[mode]}{path}", [f"User-Agent: {BROWSER}", *headers], args)
                done = max(result["requests"], 1)
                result["cpu_ms"] = round((cpu_seconds(pids[mode]) - cpu) * 1000 / done, 3)
                result["db_cpu_ms"] = round(cpu_since(db_cpu) * 1000 / done, 3)
                runs[(who, mode)].append(result)
                print(
                    f"round {n + 1} {who:9} counter {mode:3}: {result['rps']:8.1f} req/s "
                    f"{result['cpu_ms']:6.2f} CPU ms/request, database {result['db_cpu_ms']:5.2f}",
                    flush=True,
                )
        recorded = visits_today(args.on, env) - before
        expected = sum(r["requests"] for r in runs[("new", "on")])
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
        for server in servers:
            server.wait(timeout=30)

    print("\nIn-process A/B (bench/counter_inprocess.py)…", flush=True)
    in_process = json.loads(run([PYTHON, ROOT / "bench" / "counter_inprocess.py"], env).stdout)

    table = {}
    for (who, mode), results in runs.items():
        table[f"article_{who}_counter_{mode}"] = {
            "rps": round(statistics.median(r["rps"] for r in results), 1),
            "p50_ms": statistics.median(r["p50_ms"] for r in results),
            "p99_ms": statistics.median(r["p99_ms"] for r in results),
            "errors": sum(r["errors"] for r in results),
            "cpu_ms": statistics.median(r["cpu_ms"] for r in results),
            "db_cpu_ms": statistics.median(r["db_cpu_ms"] for r in results),
            "runs_rps": [r["rps"] for r in results],
        }
    # Ratios of runs made side by side in the same round, then their median: on a shared machine
    # the load swings between rounds far more than within one.
    round_ratios = {
        who: [on["rps"] / off["rps"] for on, off in zip(runs[(who, "on")], runs[(who, "off")], strict=True)]
        for who in ("returning", "new")
    }
    ratios = {who: round(statistics.median(values), 3) for who, values in round_ratios.items()}
    cpu_ratios = {
        who: round(
            table[f"article_{who}_counter_on"]["cpu_ms"] / table[f"article_{who}_counter_off"]["cpu_ms"], 3
        )
        for who in ("returning", "new")
    }
    print(f"\n{'page':34} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'CPU ms':>7} {'DB CPU':>7} {'errors':>7}")
    for name, row in table.items():
        print(
            f"{name:34} {row['rps']:8.1f} {row['p50_ms']:8.2f} {row['p99_ms']:8.2f} {row['cpu_ms']:7.2f} "
            f"{row['db_cpu_ms']:7.2f} {row['errors']:7}"
        )
    for who in ("returning", "new"):
        readers = "returning readers" if who == "returning" else "new visitors"
        print(
            f"counter on/off, {readers}: req/s {ratios[who]:.3f} (cost {1 - ratios[who]:.1%}; "
            f"rounds {' '.join(f'{r:.2f}' for r in round_ratios[who])}), "
            f"server CPU per request {cpu_ratios[who]:.3f} (cost {cpu_ratios[who] - 1:.1%})"
        )
    costs = {who: round(1 - ratios[who], 3) for who in ("returning", "new")}
    for who in ("returning", "new"):
        readers = "returning readers" if who == "returning" else "new visitors"
        verdict = "ok" if costs[who] <= COST_TARGETS[who] else "MISSED"
        print(
            f"counter cost, {readers}: 1 − on/off = {costs[who]:.1%}, target ≤ {COST_TARGETS[who]:.0%}: {verdict}"
        )
    for who in ("returning", "new"):
        ab = in_process[who]
        readers = "returning readers" if who == "returning" else "new visitors"
        print(
            f"in-process, {readers}: {ab['on_us']} µs on, {ab['off_us']} µs off, counter +{ab['extra_us']} µs; "
            f"pages/s {ab['ratio']:.3f} (cost {1 - ab['ratio']:.1%}; quartiles {ab['ratio_q1']:.3f}–{ab['ratio_q3']:.3f})"
        )
    # wrk does not count requests left in flight when it stops (at most one per connection per run)
    # or given up on (timeouts), which the server still completes and counts.
    slack = args.connections * args.rounds + table["article_new_counter_on"]["errors"]
    verdict = "exact" if expected <= recorded <= expected + slack else "MISMATCH"
    print(
        f"visits recorded during the new-visitor runs: {recorded}; wrk completed {expected} "
        f"(+ at most {slack} in flight or timed out): {verdict}"
    )
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True, capture_output=True
    ).stdout.strip()
    out = ROOT / "bench" / "results" / "counter.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "commit": commit,
                "database": database,
                "settings": vars(args),
                "pages": table,
                "ratio_on_off": ratios,
                "cost": costs,
                "cost_target": COST_TARGETS,
                "ratio_on_off_rounds": round_ratios,
                "in_process": in_process,
                "cpu_ratio_on_off": cpu_ratios,
                "visits_recorded": recorded,
                "new_visitor_requests": expected,
            },
            indent=2,
        )
    )
    print(f"written to {out.relative_to(ROOT)}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


def cpu_seconds(master_pid):
    """User + system CPU of a gunicorn master and its workers so far (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    pids = [master_pid]
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def database_cpu_seconds():
    """{pid: user + system CPU seconds} of every PostgreSQL server process (none on SQLite, which
    runs inside the workers): the database's share of a request, which `cpu_seconds` misses."""
    ticks = os.sysconf("SC_CLK_TCK")
    seconds = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            name, fields = stat.read_text().rsplit(")", 1)
        except (FileNotFoundError, ProcessLookupError):
            continue
        if name.endswith("(postgres"):
            fields = fields.split()
            seconds[stat.parent.name] = (int(fields[11]) + int(fields[12])) / ticks
    return seconds


def cpu_since(before):
    """Database CPU seconds since `before`: a process that started meanwhile (autovacuum) counts
    whole; one that ended meanwhile is lost, never counted negative."""
    return sum(now - before.get(pid, 0) for pid, now in database_cpu_seconds().items())


def visits_today(address, env):
    """Today's visits as the page shows them, once no worker can still show older figures (each
    keeps them up to VISITOR_STATS_MAX_AGE seconds)."""
    time.sleep(float(env.get("VISITOR_STATS_MAX_AGE", 1)) + 1)
    return visitor_figures(f"http://{address}/")["today"]


if __name__ == "__main__":
    sys.exit(main())
