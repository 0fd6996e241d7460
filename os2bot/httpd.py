# SPDX-License-Identifier: MPL-2.0
# Copyright 2026 os2bot contributors
"""A threaded HTTP server that stops at once, for the sandbox and the health endpoint."""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
from http.server import ThreadingHTTPServer
from socketserver import BaseRequestHandler


class PromptHTTPServer(ThreadingHTTPServer):
    """ThreadingHTTPServer whose shutdown() wakes the serving loop instead of waiting for a poll.

    The standard loop looks for a shutdown request every *poll_interval* (0.5 s), so each
    stop took up to half a second. Here the loop also watches one end of a socket pair, and
    shutdown() writes a byte to the other end: the loop ends as soon as it is asked to.
    """

    daemon_threads = True
    timeout = 0.0  # handle_request() never waits: it is only called when a client is waiting

    def __init__(self, server_address: tuple[str, int], handler: type[BaseRequestHandler]) -> None:
        """Bind as ThreadingHTTPServer does, plus the socket pair that wakes the loop.

        The pair exists before binding: a failed bind (the port in use) closes the server
        at once, pair included, and raises the OSError.
        """
        self._wake_reader, self._wake_writer = socket.socketpair()
        self._wake_reader.setblocking(False)  # noqa: FBT003 - the socket API's own signature
        self._stopping = threading.Event()
        self._stopped = threading.Event()
        super().__init__(server_address, handler)

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Handle requests until shutdown(); *poll_interval* is accepted and not needed."""
        del poll_interval  # woken by shutdown(), never polled
        self._stopped.clear()
        try:
            with selectors.DefaultSelector() as selector:
                selector.register(self, selectors.EVENT_READ)
                selector.register(self._wake_reader, selectors.EVENT_READ)
                while not self._stopping.is_set():
                    ready = {key.fileobj for key, _events in selector.select()}
                    if self._stopping.is_set():
                        break
                    if self._wake_reader in ready:  # a wake-up left over from an earlier stop
                        self._drain()
                    if self in ready:
                        self.handle_request()  # the listening socket is ready: no wait
                    self.service_actions()
        finally:
            self._stopping.clear()
            self._drain()
            self._stopped.set()

    def shutdown(self) -> None:
        """Stop the serving loop and wait until it has stopped (it must be running)."""
        self._stopping.set()
        with contextlib.suppress(OSError):
            self._wake_writer.send(b"\0")
        self._stopped.wait()

    def server_close(self) -> None:
        """Close the listening socket and the wake-up pair."""
        super().server_close()
        self._wake_reader.close()
        self._wake_writer.close()

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            while self._wake_reader.recv(64):
                pass
