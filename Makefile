# Interview Coach: the two commands of the quick start, and a few more.
#   make demo   run the example job board with the plugin, a worker and a mail catcher
#   make test   set up what the tests need (Redis, a browser) and run them

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test lint eval bench bench-compiled wheel wheel-compiled schema clean

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found %s); set PYTHON=python3.x" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(PY) examples/jobboard/run_demo.py

test: $(STAMP)
	bash scripts/run-tests.sh $(PY) $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .

eval: $(STAMP)
	$(PY) -m tests.tailoring.evaluate

bench: $(STAMP)
	$(PY) bench/run_all.py
	$(MAKE) bench-compiled || echo "bench: the compiled engine was not measured (make bench-compiled needs a C compiler, Python's headers and network for mypy)"

# The tailoring benchmark again, on the engine compiled with mypyc (needs a C compiler),
# installed in its own virtual environment.
COMPILED := .venv-compiled
bench-compiled: $(STAMP)
	rm -rf dist/compiled
	INTERVIEW_COACH_MYPYC=1 $(PY) -m build --wheel --outdir dist/compiled .
	rm -rf $(COMPILED)
	$(PY) -m venv $(COMPILED)
	$(COMPILED)/bin/python -m pip install --quiet dist/compiled/*.whl
	$(COMPILED)/bin/python bench/tailoring.py

wheel: $(STAMP)
	$(PY) -m build --wheel --outdir dist .

# The wheel for workers: the tailoring engine compiled with mypyc (setup.py; needs a C compiler).
wheel-compiled: $(STAMP)
	INTERVIEW_COACH_MYPYC=1 $(PY) -m build --wheel --outdir dist .

schema: $(STAMP)
	$(PY) -c 'from interview_coach.plugin.events import schema_text; open("docs/event-schema.json", "w").write(schema_text())'

clean:
	rm -rf $(VENV) $(COMPILED) build dist .demo *.egg-info
