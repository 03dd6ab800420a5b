# Kernelbook: `make site` builds the tool and renders Notebooks/ into Site/; `make test` proves it.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN := .build/debug/kernelbook
# Release builds for benchmarks are static executables (Swift runtime, libstdc++, cmark and glibc
# linked in): no dynamic loader and no relocations at start-up, 0.6 ms before main instead of 2.2.
RELEASE := $(SWIFT) build -c release --static-swift-stdlib -Xswiftc -static-executable

.PHONY: site test deps test-deps build bench bench-markdown clean bench-notebooks bench-search bench-serve bench-training fuzz

site: build
	$(BIN) build Notebooks -o Site

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(BIN) build Notebooks -o Site --check

build: deps
	$(SWIFT) build --product kernelbook

# System packages to build: libcmark-dev (cmark), zlib1g-dev (zlib, for the built-in datasets)
# and libpng-dev (libpng, for loading PNG images), each with its static library for release
# builds; Chromium for the tests that open every page in a browser.
DEPS := libcmark:libcmark-dev zlib:zlib1g-dev libpng:libpng-dev

deps:
	@missing=$$(for pair in $(DEPS); do pkg-config --exists $${pair%%:*} || echo $${pair#*:}; done); \
	[ -z "$$missing" ] || { \
	  echo "installing" $$missing; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing >/dev/null; }

# Chromium for the tests that open every page; a venv with Jupyter's nbformat and nbconvert and
# xmlschema (pinned in Tests/Interop/requirements.txt, from PyPI) for the tests that hand exported
# notebooks and JUnit reports to those real clients. The tests reuse the venv, or make it.
test-deps: deps
	@command -v chromium >/dev/null || { \
	  echo "installing chromium (for the page screenshot tests)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; }
	@python3 -c 'import ensurepip, venv' 2>/dev/null || { \
	  echo "installing python3-venv (for the Jupyter and JUnit interop tests)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3 python3-venv >/dev/null; }
	@bash Tests/Interop/make_venv.sh .build/interop-venv >/dev/null

# The live peers' venv (PyTorch CPU, ONNX Runtime, NumPy's OpenBLAS): made once, kept out of git.
PEERS_PYTHON = $$(bash Benchmarks/peers_venv.sh .build/bench-venv)

# The Kernels ops beside PyTorch, ONNX Runtime and OpenBLAS, all measured in this run, 1 and 2
# threads. Options: make bench ARGS="--cases conv-c,conv-d --rounds 3".
bench: deps
	$(RELEASE) --product KernelsBenchmark
	python3 Benchmarks/kernels/bench_kernels.py --python $(PEERS_PYTHON) $(ARGS)

# Training the digits CNN and MLP beside PyTorch (same split, model, optimiser, batch), 1 and 2
# threads; the lesson that trains (Day 03) against `import torch`; whole cold `kernelbook build Notebooks`
# runs. Options: make bench-training ARGS="--runs 5".
bench-training: deps
	$(RELEASE) --product TrainingBenchmark
	$(RELEASE) --product kernelbook
	python3 Benchmarks/training/bench_training.py --python $(PEERS_PYTHON) $(ARGS)

clean:
	rm -rf .build

# Markdown throughput and peak memory beside the cmark CLI, on ~10 MB generated corpora and a 25 MB
# file made of them (kept out of git).
bench-markdown: deps
	@command -v cmark >/dev/null || $(SUDO) apt-get install -y -qq cmark >/dev/null
	@[ -x /usr/bin/time ] || $(SUDO) apt-get install -y -qq time >/dev/null
	@mkdir -p .build/corpus && cd .build/corpus && [ -f corpus/synthetic_10mb.md ] || python3 ../../Benchmarks/gen_markdown.py >/dev/null
	$(RELEASE) --product kernelbook
	$(RELEASE) --product MarkdownBenchmark
	@[ -f .build/corpus/corpus/mixed_25mb.md ] || cat .build/corpus/corpus/synthetic_10mb.md .build/corpus/corpus/realdocs_10mb.md \
	  .build/corpus/corpus/synthetic_10mb.md | head -c 25000000 > .build/corpus/corpus/mixed_25mb.md
	.build/release/MarkdownBenchmark .build/corpus/corpus/synthetic_10mb.md .build/corpus/corpus/realdocs_10mb.md \
	  .build/corpus/corpus/mixed_25mb.md

# Kernelbook beside Jupyter nbconvert on the Day 03 lesson, cold processes; the peers' venv and the
# results go to .build/peers (kept out of git). Options: make bench-notebooks ARGS="--runs 5".
bench-notebooks: deps
	$(RELEASE) --product kernelbook
	python3 Benchmarks/notebooks/bench_notebooks.py --skip-build $(ARGS)

# The search index's size for a book of 100 lessons made from Notebooks/ (budget: 1 MB); the book
# and its site go to .build/bench-search (kept out of git).
bench-search: build
	python3 Benchmarks/search/bench_search_index.py --kernelbook $(BIN)

# The author's loop on a book of 100 lessons (made in .build/bench-serve, kept out of git): cold,
# warm, prose-edit and one-cell-edit builds, and serve's time from a save to the page's reload event.
bench-serve: deps
	$(RELEASE) --product kernelbook
	python3 Benchmarks/serve/bench_serve.py $(ARGS)

# libFuzzer on each entry point (Fuzz/FuzzTarget.swift) for FUZZ_SECONDS each, built with
# AddressSanitizer into .build/fuzz, apart from the normal build. Seeds: Fuzz/Corpus (made by
# Fuzz/make_corpus.py); new inputs go to .build/fuzz/corpus, crashes to .build/fuzz/artifacts.
# Replay one with `.build/debug/kernelbook-fuzz TARGET FILE`. The release build takes ~8 minutes
# on 2 cores instead of ~2 and then runs 3–9× more inputs per second (FUZZ_CONFIG=debug for the other).
FUZZ_TARGETS := markdown cells interpreter options png npy
FUZZ_SECONDS ?= 60
FUZZ_CONFIG ?= release
FUZZ := .build/fuzz/$(FUZZ_CONFIG)/kernelbook-fuzz

fuzz: deps
	$(SWIFT) build -c $(FUZZ_CONFIG) --scratch-path .build/fuzz --product kernelbook-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
	  -Xcc -fsanitize=fuzzer-no-link,address
	@mkdir -p .build/fuzz/artifacts
	@for target in $(FUZZ_TARGETS); do \
	  mkdir -p .build/fuzz/corpus/$$target; \
	  echo "fuzzing $$target for $(FUZZ_SECONDS) s"; \
	  SWIFT_BACKTRACE=enable=no FUZZ_TARGET=$$target $(FUZZ) .build/fuzz/corpus/$$target Fuzz/Corpus/$$target \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix=.build/fuzz/artifacts/$$target- 2>.build/fuzz/$$target.log \
	    || { tail -40 .build/fuzz/$$target.log; exit 1; }; \
	  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" .build/fuzz/$$target.log; \
	done
