# H200 China Tracker. Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: help run test lint format validate bench bench-load bench-growth bench-profile chromium haproxy cluster clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime ## serve the app on http://localhost:$(PORT)
	$(PY) scripts/serve.py app.py --server.port $(PORT) --server.headless true

chromium: $(VENV)/.dev ## make sure a Chromium exists for the browser tests
	sh scripts/ensure_chromium.sh $(PY)

haproxy: ## make sure HAProxy exists for the cluster tests (apt-get when root)
	sh scripts/ensure_haproxy.sh

cluster: $(VENV)/.runtime haproxy ## 2 app processes behind HAProxy on http://127.0.0.1:8080
	$(PY) -m deploy.cluster --processes 2 --port 8080

lint: $(VENV)/.dev ## ruff lint + format check, mypy over data/ and components/
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

format: $(VENV)/.dev ## apply ruff formatting and fixes
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

validate: $(VENV)/.runtime ## check every seed file
	$(PY) -m data.validate seeds

test: chromium haproxy lint ## ruff + the whole test suite (unit, contract, app, browser, cluster)
	$(PY) -m pytest

bench: $(VENV)/.dev chromium ## benchmarks against side-by-side baselines -> bench/results.md
	$(PY) -m bench
	$(PY) -m bench.exports

bench-load: $(VENV)/.dev ## protocol-level load steps, app vs bare page -> bench/results-load.md
	$(PY) -m bench.load $(BENCH_ARGS)

bench-growth: $(VENV)/.dev ## the app on 1x/5x/17x/50x archives -> bench/results-growth.md
	$(PY) -m bench.growth $(BENCH_ARGS)

bench-profile: $(VENV)/.dev ## cProfile per page on the seeds and a 17x archive -> bench/notes-load.md
	$(PY) -m bench.profile_load $(BENCH_ARGS)

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache
