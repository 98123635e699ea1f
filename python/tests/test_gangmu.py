"""The Python module against the command line (issue 17).

GANGMU_BIN names the `gangmu` binary whose output is the reference
(`make test-python` builds it); the corpus is the repository's tests/corpus.
"""

import json
import os
import pathlib
import subprocess
import sys
import threading
import time

import pytest

import gangmu

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
FILES = sorted(CORPUS.glob("*.txt"))
GANGMU_BIN = os.environ.get("GANGMU_BIN", str(ROOT / "target" / "release" / "gangmu"))


def cli(*args):
    return subprocess.run([GANGMU_BIN, *args], check=True, capture_output=True).stdout.decode("utf-8")


def read(path):
    # newline="": the text exactly as the CLI reads it (no CRLF folding).
    with open(path, encoding="utf-8", newline="") as file:
        return file.read()


def test_the_corpus_is_there():
    assert len(FILES) >= 30
    assert os.access(GANGMU_BIN, os.X_OK), GANGMU_BIN


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.stem[:24])
def test_parse_is_the_cli_json_byte_for_byte(path):
    expected = cli("--format", "json", str(path))
    text = read(path)
    assert gangmu.to_json(text) == expected
    # The dict, written as serde_json writes, is the same bytes too.
    assert json.dumps(gangmu.parse(text), ensure_ascii=False, indent=2) + "\n" == expected


def test_rows_are_the_cli_tables():
    paths = [str(path) for path in FILES[:6]]
    node_lines = cli("--table", "nodes", *paths).splitlines()
    quote_lines = cli("--table", "quotes", *paths).splitlines()
    nodes, quotes = [], []
    for path in paths:
        doc = gangmu.parse(read(path))
        nodes += gangmu.nodes(doc, name=path)
        quotes += gangmu.quotes(doc, name=path)
    assert [json.loads(line) for line in node_lines] == nodes
    assert [json.loads(line) for line in quote_lines] == quotes
    assert len(nodes) > 100 and len(quotes) > 10
    # Column order as documented.
    assert list(nodes[0]) == ["doc", "path", "level", "kind", "label", "heading", "key", "start", "end", "parent"]
    assert list(quotes[0]) == ["doc", "index", "kind", "speaker", "text", "start", "end", "node"]


def test_rows_of_a_text_and_of_its_document_agree():
    text = read(FILES[0])
    assert gangmu.nodes(text) == gangmu.nodes(gangmu.parse(text))
    assert gangmu.quotes(text, name="x") == gangmu.quotes(gangmu.parse(text), name="x")
    assert all(row["doc"] is None for row in gangmu.nodes(text))


def test_spans_index_the_python_string():
    text = read(FILES[0])
    doc = gangmu.parse(text)
    assert doc["chars"] == len(text)
    for quote in doc["quotes"]:
        start, end = quote["span"]
        assert quote["text"] in text[start:end] or quote["text"].replace(" ", "") in text[start:end]
    for row in gangmu.nodes(doc):
        if row["kind"] == "part" and row["label"]:
            assert text[row["start"]:row["end"]].lstrip("#* 　").startswith(row["label"][0])


def test_parse_many_keeps_order_whatever_the_threads():
    texts = [read(path) for path in FILES]
    one_by_one = [gangmu.parse(text) for text in texts]
    assert gangmu.parse_many(texts) == one_by_one
    assert gangmu.parse_many(texts, threads=1) == one_by_one
    assert gangmu.parse_many(iter(texts), threads=3) == one_by_one
    assert gangmu.parse_many([]) == []


def test_parse_many_releases_the_gil():
    """A Python thread keeps running while parse_many parses."""
    texts = [read(path) for path in FILES] * 4
    ticks = 0
    stop = False

    def count():
        nonlocal ticks
        while not stop:
            ticks += 1

    counter = threading.Thread(target=count)
    counter.start()
    try:
        time.sleep(0.05)
        before = ticks
        started = time.perf_counter()
        gangmu.parse_many(texts, threads=1)
        elapsed = time.perf_counter() - started
        during = ticks - before
    finally:
        stop = True
        counter.join()
    assert elapsed > 0.05, "the parse should take a while"
    # With the GIL held the counter could not run at all during the call.
    assert during > 10_000, (during, elapsed)


@pytest.mark.parametrize("value", [None, 1, b"bytes", ["list"], {"dict": 1}])
def test_non_str_is_a_type_error(value):
    with pytest.raises(TypeError):
        gangmu.parse(value)
    with pytest.raises(TypeError):
        gangmu.to_json(value)
    with pytest.raises(TypeError):
        gangmu.parse_many([value])


def test_bad_arguments():
    with pytest.raises(TypeError):
        gangmu.parse_many("one str")
    with pytest.raises(TypeError):
        gangmu.parse_many(5)
    with pytest.raises(ValueError):
        gangmu.parse_many(["a"], threads=0)
    with pytest.raises((TypeError, OverflowError)):
        gangmu.parse_many(["a"], threads=-1)
    with pytest.raises(ValueError):
        gangmu.nodes({"not": "a document"})
    with pytest.raises(TypeError):
        gangmu.nodes(42)


def test_lone_surrogates_are_one_replacement_char_each():
    text = "一、甲\ud800乙\n二、丙\udfff\n\ud83d\ude00"
    doc = gangmu.parse(text)
    assert doc["chars"] == len(text)
    assert [node["label"] for node in doc["nodes"]] == ["一、", "二、"]
    assert "\ufffd" in doc["nodes"][0]["heading"]
    assert gangmu.parse_many([text]) == [doc]
    assert gangmu.nodes(text)[0]["heading"] == doc["nodes"][0]["heading"]


ODD_INPUTS = r'''
import random, gangmu
random.seed(17)
alphabet = "一二三四五六七八九十、（）()。，：；“”‘’「」\n\r\t 　#*>-0123456789第条章要是\x00\ufeff\u200b\ud800\udfff😀"
texts = ["", "\x00" * 1000, "\ud800" * 1000, "“" * 100000, "一、" * 100000, "（" * 50000 + "）" * 50000]
texts += ["".join(random.choice(alphabet) for _ in range(random.randrange(400))) for _ in range(3000)]
for text in texts:
    doc = gangmu.parse(text)
    assert doc["chars"] == len(text), repr(text[:40])
    gangmu.nodes(doc)
    gangmu.quotes(doc)
assert gangmu.parse_many(texts[:500]) == [gangmu.parse(t) for t in texts[:500]]
huge = ("一、提高认识\n一要统一思想。他说：“好。”二要狠抓落实。\n" * 400000)
doc = gangmu.parse(huge)
assert doc["chars"] == len(huge) and len(doc["nodes"]) > 1000
print("ok", len(texts), len(huge))
'''


def test_odd_input_never_crashes_the_interpreter():
    # In a child interpreter, so that a crash fails this test rather than
    # ending the test run.
    result = subprocess.run([sys.executable, "-c", ODD_INPUTS], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("ok")


def test_docstrings_and_stubs():
    for function in (gangmu.parse, gangmu.parse_many, gangmu.nodes, gangmu.quotes, gangmu.to_json):
        assert function.__doc__ and len(function.__doc__) > 40, function
    package = pathlib.Path(gangmu.__file__).parent
    assert "site-packages" in package.parts, "the installed wheel is tested, not the source"
    stubs = (package / "__init__.pyi").read_text(encoding="utf-8")
    for name in gangmu.__all__:
        assert f"def {name}(" in stubs
    assert (package / "py.typed").exists()


def test_the_readme_example_finds_the_series():
    example = ROOT / "python" / "examples" / "series.py"
    result = subprocess.run([sys.executable, str(example), str(CORPUS)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "00_seed_city-mobilisation-speech.txt" in result.stdout
    assert "15_gwr2026_neimenggu_web-boilerplate-yiyao.txt" in result.stdout
    assert "series of five or more in" in result.stdout
