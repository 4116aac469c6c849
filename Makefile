# The two commands a newcomer needs are `make start` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: start test test-all lint clean

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

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis *.egg-info
