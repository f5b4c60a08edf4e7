"""The allocator settings a worker process runs with (strife.memory), checked in a real child
process started the way Dask's nanny starts its workers (an explicit glibc trim threshold)."""

import os
import platform
import subprocess
import sys

import pytest

from strife.memory import release_memory, steady_allocator

GLIBC = platform.libc_ver()[0] == "glibc"

# Allocate and free a 1 MiB array 200 times, writing every page; print the page faults taken.
CHILD = """
import resource, sys
import numpy as np
from strife.memory import steady_allocator
if sys.argv[1] == "steady":
    assert steady_allocator()
np.ones(1 << 17)
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(200):
    a = np.ones(1 << 17)
    del a
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(mode: str) -> int:
    env = dict(os.environ, MALLOC_TRIM_THRESHOLD_="65536")
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode], env=env, capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip())


@pytest.mark.skipif(not GLIBC, reason="glibc's allocator only")
def test_a_worker_started_with_a_trim_threshold_stops_faulting_in_every_large_array():
    """With Dask's MALLOC_TRIM_THRESHOLD_ each 1 MiB array is a fresh mapping (256 pages faulted
    in each time); after steady_allocator() the freed block is reused."""
    pinned, steady = _faults("pinned"), _faults("steady")
    assert pinned > 200 * 200
    assert steady < pinned / 20


def test_the_c_library_functions_answer_on_any_platform():
    assert release_memory() is GLIBC
    assert steady_allocator() is GLIBC
    assert steady_allocator() is GLIBC  # once per process, then the same answer
