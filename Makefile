# geokg: `make demo` builds the example graph, `make test` runs the test suite.
# Both create the virtual environment in .venv on first use.

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
EXAMPLE = examples/uzbekistan-us-defence-2023.txt
EXAMPLE_DATE = 2023-09-27

.PHONY: demo test install dev bench eval clean

$(BIN)/kg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.dev: $(BIN)/kg
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/kg

dev: $(VENV)/.dev

demo: $(BIN)/kg
	$(BIN)/kg build $(EXAMPLE) --date $(EXAMPLE_DATE)
	$(BIN)/kg export kg-store -o out/graph.ttl
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then \
		$(BIN)/kg viz kg-store -o out/graph.html --title "Uzbekistan and US Central Command" --png out/graph.png; \
	else \
		$(BIN)/kg viz kg-store -o out/graph.html --title "Uzbekistan and US Central Command"; \
		echo "out/graph.png not written: install Chromium (Debian package chromium) for the screenshot"; \
	fi
	$(BIN)/kg stats kg-store

test: $(VENV)/.dev
	$(BIN)/python -m pytest -q

eval: $(BIN)/kg
	$(BIN)/kg eval ../shared/data/dev

bench: $(VENV)/.dev
	$(BIN)/python bench/run.py

clean:
	rm -rf out kg-store .pytest_cache
