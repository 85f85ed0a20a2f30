# Quick start: `make run` then `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test bench browser clean help

help:
	@echo "make run    extract samples/ into output/ and print a summary"
	@echo "make test   the whole test suite (installs Chromium for the browser test if missing)"
	@echo "make bench  throughput and memory benchmarks (figures printed, not tested)"

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/profile-extract run samples --out output --no-progress

browser:
	bash scripts/install-browser.sh

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf output/*.csv output/*.parquet output/run.json output/report output/datapackage.json output/.resume
