"""Worker processes for long pairs: how many CPUs there are, whether to start any, and a
pool whose workers leave Ctrl-C to the process that started them and never outlive it.

Ctrl-C stops the pool at once: queued work is cancelled and the workers still busy are
terminated, so ``run`` over hundreds of pairs exits within a second or two rather than
after draining its queue. A worker whose parent dies (kill -9, an OOM kill) exits too: on
Linux the kernel sends it SIGKILL (``PR_SET_PDEATHSIG``); everywhere, a thread waits on the
parent's sentinel and ends the worker when it closes.

The alignment's blocks (``align.dp``) and the facts of a long pair's two sides (``check``)
use it; wherever it cannot start a process, the caller does the work itself.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
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
        stop(pool)
        raise
    pool.shutdown()


def stop(pool: ProcessPoolExecutor) -> None:
    """Cancel the queued work and end the busy workers now (Ctrl-C, bad input)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.terminate()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError, AssertionError):
            process.join(1.0)


def _start(initializer: Callable[..., object] | None, initargs: tuple[object, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    follow_parent()
    if initializer is not None:
        initializer(*initargs)


PR_SET_PDEATHSIG = 1


def follow_parent() -> None:
    """End this worker when the process that started it dies, even by kill -9."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError, TypeError):
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    sentinel = getattr(parent, "sentinel", None)
    if parent.pid != os.getppid():
        os._exit(1)  # the parent died before the signal was asked for
    if sentinel is not None:
        threading.Thread(target=_exit_with_parent, args=(sentinel,), daemon=True,
                         name="transcheck-parent-watch").start()


def _exit_with_parent(sentinel: int) -> None:
    with contextlib.suppress(OSError, ValueError):
        multiprocessing.connection.wait([sentinel])
        os._exit(1)
