# Backend Atlas. The two commands a newcomer needs: `make run` and `make test`.
# Both install whatever is missing first (scripts/install.sh) and skip what is present.

SHELL := /bin/bash
# The GitHub repository name: the site is served under /$(REPO)/ on GitHub Pages.
REPO ?= backend-atlas
PUBLIC_URL := /$(REPO)/
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT ?= 120

.PHONY: run test install install-test data-test js-unit build lint unit wasm-test e2e serve-dist bench clean data

## Install what is missing, build, and serve the app at http://127.0.0.1:8080
run: install
	trunk serve

## Install what is missing and run every test
test: install-test data-test js-unit lint unit wasm-test build e2e

install:
	scripts/install.sh

install-test:
	scripts/install.sh --test

# Offline tests of the OEWS data script (no downloads).
data-test:
	python3 -B -m unittest discover -s scripts/oews -p 'test_*.py'

# Tests of the build scripts' pure helpers (scripts/split.mjs): no build, server or browser.
js-unit:
	node --test tests/unit/

# Both crates, natively and for the browser: the wasm pass covers the app's browser-only code, its
# component tests (tests/web.rs) and the core as the wasm build compiles it. clippy.toml holds
# the byte rules (disallowed methods, each with its reason).
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p backend-atlas --target wasm32-unknown-unknown --all-targets -- -D warnings

# The native tests are the pure core's (crates/atlas-core/tests): they build without Leptos.
unit:
	cargo test -p atlas-core

# Component tests in headless Chromium (runner set in .cargo/config.toml, browser in webdriver.json).
wasm-test:
	cargo test --target wasm32-unknown-unknown --test web

## The release build exactly as GitHub Pages gets it (see .github/workflows/pages.yml)
# Each page becomes its own wasm chunk (src/app.rs, scripts/split.mjs). RUSTFLAGS replaces the
# rustflags of .cargo/config.toml, so it repeats erase_components. Trunk's own wasm-opt pass then
# warns "linking section is present" (the relocations wasm-split needs); split.mjs redoes that
# step on the split modules, so the warning is expected.
#
# The standard library is compiled with the app (rust-src) under the "immediate-abort" panic
# strategy: a panic traps at once, without the message formatting and unwinding glue the
# precompiled std carries (20 – 27 KB gzipped off every route, BENCHMARKS.md). Both are unstable
# switches of the pinned stable compiler, unlocked for this build only by RUSTC_BOOTSTRAP=1 (the
# compiler and toolchain stay the ones rust-toolchain.toml pins). The app never panics by design;
# a bug that did would show Rust's "unreachable" trap in the console instead of its message.
# `trunk serve` and the tests keep the usual std.
#
# First, natively and with the usual flags, each route's default charts are drawn into SVG by the
# same draw functions (crates/atlas-core/src/bin/prerender.rs); scripts/postbuild.mjs puts them
# into the routes' static pages.
#
# scripts/core-inline.sh compiles the pure core crate (crates/atlas-core) with
# -Zcross-crate-inline-threshold=always, so the app inlines its functions as it did when they were
# one crate: without it every route's first load is 0.3 - 0.7 KB larger (BENCHMARKS.md, run T).
# Cargo hashes the wrapper's path into the workspace crates' -C metadata, which orders their
# functions in the wasm: named by a full path, the same commit built in another folder came out
# up to 0.1 KB larger or smaller a route. Found on PATH by its bare name, the wrapper leaves the
# bytes the same in any folder (BENCHMARKS.md, run Z), so the byte budget is deterministic.
build: export PATH := $(CURDIR)/scripts:$(PATH)
build: export RUSTC_WORKSPACE_WRAPPER = core-inline.sh
build: export RUSTFLAGS = --cfg erase_components --cfg wasm_split -Clink-args=--emit-relocs -Zunstable-options -Cpanic=immediate-abort
build: export RUSTC_BOOTSTRAP = 1
build: export CARGO_UNSTABLE_BUILD_STD = std,panic_abort
build:
	env -u RUSTFLAGS -u RUSTC_BOOTSTRAP -u CARGO_UNSTABLE_BUILD_STD -u RUSTC_WORKSPACE_WRAPPER \
		cargo run -q -p atlas-core --bin prerender -- public/data/atlas.json target/prerender/charts.json
	trunk build --release --public-url $(PUBLIC_URL)

e2e:
	BASE_PATH=$(PUBLIC_URL) node --test --test-concurrency=1 tests/e2e/

## Serve dist/ the way GitHub Pages does, at http://127.0.0.1:4173/$(REPO)/
serve-dist:
	node tests/e2e/server.mjs --root dist --base $(PUBLIC_URL) --port 4173

## Build, then print sizes, load/redraw/import timings and Lighthouse scores (BENCHMARKS.md).
## Lighthouse runs 3 times a route (BENCH_LIGHTHOUSE_RUNS=n); BENCH_SKIP_LIGHTHOUSE=1 skips it.
bench: install-test build
	BASE_PATH=$(PUBLIC_URL) node scripts/bench.mjs

## Regenerate public/data/oews/ and the OEWS block of atlas.json from the pinned BLS release (downloads; not part of build or test)
data:
	python3 scripts/oews/build_data.py

clean:
	rm -rf dist target
