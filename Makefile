# PainMap: `make run` starts the app, `make test` runs the whole suite. Both set themselves up.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
APP    := $(VENV)/.installed-app
DEV    := $(VENV)/.installed-dev

.PHONY: help lock run test lint format validate bench bench-ui load maps docs browser clean

help:  ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)

# The lock files pin every package with its hashes (`make lock` remakes them from the ranges).
INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps

$(APP): requirements.lock | $(PY)
	$(INSTALL) -r requirements.lock
	touch $@

$(DEV): requirements-dev.lock $(APP)
	$(INSTALL) -r requirements-dev.lock
	touch $@

lock: | $(PY)  ## remake requirements.lock and requirements-dev.lock from the ranges (pip-tools)
	$(PY) -m pip install --quiet --disable-pip-version-check pip-tools
	$(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		-o requirements.lock requirements.txt
	$(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
		-o requirements-dev.lock requirements-dev.txt

run: $(APP)  ## start the app on http://127.0.0.1:8501
	$(PY) -m streamlit run serve.py

browser:  ## make sure Chromium, poppler and strace are there (browser tests, export, checks)
	@sh tools/system-packages.sh

test: $(DEV) browser  ## run the whole test suite, browser tests included
	$(PY) -m pytest

lint: $(DEV)  ## ruff: lint and formatting
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(DEV)  ## ruff: fix formatting
	$(PY) -m ruff format .

validate: $(APP)  ## check maps/ and data/
	$(PY) -m painmap validate

bench: $(APP) browser  ## time matching and exports, and print the figures
	$(PY) -m painmap bench
	$(PY) -m painmap bench --exports

maps: $(APP)  ## redraw maps/*.geojson (tools/draw_maps.py, tools/draw_muscles.py), then the sheets
	$(PY) tools/draw_maps.py
	$(PY) tools/draw_muscles.py
	$(MAKE) docs

docs: $(APP) browser  ## redraw docs/atlas.png, docs/patterns.png and docs/muscles.png
	$(PY) -m painmap sheet --out docs/atlas.png
	$(PY) -m painmap sheet --patterns --out docs/patterns.png
	$(PY) -m painmap sheet --muscles --out docs/muscles.png

clean:  ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .ruff_cache

bench-ui: $(DEV) browser  ## time click to updated results in headless Chromium, beside a minimal page
	$(PY) tools/bench_ui.py

load: $(DEV) browser  ## twenty sessions at once and one long session against a local server
	$(PY) tools/load_test.py
