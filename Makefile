# Sayembara: `make run` to try it, `make test` to check it.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Set TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run the suite on PostgreSQL too.
TEST_POSTGRES_URL ?=
# Optional Redis cache for the PostgreSQL run (production-like), e.g. redis://127.0.0.1:6379/15.
REDIS_URL_FOR_POSTGRES ?=
PYTEST_ARGS ?=

.PHONY: install run serve test test-sqlite test-postgres bench bench-national messages check-deploy smoke-production clean

$(BIN)/.installed: requirements.txt pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

install: $(BIN)/.installed

# The development server and a Celery worker with its beat beside it (tools/run_dev.py); Ctrl-C stops both.
run: install
	$(BIN)/python manage.py migrate --no-input -v0
	$(BIN)/python manage.py load_demo --if-empty
	DEBUG=1 $(BIN)/python tools/run_dev.py $(HOST):$(PORT)

# Production-like: gunicorn with static files collected and served by WhiteNoise.
serve: install
	$(BIN)/python manage.py migrate --no-input -v0
	$(BIN)/python manage.py collectstatic --no-input -v0
	$(BIN)/gunicorn sayembara.wsgi:application --bind $(HOST):$(PORT) --workers 2 --access-logfile -

test: install
	$(BIN)/python manage.py collectstatic --no-input -v0
	$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$(TEST_POSTGRES_URL)" ]; then $(MAKE) --no-print-directory test-postgres; \
	else echo "TEST_POSTGRES_URL is not set: the PostgreSQL run was skipped."; fi

test-sqlite: install
	@echo "== Test suite on SQLite =="
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-postgres: install
	@echo "== Test suite on PostgreSQL ($(TEST_POSTGRES_URL)) =="
	DATABASE_URL=$(TEST_POSTGRES_URL) REDIS_URL=$(REDIS_URL_FOR_POSTGRES) $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install
	for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

# National scale on PostgreSQL (database sayembara_national, dropped and rebuilt) and Redis db 12: every page over HTTP,
# then 300 jurors scoring at once (locust, bench/requirements.txt). See bench/NATIONAL.md.
bench-national: install
	$(BIN)/pip install --quiet -r bench/requirements.txt
	$(BIN)/python bench/national_build.py
	$(BIN)/python bench/national_pages.py
	$(BIN)/python bench/national_load.py

check-deploy: install
	SECRET_KEY=$$(python3 -c 'import secrets; print(secrets.token_urlsafe(60))') ALLOWED_HOSTS=example.org \
	DJANGO_SETTINGS_MODULE=sayembara.settings_production $(BIN)/python manage.py check --deploy --fail-level WARNING

# The production profile serves pages: fresh database, demo, collectstatic, gunicorn and a Celery worker, HTTPS headers,
# each role's login, a job and an e-mail end to end on the worker.
smoke-production: install
	$(BIN)/python tools/smoke_production.py

messages: install
	for app in sayembara; do (cd $$app && ../$(BIN)/python ../manage.py makemessages -l id --no-obsolete); done
	$(BIN)/python manage.py compilemessages

clean:
	rm -rf $(VENV) var staticfiles
