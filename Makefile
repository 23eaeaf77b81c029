# danvan_site — every command a person or CI needs. `make help` lists them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# `make serve` listens on loopback only; on an app host behind nginx on another machine, its
# private address (a firewall lets only nginx in: gunicorn is never exposed, deploy/README.md).
BIND_ADDRESS ?= 127.0.0.1
WEB_CONCURRENCY ?= 2
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
# A recycled worker starts with nothing kept in its memory, so workers are recycled rarely.
# --preload: Django is imported once in the master, so a recycled worker is forked ready instead
# of importing it again, and workers share that memory. A deploy then needs a restart, not a HUP.
GUNICORN_ARGS ?= --access-logfile - --max-requests 50000 --max-requests-jitter 5000 --preload
BENCH_PG_PORT ?= 25433

.PHONY: help install run messages test test-browser browser-deps test-cluster test-pg serve bench lint fmt migrations-check clean backup restore

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the pinned requirements

# `make run` shows the site as readers get it: DEBUG off, so a wrong address gets the Vietnamese
# 404 page (and a crash the 500 page), not Django's debug page; static files are collected and
# served by WhiteNoise as under `make serve`. Plain HTTP on loopback, and a random key for each
# run (signing in again after a restart). The demo accounts are made with DEBUG on: seed_demo
# refuses them otherwise. `DEBUG=1 make run` gives Django's debug pages while developing.
RUN_ENV = DEBUG=$${DEBUG:-0} SECURE_SSL_REDIRECT=$${SECURE_SSL_REDIRECT:-0} \
	SECRET_KEY=$${SECRET_KEY:-$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))")}

run: $(STAMP) ## The site on SQLite with demo content at http://127.0.0.1:$(PORT)/
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	DEBUG=1 $(PY) manage.py seed_demo --if-empty
	$(RUN_ENV) $(PY) manage.py collectstatic --noinput -v 0
	$(RUN_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The compiled catalogues (.mo) are committed, so the site needs no gettext to run; this target
# rebuilds them after an edit of locale/vi/LC_MESSAGES/*.po (Debian's gettext has msgfmt).
messages: $(STAMP) ## Compile the project's own Vietnamese strings (locale/) after an edit
	@command -v msgfmt >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext)
	$(PY) manage.py compilemessages --locale vi --ignore '.venv/*' --ignore 'node_modules/*'

test: $(STAMP) ## The whole test suite but the browser one (DATABASE_URL picks the database; SQLite by default)
	$(PY) -m pytest -n 2 -q

# The npm packages are test tools only (vnu-jar, axe-core); their install scripts are not needed.
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

browser-deps: ## Debian's chromium, a Java runtime and npm, installed only when missing
	bash .ci/browser-deps.sh

test-browser: $(STAMP) browser-deps $(NODE_STAMP) ## Real-browser journeys and web-standards checks (Chromium, vnu, axe-core)
	$(PY) -m pytest -m browser -p no:xdist -q

test-cluster: $(STAMP) ## PostgreSQL, PgBouncer, Redis, two app servers and nginx (deploy/nginx.conf), checked through nginx
	bash deploy/cluster/run.sh

serve: $(STAMP) ## Production-style: gunicorn, DEBUG off, migrations applied, static collected
	DEBUG=$${DEBUG:-0} $(PY) manage.py migrate --noinput
	DEBUG=$${DEBUG:-0} $(PY) manage.py createcachetable
	DEBUG=$${DEBUG:-0} $(PY) manage.py collectstatic --noinput -v 0
	DEBUG=$${DEBUG:-0} $(VENV)/bin/gunicorn danvan_site.wsgi:application \
		--bind $(BIND_ADDRESS):$(PORT) --workers $(WEB_CONCURRENCY) $(GUNICORN_ARGS)

bench: $(STAMP) ## Benchmark: throwaway PostgreSQL 15, 50,000 articles, gunicorn + wrk (bench/README.md)
	@command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	bash -c 'source .ci/pg.sh; pg_start $(BENCH_PG_PORT); $(PY) bench/run.py'

# The same checks as .pre-commit-config.yaml, on every tracked file: ruff, djhtml's template
# indentation, and django-upgrade (no Django idiom older than the Django we run).
DJANGO_TARGET := 5.2

lint: $(STAMP) ## ruff (lint + format check), djhtml (templates) and django-upgrade, all in check mode
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	git ls-files -z -- '*.html' | xargs -0 $(VENV)/bin/djhtml --check
	git ls-files -z -- '*.py' | xargs -0 $(VENV)/bin/django-upgrade --target-version $(DJANGO_TARGET) --check

fmt: $(STAMP) ## Fix what `make lint` finds
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	git ls-files -z -- '*.html' | xargs -0 $(VENV)/bin/djhtml
	git ls-files -z -- '*.py' | xargs -0 $(VENV)/bin/django-upgrade --target-version $(DJANGO_TARGET)

migrations-check: $(STAMP) ## Fail when a model change has no migration
	$(PY) manage.py makemigrations --check --dry-run

backup: $(STAMP) ## Database + media into backups/danvan-<date>.tar.gz (DATABASE_URL picks the database)
	$(PY) manage.py backup

restore: $(STAMP) ## Restore FILE=backups/danvan-….tar.gz (the current state is backed up first)
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/danvan-YYYYmmdd-HHMMSS.tar.gz"; exit 2; }
	$(PY) manage.py restore --noinput "$(FILE)"

clean: ## Remove the venv, database, media and collected static files
	rm -rf $(VENV) db.sqlite3* media staticfiles
