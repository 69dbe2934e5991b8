"""Errors of the query layer, each naming what was wrong.

Every error a user can cause (a query name, a parameter, a value, a query
text, a graph file, an endpoint) is a :class:`QueryError`; the CLI turns any
of them into a one-line message and exit code 2, and notebooks can catch the
one base class. Messages say what was given, what is allowed and, where it
helps, what to do instead.
"""

from __future__ import annotations


class QueryError(Exception):
    """Base class: bad usage or input that could not be loaded (exit 2)."""


class UnknownQueryError(QueryError):
    """A query name that is not in the library."""


class UnknownParameterError(QueryError):
    """A parameter the query does not declare."""


class ParameterValueError(QueryError):
    """A value that does not fit its parameter's type, or a missing value."""


class QuerySyntaxError(QueryError):
    """SPARQL that a parser refused; the message carries the parser's own."""


class HeaderError(QueryError):
    """A ``#+`` header of a ``.rq`` file that cannot be read."""


class GraphLoadError(QueryError):
    """A graph (file, object, bundled corpus) that could not be loaded."""


class EndpointError(QueryError):
    """A SPARQL endpoint that refused a request or could not be reached."""
