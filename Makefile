# One command each: `make run` serves the portal on a fresh machine, `make test` runs every test.
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# Production-like settings for the deployment checks and the smoke test.
PROD_ENV := DEBUG=0 SECRET_KEY=ci-check-deploy-$$(date +%s)-not-a-real-secret-0123456789abcdefghijklmnop ALLOWED_HOSTS=127.0.0.1,localhost REDIS_URL=redis://127.0.0.1:6379/1
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/portal_ci

.PHONY: run test lint fmt ci bench install migrate messages check-messages smoke test-postgres test-sqlite test-browser clean

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

# The whole suite on whatever DATABASE_URL says (SQLite when unset); browser tests included
# when Chromium is installed, skipped (with a reason) when it is not.
test: install
	$(PY) -m pytest

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

test-postgres: install
	DATABASE_URL=$(PG_TEST_URL) $(PY) -m pytest -m "not browser"

test-sqlite: install
	env -u DATABASE_URL $(PY) -m pytest -m "not browser"

test-browser: install
	env -u DATABASE_URL $(PY) -m pytest -m browser

# Start gunicorn with production settings on PostgreSQL and fetch the home page in every language.
smoke: install
	$(PROD_ENV) DATABASE_URL=$(PG_TEST_URL)_smoke bash scripts/smoke.sh

ci: install
	$(MAKE) lint
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
	$(PROD_ENV) DATABASE_URL=$(PG_TEST_URL) $(PY) manage.py check --deploy --fail-level WARNING
	$(MAKE) test-postgres
	$(MAKE) test-sqlite
	$(MAKE) test-browser
	$(MAKE) smoke

bench: install
	bash scripts/bench.sh

clean:
	rm -rf staticfiles .test-media screenshots
