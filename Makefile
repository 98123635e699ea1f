# gangmu (纲目): build, serve and test the web app.
#
#   make serve   build dist/ and serve it at http://127.0.0.1:8080 (PORT=…)
#   make test    everything CI runs: format, lints, native, browser and e2e tests
#   make dist    build the static site into dist/
#   make size    bytes a visitor downloads, raw and gzipped: first load (make test checks
#                250 KB) and with the lazily loaded file module (450 KB)
#   make setup   install the tool chain (idempotent; `make test` also installs browsers)
#   make fuzz    fuzz the parser, the share-link decoder and file import (FUZZ_SECONDS each; not in CI)
#   make bench   every performance figure: native parse throughput, bench-web, markmap comparison
#   make bench-web  time the built app in headless Chromium (prints numbers; not a test)
#   make bench-batch  the CLI's batch throughput: the corpus ×50 on 1 thread and on all
#   make python  build the Python module's abi3 wheel into target/wheels/
#   make js      build the JavaScript module into js/pkg/ (npm package: js/)
#   make screenshot regenerate the README's screenshots under docs/ (and the Word file's first page)
#
# The pipeline is cargo → wasm-bindgen → copy www/ → wasm-opt → esbuild
# (minify); see
# ARCHITECTURE.md, "Build and test pipeline".

# wasm-opt for every module: smallest code, its passes repeated while they
# shrink it, addresses below 1 KB folded (Rust leaves them unused), and the
# producers and target-features sections dropped (tools read them, browsers
# do not: 221 bytes gzipped of the page's first load).
WASM_OPT = -Oz --converge --low-memory-unused --strip-producers --strip-target-features

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PORT ?= 8080
# Everything a visitor downloads, gzipped, must stay within this.
BUNDLE_BUDGET := 250000
WASM_TARGET := wasm32-unknown-unknown
WASM_BINDGEN_VERSION := 0.2.130
CARGO_TARGET_DIR ?= target
WASM := $(CARGO_TARGET_DIR)/$(WASM_TARGET)/wasm-release/gangmu.wasm
# The file module (files/: the .docx reader and the exporters), which the
# page loads on first use.
FILES_WASM := $(CARGO_TARGET_DIR)/$(WASM_TARGET)/wasm-release/gangmu_files.wasm
FILES_BINDGEN_DIR := $(CARGO_TARGET_DIR)/web-files
# What the page fetches only on first use: the file module (导出, a .docx
# opened) and the analysis worker's script (started for the first text over
# 1 MB, src/app/dom/analyzer.rs); and apart, the offline single file (下载离线版).
# The service worker is registered when the page is idle after its first
# outline, and the manifest is not needed to draw it: counted on first use.
LAZY := --lazy gangmu_files.js --lazy gangmu_files_bg.wasm --lazy worker.js --lazy compare.js --lazy library.js --lazy dialog.js \
  --lazy sw.js --lazy manifest.webmanifest --apart gangmu-offline.html
# Everything together, the lazily loaded files included, gzipped.
TOTAL_BUDGET := 450000
BINDGEN_DIR := $(CARGO_TARGET_DIR)/web
DIST := dist
CHROMIUM := /usr/bin/chromium
CHROMEDRIVER := /usr/bin/chromedriver
# sudo only when not already root.
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: help setup setup-rust setup-browsers setup-e2e-tools setup-valgrind setup-python dist serve test size bench bench-web bench-batch screenshot clean fuzz python test-python js test-js

help:
	@sed -n 's/^#   /  /p' $(firstword $(MAKEFILE_LIST))

## Set-up. Each step checks first and does nothing when already done.

setup: setup-rust node_modules/.package-lock.json

setup-rust:
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' \
	  || rustup target add $(WASM_TARGET)
	@cargo fmt --version >/dev/null 2>&1 && cargo clippy --version >/dev/null 2>&1 \
	  || rustup component add rustfmt clippy
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "setup: installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 2.5 min)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

# npm ci again whenever package.json or the lock file is newer than the install.
node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || { echo "setup: Node.js 20 and npm are needed" >&2; exit 1; }
	npm ci --no-audit --no-fund
	@touch $@

setup-browsers:
	@if [ -x $(CHROMIUM) ] && [ -x $(CHROMEDRIVER) ] \
	  && dpkg-query -W -f='$${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'ok installed'; then \
	  :; \
	else \
	  echo "setup: installing Chromium, ChromeDriver and CJK fonts (about 1 min)"; \
	  $(SUDO) apt-get update; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver fonts-noto-cjk; \
	fi

# For tests/linear.rs: callgrind counts the instructions of a parse, the
# check that finds quadratic loops (it fails under `make test` without it).
setup-valgrind:
	@if ! command -v valgrind >/dev/null; then \
	  echo "setup: installing valgrind"; \
	  $(SUDO) apt-get update; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends valgrind; \
	fi

# For the end-to-end tests of 打印 and 打开: pdftotext (poppler-utils)
# reads the printed PDFs; LibreOffice Writer turns a corpus text into a
# real .docx. LibreOffice is large (a few minutes); when it cannot be
# installed the .docx test says so and uses a generated file instead.
setup-e2e-tools:
	@if ! command -v pdftotext >/dev/null; then \
	  echo "setup: installing poppler-utils (pdftotext)"; \
	  $(SUDO) apt-get update; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends poppler-utils; \
	fi
	@if ! command -v soffice >/dev/null; then \
	  echo "setup: installing LibreOffice Writer (a few minutes)"; \
	  { $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y --no-install-recommends libreoffice-writer-nogui; } \
	    || echo "setup: LibreOffice not installed; the .docx test will use a generated file"; \
	fi

# For the Python module: venv (python3-venv on Debian) and the tools the
# Makefile installs from PyPI into its own virtual environments.
setup-python:
	@if ! python3 -c 'import ensurepip, venv' 2>/dev/null; then \
	  echo "setup: installing python3-venv"; \
	  $(SUDO) apt-get update; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-venv; \
	fi

## Build.

# The file module first: its build (the core with core-only) must not
# come between the app's cargo build and its wasm-bindgen.
dist: setup
	cargo build --profile wasm-release --target $(WASM_TARGET) -p gangmu-files
	rm -rf $(FILES_BINDGEN_DIR)
	wasm-bindgen --target web --no-typescript --out-dir $(FILES_BINDGEN_DIR) $(FILES_WASM)
	cargo build --profile wasm-release --lib --target $(WASM_TARGET)
	rm -rf $(BINDGEN_DIR)
	wasm-bindgen --target web --no-typescript --out-dir $(BINDGEN_DIR) $(WASM)
	rm -rf $(DIST)
	mkdir -p $(DIST)
	cp -R www/. $(BINDGEN_DIR)/. $(DIST)/
	cp $(FILES_BINDGEN_DIR)/gangmu_files.js $(DIST)/
	npx --no-install wasm-opt $(WASM_OPT) $(BINDGEN_DIR)/gangmu_bg.wasm -o $(DIST)/gangmu_bg.wasm
	npx --no-install wasm-opt $(WASM_OPT) $(FILES_BINDGEN_DIR)/gangmu_files_bg.wasm -o $(DIST)/gangmu_files_bg.wasm
	cd $(DIST) && npx --no-install esbuild --minify --log-level=warning --allow-overwrite --outdir=. *.js *.css
	node scripts/sw.mjs $(DIST)
	node scripts/offline.mjs $(DIST)
	@echo "dist: built $(DIST)/"

serve: dist
	@echo "纲目: http://127.0.0.1:$(PORT)/  (Ctrl-C stops)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory $(DIST)

size: dist
	@scripts/size.sh $(DIST) $(LAZY)

## Checks.

test: setup setup-browsers setup-e2e-tools setup-valgrind setup-python
	cargo fmt --all --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target $(WASM_TARGET) -- -D warnings
	# The modules apart: js/ and files/ enable the core's core-only feature, which
	# linted together would leave the web app out of the wasm32 lints.
	cargo clippy -p gangmu-python -p gangmu-js -p gangmu-files --all-targets -- -D warnings
	cargo clippy -p gangmu-python -p gangmu-js -p gangmu-files --all-targets --target $(WASM_TARGET) -- -D warnings
	GANGMU_REQUIRE_VALGRIND=1 cargo test
	CHROMEDRIVER=$(CHROMEDRIVER) cargo test --target $(WASM_TARGET) --test web
	$(MAKE) --no-print-directory dist
	scripts/size.sh $(DIST) $(LAZY) --budget $(BUNDLE_BUDGET) --total-budget $(TOTAL_BUDGET)
	node --test e2e/
	$(MAKE) --no-print-directory test-python
	$(MAKE) --no-print-directory test-js
	@echo "make test: all checks passed"

## The Python module (python/): an abi3 wheel built by maturin, which is
## installed from PyPI into a virtual environment of the build's own.

MATURIN_VERSION := 1.16.0
PYTEST_VERSION := 9.2.0
PANDAS_VERSION := 3.1.1
BUILD_VENV := $(CARGO_TARGET_DIR)/python-build-venv
TEST_VENV := $(CARGO_TARGET_DIR)/python-test-venv
WHEELS := $(CARGO_TARGET_DIR)/wheels
GANGMU_BIN := $(abspath $(CARGO_TARGET_DIR))/release/gangmu

$(BUILD_VENV)/.maturin-$(MATURIN_VERSION): | setup-python
	rm -rf $(BUILD_VENV)
	python3 -m venv $(BUILD_VENV)
	$(BUILD_VENV)/bin/pip install --quiet --disable-pip-version-check 'maturin==$(MATURIN_VERSION)'
	@touch $@

python: $(BUILD_VENV)/.maturin-$(MATURIN_VERSION)
	rm -f $(WHEELS)/gangmu-*.whl
	$(BUILD_VENV)/bin/maturin build --release --quiet -m python/Cargo.toml \
	  --interpreter $(BUILD_VENV)/bin/python --out $(WHEELS)
	@ls $(WHEELS)/gangmu-*-abi3-*.whl

# The wheel into a virtual environment made afresh, then pytest, which
# compares the module with the CLI's output. (`bin/pytest`, not `python -m
# pytest`, so that python/gangmu/ in the working directory does not hide
# the installed wheel.)
test-python: python
	cargo build --release --bin gangmu
	rm -rf $(TEST_VENV)
	python3 -m venv $(TEST_VENV)
	$(TEST_VENV)/bin/pip install --quiet --disable-pip-version-check \
	  'pytest==$(PYTEST_VERSION)' 'pandas==$(PANDAS_VERSION)' $(WHEELS)/gangmu-*.whl
	GANGMU_BIN=$(GANGMU_BIN) $(TEST_VENV)/bin/pytest -q -p no:cacheprovider python/tests

## The JavaScript module (js/): its own crate, built like the web app's
## wasm but without the app, into the ES module js/pkg/.

JS_WASM := $(CARGO_TARGET_DIR)/$(WASM_TARGET)/wasm-release/gangmu_js.wasm
JS_PKG := js/pkg

js: setup
	cargo build --profile wasm-release --target $(WASM_TARGET) -p gangmu-js
	rm -rf $(JS_PKG)
	wasm-bindgen --target web --no-typescript --out-dir $(JS_PKG) $(JS_WASM)
	npx --no-install wasm-opt $(WASM_OPT) $(JS_PKG)/gangmu_js_bg.wasm -o $(JS_PKG)/gangmu_js_bg.wasm
	@echo "js: $$(gzip -9 -c $(JS_PKG)/gangmu_js_bg.wasm | wc -c) bytes gzipped (wasm), $$(cat $(JS_PKG)/gangmu_js.js js/index.js | gzip -9 | wc -c) (JavaScript)"

test-js: js
	cargo build --release --bin gangmu
	GANGMU_BIN=$(GANGMU_BIN) node --test js/test/

# Every figure in the README's "Performance": native parse throughput
# (criterion stays `cargo bench`), the browser timings (bench-web) and
# paste-to-outline against markmap, whose npm tools live in scripts/bench.
bench: dist setup-browsers
	cargo run --release --example throughput
	node e2e/bench-web.mjs
	cargo build --release --bin gangmu
	scripts/bench-batch.sh $(CARGO_TARGET_DIR)/release/gangmu
	@[ -d scripts/bench/node_modules ] || npm ci --prefix scripts/bench --no-audit --no-fund
	node scripts/bench/markmap.mjs

# The batch CLI's throughput: the corpus's documents 50 times over (as
# symbolic links), on one thread and on every core; see scripts/bench-batch.sh.
bench-batch:
	cargo build --release --bin gangmu
	scripts/bench-batch.sh $(CARGO_TARGET_DIR)/release/gangmu

# Load time and the gangmu:outline measure of pasting the sample and the
# 170 KB report, medians of RUNS (9) runs; see e2e/bench-web.mjs.
bench-web: dist setup-browsers
	node e2e/bench-web.mjs

## Docs.

screenshot: dist setup-browsers
	node e2e/screenshot.mjs
	scripts/word-first-page.sh

clean:
	rm -rf $(DIST) $(BINDGEN_DIR) $(FILES_BINDGEN_DIR) $(JS_PKG) $(WHEELS) $(BUILD_VENV) $(TEST_VENV)

## Fuzzing (not part of make test). cargo-fuzz needs the nightly toolchain
## that this kind of machine has beside the stable one.

FUZZ_SECONDS ?= 60
FUZZ_TARGETS := parse share import

fuzz:
	@cargo +nightly --version >/dev/null 2>&1 \
	  || { echo "fuzz: a nightly toolchain is needed (rustup toolchain install nightly)" >&2; exit 1; }
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
	@for target in $(FUZZ_TARGETS); do \
	  echo "fuzz: $$target for $(FUZZ_SECONDS) s"; \
	  (cd fuzz && cargo +nightly fuzz run $$target -- -max_total_time=$(FUZZ_SECONDS)) || exit 1; \
	done
	@echo "fuzz: no crash in $(FUZZ_TARGETS)"
