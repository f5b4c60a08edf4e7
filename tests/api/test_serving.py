"""`strife serve --workers N`: a listening socket per process on one port, so the kernel
spreads connections over the processes; a port taken by another program is a clear error."""

from __future__ import annotations

import gc
import socket

import pytest

from strife.api import serving

REUSE_PORT = pytest.mark.skipif(not serving.supported(), reason="no SO_REUSEPORT on this system")


@REUSE_PORT
def test_each_worker_listens_on_its_own_socket_of_one_port():
    first = serving.reuse_port_socket("127.0.0.1", 0)
    port = first.getsockname()[1]
    second = serving.reuse_port_socket("127.0.0.1", port)
    try:
        assert second.getsockname()[1] == port
        accepted = set()
        for sock in (first, second):
            sock.settimeout(0.01)
        for _ in range(40):  # connections are hashed over both sockets
            client = socket.create_connection(("127.0.0.1", port), timeout=2)
            for n, sock in enumerate((first, second)):
                try:
                    sock.accept()[0].close()
                    accepted.add(n)
                except TimeoutError:
                    pass
            client.close()
        assert accepted == {0, 1}
    finally:
        first.close()
        second.close()


@REUSE_PORT
def test_a_port_held_by_another_program_is_refused_before_any_worker_starts():
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    try:
        with pytest.raises(OSError):
            serving.serve("127.0.0.1", holder.getsockname()[1], workers=2)
    finally:
        holder.close()


def test_a_started_app_keeps_its_start_up_objects_out_of_the_collectors_sight(filled_url, make_client):
    gc.unfreeze()
    make_client(filled_url)  # the lifespan has run
    assert gc.get_freeze_count() > 0
