# ReportArchive: the commands README.md documents. Each installs what it needs first.
SWIFT ?= swift
APT_PACKAGES := libcmark-dev pkg-config

.PHONY: deps build site test clean

## Install the system packages the build links against (Debian/Ubuntu; needs root or sudo).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing; \
	fi

## Build the `archive` tool (release).
build: deps
	$(SWIFT) build -c release --product archive

## Build the site from content/ into public/ (release build of the tool first).
site: build
	.build/release/archive build

## Run the whole test suite.
test: deps
	$(SWIFT) test --disable-swift-testing

clean:
	rm -rf .build
