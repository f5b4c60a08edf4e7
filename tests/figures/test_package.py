"""The figures package loads its spaCy-bound half (`extract`, `Found`) on first use: a process
that only reconciles claims (a Dask run's writer) never imports spaCy. Each check runs in a
fresh interpreter, since this test process has imported everything already."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout.strip()


def test_reconciling_claims_does_not_import_spacy():
    code = (
        "import sys\n"
        "from strife.figures import reconcile\n"
        "import strife.figures as f\n"
        "assert 'extract' not in vars(f)\n"
        "from strife.models import Count\n"
        "f = reconcile([Count(kind='fatalities', low=3, high=3, source='the army', text='x', start=0, end=1)])\n"
        "print(f.best, 'spacy' in sys.modules)\n"
    )
    assert _run(code) == "3 False"


@pytest.mark.slow  # imports spaCy in a fresh interpreter (seconds of CPU)
def test_function_names_that_are_submodules_stay_functions_in_any_import_order():
    code = (
        "import types\n"
        "import strife.figures.extract, strife.figures.reconcile\n"  # the submodules first
        "from strife.figures import extract, reconcile, Found\n"
        "import strife.figures as f\n"
        "print(all(isinstance(x, types.FunctionType) for x in (extract, reconcile, f.extract, f.reconcile)),"
        " Found.__name__, f.extract.__module__)\n"
    )
    assert _run(code) == "True Found strife.figures.extract"
