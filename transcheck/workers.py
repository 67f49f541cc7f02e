"""Worker processes for long pairs: how many CPUs there are, whether to start any, and a
pool whose workers leave Ctrl-C to the process that started them.

The alignment's blocks (``align.dp``) and the facts of a long pair's two sides (``check``)
use it; wherever it cannot start a process, the caller does the work itself.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

# no process could start (a sandbox without semaphores, a platform without them) or one
# died: the caller does the work itself
NO_WORKERS = (OSError, NotImplementedError, BrokenProcessPool)


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity where the system tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def may_spread(jobs: int) -> bool:
    """Whether ``jobs`` asks for other processes and this one may start them. A worker (of
    ``transcheck run``, say) starts none: they would only compete with its siblings for the
    same CPUs."""
    return jobs > 1 and multiprocessing.parent_process() is None


@contextlib.contextmanager
def worker_pool(workers: int, initializer: Callable[..., object] | None = None,
                initargs: tuple[object, ...] = ()) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers ignore Ctrl-C, which is this process's to handle. When
    the block fails (bad input, Ctrl-C), the pool is shut down without waiting for the work
    still queued."""
    pool = ProcessPoolExecutor(workers, initializer=_start, initargs=(initializer, initargs))
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _start(initializer: Callable[..., object] | None, initargs: tuple[object, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if initializer is not None:
        initializer(*initargs)
