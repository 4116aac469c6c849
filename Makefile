# The two commands a newcomer needs are `make start` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: start test test-all lint clean report-screenshot bench

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[postgres,test]'
	touch $@

start: $(BIN)/.installed
	$(BIN)/casebot start

# Two workers (pytest-xdist, -n auto); PostgreSQL only where the database matters.
test: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/pytest -q -n auto

# The full test command (CI runs it): every database test on SQLite and on PostgreSQL.
test-all: $(BIN)/.installed
	$(BIN)/ruff check .
	CASEBOT_TEST_ALL=1 $(BIN)/pytest -q -n auto

# The HTML report in headless Chromium with the network shut off (apt-get install -y chromium):
# a screenshot of a sample report in build/report-screenshot/report.png, and checks that the
# file names nothing to fetch, the page asked for nothing and the charts were drawn.
# REPORT_HTML=file.html screenshots a report of your own (casebot report --format html).
REPORT_OUT ?= build/report-screenshot
PY ?= $(if $(wildcard $(BIN)/python),$(BIN)/python,$(PYTHON))
report-screenshot:
	$(PY) -m devkit.report_screenshot --out $(REPORT_OUT) $(if $(REPORT_HTML),--html $(REPORT_HTML))

# Issue 15's figures in one command, each beside its floor (bench/load.py; QUICK=1 for a smoke
# run). Slow: run it on a quiet machine.
bench: $(BIN)/.installed
	$(BIN)/python bench/load.py $(if $(QUICK),--quick) --out build/bench.md

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis *.egg-info
