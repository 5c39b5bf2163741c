# One task runner for people and CI. `make run` and `make test` set everything up.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.12 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 8000
# `make test-pg`: the suite on PostgreSQL with Redis as the shared cache (as CI runs it).
PG_DB ?= cible_ci
PG_URL ?= postgres://postgres@127.0.0.1:5432/$(PG_DB)
REDIS_TEST_URL ?= redis://127.0.0.1:6379/15
# Narrow a run, e.g. `make test PYTEST_ARGS="-q tests/test_cache.py"`.
PYTEST_ARGS ?=

.PHONY: setup run test test-fast test-pg bench profile lint check format messages clean vnu

# The Nu HTML Checker for tests/test_html_validity.py: the pinned npm package
# vnu-jar (needs npm; runs with Java 17), installed into the ignored .cache/.
VNU_VERSION := 26.9.27
VNU_DIR := .cache/vnu
VNU_STAMP := $(VNU_DIR)/.installed-$(VNU_VERSION)

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -c 'import sys; sys.exit(sys.version_info < (3, 12))' || { echo "Cible needs Python 3.12 or newer (found $$($(PY) --version))."; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

setup: $(STAMP) messages

# Translations are compiled from the .po files in the repository.
messages: $(STAMP)
	@$(PY) manage.py compilemessages --ignore=.venv --ignore=staticfiles -v0

# The worker (outbox retries, periodic jobs) runs beside the server and stops with it.
run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo --if-empty
	@$(PY) manage.py worker & worker=$$!; trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(PY) manage.py runserver $(HOST):$(PORT)

test: setup
	$(PY) -m pytest $(PYTEST_ARGS)

# Without the browser tests.
test-fast: setup
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

# The deploy-check tests start `manage.py` against DATABASE_URL itself (not the test database),
# so the database must exist.
test-pg: setup
	@psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$(PG_DB)'" | grep -q 1 \
	  || psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $(PG_DB)"
	DATABASE_URL="$(PG_URL)" REDIS_URL="$(REDIS_TEST_URL)" $(PY) -m pytest $(PYTEST_ARGS)

bench: setup
	$(PY) bench/run.py $(BENCH_ARGS)

# Where one page's time goes (SQL, templates, Python), on the current database:
# `make profile URL='/fr/trainings/?q=crise'` (PROFILE_ARGS="--warm" for filled fragment caches).
profile: setup
	@test -n "$(URL)" || { echo "usage: make profile URL='/fr/trainings/?q=crise'"; exit 1; }
	$(PY) bench/profile_page.py "$(URL)" $(PROFILE_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Everything CI checks besides the tests: lint, migrations in step with the models,
# the deploy check in production settings, bandit, the one direction between the
# apps (import-linter contract in pyproject.toml) and the dependency audit.
check: lint
	$(PY) manage.py makemigrations --check --dry-run
	DEBUG=0 TRUSTED_PROXIES=1 SECRET_KEY="ci-$$(head -c 48 /dev/urandom | base64 | tr -d '/+=')" ALLOWED_HOSTS=cible.example \
	  $(PY) manage.py check --deploy --fail-level WARNING
	$(VENV)/bin/bandit -q -c pyproject.toml -r catalogue experts alerts config
	$(VENV)/bin/lint-imports --no-cache
	$(PY) .ci/audit_dependencies.py

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

vnu: $(VNU_STAMP)

$(VNU_STAMP):
	@command -v npm >/dev/null || { echo "make vnu needs npm (Debian: apt-get install npm)."; exit 1; }
	npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix $(VNU_DIR) vnu-jar@$(VNU_VERSION)
	@test -f $(VNU_DIR)/node_modules/vnu-jar/build/dist/vnu.jar
	@rm -f $(VNU_DIR)/.installed-* && touch $@

makemessages: setup
	$(PY) manage.py makemessages -l fr -l en --ignore=.venv --ignore=staticfiles --ignore=.cache --no-obsolete --no-location

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
