# One task runner for people and CI. `make run` and `make test` set everything up.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.12 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run test test-fast bench lint format messages clean

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

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo --if-empty
	$(PY) manage.py runserver $(HOST):$(PORT)

test: setup
	$(PY) -m pytest

# Without the browser tests.
test-fast: setup
	$(PY) -m pytest -m "not browser"

bench: setup
	$(PY) bench/run.py $(BENCH_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

makemessages: setup
	$(PY) manage.py makemessages -l fr -l en --ignore=.venv --ignore=staticfiles --ignore=.cache --no-obsolete --no-location

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
