# ReportArchive: the commands README.md documents. Each installs what it needs first.
SWIFT ?= swift
# The Python the project's own virtual environment is made from.
PYTHON ?= python3
# Python tools (PyYAML, for the tests) live in a virtual environment of the project's own: Debian's Python refuses
# `pip install` outside one (externally-managed-environment).
VENV := .tools/venv
VENV_PYTHON := $(VENV)/bin/python3
PIP := $(VENV_PYTHON) -m pip install -q --disable-pip-version-check
APT_PACKAGES := libcmark-dev libxml2-dev libsqlite3-dev libmimalloc-dev pkg-config
# The converters `archive` runs on PDF and Word 97–2003 sources; a build without them reads every other format.
READER_PACKAGES := poppler-utils antiword
# The browser tests drive headless Chromium (search against `archive serve`, the search page from disk, every
# kind of page at 390 px); catdoc, the .doc reader used where antiword is missing, is installed so that its
# path is tested too; the data export's tests validate reports.json with jsonschema and open archive.sqlite
# with the sqlite3 shell.
TEST_APT_PACKAGES := chromium catdoc python3-jsonschema sqlite3

.PHONY: deps venv apt-venv test-deps pagefind build site test bench bench-ci bench-pagefind clean

# Installs the Debian packages named in $(1) that are missing (needs root or sudo).
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

## Install the system packages the build links against and the converters it runs (Debian/Ubuntu).
deps:
	$(call apt_install,$(APT_PACKAGES) $(READER_PACKAGES))

## The project's virtual environment; Debian ships `venv` without pip until python3-venv is installed.
venv:
	@$(VENV_PYTHON) -m pip --version >/dev/null 2>&1 || { rm -rf $(VENV); $(PYTHON) -m venv $(VENV) >/dev/null 2>&1; } \
	  || { rm -rf $(VENV); $(MAKE) --no-print-directory apt-venv && $(PYTHON) -m venv $(VENV); }

apt-venv:
	$(call apt_install,python3-venv)

test-deps: deps venv
	$(call apt_install,$(TEST_APT_PACKAGES))
	@$(VENV_PYTHON) -c 'import yaml' 2>/dev/null || $(PIP) pyyaml \
	  || { echo "error: cannot install the test dependencies (PyYAML) into $(VENV); pip says why above" >&2; exit 1; }

## Pagefind's extended build, only for comparing it with the archive's own search (`make bench-pagefind`).
pagefind: venv
	@$(VENV_PYTHON) -m pagefind --version >/dev/null 2>&1 || $(PIP) 'pagefind[extended]'

## Build the `archive` tool (release).
build: deps
	$(SWIFT) build -c release --product archive

## Build the site from content/ into public/ (release build of the tool first), its search index included.
site: build
	.build/release/archive build

## Run the whole test suite.
test: test-deps
	$(SWIFT) test --disable-swift-testing

## Benchmark `archive build` against Hugo at 10,000 and 100,000 reports (installs hugo, time and chromium if missing).
bench: deps
	python3 bench/run.py --sizes 10000,100000 --runs 2

## Pagefind on the same 1,000 and 10,000 reports, in the variants README's "Search: why not Pagefind" compares.
bench-pagefind: deps pagefind
	python3 bench/pagefind_variants.py --sizes 1000,10000 --runs 2

## Quick benchmark check for CI: 300 reports, archive only, a page per report, an incremental rebuild.
bench-ci: deps
	bash bench/ci.sh

clean:
	rm -rf .build
