# Two commands do all the set-up on a fresh machine (Python 3.11, Debian):
#   make serve   build the site with its search index and serve it on http://127.0.0.1:8000/
#   make test    install everything the tests need and run the full test suite
# build and serve install the runtime packages only (requirements.lock); test adds the test
# packages (requirements-test.lock: pytest, Playwright, hypothesis, ruff, mypy). Both are pinned.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: serve build test lint check-js browser-deps clean

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip==26.3
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP) requirements-test.lock
	$(BIN)/python -m pip install --quiet -r requirements-test.lock
	touch $(TEST_STAMP)

# Builds into a staging folder and swaps it in (atlas/site_build.py): an interrupted build
# leaves the previous site/ whole.
build: $(STAMP)
	$(BIN)/python -m atlas.site_build

serve: build
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

# The offline edition (atlas/offline.py): the site as one zip that works opened from disk
# (file://), search included. Builds into a temporary folder; site/ is not touched.
.PHONY: offline
offline: $(STAMP)
	$(BIN)/python -m atlas.offline --output dist/crm-failure-atlas-offline.zip

# Debian's Chromium for the browser tests (never a downloaded browser). Needs root or sudo.
browser-deps:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-core fonts-noto-cjk poppler-utils; }

# axe-core for the accessibility tests and typescript for check-js (package.json / package-lock.json;
# node_modules is ignored).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# The linter and the type checker, configured in pyproject.toml ([tool.ruff], [tool.mypy]);
# ruff only checks, it never reformats. make test runs them before the tests.
lint: $(TEST_STAMP)
	$(BIN)/python -m ruff check .
	$(BIN)/python -m mypy

# The browser JS: type-checked by tsc from its JSDoc types (tsconfig.json; nothing is emitted, the
# files stay classic scripts) and unit-tested by Node (tests/js/*.test.mjs). pytest runs the same
# two commands (tests/test_js_checks.py).
check-js: node_modules/.installed
	npx --no-install tsc -p .
	node --test tests/js/

test: lint $(TEST_STAMP) browser-deps node_modules/.installed check-js
	$(BIN)/python -m pytest -q

clean:
	rm -rf site build test-results .mypy_cache .ruff_cache $(VENV)
