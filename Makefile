# Two commands on a fresh machine: `make demo` and `make test`. Both bootstrap .venv themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
EXAMPLES := examples
DEMO_OUT := build/demo

.PHONY: demo test bench install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Core install (no torch): enough for `newstrace analyze`.
$(VENV)/.core: $(BIN)/python pyproject.toml
	$(PIP) install --quiet -e .
	@touch $@

# Everything the full test suite needs: all extras and the test tools.
$(VENV)/.dev: $(BIN)/python pyproject.toml
	$(PIP) install --quiet -e ".[all,dev]"
	@touch $@ $(VENV)/.core

install: $(VENV)/.core
install-dev: $(VENV)/.dev

# The full output (JSON and an HTML report per article) goes to $(DEMO_OUT); the terminal gets a short summary.
demo: $(VENV)/.core
	@rm -rf $(DEMO_OUT)
	$(BIN)/newstrace analyze $(EXAMPLES)/ --out $(DEMO_OUT) --format json
	$(BIN)/python scripts/demo_summary.py $(DEMO_OUT)

test: $(VENV)/.dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.dev
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/startup.py
	$(BIN)/python bench/resume.py
	$(BIN)/python bench/analyze_many.py
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/extract_scaling.py
	$(BIN)/python bench/robustness.py
	$(BIN)/python bench/provenance.py
	$(BIN)/python bench/dedup.py --n 20000
	$(BIN)/python bench/corroborate.py
	$(BIN)/python bench/report.py
	$(BIN)/python bench/scale.py
	$(BIN)/python bench/checkworthy.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache
