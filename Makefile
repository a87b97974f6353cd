# The two README commands: `make run` (set up + open the app) and `make test`.
# Both create .venv on first use and are quick afterwards.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.convlens-installed

.PHONY: run test setup bench screenshot lint check clean package package-test package-verified translations

# Qt translations: the .ts files are the source (pyside6-lupdate keeps them in step with every tr() in gui/),
# the .qm files the app loads are compiled from them (pyside6-lrelease), never committed.
TS := $(wildcard resources/translations/convlens_*.ts)
QM := $(TS:.ts=.qm)

run: $(STAMP) $(QM)
	$(VENV)/bin/convlens

# The suite in two passes: most tests in two worker processes (pytest-xdist) with one OpenMP thread each (14 min
# on 2 cores: much of it waits on subprocesses, files and timers), then the tests marked `serial` (live rates, the
# UI thread's gaps, page faults) alone, as a user's machine runs them (4 min). In one process: 25 min.
# Both passes always run; the target fails if either did.
test: $(STAMP) $(QM)
	@rc=0; \
	QT_QPA_PLATFORM=offscreen OMP_NUM_THREADS=1 $(PY) -m pytest -n 2 -m "not serial" || rc=$$?; \
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m serial || rc=$$?; \
	exit $$rc

resources/translations/%.qm: resources/translations/%.ts $(STAMP)
	$(VENV)/bin/pyside6-lrelease $< -qm $@

translations: $(STAMP)
	$(PY) -m convlens.gui.message_catalog   # the engine's messages, where lupdate can read them
	$(VENV)/bin/pyside6-lupdate $$(find gui -name "*.py") -no-obsolete -ts $(TS)
	$(MAKE) $(QM)

setup: $(STAMP)

# torch + torchvision must be a matching pair from the package index: pip
# takes the newest torchvision, which pins its torch, so the older CPU-only
# torch wheel in pip.conf's find-links is never chosen.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip
	$(PY) -m pip install -e '.[dev]'
	touch $(STAMP)

bench: $(STAMP)
	$(PY) bench/bench_predict.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/bench_ui_stall.py
	$(PY) bench/bench_features.py
	$(PY) bench/bench_live.py
	$(PY) bench/bench_finetune.py
	$(PY) bench/bench_onnx.py
	$(PY) bench/bench_runtime.py
	$(PY) bench/bench_live_inspect.py
	$(PY) bench/bench_cold_start.py
	$(PY) bench/bench_distributed.py
	$(PY) bench/bench_int8.py
	$(PY) bench/bench_batch.py

screenshot: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m convlens.gui.screenshot --weights ../shared/data/models/mobilenet_v2_imagenet.pth \
		--out docs/screenshot.png ../shared/data/images/dog_samoyed.jpg ../shared/data/images/fish.png \
		../shared/data/images/metal_car-1.jpg ../shared/data/images/kitten_224.png ../shared/data/images/metal_animal-3.jpg

# The double-click app: dist/ConvLens/ (one folder), then its frozen self-test.
package: $(STAMP)
	$(PY) -m pip install -e '.[package]'
	if [ "$$(uname)" = Linux ] && command -v apt-get >/dev/null; then sh packaging/linux/fetch_xcb_libs.sh build/xcb-libs; fi
	$(VENV)/bin/pyinstaller --noconfirm --clean build.spec
	@du -sh dist/ConvLens
	$(MAKE) package-test

# After a passing build: record its commit, so .ci/run skips the build until a packaging input changes again.
package-verified: package
	test -z "$$(git status --porcelain -- build.spec packaging gui/self_test.py gui/main.py pyproject.toml)"
	{ grep '^#' packaging/verified-commit; git rev-parse HEAD; } > packaging/verified-commit.tmp
	mv packaging/verified-commit.tmp packaging/verified-commit

package-test:
	QT_QPA_PLATFORM=offscreen dist/ConvLens/ConvLens --self-test

lint: $(STAMP)
	$(VENV)/bin/ruff check engine gui cli tests bench

# Static checks (.ci/run runs them before the tests): ruff; the import contracts in pyproject.toml (the engine
# and the CLI never import Qt, the engine's layers); mypy on the engine, the GUI and the CLI. mypy cannot follow setuptools'
# editable finder, so it reads convlens.engine through a symlinked tree in build/typecheck.
check: lint
	$(VENV)/bin/lint-imports
	mkdir -p build/typecheck/convlens && for d in engine gui cli; do ln -sfn ../../../$$d build/typecheck/convlens/$$d; done
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) build dist *.egg-info
