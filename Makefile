# `make run` and `make test` each set up everything from nothing (idempotent; a second call is fast).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test venv browser lint corpus-check bench model evaluate clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

# Debian's Chromium and ChromeDriver drive the page test (no browser download at run time).
browser:
	@if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then :; else \
		echo "installing Debian chromium + chromium-driver for the page test"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi

run: venv
	$(BIN)/tagger serve --host $(HOST) --port $(PORT)

test: venv browser
	$(BIN)/tagger corpus check corpora/
	$(BIN)/tagger corpus stats corpora/ --brief
	$(BIN)/python -m pytest -q

lint: venv
	$(BIN)/ruff check tagger service tests benchmarks

# Long jobs, not part of the tests.
model: venv
	$(BIN)/tagger train corpora/ --out models/default

evaluate: venv
	$(BIN)/tagger evaluate --model models/default corpora/ --out reports/evaluation
	$(BIN)/tagger evaluate-entities corpora/ --split test

bench: venv
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/classifier_speed.py
	$(BIN)/python benchmarks/batch.py
	$(BIN)/python benchmarks/api_load.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
