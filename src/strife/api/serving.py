"""`strife serve --workers N` with N > 1: N server processes, each listening on its own socket
of the same address (SO_REUSEPORT), so the kernel spreads new connections evenly over them.

uvicorn's own `--workers` shares one listening socket among the processes, and whichever
process wakes first accepts every connection waiting: 50 clients that connect at once ended up
split 50/0, 37/13, 35/15 or 30/20 (measured with `ss` during `python -m strife.api.loadtest`).
Clients keep their connections open, so the split lasts, and the process holding more of them
answers each of its clients that much later. A socket per process is hashed to by the
connection's addresses instead: an even split on average, never all in one process.

Each process builds the app from the environment (`strife.api.app:app_from_env`, database from
STRIFE_DB); a process that dies is started again; SIGINT or SIGTERM stops them all, and killing the
supervisor outright ends them too (Linux's parent-death signal).
"""

from __future__ import annotations

import multiprocessing
import signal
import socket
import time
from types import FrameType

RESTART_PAUSE = 1.0


def reuse_port_socket(host: str, port: int) -> socket.socket:
    """A listening TCP socket on (host, port) that other processes may also bind."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def worker(host: str, port: int) -> None:
    """One server process: its own socket, the app built from the environment; it ends with
    the supervising process, even one killed outright."""
    import uvicorn

    from strife.memory import die_with_parent

    die_with_parent()

    sock = reuse_port_socket(host, port)
    config = uvicorn.Config(
        "strife.api.app:app_from_env", factory=True, log_level="warning", access_log=False
    )
    uvicorn.Server(config).run(sockets=[sock])


def supported() -> bool:
    """Whether this system lets several processes listen on one port (Linux, BSDs, macOS)."""
    return hasattr(socket, "SO_REUSEPORT")


def serve(host: str, port: int, workers: int) -> None:
    """Run `workers` server processes until SIGINT or SIGTERM; restart any that dies."""
    reuse_port_socket(host, port).close()  # a port in use is an error now, not in every worker
    context = multiprocessing.get_context("spawn")
    stopping = False

    def stop(_signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    processes = [context.Process(target=worker, args=(host, port), daemon=True) for _ in range(workers)]
    try:
        for process in processes:
            process.start()
        while not stopping:
            time.sleep(0.2)
            for n, process in enumerate(processes):
                if not process.is_alive() and not stopping:
                    time.sleep(RESTART_PAUSE)  # a worker that fails at start must not spin
                    processes[n] = context.Process(target=worker, args=(host, port), daemon=True)
                    processes[n].start()
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout=30)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
