# One command each: `make run` serves the portal on a fresh machine, `make test` runs every test.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# Production-like settings for the deployment checks and the smoke test.
PROD_ENV := DEBUG=0 SECRET_KEY=ci-check-deploy-$$(date +%s)-not-a-real-secret-0123456789abcdefghijklmnop ALLOWED_HOSTS=127.0.0.1,localhost REDIS_URL=redis://127.0.0.1:6379/1
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/portal_ci

.PHONY: run test lint fmt ci bench install migrate messages check-messages smoke test-postgres clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	DEBUG=1 $(PY) manage.py migrate --no-input

run: migrate
	DEBUG=1 $(PY) manage.py load_sample_content
	@echo "The portal: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/, create a login with 'make superuser')"
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

superuser: migrate
	DEBUG=1 $(PY) manage.py createsuperuser

# The whole suite on SQLite, browser tests included when Chromium is installed (skipped, with a
# reason, when it is not), in parallel on every core, with the slowest tests listed at the end.
PYTEST_FAST := -n auto --dist loadgroup --durations=15
test: install
	env -u DATABASE_URL $(PY) -m pytest $(PYTEST_FAST)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/djhtml --check templates

fmt: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .
	$(VENV)/bin/djhtml templates

# Rebuild the .po files from the code and templates (needs GNU gettext), then compile them.
messages: install
	DEBUG=1 $(PY) manage.py makemessages --locale ky --locale ru --no-obsolete --add-location file
	DEBUG=1 $(PY) manage.py compilemessages --ignore .venv

# The same suite on PostgreSQL, in a random order (the seed is printed, `-p random_order
# --random-order-seed=N` repeats it): only the tests that touch the database, which is what differs.
test-postgres: install
	DATABASE_URL=$(PG_TEST_URL) $(PY) -m pytest $(PYTEST_FAST) -m "not browser" --database-tests-only --random-order

# Start gunicorn with production settings on PostgreSQL and fetch the home page in every language.
smoke: install
	$(PROD_ENV) DATABASE_URL=$(PG_TEST_URL)_smoke bash scripts/smoke.sh

# What CI runs (.ci/run): the README's `make test` itself, then PostgreSQL and a production start.
ci: install
	$(MAKE) lint
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	@# The deployment checks run here only, once, with the production settings and database engine.
	$(PROD_ENV) DATABASE_URL=$(PG_TEST_URL) $(PY) manage.py check --deploy --fail-level WARNING
	$(MAKE) test
	$(MAKE) test-postgres
	$(MAKE) smoke

bench: install
	bash scripts/bench.sh

clean:
	rm -rf staticfiles screenshots
