"""A guard in front of the Oxigraph server: what ``serve-read-only`` does not refuse.

Why it exists, measured on ``oxigraph 0.5.13``:

* ``serve-read-only`` refuses updates, but it *executes* ``SERVICE <http://…>``
  by sending HTTP requests to any host the query names (a listener on
  loopback received a POST from "Oxigraph/0.5.13"); ``HTTP_PROXY`` does not
  stop it and the program has no option to turn federation off. A public
  endpoint would then make requests on the caller's behalf (SSRF).
* ``--timeout-s`` is cooperative: when it cancels a query the server has
  already sent ``200 OK`` and the body ends in "The SPARQL operation has been
  cancelled", so a client sees a broken result, not an error; and a query
  that only multiplies ``VALUES`` is not cut at all.

So Oxigraph listens on a free port of 127.0.0.1 only, and this WSGI app
(served by werkzeug's threaded server) takes the public address. It reads the
query text *before* forwarding: any ``SERVICE`` or update keyword is refused
with HTTP 400 (syntax errors are left to Oxigraph, whose 400 names the
position). It reads the whole upstream answer within the time limit and
answers 503 rather than relaying a truncated 200. Writes are 403; other GET
pages (the offline query page and its scripts) are relayed unchanged.
"""

from __future__ import annotations

import http.client
import re
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server
from werkzeug.wrappers import Request, Response

#: Words that must not appear as keywords in a query sent to ``/query``.
#: ``SERVICE`` makes Oxigraph call other hosts; the rest are SPARQL Update
#: operations (``LOAD`` also fetches a URL), never valid in a query anyway.
FORBIDDEN = frozenset({"SERVICE", "LOAD", "INSERT", "DELETE", "DROP", "CLEAR",
                       "CREATE", "ADD", "MOVE", "COPY"})
#: The text Oxigraph writes at the end of an answer it cut at ``--timeout-s``.
CANCELLED = b"The SPARQL operation has been cancelled"
READ_ONLY = "The server is read-only"
QUERY_TYPES = ("application/sparql-query", "application/x-www-form-urlencoded")
#: Dataset parameters of the SPARQL Protocol, forwarded with a checked query.
DATASET_PARAMS = ("default-graph-uri", "named-graph-uri")
CHUNK = 64 * 1024

# The SPARQL 1.1 terminals that can hide a keyword (grammar section 19.8).
_LONG_STRING = re.compile(r"'''(?:'{0,2}(?:[^'\\]|\\.))*'''"
                          r'|"""(?:"{0,2}(?:[^"\\]|\\.))*"""', re.DOTALL)
_SHORT_STRING = re.compile(r"'(?:[^'\\\n\r]|\\.)*'|\"(?:[^\"\\\n\r]|\\.)*\"")
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_COMMENT = re.compile(r"#[^\n\r]*")
# Skipped whole, as Oxigraph reads them: a variable, a language tag, and the
# local part of a prefixed name or blank node (after its ':'). A keyword is a
# run of ASCII letters; anything else is stepped over one character at a time,
# so a token is never read longer than Oxigraph reads it.
_SKIPPED = re.compile(r"[?$]\w+|@[A-Za-z]+(?:-[A-Za-z0-9]+)*|:[\w\-.:%]*")
_WORD = re.compile(r"[A-Za-z]+")
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def words(query: str) -> Iterator[str]:
    """The bare words of ``query``, outside strings, IRIs and comments.

    A ``<…>`` that contains ``)`` is not skipped: in ``FILTER(?a<?b)SERVICE?x#>``
    Oxigraph reads ``<`` as "less than" and parses the ``SERVICE`` after it
    (measured), so a span that closes an expression is read as code. This
    refuses, rarely, an IRI with a parenthesis and a keyword-like path
    segment; it never lets a keyword through. Likewise a prefix is a word:
    Oxigraph runs ``SERVICE:x {…}`` and even ``SERVICEa:x {…}`` as SERVICE
    (measured), so a prefix named ``service:`` is refused too.
    """
    position, end = 0, len(query)
    while position < end:
        char = query[position]
        if char in "'\"":
            match = _LONG_STRING.match(query, position) or _SHORT_STRING.match(query, position)
        elif char == "<":
            match = _IRIREF.match(query, position)
            if match and ")" in match.group():
                match = None
        elif char == "#":
            match = _COMMENT.match(query, position)
        elif char in "?$@:":
            match = _SKIPPED.match(query, position)
        else:
            match = _WORD.match(query, position)
            if match:
                yield match.group()
        position = match.end() if match else position + 1


def unescaped(query: str) -> str:
    """``\\uXXXX`` and ``\\UXXXXXXXX`` replaced, as SPARQL 1.1 (19.2) says a parser may."""
    def character(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code < 0x110000 else match.group()
    return _ESCAPE.sub(character, query)


def forbidden_keyword(query: str) -> str | None:
    """The first forbidden keyword in ``query``, or ``None`` when it may be forwarded.

    The text is read as written and with its ``\\u`` escapes replaced:
    Oxigraph 0.5.13 does not replace them outside strings, but another
    version might, so both readings must be clean.
    """
    readings = {query, unescaped(query)}
    for text in readings:
        for word in words(text):
            upper = word.upper()
            if upper in FORBIDDEN:
                return upper
            if upper.startswith("SERVICE"):  # 'SERVICEa:x' is a SERVICE call
                return "SERVICE"
    return None


#: The largest answer the guard holds to check it before relaying it (bytes).
MAX_ANSWER = 256 * 2**20


@dataclass(frozen=True)
class Upstream:
    """Where Oxigraph listens (127.0.0.1 only), how long an answer may take and how
    large it may be: the guard reads a whole answer before relaying it (to tell a
    complete one from one Oxigraph cut), so the size is capped too."""

    host: str
    port: int
    timeout: float | None
    max_bytes: int = MAX_ANSWER


@dataclass(frozen=True)
class Answer:
    """A whole upstream answer, read within the time limit."""

    status: int
    content_type: str | None
    body: bytes


class TooSlow(Exception):
    """The upstream answer did not end within the time limit."""


class TooLarge(Exception):
    """The upstream answer grew past the size the guard holds."""


def fetch(upstream: Upstream, method: str, target: str, *, body: bytes | None = None,
          headers: dict[str, str] | None = None) -> Answer:
    """Send one request to Oxigraph and read the whole answer before the deadline.

    Each read waits at most for the time left, so a server that trickles
    bytes cannot stretch the limit. Raises :class:`TooSlow` at the deadline and
    :class:`TooLarge` past ``upstream.max_bytes``.
    """
    deadline = None if upstream.timeout is None else time.monotonic() + upstream.timeout
    connection = http.client.HTTPConnection(upstream.host, upstream.port,
                                            timeout=upstream.timeout)
    answer: http.client.HTTPResponse | None = None
    try:
        connection.request(method, target, body=body, headers=headers or {})
        sock = connection.sock  # http.client forgets it once the answer says "close"
        answer = connection.getresponse()
        chunks = []
        size = 0
        while True:
            if deadline is not None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TooSlow
                sock.settimeout(left)
            chunk = answer.read1(CHUNK) if method != "HEAD" else b""
            if not chunk:
                break
            size += len(chunk)
            if size > upstream.max_bytes:
                raise TooLarge
            chunks.append(chunk)
        return Answer(answer.status, answer.getheader("Content-Type"), b"".join(chunks))
    except TimeoutError as err:
        raise TooSlow from err
    finally:
        if answer is not None:
            answer.close()
        connection.close()


def plain(status: int, message: str) -> Response:
    """A short plain-text answer made by the guard itself."""
    return Response(message, status=status, content_type="text/plain; charset=utf-8")


def query_text(request: Request) -> str | Response:
    """The SPARQL text of a ``/query`` request, or the answer refusing the request."""
    if request.method in ("GET", "HEAD"):
        query = request.args.get("query")
    else:
        kind = request.mimetype
        if kind not in QUERY_TYPES:
            return plain(415, f"a query is sent as {' or '.join(QUERY_TYPES)}, not {kind!r}")
        if kind == "application/sparql-query":
            try:
                query = request.get_data().decode(request.mimetype_params.get("charset", "utf-8"))
            except (UnicodeDecodeError, LookupError):
                return plain(400, "the query is not valid UTF-8")
        else:
            query = request.form.get("query")
    if query is None:
        return plain(400, "no query: send it as the 'query' parameter")
    return query


def forward_query(upstream: Upstream, request: Request, query: str) -> Response:
    """Send a checked query to Oxigraph as a form POST, with the client's Accept."""
    params = [("query", query)] + [(name, value) for name in DATASET_PARAMS
                                   for value in request.values.getlist(name)]
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if "Accept" in request.headers:
        headers["Accept"] = request.headers["Accept"]
    body = urllib.parse.urlencode(params).encode()
    method = "HEAD" if request.method == "HEAD" else "POST"
    if method == "HEAD":
        return relay(upstream, "HEAD", "/query?" + body.decode(), headers=headers)
    return relay(upstream, method, "/query", body=body, headers=headers)


def relay(upstream: Upstream, method: str, target: str, *, body: bytes | None = None,
          headers: dict[str, str] | None = None) -> Response:
    """Oxigraph's answer as it is, or 503 when it was late or cut by Oxigraph's limit."""
    try:
        answer = fetch(upstream, method, target, body=body, headers=headers)
    except TooSlow:
        return too_slow(upstream)
    except TooLarge:
        return plain(507, f"the answer is larger than {upstream.max_bytes / 2**20:g} MB; "
                          "narrow the query (a LIMIT, a filter) or run it on the graph file "
                          "with lapekg query/sparql")
    except OSError as err:
        return plain(502, f"the Oxigraph server did not answer: {err}")
    if answer.body.rstrip().endswith(CANCELLED):
        return too_slow(upstream)
    response = Response(answer.body, status=answer.status)
    if answer.content_type:
        response.headers["Content-Type"] = answer.content_type
    else:
        del response.headers["Content-Type"]
    return response


def too_slow(upstream: Upstream) -> Response:
    """The 503 that replaces a broken or late answer."""
    limit = f"{upstream.timeout:g} s" if upstream.timeout is not None else "its time limit"
    return plain(503, f"query took longer than {limit}")


def handle(upstream: Upstream, request: Request) -> Response:
    """Route one request: check queries, refuse writes, relay reads."""
    if request.method not in ("GET", "POST", "HEAD"):
        return plain(403, READ_ONLY)
    if request.path == "/query":
        query = query_text(request)
        if isinstance(query, Response):
            return query
        keyword = forbidden_keyword(query)
        if keyword is not None:
            return plain(400, f"{keyword} is not allowed on this endpoint: it serves queries "
                              "on its own graph only (no SERVICE, no LOAD, no updates)")
        return forward_query(upstream, request, query)
    if request.method == "POST" or request.path == "/update":
        return plain(403, READ_ONLY)
    target = raw_target(request)
    headers = {"Accept": request.headers["Accept"]} if "Accept" in request.headers else {}
    return relay(upstream, request.method, target, headers=headers)


def raw_target(request: Request) -> str:
    """The path and query string as the client wrote them (not decoded and re-encoded)."""
    raw = request.environ.get("RAW_URI") or request.environ.get("REQUEST_URI") or ""
    if raw.startswith("/"):
        return raw
    return urllib.parse.quote(request.path) + (
        "?" + request.query_string.decode("latin-1") if request.query_string else "")


def application(upstream: Upstream):  # noqa: ANN201 - a WSGI callable
    """The guard as a WSGI application for ``upstream``."""
    @Request.application
    def app(request: Request) -> Response:
        return handle(upstream, request)
    return app


class QuietHandler(WSGIRequestHandler):
    """Werkzeug's handler without the one-line log of each request (errors still logged)."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Say nothing per request."""


@dataclass
class Guard:
    """A guard bound to its address: its werkzeug server, then the thread serving it."""

    server: BaseWSGIServer
    thread: threading.Thread | None = None

    def serve(self) -> None:
        """Start answering from a daemon thread (werkzeug threaded: a thread per request).

        Until then clients that connect wait in the socket's backlog: they are
        not refused and not given an error while Oxigraph is still starting.
        """
        self.thread = threading.Thread(target=self.server.serve_forever,
                                       name="lapekg-guard", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        """Stop answering and close the socket."""
        if self.thread is not None:
            self.server.shutdown()
            self.thread.join(5)
        self.server.server_close()


def bind(host: str, port: int, upstream: Upstream, *, quiet: bool = False) -> Guard:
    """The guard bound to ``host:port``, not yet answering (see :meth:`Guard.serve`).

    The socket is bound here, not by werkzeug, whose ``make_server`` exits the
    program when the port is taken; here that is an :class:`OSError`.
    """
    address = host.strip("[]")
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    listener = socket.create_server((address, port), family=family)
    try:
        server = make_server(address, port, application(upstream), threaded=True,
                             request_handler=QuietHandler if quiet else None,
                             fd=listener.fileno())
    finally:
        listener.close()  # werkzeug holds its own copy of the socket
    return Guard(server)


def start(host: str, port: int, upstream: Upstream, *, quiet: bool = False) -> Guard:
    """The guard bound to ``host:port`` and answering."""
    front = bind(host, port, upstream, quiet=quiet)
    front.serve()
    return front
