# Plataforma de Aprendizaje INFOM. `make demo` and `make test` work on a bare
# machine with Python 3.11; see README.md.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/infom_lms
REDIS_CACHE_URL ?= redis://127.0.0.1:6379/1
REDIS_BROKER_URL ?= redis://127.0.0.1:6379/2
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup demo serve worker beat test lint format test-integration e2e bench check-deploy services clean load load-smoke

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Falta $(PYTHON) (Python 3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

setup: $(STAMP)

demo: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Sitio en http://127.0.0.1:8000  (administración: http://127.0.0.1:8000/admin/)"
	DEBUG=false $(PY) manage.py runserver 127.0.0.1:8000

serve: setup
	$(PY) manage.py runserver 127.0.0.1:8000

worker: setup
	$(VENV)/bin/celery -A lms worker --loglevel=INFO --concurrency=2

beat: setup
	$(VENV)/bin/celery -A lms beat --loglevel=INFO

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

test: setup lint
	$(PY) manage.py makemigrations --check --dry-run --settings=lms.settings.test
	$(VENV)/bin/pytest -n 2

services:
	@$(PY) scripts/check_services.py

# The Spanish crawl and the catalog checks do not depend on the database: they
# run once, in `make test`. Both suites run in two processes (pytest-xdist);
# each has its own test database, media folders, Celery queue and, here, Redis
# cache database (lms/settings/test.py).
test-integration: setup services /usr/sbin/nginx
	DATABASE_URL=$(PG_URL) CACHE_URL=$(REDIS_CACHE_URL) CELERY_TEST_BROKER_URL=$(REDIS_BROKER_URL) \
		TEST_WORKER_CACHE_URLS=$(REDIS_CACHE_URL),redis://127.0.0.1:6379/3 \
		CELERY_TASK_DEFAULT_QUEUE=pruebas-$$$$-$$(date +%s) \
		$(VENV)/bin/pytest -n 2 -m "not e2e" -p no:cacheprovider \
		--ignore=tests/test_admin_spanish.py --ignore=tests/test_locale.py

# tests/integration/test_two_nodes.py runs Debian's nginx in front of two nodes.
/usr/sbin/nginx:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx

/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

e2e: setup /usr/bin/chromium
	$(VENV)/bin/pytest -m e2e tests/e2e

# Benchmarks print their figures; PostgreSQL and Redis are used where a figure
# needs real services (certificates issued through Celery workers).
bench: setup
	@for f in bench/[!_]*.py; do echo "== $$f"; \
		DATABASE_URL=$(PG_URL) CELERY_BENCH_BROKER_URL=$(REDIS_BROKER_URL) \
		$(PY) $$f 2>&1 | grep -v "^Step " || exit 1; done

# Exam day under load (bench/load/README.md): gunicorn under production settings,
# PostgreSQL (database infom_load, recreated), Redis (dbs 11 and 12) and Locust
# in stages; LOAD_STAGES="250:120,500:120" and the other LOAD_* change the run.
LOAD_STAMP := $(VENV)/.installed-load
$(LOAD_STAMP): pyproject.toml | $(STAMP)
	$(PY) -m pip install --quiet -e ".[dev,load]"
	@touch $(LOAD_STAMP)

load: setup $(LOAD_STAMP) services
	$(PY) bench/load/run.py

# 30 exam-takers for 30 s with short thinking, one gunicorn worker killed every
# 10 s; fails on any error or any confirmed answer missing (.ci/run).
load-smoke: setup $(LOAD_STAMP) services
	$(PY) bench/load/run.py --stages 30:30 --think 0.5,1 --locust-workers 1 --smoke \
		--kill-worker-every 10

# Production refuses to run without the certificate signing key and the
# credential keys; throwaway demo keys in temporary directories stand in here.
check-deploy: setup
	@firma=$$(mktemp -d) && keys=$$(mktemp -d) && trap 'rm -rf "$$firma" "$$keys"' EXIT && \
	$(PY) manage.py crear_firma_demo --directorio "$$firma" --settings=lms.settings.test >/dev/null && \
	CREDENTIAL_SIGNING_KEYS_DIR="$$keys" $(PY) manage.py credential_key >/dev/null && \
	CERTIFICATE_SIGNING_KEY="$$firma/firma.key" CERTIFICATE_SIGNING_CERT="$$firma/firma.pem" \
	CERTIFICATE_SIGNING_CHAIN="$$firma/cadena.pem" CREDENTIAL_SIGNING_KEYS_DIR="$$keys" \
	SECRET_KEY=$$(head -c 48 /dev/urandom | base64) ALLOWED_HOSTS=aprende.infom.gob.gt \
	CSRF_TRUSTED_ORIGINS=https://aprende.infom.gob.gt DATABASE_URL=$(PG_URL) \
	CACHE_URL=$(REDIS_CACHE_URL) SITE_URL=https://aprende.infom.gob.gt \
	$(PY) manage.py check --deploy --fail-level WARNING --settings=lms.settings.production

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
