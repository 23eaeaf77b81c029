#!/usr/bin/env bash
# `make test-cluster`: the production layout on one machine, checked through nginx.
# PostgreSQL ← PgBouncer (transaction mode) ← two app servers (`make serve`) + Redis ← nginx with
# deploy/nginx.conf, all on loopback ports in a temp folder, stopped at the end
# (tests/cluster/cluster.py). Installs the Debian packages it needs when they are missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
command -v pgbouncer >/dev/null || missing+=(pgbouncer)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v nginx >/dev/null || missing+=(nginx)
command -v slowhttptest >/dev/null || missing+=(slowhttptest)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (Debian packages)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# Extra arguments go to pytest (e.g. `bash deploy/cluster/run.sh -k slow`).
exec .venv/bin/python -m pytest tests/cluster -m cluster -p no:xdist -q -rA "$@"
