"""The package's metadata is all in pyproject.toml; this file adds the optional compiled build.

With ``INTERVIEW_COACH_MYPYC=1`` in the environment, the tailoring engine
(``interview_coach.workers.tailoring``, pure Python with type annotations) is compiled to C
extensions with mypyc, as black and mypy ship theirs: the same code and the same results,
about a quarter fewer instructions per prep plan (docs/performance.md). Release wheels are
built this way (``make wheel-compiled``); every other install (``pip install -e``, a
source install, the pure wheel) stays pure Python, so no C compiler is ever needed.

mypyc names a module after its path, and this repository maps folders to packages
(``package-dir`` in pyproject.toml), so the engine is first copied under its real package
path in ``build/compiled/mypyc-src``; the wheel gets the compiled modules beside their ``.py``
files. The compiled build keeps all its files under ``build/compiled``, so a pure build from
the same checkout never picks up a compiled module left in ``build/lib``.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from setuptools import Extension, setup

# Exact: release wheels are compiled by this mypyc, the version the figures in
# docs/performance.md were measured with; change it on purpose.
MYPY = "mypy==2.4.1"
ENGINE = "interview_coach.workers.tailoring"
ROOT = Path(__file__).resolve().parent
INTERPRETED = {"model.py"}
BUILD = Path("build", "compiled")


def compile_requested() -> bool:
    value = os.environ.get("INTERVIEW_COACH_MYPYC", "").strip().lower()
    if value in ("", "0", "false", "no"):
        return False
    if value in ("1", "true", "yes"):
        return True
    raise SystemExit(f"INTERVIEW_COACH_MYPYC={value!r}: use 1 to compile the tailoring engine, 0 or unset not to")


def compiled_engine() -> list[Extension]:
    from mypyc.build import mypycify

    # Start clean: a module left in build/compiled/lib by an earlier build (renamed since,
    # or now interpreted) would otherwise be packed into this wheel.
    shutil.rmtree(BUILD, ignore_errors=True)
    stage = BUILD / "mypyc-src"
    package = stage.joinpath(*ENGINE.split("."))
    shutil.copytree(ROOT / "workers" / "tailoring", package, ignore=shutil.ignore_patterns("__pycache__", "data"))
    # Empty parents, so that the copies are named interview_coach.workers.tailoring.*; the
    # engine imports nothing from them.
    for parent in (package.parent, package.parent.parent):
        parent.joinpath("__init__.py").write_text("")
    # model.py stays Python: its classes are what hosts build, and a compiled class would
    # refuse a list where its annotation says tuple (a host's list of interviewers).
    modules = sorted(str(path) for path in package.glob("*.py") if path.name not in INTERPRETED)
    return mypycify(modules, opt_level="3", target_dir=str(BUILD / "mypyc"))


# Steps that only describe or pack the sources: nothing to compile there.
METADATA_STEPS = {"egg_info", "dist_info", "sdist"}
# Steps that would put compiled modules into the checkout, where they would shadow every
# later edit of the .py files.
IN_PLACE_STEPS = {"editable_wheel", "develop"}


def main() -> None:
    if not compile_requested():
        setup()
        return
    steps = set(sys.argv[1:])
    if steps & IN_PLACE_STEPS or "--inplace" in steps or {"build_ext", "-i"} <= steps:
        raise SystemExit("INTERVIEW_COACH_MYPYC=1 builds wheels (make wheel-compiled); install editable without it")
    try:
        import mypyc.build  # noqa: F401
    except ImportError:
        if "setuptools.build_meta" in sys.modules and "egg_info" in steps:
            # The build frontend (pip, build) asks what the build needs: mypy. It installs it
            # in the isolated build environment and runs this file again to build.
            setup(setup_requires=[MYPY])
        raise SystemExit(
            f"INTERVIEW_COACH_MYPYC=1 needs {MYPY} where the package is built: build with pip or "
            "`python -m build` (they fetch it), or install it first"
        ) from None
    if steps <= METADATA_STEPS:
        setup()
        return
    setup(ext_modules=compiled_engine(), options={"build": {"build_base": str(BUILD)}})


main()
