# AgentDesk build, lint and test entry points.
#
#   make demo    start the server with demo data, simulated customers and the desk
#   make test    lint (ruff, import-linter, mypy) then the whole pytest suite, offscreen
#
# Everything a fresh Debian 12 machine with Python 3.11 lacks is installed from here:
# Python packages into .venv (from pyproject.toml), Debian packages by `make sysdeps`.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules

VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
DEPS_STAMP := $(VENV)/.stamp-deps
BOOT_PYTHON := $(or $(shell command -v python3.11 2>/dev/null),$(shell command -v python3 2>/dev/null),python3)

# Extra arguments for pytest, e.g. make test PYTEST_ARGS='-m "not browser" -x'
PYTEST_ARGS ?=

# Debian packages the project needs at run and test time.
#   chromium                 headless browser for the customer-page tests (@pytest.mark.browser)
#   fonts-noto-cjk           Chinese glyphs for the desk and the customer page
#   libegl1 ... libdbus-1-3  what PySide6's QtGui/QtWidgets and the offscreen platform plugin link or load
#   libpulse0                linked by QtMultimedia (notification sounds); pulls its codec libraries
#   libx11-xcb1 ... xcb-*    the xcb platform plugin, for running the desk on a real X display
#   xvfb                     a virtual X display for the accessibility test (tests/e2e/test_accessibility.py)
#   dbus                     the session bus that the accessibility bus is found through
#   at-spi2-core             the accessibility bus launcher and registry (what screen readers talk to)
#   python3-pyatspi          the AT-SPI client the accessibility probe runs under Debian's python3
SYS_PACKAGES := \
	chromium \
	fonts-noto-cjk \
	libegl1 libgl1 libfontconfig1 libfreetype6 libxkbcommon0 libglib2.0-0 libdbus-1-3 \
	libpulse0 \
	libx11-xcb1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1 \
	xvfb \
	dbus \
	at-spi2-core \
	python3-pyatspi
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
APT_GET := $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get

TS_FILES := $(wildcard translations/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

.PHONY: help venv install sysdeps translations lupdate lint test demo bench chaos clean distclean installer

help:
	@echo "make demo          server with demo data + simulated customers + the desk"
	@echo "make test          lint, import contracts, mypy, then pytest (offscreen)"
	@echo "make venv          create .venv and install the project with its dev extra"
	@echo "make sysdeps       install missing Debian packages (chromium, Qt runtime libs, CJK fonts, Xvfb, AT-SPI)"
	@echo "make translations  compile translations/*.ts to .qm"
	@echo "make lupdate       refresh translations/*.ts from the UI sources"
	@echo "make lint          ruff, lint-imports, mypy"
	@echo "make bench         benchmarks -> bench/results/latest.{json,md};  make chaos  fault-injection run"
	@echo "make installer     one-folder AgentDesk in dist/AgentDesk (PyInstaller), then a --version and smoke check"
	@echo "make clean         remove caches and build output;  make distclean  also .venv"

# ---------------------------------------------------------------------------- environment

venv install: $(DEPS_STAMP)

$(PY):
	$(BOOT_PYTHON) -m venv $(VENV)

# Reinstalls only when pyproject.toml changes.
$(DEPS_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --disable-pip-version-check --quiet -e '.[dev]'
	touch $@

sysdeps:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "sysdeps: not a Debian system; install the equivalents of: $(SYS_PACKAGES)" >&2; \
		exit 0; \
	fi; \
	missing=""; \
	for pkg in $(SYS_PACKAGES); do \
		if [ "$$pkg" = chromium ] && command -v chromium >/dev/null 2>&1; then continue; fi; \
		dpkg-query -W -f='$${Status}' "$$pkg" 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "sysdeps: installing$$missing"; \
		$(APT_GET) update -q; \
		$(APT_GET) install -y -q --no-install-recommends $$missing; \
	fi

# ---------------------------------------------------------------------------- translations

translations: $(QM_FILES)

translations/%.qm: translations/%.ts | $(DEPS_STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

lupdate: $(DEPS_STAMP)
	@if [ -z "$(TS_FILES)" ]; then echo "lupdate: no translations/*.ts yet"; exit 0; fi; \
	$(BIN)/pyside6-lupdate $$(find agent_desk/ui -name '*.py' | sort) -ts $(TS_FILES)

# ---------------------------------------------------------------------------- checks

lint: $(DEPS_STAMP)
	$(BIN)/ruff check agent_desk tests $(wildcard bench)
	$(BIN)/lint-imports
	$(BIN)/mypy

test: venv sysdeps translations
	@$(MAKE) --no-print-directory lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

# ---------------------------------------------------------------------------- running

demo: venv sysdeps translations
	$(PY) -m agent_desk.demo

# Writes bench/results/latest.json and latest.md, and fails when a target is missed
# (the results are written first). Pass options with e.g. BENCH_ARGS='--only phrase_search'.
BENCH_ARGS ?=

bench: venv
	@if [ -f bench/__main__.py ]; then \
		$(PY) -m bench $(BENCH_ARGS); \
	else \
		echo "bench: not yet built"; exit 1; \
	fi

chaos: venv
	@if [ -f bench/chaos.py ] || [ -f bench/chaos/__main__.py ]; then \
		$(PY) -m bench.chaos; \
	else \
		echo "chaos: not yet built"; exit 1; \
	fi

# ---------------------------------------------------------------------------- installer

# dist/AgentDesk/AgentDesk, built by build_installer.spec (docs/building.md). The checks run
# the frozen app: --version, then --smoke-test offscreen (login window shown, files found).
INSTALLER_APP := dist/AgentDesk/AgentDesk

installer: venv translations
	@$(BIN)/python -c 'import PyInstaller' 2>/dev/null || $(PY) -m pip install --disable-pip-version-check --quiet -e '.[installer]'
	@start=$$(date +%s); \
	$(BIN)/pyinstaller --noconfirm --log-level WARN build_installer.spec; \
	echo "installer: built in $$(( $$(date +%s) - start )) s, $$(du -sh dist/AgentDesk | cut -f1) in dist/AgentDesk"
	$(INSTALLER_APP) --version
	QT_QPA_PLATFORM=offscreen $(INSTALLER_APP) --smoke-test

# ---------------------------------------------------------------------------- cleaning

clean:
	rm -rf build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .demo-data
	rm -f translations/*.qm
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
