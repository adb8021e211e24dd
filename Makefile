# The two commands a newcomer needs: `make run` and `make test`. Everything else builds on them.
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install run test test-browser eval fit-confidence bench serve lint format clean

$(PY):
	@python=$$(sh scripts/find-python.sh) || exit 1; \
	echo "Creating $(VENV) with $$python"; \
	"$$python" -m venv $(VENV)

# Reinstall only when the pinned dependencies change.
$(STAMP): pyproject.toml | $(PY)
	$(PY) scripts/requirements.py > $(VENV)/requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r $(VENV)/requirements.txt
	@touch $(STAMP)

install: $(STAMP)

# The development server runs with DEBUG on (and its development SECRET_KEY) unless told not to.
run: export DEBUG ?= 1
run: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_seeds
	@# The task worker imports large admin uploads in the background; it stops with the server.
	@$(PY) manage.py db_worker --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production-style: gunicorn with WhiteNoise for static files; needs SECRET_KEY, and DATABASE_URL
# for PostgreSQL. Several of these can run behind one load balancer and one PostgreSQL.
WORKERS ?= 3
serve: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py load_seeds
	@$(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/gunicorn conflictsite.wsgi --bind 127.0.0.1:$(PORT) --workers $(WORKERS) --access-logfile -

# Tests run with DEBUG off, as in production.
test test-browser eval fit-confidence: export SECRET_KEY ?= insecure-key-for-tests-only-0123456789abcdefghijklmnopqrstuvwxyz
test: $(STAMP)
	$(PY) -m pytest -m "not browser"

test-browser: $(STAMP)
	sh scripts/install-chromium.sh
	sh scripts/install-axe.sh
	$(PY) -m pytest -m browser

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
