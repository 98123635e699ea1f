"""Type stubs of gangmu (纲目): outlines of Chinese speeches and reports."""

from typing import Iterable, List, Literal, Optional, TypedDict, Union

from typing_extensions import NotRequired

NodeKind = Literal[
    "front", "preamble", "part", "section", "task", "point", "paragraph",
    "closing", "appendix", "back",
]
QuoteKind = Literal["attributed", "saying", "term"]
DiagnosticKind = Literal["unclosed_quote", "unopened_quote", "series_gap", "empty_text"]

class KeySentence(TypedDict):
    text: str
    span: List[int]

class Node(TypedDict):
    kind: NodeKind
    label: Optional[str]
    heading: str
    key: Optional[KeySentence]
    span: List[int]
    children: List["Node"]

class Quote(TypedDict):
    kind: QuoteKind
    text: str
    speaker: Optional[str]
    span: List[int]

class Diagnostic(TypedDict):
    kind: DiagnosticKind
    span: List[int]

class Document(TypedDict):
    title: Optional[str]
    nodes: List[Node]
    quotes: List[Quote]
    diagnostics: NotRequired[List[Diagnostic]]
    chars: int

class NodeRow(TypedDict):
    doc: Optional[str]
    path: str
    level: int
    kind: NodeKind
    label: Optional[str]
    heading: str
    key: Optional[str]
    start: int
    end: int
    parent: Optional[str]

class QuoteRow(TypedDict):
    doc: Optional[str]
    index: int
    kind: QuoteKind
    speaker: Optional[str]
    text: str
    start: int
    end: int
    node: Optional[str]

__version__: str

def parse(text: str) -> Document: ...
def parse_many(texts: Iterable[str], threads: Optional[int] = None) -> List[Document]: ...
def to_json(text: str) -> str: ...
def nodes(doc: Union[Document, str], name: Optional[str] = None) -> List[NodeRow]: ...
def quotes(doc: Union[Document, str], name: Optional[str] = None) -> List[QuoteRow]: ...
