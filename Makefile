# Approdo: the entry points. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
RTL_CSS := var/build/bootstrap-italia/css/bootstrap-italia.rtl.min.css
CHROMIUM ?= /usr/bin/chromium
export DJANGO_ALLOW_ASYNC_UNSAFE := true

.PHONY: help pdf install run test test-fast lint format check messages lock browsers scanner nginx demo bench bench-stack bench-monitoring wrk mutation clean stack stack-down

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | sort | awk -F':.*## ' '{printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}'

$(VENV)/.installed: requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || \
		{ echo "Approdo needs Python 3.11 (found $$($(PYTHON) --version))."; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.txt
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(RTL_CSS): node_modules/.installed
	mkdir -p $(dir $@)
	npm run --silent build:rtl

install: pdf $(VENV)/.installed node_modules/.installed $(RTL_CSS) ## Install the locked Python and npm dependencies

run: install ## Migrate a local SQLite database, load demo content and serve on :8000
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo
	$(MANAGE) runserver 127.0.0.1:8000

demo: install ## Load (or refresh) the demo content without starting the server
	$(MANAGE) migrate --noinput
	$(MANAGE) seed_demo

browsers: ## Install Debian's chromium for the browser tests (when root)
	@if [ -x "$(CHROMIUM)" ]; then exit 0; fi; \
	if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing chromium from Debian's packages…"; \
		apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "Browser tests need Debian's chromium: run 'sudo apt-get install -y chromium'"; \
		echo "(or set CHROMIUM=/path/to/chromium)."; exit 1; \
	fi

scanner: ## Install ClamAV's clamd and sigtool for the upload tests (when root); no signatures are downloaded
	@if command -v clamd >/dev/null || [ -x /usr/sbin/clamd ]; then exit 0; fi; \
	if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing ClamAV from Debian's packages…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clamav-daemon >/dev/null; \
	else \
		echo "Upload tests need ClamAV: run 'sudo apt-get install -y clamav-daemon'"; exit 1; \
	fi

pdf: ## Install Pango and the DejaVu fonts that WeasyPrint needs for the agreements' PDFs (when root)
	@if dpkg -s libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing Pango and the DejaVu fonts from Debian's packages…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null; \
	else \
		echo "Agreements' PDFs need Pango and DejaVu: run 'sudo apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core'"; exit 1; \
	fi

nginx: ## Install Debian's nginx-light for the X-Accel-Redirect download test (when root)
	@if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then exit 0; fi; \
	if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing nginx-light from Debian's packages…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; \
	else \
		echo "The download test needs nginx: run 'sudo apt-get install -y nginx-light'"; exit 1; \
	fi

# One pytest worker per core (pytest-xdist), each with its own test database; a test module
# stays on one worker, so its module-scoped servers (browser, stack) start once, and the
# long modules are handed out first (tests/conftest.py; xdist would otherwise reorder the
# modules by their number of tests).
TEST_WORKERS ?= auto

test: install browsers scanner nginx ## Run the whole test suite, browser tests included (fresh test databases)
	$(PY) -m pytest --create-db -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

test-fast: install ## Re-run the suite on the kept test database, without browser and slow tests
	$(PY) -m pytest --reuse-db -m "not browser and not slow" $(PYTEST_ARGS)

wrk:
	@command -v wrk >/dev/null || { if [ "$$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; \
		else echo "make bench needs wrk: run 'sudo apt-get install -y wrk'"; exit 1; fi; }

bench: install nginx wrk ## Benchmarks (gunicorn + wrk, production-like settings, then the production shape); writes docs/performance.md
	$(PY) -m bench.run

bench-monitoring: install ## Only the funder's reports benchmark (Annex I tables, targets dashboard, 10,000 participants)
	$(PY) -m bench.run --only monitoring

bench-stack: install nginx wrk ## Only the production-shape benchmark: front cache, publish to visible, soak (APPRODO_SOAK_SECONDS, default 600)
	$(PY) -m bench.run --only stack

mutation: install ## Mutation testing (mutmut) of the modules guarding people and money; writes docs/testing.md
	$(PY) -m tests.mutation_report $(MUTANTS)

lint: install ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install ## Django system checks and missing-migration check
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run

messages: install ## Update and compile the UI-string catalogues in locale/
	$(MANAGE) makemessages --locale it --locale en --locale ar --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'var/*' --no-obsolete
	$(MANAGE) compilemessages --ignore '.venv/*' --ignore 'node_modules/*'

lock: install ## Re-resolve requirements*.txt from pyproject.toml (with hashes)
	$(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements.txt pyproject.toml
	$(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --extra dev -o requirements-dev.txt pyproject.toml

clean: ## Remove the virtualenv, node_modules and var/ (databases, media, builds)
	rm -rf $(VENV) node_modules var

stack: install nginx ## The production shape on loopback: nginx + front cache, two app instances, S3 (SeaweedFS), worker, scheduler
	$(PY) -m deploy.stack up

stack-down: ## Stop what `make stack` started
	$(PY) -m deploy.stack down
