"""The library of named queries: ``.rq`` files with a ``#+`` header.

Each query is data, not code: a SPARQL file whose opening comment lines
(grlc style) give a title, a description and typed parameters::

    #+ title: Partners of a project
    #+ description: Who took part in a project, in which role.
    #+ params:
    #+ - name: project, type: iri, description: the project (leave out for all)
    #+ - name: year, type: integer, default: 2019, description: ...

Parameter keys: ``name``, ``type`` (iri, string, integer, decimal, date),
``default``, ``required`` (true/false), ``description``. A parameter with no
value and no default is left unbound, which the queries read as "any".

Loading reads the header into a frozen :class:`NamedQuery` and refuses a
file whose header or SPARQL is broken, naming the file and quoting the
parser (Oxigraph's always; rdflib's ``prepareQuery`` on request, as the tests
do: the library must run on both engines, see :func:`check`). The bundled
files are package data, read with ``importlib.resources``.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.term import Identifier

from queries import binding
from queries.errors import (
    HeaderError,
    ParameterValueError,
    QuerySyntaxError,
    UnknownParameterError,
    UnknownQueryError,
)
from queries.params import PARAM_TYPES, coerce

QUERY_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
PARAM_KEYS = ("name", "type", "default", "required", "description")
_PARAM_KEY = re.compile(r"(?:^|,)\s*(" + "|".join(PARAM_KEYS) + r")\s*:\s*")
_TRUE, _FALSE = {"true", "yes"}, {"false", "no", ""}

#: A value of each type, to check that a query still parses once bound.
_SAMPLES: dict[str, Identifier] = {
    "iri": URIRef("https://example.org/sample"),
    "string": Literal("sample"),
    "integer": Literal(1, datatype=XSD.integer),
    "decimal": Literal("1.5", datatype=XSD.decimal),
    "date": Literal("2000-01-01", datatype=XSD.date),
}


@dataclass(frozen=True)
class Param:
    """A declared parameter: a SPARQL variable the caller may bind."""

    name: str
    type: str
    description: str = ""
    default: str | None = None
    required: bool = False


@dataclass(frozen=True)
class NamedQuery:
    """One ``.rq`` file: its header and its SPARQL text."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    source: str

    def param(self, name: str) -> Param:
        """The parameter ``name``, or an error listing the ones there are."""
        for param in self.params:
            if param.name == name:
                return param
        known = ", ".join(p.name for p in self.params) or "none"
        raise UnknownParameterError(
            f"query {self.name!r} has no parameter {name!r}; its parameters: {known}"
        )

    def bindings(self, values: Mapping[str, object]) -> dict[str, Identifier]:
        """Typed terms for the given values, defaults filled in, required ones checked."""
        for name in values:
            self.param(name)
        out: dict[str, Identifier] = {}
        for param in self.params:
            value = values.get(param.name)
            if value is None:
                value = param.default
            if value is None:
                if param.required:
                    raise ParameterValueError(
                        f"query {self.name!r} needs parameter {param.name!r} "
                        f"({param.type}): {param.description}"
                    )
                continue
            out[param.name] = coerce(param.type, value, name=f"{self.name}.{param.name}")
        return out

    def bound(self, values: Mapping[str, object]) -> str:
        """The SPARQL text with the values bound (see :mod:`queries.binding`)."""
        return binding.bind(self.text, self.bindings(values))


# --- Reading a file ----------------------------------------------------------


def parse_header(text: str, source: str) -> dict[str, object]:
    """The ``#+`` lines at the top of ``text`` as ``title``, ``description``, ``params``."""
    fields: dict[str, object] = {"params": []}
    last: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#+"):
            if line.strip() and not line.startswith("#"):
                break
            continue
        body = line[2:].strip()
        where = f"{source}:{number}"
        if body.startswith("- "):
            if last != "params":
                raise HeaderError(f"{where}: a '- ' item outside '#+ params:'")
            fields["params"].append(parse_param(body[2:], where))  # type: ignore[union-attr]
            continue
        key, colon, value = body.partition(":")
        key = key.strip()
        if colon and key in ("title", "description", "params"):
            if key in fields and key != "params":
                raise HeaderError(f"{where}: '{key}' given twice")
            if key != "params":
                fields[key] = value.strip()
            last = key
        elif last in ("title", "description") and body:
            fields[last] = f"{fields[last]} {body}".strip()  # continuation line
        else:
            raise HeaderError(
                f"{where}: cannot read header line {line!r}; "
                "expected 'title:', 'description:', 'params:' or '- name: …'"
            )
    return fields


def parse_param(body: str, where: str) -> Param:
    """One ``name: x, type: iri, default: …, description: …`` item."""
    matches = list(_PARAM_KEY.finditer(body))
    if not matches or matches[0].start() != 0:
        raise HeaderError(f"{where}: expected 'name: …, type: …' in {body!r}")
    values: dict[str, str] = {}
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(body)
        key = match.group(1)
        if key in values:
            raise HeaderError(f"{where}: '{key}' given twice")
        values[key] = body[match.end():end].strip()
    name, type_ = values.get("name", ""), values.get("type", "")
    if not binding.VARIABLE_NAME.fullmatch(name):
        raise HeaderError(f"{where}: parameter name {name!r} is not a SPARQL variable name")
    if type_ not in PARAM_TYPES:
        raise HeaderError(
            f"{where}: parameter {name!r} has type {type_!r}; known: {', '.join(PARAM_TYPES)}"
        )
    required = values.get("required", "").lower()
    if required not in _TRUE | _FALSE:
        raise HeaderError(f"{where}: 'required' must be true or false, not {required!r}")
    default = values.get("default") or None
    if default is not None and required in _TRUE:
        raise HeaderError(f"{where}: parameter {name!r} is required and has a default")
    return Param(name=name, type=type_, description=values.get("description", ""),
                 default=default, required=required in _TRUE)


def load_file(path: Path | Traversable, *, with_rdflib: bool = False) -> NamedQuery:
    """Read and check one ``.rq`` file (see :func:`check` for ``with_rdflib``)."""
    source = str(path)
    name = path.name.removesuffix(".rq")
    if not QUERY_NAME.fullmatch(name):
        raise HeaderError(f"{source}: a query file name is lower-case words joined by '-'")
    text = path.read_text(encoding="utf-8")
    header = parse_header(text, source)
    for key in ("title", "description"):
        if not header.get(key):
            raise HeaderError(f"{source}: the header has no '#+ {key}:' line")
    query = NamedQuery(
        name=name,
        title=str(header["title"]),
        description=str(header["description"]),
        params=tuple(header["params"]),  # type: ignore[arg-type]
        text=text,
        source=source,
    )
    check(query, with_rdflib=with_rdflib)
    return query


def check(query: NamedQuery, *, with_rdflib: bool = False) -> None:
    """Refuse a query that will not run: parsers, parameters, binding slot.

    Oxigraph's parser always runs (about 0.3 ms a query). rdflib's
    ``prepareQuery`` takes about 60 ms a query, 2.5 s for the bundled
    library with its bound forms, too slow for every ``lapekg query``; it runs
    with ``with_rdflib=True``, which the test suite does for every bundled
    query, and whenever a query runs on :class:`~queries.store.RdflibEngine`.
    """
    names = [p.name for p in query.params]
    if len(set(names)) != len(names):
        raise HeaderError(f"{query.source}: a parameter is declared twice")
    body = "\n".join(line for line in query.text.splitlines() if not line.lstrip().startswith("#"))
    for param in query.params:
        if not re.search(rf"[?$]{param.name}\b", body):
            raise HeaderError(
                f"{query.source}: parameter {param.name!r} is not used as ?{param.name}"
            )
        if param.default is not None:
            try:
                coerce(param.type, param.default, name=f"{query.name}.{param.name}")
            except ParameterValueError as err:
                raise HeaderError(f"{query.source}: default of {err}") from None
    texts = [(query.text, query.source)]
    if query.params:
        sample = {p.name: _SAMPLES[p.type] for p in query.params}
        texts.append((binding.bind(query.text, sample), f"{query.source} (parameters bound)"))
    for text, source in texts:
        if not isinstance(parse_oxigraph(text, source), ox.QuerySolutions):
            raise HeaderError(f"{query.source}: a named query must be a SELECT query")
        if with_rdflib:
            parse_rdflib(text, source)


def parse_oxigraph(text: str, source: str) -> object:
    """Parse (and run on an empty store, which is how pyoxigraph parses)."""
    try:
        return ox.Store().query(text)
    except SyntaxError as err:
        raise QuerySyntaxError(f"{source}: SPARQL does not parse (Oxigraph): {err}") from None


def parse_rdflib(text: str, source: str) -> None:
    """Parse with rdflib's ``prepareQuery``, the parser of rdflib's engine."""
    try:
        prepareQuery(text)
    except Exception as err:  # noqa: BLE001 - pyparsing and rdflib raise several kinds
        raise QuerySyntaxError(f"{source}: SPARQL does not parse (rdflib): {err}") from None


# --- The library ----------------------------------------------------------------


@functools.cache
def bundled() -> tuple[NamedQuery, ...]:
    """The queries shipped with lapekg, sorted by name (read once per process)."""
    folder = resources.files("queries")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".rq")), key=lambda f: f.name)
    return tuple(load_file(f) for f in files)


def load_directory(path: Path, *, with_rdflib: bool = False) -> tuple[NamedQuery, ...]:
    """The ``.rq`` files of a folder of one's own, checked like the bundled ones."""
    if not path.is_dir():
        raise HeaderError(f"{path}: not a folder of .rq files")
    return tuple(load_file(f, with_rdflib=with_rdflib) for f in sorted(path.glob("*.rq")))


def catalogue(extra: Iterable[Path] = ()) -> dict[str, NamedQuery]:
    """Bundled queries plus those in ``extra`` folders; a name may not be taken twice."""
    table = {q.name: q for q in bundled()}
    for folder in extra:
        for query in load_directory(Path(folder)):
            if query.name in table:
                raise HeaderError(
                    f"{query.source}: name {query.name!r} is taken by {table[query.name].source}"
                )
            table[query.name] = query
    return table


def find(name: str, table: Mapping[str, NamedQuery]) -> NamedQuery:
    """The query ``name``, or an error with the nearest names."""
    if name in table:
        return table[name]
    near = difflib.get_close_matches(name, list(table), n=3)
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    raise UnknownQueryError(
        f"no query named {name!r}{hint} (see 'lapekg query --list')"
    )
