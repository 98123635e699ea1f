"""Every 一要…五要 series (five members or more) in a folder of reports.

    python series.py FOLDER

Parses every .txt under FOLDER on all cores, flattens the outlines into one
pandas DataFrame of nodes, and lists each series of 一要 二要 … that reaches
五要: the document, the node holding it (its path and heading), and how many
members it has.
"""

import pathlib
import sys

import pandas as pd

import gangmu

folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
files = sorted(folder.rglob("*.txt"))
docs = gangmu.parse_many(path.read_text(encoding="utf-8") for path in files)
nodes = pd.DataFrame(
    [row for path, doc in zip(files, docs) for row in gangmu.nodes(doc, name=path.name)]
)
nodes["parent"] = nodes["parent"].fillna("")

# A series is the tasks labelled 一要, 二要 … under one parent.
tasks = nodes[(nodes.kind == "task") & nodes.label.str.fullmatch("[一二三四五六七八九十]+要", na=False)]
series = tasks.groupby(["doc", "parent"], as_index=False).agg(
    members=("label", "size"), labels=("label", "".join), start=("start", "min")
)
series = series[series.labels.str.contains("五要")]

# The heading of the node that holds each series.
headings = nodes[["doc", "path", "heading"]].rename(columns={"path": "parent", "heading": "under"})
series = series.merge(headings, on=["doc", "parent"], how="left")
series["under"] = series["under"].fillna("（正文）").str.slice(0, 24)

print(series[["doc", "parent", "members", "under"]].to_string(index=False))
print(f"{len(series)} series of five or more in {len(files)} documents")
