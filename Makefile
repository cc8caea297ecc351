# Set-up and everyday commands. Needs only Python 3.11+ and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SAMPLE := build/sample.pairing

.PHONY: run demo test bench screenshots translations clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,postgres]"
	$(BIN)/python -c "from pairing.engine import pricing, smooth_dual; pricing.warm_up(); smooth_dual.warm_up()"  # compile the engine's kernels once
	touch $@

$(SAMPLE): $(BIN)/.installed resources/sample/roster.csv
	mkdir -p build
	rm -f $(SAMPLE)
	$(BIN)/python main.py import resources/sample/roster.csv --db $(SAMPLE)

## Open the desktop application on the bundled sample program.
## First checks that Qt's X11 plugin can load its libraries, else prints the packages to install.
run: $(SAMPLE)
	@$(BIN)/python -m ui.platform_check
	$(BIN)/python main.py --open $(SAMPLE)

## Headless main job: import the sample, propose teams, print them.
demo: $(SAMPLE)
	$(BIN)/python main.py solve --db $(SAMPLE) --time-limit 10

## The whole test suite, headless. First checks that Qt's offscreen plugin can load its libraries, else prints
## the packages to install (a machine with only Python lacks libEGL, libGL, libxkbcommon, libfontconfig…).
test: $(BIN)/.installed
	@QT_QPA_PLATFORM=offscreen $(BIN)/python -m ui.platform_check
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(BIN)/.installed
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

screenshots: $(SAMPLE)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py $(SAMPLE) docs

clean:
	rm -rf build .pytest_cache
