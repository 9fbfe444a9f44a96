# relext developer commands. Each target creates .venv at the project root if needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out

.PHONY: help venv demo test score bench docs clean

help:
	@echo "make demo   - set up .venv and build the graph of the sample corpus in data/ (writes $(OUT)/)"
	@echo "make test   - set up .venv and run the test suite"
	@echo "make score  - score relext on the development sets (../shared/eval dev, dev2; tests/data dev3 to dev6, own_heldout2) and the project's check sets (own_heldout, own_heldout3 to own_heldout7)"
	@echo "make bench  - run the speed and memory benchmark (bench/)"
	@echo "make docs   - build the documentation site (mkdocs build --strict)"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,model,docs]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	mkdir -p $(OUT)
	$(BIN)/relext extract data/sample_corpus -o $(OUT)/sample.graphml --jsonl $(OUT)/sample.jsonl
	$(BIN)/relext info $(OUT)/sample.graphml

test: $(STAMP)
	$(BIN)/python -m pytest

SETS = --gold ../shared/eval/dev.jsonl --gold ../shared/eval/dev2.jsonl --gold tests/data/dev3.jsonl --gold tests/data/dev4.jsonl --gold tests/data/dev5.jsonl --gold tests/data/dev6.jsonl \
       --gold tests/data/own_heldout2.jsonl --gold tests/data/own_heldout.jsonl --gold tests/data/own_heldout3.jsonl --gold tests/data/own_heldout4.jsonl --gold tests/data/own_heldout5.jsonl \
       --gold tests/data/own_heldout6.jsonl --gold tests/data/own_heldout7.jsonl

score: $(STAMP)
	$(BIN)/python bench/dev_scores.py $(SETS)

bench: $(STAMP)
	$(BIN)/python bench/run.py

docs: $(STAMP)
	$(BIN)/mkdocs build --strict

clean:
	rm -rf $(VENV) $(OUT) site build src/*.egg-info
