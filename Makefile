# Two commands set everything up on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DATA ?= data
# AR is the year (år) in `make new-year AR=2028`; make's built-in AR (the archiver 'ar') does not count.
YEAR = $(if $(filter default,$(origin AR)),,$(AR))
AXE := tests/js/node_modules/axe-core/axe.min.js
SHIM := docs/assets/vendor/iframe-worker-shim.js

.PHONY: mutate site site-zensical compare-engines test test-fast check serve new-year new-cooperation diff save-version system-packages schema generate lint typecheck clean golden lock offline

$(STAMP): requirements.txt pyproject.toml
	@PYTHON=$(PYTHON) tools/system-packages.sh ensure site
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

site: $(STAMP)  ## bygg webbplatsen till site/ (strikt)
	$(BIN)/python -m generator build

site-zensical: $(STAMP)  ## bygg webbplatsen med Zensical (utan MkDocs) till build/zensical/site/
	$(BIN)/python -m generator build-zensical --out build/zensical

compare-engines: site site-zensical  ## jämför MkDocs- och Zensical-bygget sida för sida
	$(BIN)/python benchmarks/compare_engines.py site build/zensical/site

check: $(STAMP)  ## kontrollera datafilerna (FORMAT=github ger anteckningar för GitHub Actions)
	$(BIN)/python -m generator check --data $(DATA) $(if $(FORMAT),--format $(FORMAT))

serve: $(STAMP)  ## förhandsvisning på http://127.0.0.1:8000/ som laddas om när data/ eller docs/ ändras
	$(BIN)/python -m generator serve

new-year: $(STAMP)  ## förslag till mötesplan för ett år: make new-year AR=2028 [SAMVERKAN=sml]
	@test -n "$(YEAR)" || { echo "Ange året, till exempel: make new-year AR=2028"; exit 1; }
	$(BIN)/python -m generator new-year $(YEAR) --data $(DATA) $(if $(SAMVERKAN),--cooperation $(SAMVERKAN))

new-cooperation: $(STAMP)  ## ny samverkan med exempel i varje fil: make new-cooperation ID=vastra NAMN="Västra samverkan"
	@# ID and NAMN reach the shell as environment variables, so quotes in a name cannot break the command.
	@test -n "$$ID" -a -n "$$NAMN" || { echo 'Ange id och namn, till exempel: make new-cooperation ID=vastra NAMN="Västra samverkan"'; exit 1; }
	$(BIN)/python -m generator new-cooperation "$$ID" "$$NAMN" --data $(DATA)

diff: $(STAMP)  ## vad som har ändrats: make diff FORE=main~5 EFTER=main (mappar eller versioner i git)
	@# FORE and EFTER reach the shell as environment variables, so no quoting in them can break the command.
	@test -n "$$FORE" -a -n "$$EFTER" || { echo 'Ange vad som jämförs, till exempel: make diff FORE=main~5 EFTER=main'; exit 1; }
	$(BIN)/python -m generator diff "$$FORE" "$$EFTER" --data $(DATA)

save-version: $(STAMP)  ## spara uppgifterna som de publiceras i versioner/DATUM/: make save-version [SAMVERKAN=sml]
	$(BIN)/python -m generator save-version --data $(DATA) $(if $(SAMVERKAN),--cooperation $(SAMVERKAN))

system-packages:  ## installera Debian-paketen som testerna behöver (som root), annars visa kommandot
	@PYTHON=$(PYTHON) tools/system-packages.sh ensure

schema: $(STAMP)  ## skriv om JSON-schemana i data/_schema/
	$(BIN)/python -m generator schema

generate: $(STAMP)  ## skriv de genererade Markdown-sidorna till build/markdown/
	$(BIN)/python -m generator generate --out build/markdown

$(SHIM): offline/package.json offline/package-lock.json
	npm ci --prefix offline --no-audit --no-fund --silent
	mkdir -p $(dir $(SHIM))
	cp offline/node_modules/iframe-worker/shim/index.js $(SHIM)

offline: $(STAMP) $(SHIM)  ## kopia som fungerar från en filresurs utan nät: build/handbok-offline.zip
	$(BIN)/python -m generator build --config mkdocs.offline.yml --site build/offline --zip build/handbok-offline.zip

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks tools
	$(BIN)/ruff format --check generator tests benchmarks tools

typecheck: $(STAMP)
	$(BIN)/mypy

$(AXE): tests/js/package.json tests/js/package-lock.json
	npm ci --prefix tests/js --no-audit --no-fund --silent
	touch $(AXE)

test: system-packages lint typecheck $(AXE) $(SHIM)  ## hela testsviten, med ruff och mypy
	$(BIN)/pytest

test-fast: $(STAMP)  ## de snabba testerna (under en minut): inga byggen, ingen webbläsare, ingen LibreOffice
	$(BIN)/pytest -m "not slow and not browser"

mutate: $(STAMP)  ## mutationstest av kärnmodulerna (mutmut, några minuter) och poängen per modul
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-mutate.txt
	rm -rf mutants
	$(BIN)/mutmut run --max-children 2 > /dev/null || true
	$(BIN)/python tools/mutation_score.py

golden: $(STAMP)  ## uppdatera de förväntade filerna i tests/golden/ efter en avsiktlig ändring
	$(BIN)/pytest tests/test_golden.py tests/test_papers.py tests/test_papers_send.py -k golden --update-golden

clean:
	rm -rf $(VENV) site build mutants .pytest_cache .mypy_cache .ruff_cache tests/js/node_modules offline/node_modules $(SHIM)

lock:  ## pin every dependency anew after changing pyproject.toml
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade setuptools && .lock-venv/bin/pip install --quiet -e '.[test]'
	(echo "# Every package the handbook and its tests need, pinned. Regenerate with: make lock"; \
	 .lock-venv/bin/pip freeze --all --exclude-editable | grep -v '^pip==') > requirements.txt
	rm -rf .lock-venv
