# Kernelbook: `make site` builds the tool and renders Notebooks/ into Site/; `make test` proves it.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/kernelbook

.PHONY: site test deps build bench clean

site: build
	$(BIN) build Notebooks -o Site

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(BIN) build Notebooks -o Site --check

build: deps
	$(SWIFT) build --product kernelbook

# System packages the build needs: libcmark-dev (cmark's headers and library).
deps:
	@pkg-config --exists libcmark || { \
	  echo "installing libcmark-dev"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev >/dev/null; }

bench: deps
	$(SWIFT) run -c release KernelsBenchmark

clean:
	rm -rf .build
