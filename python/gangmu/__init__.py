"""纲目 gangmu: outlines of Chinese speeches and reports.

``parse(text)`` gives the document model as a dict — title, the tree of
nodes (parts, sections, tasks …) with their labels, headings and spans, the
quotations — exactly the JSON that ``gangmu --format json`` prints (see
docs/FORMAT.md in the repository). ``nodes(doc)`` and ``quotes(doc)`` flatten
a document into rows for pandas or polars, as ``gangmu --table`` does.

Spans are ``[start, end)`` offsets in code points, so ``text[start:end]`` is
the node's text. Parsing never fails: any ``str`` gives a document (lone
surrogates count as U+FFFD). Parsing releases the GIL, and ``parse_many``
parses on every core.

>>> import gangmu
>>> doc = gangmu.parse("同志们：\\n一、提高认识\\n一要统一思想。二要狠抓落实。\\n二、抓好落实\\n")
>>> [node["label"] for node in doc["nodes"] if node["kind"] == "part"]
['一、', '二、']
>>> [(row["path"], row["label"]) for row in gangmu.nodes(doc) if row["kind"] == "task"]
[('2.1', '一要'), ('2.2', '二要')]
"""

import json as _json

from . import _gangmu

__all__ = ["parse", "parse_many", "to_json", "nodes", "quotes"]
__version__ = "0.1.0"


def parse(text):
    """Parse a speech or report; return its document model as a dict.

    The dict has ``title`` (str or None), ``nodes`` (the tree: each node
    has ``kind``, ``label``, ``heading``, ``span`` [start, end] and
    ``children``), ``quotes`` (``kind``, ``text``, ``speaker``, ``span``),
    ``diagnostics`` (only when there are any) and ``chars`` (the text's
    length in code points). Raises TypeError if ``text`` is not a str.
    """
    return _json.loads(_gangmu.parse_json(text))


def parse_many(texts, threads=None):
    """Parse many texts in parallel; return their documents in order.

    ``texts`` is any iterable of str (not one str). ``threads`` is the
    number of threads (default: every core). The GIL is released while
    parsing, so other Python threads run meanwhile.
    """
    return _json.loads(_gangmu.parse_many_json(texts, threads))


def to_json(text):
    """The document of ``text`` as JSON text, byte for byte what
    ``gangmu --format json`` prints (pretty, with a final newline)."""
    return _gangmu.parse_pretty_json(text)


def _rows(function, doc, name):
    if isinstance(doc, str):
        return _json.loads(function(text=doc, name=name))
    if isinstance(doc, dict):
        return _json.loads(function(model=_json.dumps(doc, ensure_ascii=False), name=name))
    raise TypeError(f"expected a document dict or a str, not {type(doc).__name__}")


def nodes(doc, name=None):
    """One dict per node of ``doc``, depth first in document order.

    ``doc`` is a dict from :func:`parse` (or a text, which is parsed).
    Each row has ``doc`` (``name``), ``path`` ("2.3.1": 1-based positions
    from the top), ``level`` (1 at the top), ``kind``, ``label``,
    ``heading``, ``key`` (the key sentence, 要句, or None), ``start``,
    ``end`` and ``parent`` (the parent's path, or None).
    """
    return _rows(_gangmu.node_rows_json, doc, name)


def quotes(doc, name=None):
    """One dict per quotation of ``doc``, in order.

    Each row has ``doc`` (``name``), ``index`` (1-based), ``kind``
    (attributed, saying or term), ``speaker``, ``text``, ``start``, ``end``
    and ``node`` (the path of the deepest node holding the quotation, or
    None).
    """
    return _rows(_gangmu.quote_rows_json, doc, name)
