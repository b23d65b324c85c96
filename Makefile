# TrustFrame: `make run` opens the app, `make test` runs the whole suite headless.
# Both set everything up first (system packages when root or with sudo, a .venv, the app).

VENV        ?= .venv
PYTHON      ?= python3
PY          := $(VENV)/bin/python
STAMP       := $(VENV)/.installed
SYSDEPS     := $(VENV)/.system-deps

.PHONY: run test reliability setup system-deps venv screenshots bench demo wheel-check clean help translations

help:
	@echo "make run          set up and open TrustFrame (default workspace)"
	@echo "make test         set up and run the whole test suite headless"
	@echo "make reliability  the reliability suite in full (long forms included; as root for the disk tests)"
	@echo "make screenshots  render the main screens to docs/screenshots (Xvfb)"
	@echo "make bench        run the benchmarks and update docs/performance.md"
	@echo "make demo         build a demo workspace at ./demo.tfw"
	@echo "make translations re-extract GUI strings, compile .qm, list unfinished ones (docs/translating.md)"

setup: system-deps venv

system-deps: $(SYSDEPS)

$(SYSDEPS):
	@bash .ci/system-deps.sh
	@mkdir -p $(VENV) && touch $@

venv: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install -q --disable-pip-version-check -e '.[test]'
	@touch $@

run: setup
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ] && [ -z "$${QT_QPA_PLATFORM:-}" ]; then \
		echo "No display found (DISPLAY is not set), so TrustFrame's window cannot open."; \
		echo "On a headless machine run:  xvfb-run -a make run"; \
		exit 1; \
	fi
	@$(VENV)/bin/trustframe

test: setup
	@QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

# The long forms (marked reliability_long, deselected by `make test`; TRUSTFRAME_RELIABILITY=full
# for the fuzzed returns and kill -9 counts) run here too; the totals go to docs/reliability.md.
reliability: setup
	@rm -rf build/reliability
	@QT_QPA_PLATFORM=offscreen TRUSTFRAME_RELIABILITY=full TRUSTFRAME_RELIABILITY_OUT=build/reliability \
		$(PY) -m pytest -q -p no:cacheprovider -m "reliability_long or not reliability_long" tests/reliability; \
		status=$$?; $(PY) tests/reliability/write_report.py build/reliability docs/reliability.md; exit $$status

demo: setup
	@$(VENV)/bin/trustframe --workspace demo.tfw demo

screenshots: setup
	@QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1440x900x24" $(PY) docs/make_screenshots.py

bench: setup
	@$(PY) bench/run_all.py

# Re-reads every tr() string into resources/translations/*.ts (translations kept), compiles the
# .qm files (committed, so wheels built without PySide6's tools carry them) and lists what is
# still unfinished; fails while anything is. See docs/translating.md.
translations: setup
	@$(PY) tools/translations.py all
	@for f in questionnaires/*.yaml; do $(VENV)/bin/trustframe questionnaire validate "$$f" || exit 1; done

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
