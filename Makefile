# ReportArchive: the commands README.md documents. Each installs what it needs first.
SWIFT ?= swift
APT_PACKAGES := libcmark-dev pkg-config
# The browser test drives headless Chromium against `archive serve`.
TEST_APT_PACKAGES := chromium

.PHONY: deps test-deps search build site test bench bench-ci clean

# Installs the Debian packages named in $(1) that are missing (needs root or sudo).
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

## Install the system packages the build links against (Debian/Ubuntu).
deps:
	$(call apt_install,$(APT_PACKAGES))

## Pagefind's extended build (Chinese word segmentation), for the site's full-text search.
search:
	@python3 -m pagefind --version >/dev/null 2>&1 || python3 -m pip install -q 'pagefind[extended]'

test-deps: deps search
	$(call apt_install,$(TEST_APT_PACKAGES))

## Build the `archive` tool (release).
build: deps
	$(SWIFT) build -c release --product archive

## Build the site from content/ into public/ (release build of the tool first).
site: build search
	.build/release/archive build

## Run the whole test suite.
test: test-deps
	$(SWIFT) test --disable-swift-testing

## Benchmark `archive build` against Hugo at 10,000 and 100,000 reports (installs hugo and time if missing).
bench: deps
	python3 bench/run.py --sizes 10000,100000 --runs 3

## Quick benchmark check for CI: 300 reports, archive only, a page per report, an incremental rebuild.
bench-ci: deps
	bash bench/ci.sh

clean:
	rm -rf .build
