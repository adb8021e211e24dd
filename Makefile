# The two commands a newcomer needs: `make run` and `make test`. Everything else builds on them.
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install run test test-browser test-gis eval fit-confidence bench serve lint format clean superuser

$(PY):
	@python=$$(sh scripts/find-python.sh) || exit 1; \
	echo "Creating $(VENV) with $$python"; \
	"$$python" -m venv $(VENV)

# Reinstall only when the pinned dependencies change. The runtime dependencies are all that
# `make run` and `make serve` install; the dev group (test and lint tools) comes with the
# targets that use it.
RUNTIME := $(VENV)/.installed-runtime
$(RUNTIME): pyproject.toml | $(PY)
	$(PY) scripts/requirements.py > $(VENV)/requirements-runtime.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r $(VENV)/requirements-runtime.txt
	@touch $(RUNTIME)

$(STAMP): $(RUNTIME)
	$(PY) scripts/requirements.py --only-groups --group dev > $(VENV)/requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r $(VENV)/requirements-dev.txt
	@touch $(STAMP)

install: $(STAMP)

# The development server runs with DEBUG on (and its development SECRET_KEY) unless told not to.
run: export DEBUG ?= 1
run: $(RUNTIME)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_seeds
	$(PY) manage.py send_digests --schedule
	@# The task worker imports large admin uploads in the background and sends the saved
	@# searches' digests every hour; it stops with the server.
	@sh scripts/worker.sh $(PY) --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# An editor's account on the development site (DEBUG on, as `make run`: its SECRET_KEY).
superuser: export DEBUG ?= 1
superuser: $(RUNTIME)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createsuperuser

# Production-style: gunicorn with WhiteNoise for static files; needs SECRET_KEY, and DATABASE_URL
# for PostgreSQL. Several of these can run behind one load balancer and one PostgreSQL.
WORKERS ?= 3
serve: $(RUNTIME)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py load_seeds
	$(PY) manage.py send_digests --schedule
	@sh scripts/worker.sh $(PY) & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/gunicorn conflictsite.wsgi --bind 127.0.0.1:$(PORT) --workers $(WORKERS) --access-logfile -

# Tests run with DEBUG off, as in production.
test test-browser test-gis eval fit-confidence: export SECRET_KEY ?= insecure-key-for-tests-only-0123456789abcdefghijklmnopqrstuvwxyz
test: $(STAMP)
	$(PY) -m pytest -m "not browser and not gis"

test-browser: $(STAMP)
	sh scripts/install-chromium.sh
	sh scripts/install-axe.sh
	$(PY) -m pytest -m browser

# GDAL's ogrinfo and ogr2ogr (Debian's gdal-bin, installed if missing, as root) read the live
# server's OGC API and GeoJSON export.
test-gis: $(STAMP)
	sh scripts/install-gdal.sh
	$(PY) -m pytest -m gis

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

eval: $(STAMP)
	@if [ ! -f "$(SHARED)/eval/fakes-dev.jsonl" ]; then \
		echo "make eval: $(SHARED)/eval/fakes-dev.jsonl not found; the evaluation set lives outside the repository (set SHARED=/path/to/shared)." >&2; exit 2; fi
	@mkdir -p out
	$(PY) manage.py extract_events --jsonl $(SHARED)/eval/fakes-dev.jsonl > out/fakes-dev-predictions.jsonl
	$(PY) $(SHARED)/eval/score.py $(SHARED)/eval/fakes-dev.jsonl out/fakes-dev-predictions.jsonl
	$(PY) scripts/evaluate.py $(SHARED)/eval/fakes-dev.jsonl out/fakes-dev-predictions.jsonl --scorer $(SHARED)/eval/score.py
	$(PY) bench/geocoding.py --source $(SHARED)/data --families --press
	$(PY) bench/headlines.py --source $(SHARED)/data --seed 7

# Refit seeds/extraction_confidence.json (how often each kind of evidence was right) from the dev set.
fit-confidence: $(STAMP)
	$(PY) manage.py fit_confidence --jsonl $(SHARED)/eval/fakes-dev.jsonl --scorer $(SHARED)/eval/score.py

# Issue 5's scale benchmark: EVENTS synthetic incidents in a throwaway PostgreSQL database
# (conflictsite_bench, created and reused; BENCH_ARGS=--drop removes it afterwards).
EVENTS ?= 1000000
BENCH_ARGS ?=
bench: $(STAMP)
	sh scripts/install-chromium.sh
	$(PY) bench/run.py --events $(EVENTS) $(BENCH_ARGS)

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache

# Issue 7's load run: gunicorn on a throwaway PostgreSQL database (created, seeded, dropped),
# analysts and editors driving it from another process on 127.0.0.1 for LOAD_SECONDS; prints
# p95 per endpoint, then checks the database; fails on any error or inconsistency.
LOAD_SECONDS ?= 60
LOAD_ARGS ?=
.PHONY: load
load: $(STAMP)
	$(PY) bench/load.py --seconds $(LOAD_SECONDS) $(LOAD_ARGS)
