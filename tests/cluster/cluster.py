"""A throwaway production-style cluster on loopback ports, for `make test-cluster`.

PostgreSQL ← PgBouncer (transaction mode) ← two app servers started as `make serve` starts them
(gunicorn, DEBUG off, Redis as the shared cache) ← nginx with `deploy/nginx.conf`. Every process
runs in the foreground as our child, in one temp folder, and `Cluster.stop()` ends each of them;
nothing is installed here (deploy/cluster/run.sh installs the Debian packages).

PostgreSQL and PgBouncer refuse to run as root, so when we are root they run as the `postgres`
user (created by Debian's postgresql package) through `setpriv`, which execs in place: the
process we hold is the server itself and our signal reaches it.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NGINX_CONF = ROOT / "deploy" / "nginx.conf"
SECRET_KEY = "cluster-test-secret-key-not-for-production-0123456789"
DEMO_PASSWORD = "cluster-demo-password-2026"
AXES_FAILURE_LIMIT = 5  # failed logins before a lock (the production default, set explicitly)
# Ports below 32768, which Linux hands out as the local ports of outgoing connections; each
# service gets base + its offset (25432/25433 are CI's and the benchmark's PostgreSQL).
PORT_BASES = range(21000, 29000, 100)
OFFSETS = {"postgres": 0, "pgbouncer": 1, "redis": 2, "app_a": 3, "app_b": 4, "nginx": 5}


def _free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def pick_ports() -> dict[str, int]:
    """Six free loopback ports: CLUSTER_PORT_BASE if set, else the first base whose ports are free
    (another engineer's cluster on the same machine takes another base)."""
    bases = [int(os.environ["CLUSTER_PORT_BASE"])] if os.environ.get("CLUSTER_PORT_BASE") else PORT_BASES
    for base in bases:
        ports = {name: base + offset for name, offset in OFFSETS.items()}
        if 25432 not in ports.values() and 25433 not in ports.values() and all(map(_free, ports.values())):
            return ports
    raise RuntimeError("no free ports for the cluster; set CLUSTER_PORT_BASE")


def pg_bin() -> Path:
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return candidate
    raise RuntimeError("PostgreSQL is not installed (make test-cluster installs it)")


def wait_until(check, what: str, timeout: float = 60.0, proc: subprocess.Popen | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{what}: the process exited with {proc.returncode}")
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{what}: not ready after {timeout:.0f} s")


def http_ok(url: str) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=5) as response:
        return response.status == 200


def port_open(port: int) -> bool:
    with socket.create_connection(("127.0.0.1", port), timeout=1):
        return True


@dataclass
class Cluster:
    LOGS = ("postgres", "pgbouncer", "redis", "app_a", "app_b", "nginx", "nginx-error")

    ports: dict[str, int] = field(default_factory=pick_ports)
    dir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="danvan-cluster-")))
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)

    # --- Addresses ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The site as readers reach it: through nginx."""
        return f"http://127.0.0.1:{self.ports['nginx']}"

    def app_url(self, name: str) -> str:
        """One app server directly (the checks that must name "one" and "the other" server)."""
        return f"http://127.0.0.1:{self.ports[name]}"

    @property
    def database_url(self) -> str:
        """PostgreSQL itself, for the test's own reads (the captcha's answer)."""
        return f"postgres://postgres@127.0.0.1:{self.ports['postgres']}/danvan"

    @property
    def pooled_database_url(self) -> str:
        """What the app servers use: PgBouncer."""
        return f"postgres://postgres@127.0.0.1:{self.ports['pgbouncer']}/danvan"

    def app_env(self, **extra) -> dict[str, str]:
        """The app servers' whole environment: the production settings of deploy/README.md and
        nothing inherited from whoever runs the test, so their settings cannot leak in."""
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.dir),
            "LANG": "C.UTF-8",
            "DJANGO_SETTINGS_MODULE": "danvan_site.settings",
            "DEBUG": "0",
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": self.pooled_database_url,
            "DISABLE_SERVER_SIDE_CURSORS": "1",
            "REDIS_URL": f"redis://127.0.0.1:{self.ports['redis']}/0",
            "SECURE_SSL_REDIRECT": "0",
            "VISITOR_STATS_MAX_AGE": "0",
            "TRUSTED_PROXY_HEADER": "X-Forwarded-For",
            "MEDIA_ROOT": str(self.dir / "media"),
            "DEMO_PASSWORD": DEMO_PASSWORD,
            "AXES_FAILURE_LIMIT": str(AXES_FAILURE_LIMIT),
            "WEB_CONCURRENCY": "2",
        }
        env.update(extra)
        return env

    # --- Processes ---------------------------------------------------------------------------

    def _as_postgres(self) -> list[str]:
        if os.getuid() != 0:
            return []
        return ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--"]

    def _spawn(self, name: str, argv: list[str], **kwargs) -> subprocess.Popen:
        log = open(self.dir / f"{name}.log", "ab")  # the child keeps its own copy of the file
        proc = subprocess.Popen(
            argv,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            **kwargs,
        )
        log.close()
        self.procs[name] = proc
        return proc

    def log(self, name: str, lines: int = 40) -> str:
        path = self.dir / f"{name}.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def log_count(self, name: str, text: str) -> int:
        """Lines of a process's log that contain `text` (gunicorn logs every request it answers)."""
        path = self.dir / f"{name}.log"
        return (
            sum(text in line for line in path.read_text(errors="replace").splitlines())
            if path.exists()
            else 0
        )

    def start(self):
        self.dir.chmod(0o755)  # PostgreSQL, PgBouncer and nginx's workers read their files here
        self.start_postgres()
        self.start_pgbouncer()
        self.start_redis()
        self.seed()
        # One after the other: each runs `migrate` as `make serve` does.
        self.start_app("app_a")
        self.start_app("app_b")
        self.start_nginx()
        return self

    def start_postgres(self):
        bin_dir, data = pg_bin(), self.dir / "pgdata"
        data.mkdir(mode=0o700)
        if os.getuid() == 0:
            shutil.chown(data, "postgres", "postgres")
        subprocess.run(
            [
                *self._as_postgres(),
                bin_dir / "initdb",
                "-D",
                data,
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
            ]
            + ["--locale=C.UTF-8"],
            check=True,
            capture_output=True,
        )
        # Durable as in production: the counter's exactness must not depend on skipped syncs.
        proc = self._spawn(
            "postgres",
            [*self._as_postgres(), bin_dir / "postgres", "-D", data, "-p", str(self.ports["postgres"])]
            + ["-k", str(data), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=100"],
        )
        wait_until(lambda: self._psql("SELECT 1", db="postgres").returncode == 0, "PostgreSQL", proc=proc)
        self._psql("CREATE DATABASE danvan", db="postgres", check=True)

    def _psql(self, sql: str, db: str = "danvan", check: bool = False) -> subprocess.CompletedProcess:
        return subprocess.run(
            [pg_bin() / "psql", "-h", "127.0.0.1", "-p", str(self.ports["postgres"]), "-U", "postgres"]
            + ["-d", db, "-XAtqc", sql],
            capture_output=True,
            text=True,
            check=check,
        )

    def query(self, sql: str) -> str:
        """One value read straight from PostgreSQL (the test's side channel, never the app's)."""
        return self._psql(sql, check=True).stdout.strip()

    def start_pgbouncer(self):
        (self.dir / "userlist.txt").write_text('"postgres" ""\n')
        (self.dir / "pgbouncer.ini").write_text(
            "[databases]\n"
            f"danvan = host=127.0.0.1 port={self.ports['postgres']} dbname=danvan\n"
            "[pgbouncer]\n"
            f"listen_addr = 127.0.0.1\nlisten_port = {self.ports['pgbouncer']}\n"
            "unix_socket_dir =\n"
            "auth_type = trust\n"
            f"auth_file = {self.dir / 'userlist.txt'}\n"
            # A server connection is lent for one transaction only: what many PostgreSQL hosts run.
            "pool_mode = transaction\n"
            "max_client_conn = 400\ndefault_pool_size = 20\n"
        )
        proc = self._spawn("pgbouncer", [*self._as_postgres(), "pgbouncer", str(self.dir / "pgbouncer.ini")])
        wait_until(lambda: port_open(self.ports["pgbouncer"]), "PgBouncer", proc=proc)

    def start_redis(self):
        proc = self._spawn(
            "redis",
            ["redis-server", "--port", str(self.ports["redis"]), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--dir", str(self.dir)],
        )
        wait_until(lambda: port_open(self.ports["redis"]), "Redis", proc=proc)

    def seed(self):
        """The demo content and accounts, once. `seed_demo` creates accounts only with DEBUG on,
        so it runs with DEBUG=1 against the same database; the servers then run with it off."""
        env = self.app_env(DEBUG="1")
        python = str(ROOT / ".venv" / "bin" / "python")
        for command in (["migrate", "--noinput"], ["seed_demo"]):
            done = subprocess.run(
                [python, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True
            )
            if done.returncode:
                raise RuntimeError(f"manage.py {command[0]} failed:\n{done.stdout}\n{done.stderr}")

    def start_app(self, name: str):
        """`PORT=… make serve`, as an operator starts an app server; the master's pid goes to a
        file (GUNICORN_CMD_ARGS) so a check can stop it gracefully. `-o` keeps make from
        reinstalling the venv, which `make test-cluster` has just brought up to date."""
        pidfile = self.dir / f"{name}.pid"
        pidfile.unlink(missing_ok=True)
        env = self.app_env(PORT=str(self.ports[name]), GUNICORN_CMD_ARGS=f"--pid {pidfile}")
        proc = self._spawn(
            name, ["make", "--no-print-directory", "-o", ".venv/.installed", "serve"], cwd=ROOT, env=env
        )
        wait_until(lambda: http_ok(self.app_url(name) + "/healthz"), f"app server {name}", 120, proc)

    def app_master_pid(self, name: str) -> int:
        return int((self.dir / f"{name}.pid").read_text())

    def stop_app(self, name: str, timeout: float = 40.0):
        """SIGTERM to the gunicorn master: it stops accepting and lets workers finish their
        requests (gunicorn's graceful stop, what a deploy or a shutdown sends)."""
        proc = self.procs.pop(name)
        os.kill(self.app_master_pid(name), signal.SIGTERM)
        proc.wait(timeout=timeout)

    def render_nginx_conf(self) -> str:
        """deploy/nginx.conf with this cluster's addresses: the upstream's server lines, the
        listen line and the log folder are the only changes."""
        conf = NGINX_CONF.read_text()
        servers = "".join(f"    server 127.0.0.1:{self.ports[name]};\n" for name in ("app_a", "app_b"))
        upstream_server = re.compile(r" *server [\d.]+:\d+\b.*;\n")
        lines, upstreams = [], 0
        for line in conf.splitlines(keepends=True):
            if upstream_server.fullmatch(line):
                upstreams += 1
                line = servers if upstreams == 1 else ""
            lines.append(line)
        conf, upstreams = "".join(lines), min(upstreams, 1)
        conf, listens = re.subn(r"listen 80;", f"listen 127.0.0.1:{self.ports['nginx']};", conf)
        conf, logs = re.subn(r"/var/log/nginx/", f"{self.dir}/", conf)
        assert (upstreams, listens, logs) == (1, 1, 1), "deploy/nginx.conf: a line to fill in is gone"
        return conf

    def start_nginx(self):
        """nginx in the foreground with a minimal main file around the shipped site file, as
        /etc/nginx/nginx.conf includes it from conf.d/."""
        (self.dir / "danvan.conf").write_text(self.render_nginx_conf())
        user = "user nobody nogroup;\n" if os.getuid() == 0 else ""
        temp = "".join(
            f"  {kind}_temp_path {self.dir / 'nginx-temp' / kind};\n"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (self.dir / "nginx-temp").mkdir(mode=0o755)
        (self.dir / "nginx.conf").write_text(
            f"{user}daemon off;\nworker_processes 2;\npid {self.dir / 'nginx.pid'};\n"
            f"error_log {self.dir / 'nginx-error.log'} warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
            f"{temp}  include {self.dir / 'danvan.conf'};\n}}\n"
        )
        check = subprocess.run(
            ["nginx", "-t", "-p", str(self.dir), "-c", str(self.dir / "nginx.conf")],
            capture_output=True,
            text=True,
        )
        if check.returncode:
            raise RuntimeError(f"nginx -t:\n{check.stderr}")
        proc = self._spawn("nginx", ["nginx", "-p", str(self.dir), "-c", str(self.dir / "nginx.conf")])
        wait_until(lambda: http_ok(self.url + "/healthz"), "nginx", proc=proc)

    def stop(self):
        """End every process we started (each by its own process group), then remove the folder."""
        for name in reversed(list(self.procs)):
            proc = self.procs.pop(name)
            if proc.poll() is None:
                try:
                    # PostgreSQL: SIGINT is its fast shutdown; everything else stops on SIGTERM.
                    os.killpg(proc.pid, signal.SIGINT if name == "postgres" else signal.SIGTERM)
                    proc.wait(timeout=30)
                except (ProcessLookupError, subprocess.TimeoutExpired):
                    try:
                        os.killpg(proc.pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                    proc.wait()
        if os.environ.get("CLUSTER_KEEP_DIR") != "1":
            shutil.rmtree(self.dir, ignore_errors=True)
