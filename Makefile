# forge: build, install, test, demo and benchmarks. `make help` lists the targets.
SWIFT  ?= swift
PREFIX ?= $(HOME)/.local
DEMO_DIR ?= .build-demo

.PHONY: help build release install uninstall test test-e2e demo bench bench-http bench-alter bench-include bench-owned bench-openapi

help:
	@echo "make demo      install forge into \$$PREFIX ($(PREFIX)), then generate, migrate, serve and query an app"
	@echo "make test      unit tests; with FORGE_E2E=1 also the end-to-end suite (CI runs it that way)"
	@echo "make test-e2e  the same as FORGE_E2E=1 make test"
	@echo "make install   build forge in release mode and install it into \$$PREFIX, with its runtime prebuilt for every app"
	@echo "make bench     time make:resource and db:migrate (scripts/bench.sh)"
	@echo "make bench-http  a generated app against a hand-written baseline under wrk (scripts/bench-http.sh)"
	@echo "make bench-alter  time forge alter in an app of 20 resources, and the db:migrate after it (scripts/bench-alter.sh)"
	@echo "make bench-include  a page of 100 posts with and without ?include= under wrk, and its statement count (scripts/bench-include.sh)"
	@echo "make bench-owned  GET one on an owned resource against a merely protected one under wrk (scripts/bench-owned.sh)"
	@echo "make bench-openapi  time forge openapi in an app of 20 resources, and the document's size (scripts/bench-openapi.sh)"

build:
	$(SWIFT) build --product forge

# A statically linked Swift runtime starts in ~7 ms instead of ~20 ms: it matters for make:*.
release:
	$(SWIFT) build -c release --product forge --static-swift-stdlib

# forge finds its runtime and templates in $(PREFIX)/share/forge, next to $(PREFIX)/bin/forge.
# `forge runtime:build` then builds the runtime there once (about 10 minutes on 2 cores), so
# every app made by this installation links it instead of compiling it (docs/architecture.md).
install: release
	install -d "$(PREFIX)/bin" "$(PREFIX)/share/forge"
	tar --exclude='./.build*' --exclude='./.git' --exclude='./.swiftpm' --exclude='./Package.resolved' -cf - . \
		| tar -xf - -C "$(PREFIX)/share/forge"
	install -m 755 .build/release/forge "$(PREFIX)/bin/forge"
	"$(PREFIX)/bin/forge" runtime:build
	@echo "installed $(PREFIX)/bin/forge (runtime, prebuilt for every app, and templates in $(PREFIX)/share/forge)"

uninstall:
	rm -rf "$(PREFIX)/bin/forge" "$(PREFIX)/share/forge"

# The forge binary is built first: the end-to-end suite runs it, and its apps link the runtime
# this build made (runtime:build --prepare-only writes the link files from it).
test:
	$(SWIFT) build --build-tests
	.build/debug/forge runtime:build --prepare-only
	$(SWIFT) test --skip-build

test-e2e:
	FORGE_E2E=1 $(MAKE) test

demo: install
	PATH="$(PREFIX)/bin:$$PATH" DEMO_DIR="$(DEMO_DIR)" bash scripts/demo.sh

bench: release
	bash scripts/bench.sh

bench-http:
	bash scripts/bench-http.sh

bench-alter: release
	bash scripts/bench-alter.sh

bench-include:
	bash scripts/bench-include.sh

bench-owned:
	bash scripts/bench-owned.sh

bench-openapi: release
	bash scripts/bench-openapi.sh
