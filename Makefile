# Credo: `make run` sets up and starts the server with demo data; `make test` runs every test.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
LISTEN ?= 127.0.0.1:8080
DATA ?= ./data

.PHONY: deps build run test test-unit test-asan bench fmt clean

deps:
	@bash scripts/install-deps

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target credo

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
	rm -rf build
