# H200 China Tracker. Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
HOST ?= 127.0.0.1

.PHONY: help run test lint format validate lock watch bench bench-api bench-load bench-growth bench-profile system cluster clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# The venv installs the hashed lock files (every resolved package, pinned, with its hashes);
# requirements*.txt are the human-edited inputs, and `make lock` turns them into the locks.
# requirements-pip.lock goes first: the venv's bundled pip mis-resolves an extra under --require-hashes.
$(VENV)/.runtime: requirements-pip.lock requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements-pip.lock
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

$(VENV)/.dev: requirements-dev.lock $(VENV)/.runtime
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.lock
	touch $@

PIP_COMPILE := $(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --no-emit-trusted-host

lock: $(VENV)/.dev ## requirements*.txt -> requirements*.lock (hashed); LOCK_ARGS=--upgrade re-resolves all
	$(PIP_COMPILE) $(LOCK_ARGS) --output-file requirements-pip.lock requirements-pip.txt
	$(PIP_COMPILE) $(LOCK_ARGS) --output-file requirements-dev.lock requirements-dev.txt
	$(PIP_COMPILE) $(LOCK_ARGS) --constraint requirements-dev.lock --output-file requirements.lock requirements.txt

run: $(VENV)/.runtime ## serve the app on http://127.0.0.1:$(PORT) (HOST=0.0.0.0 make run: every interface)
	$(PY) -m streamlit run app.py --server.address $(HOST) --server.port $(PORT) --server.headless true

system: ## the system programs the tests call (scripts/system-packages.txt; apt-get when root)
	sh scripts/ensure_system.sh

cluster: $(VENV)/.runtime system ## 2 app processes behind HAProxy on http://127.0.0.1:8080
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

test: system lint ## ruff + the whole test suite (unit, contract, app, browser, cluster)
	$(PY) -m pytest

watch: $(VENV)/.runtime ## read the feeds once; candidates go to inbox/ beside seeds/ (never into seeds/)
	$(PY) -m data.watch --once --seeds seeds $(WATCH_ARGS)

bench: $(VENV)/.dev system ## benchmarks against side-by-side baselines -> bench/results.md
	$(PY) -m bench
	$(PY) -m bench.exports

bench-load: $(VENV)/.dev ## protocol-level load steps, app vs bare page -> bench/results-load.md
	$(PY) -m bench.load $(BENCH_ARGS)

bench-api: $(VENV)/.dev ## the data API vs page loads vs a static file, one process -> bench/results-api.md
	$(PY) -m bench.api_load $(BENCH_ARGS)

bench-growth: $(VENV)/.dev ## the app on 1x/5x/17x/50x archives -> bench/results-growth.md
	$(PY) -m bench.growth $(BENCH_ARGS)

bench-profile: $(VENV)/.dev ## cProfile per page on the seeds and a 17x archive -> bench/notes-load.md
	$(PY) -m bench.profile_load $(BENCH_ARGS)

clean: ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache
