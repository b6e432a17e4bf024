# The two set-up commands of the README:
#   make serve  — creates the environment, then serves the site at http://127.0.0.1:8000/
#   make test   — creates the environment, then runs the whole test suite
# Python ≥ 3.11 and Node.js/npm must be on the machine; the browser tests also need Debian's
# chromium, and Java for the HTML checker (.ci/run installs both).

VENV := .venv
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test build offline clean

# Rebuilds after a change in docs/, data/, overrides/ or mkdocs.yml; starts again after a change
# in scripts/ (scripts/serve.py).
serve: $(VENV)/.installed
	$(VENV)/bin/python -m scripts.serve

test: $(VENV)/.installed node_modules/.installed
	$(VENV)/bin/python -m pytest

build: $(VENV)/.installed
	$(VENV)/bin/mkdocs build --strict

# The whole site as a zip that works from file:// (dist/jobcoaching-offline.zip).
offline: $(VENV)/.installed node_modules/.installed
	$(VENV)/bin/python -m scripts.offline

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

clean:
	rm -rf site site-offline dist .venv node_modules .pytest_cache test-artifacts
