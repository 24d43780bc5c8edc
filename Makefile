# Credo: `make run` sets up and starts the server with demo data; `make test` runs every test.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
LISTEN ?= 127.0.0.1:8080
DATA ?= ./data

.PHONY: deps build web run test test-unit test-asan bench fmt clean

# The web application, rebuilt when its sources, its packages or the API contract change.
WEB_SOURCES := $(shell find web/src web/public web/scripts -type f 2>/dev/null) web/index.html \
	web/package-lock.json web/vite.config.ts web/tsconfig.json docs/api/openapi.yaml

deps:
	@bash scripts/install-deps

build: deps web/dist/index.html
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target credo

web/dist/index.html: $(WEB_SOURCES)
	@cd web && npm run --silent build

web: web/dist/index.html

run: build
	@echo "Demo logins (password credo-demo): admin, salesmgr, finance, exec, sales.east1, auditor"
	@./build/release/credo serve --data $(DATA) --listen $(LISTEN) --demo

test: build
	@bash scripts/run-tests

bench: build
	@bash bench/run.sh 100000 15

fmt:
	@find src bench tests -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf build web/dist
