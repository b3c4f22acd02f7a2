"""uvicorn's ``Config`` with the one fix ``tagger serve --workers N`` needs.

With ``--workers N`` uvicorn binds the shared listening socket itself with ``proto`` 0;
accepted connections inherit it, asyncio then never sets TCP_NODELAY on them, and every
keep-alive request after the first waits about 40 ms for the client's delayed ACK
(measured here: 48 ms p50 at one client instead of 8; uvicorn issue #3149). Re-wrapping the
descriptor lets Python read the real protocol from the kernel.

A module of its own because uvicorn pickles the config into each worker process, so the
class must be importable, and the CLI imports uvicorn only when it serves.
"""

from __future__ import annotations

import socket

import uvicorn


class NoDelayConfig(uvicorn.Config):
    def bind_socket(self) -> socket.socket:
        sock = super().bind_socket()
        if sock.family in (socket.AF_INET, socket.AF_INET6) and sock.proto == 0:
            sock = socket.socket(fileno=sock.detach())  # family, type and proto read from the descriptor
            sock.set_inheritable(True)
        return sock


__all__ = ["NoDelayConfig"]
