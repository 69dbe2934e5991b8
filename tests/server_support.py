"""Shared by the tests that start a real Oxigraph server on loopback."""

from __future__ import annotations

import socket

import pytest

from queries import server
from queries.errors import QueryError


def oxigraph_missing() -> bool:
    try:
        server.oxigraph_binary()
    except QueryError:
        return True
    return False


#: Marks for a module of server tests: skipped, with the reason, without the binary.
SERVER_TESTS = [
    pytest.mark.server,
    pytest.mark.skipif(oxigraph_missing(), reason="the 'oxigraph' server binary is not "
                       "installed (pip install 'lapekg[server]')"),
]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
