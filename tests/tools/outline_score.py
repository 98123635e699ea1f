#!/usr/bin/env python3
# Copied unchanged (below this comment) from /work/shared/tools/outline_score.py,
# the project's shared outline scorer, so that it can be run from a checkout:
#   cargo run -q -- --format json tests/corpus/X.txt > /tmp/X.json
#   python3 tests/tools/outline_score.py tests/corpus/X.expected.json /tmp/X.json --verbose
# tests/support/score.rs is its Rust port; tests/corpus.rs checks that the two agree.
"""Score an outline (the project's JSON) against a hand-made expectation.

usage: outline_score.py EXPECTED.json ACTUAL.json [--verbose]

Prints one line: doc, structure P/R/F1, quote recall, term recall, title ok.
Exit 0 always; the caller applies thresholds (see --min-f1 etc.).
"""
import json
import re
import sys

FW = str.maketrans("０１２３４５６７８９（）．，、：；", "0123456789().,,:;")
SPACE = re.compile(r"[\s\u200b\u00a0\u3000\ufeff*#>]+")


def norm_label(s):
    if not s:
        return ""
    s = SPACE.sub("", s).translate(FW)
    return s.strip(",.:;、")


def norm_text(s):
    if not s:
        return ""
    return SPACE.sub("", s).translate(FW)


def labeled(children):
    """Labeled descendants, looking through unlabeled containers."""
    out = []
    for c in children or []:
        if c.get("label"):
            out.append(c)
        else:
            out.extend(labeled(c.get("children")))
    return out


def unlabeled_heads(children):
    out = []
    for c in children or []:
        out.append(c)
        if not c.get("label"):
            out.extend(unlabeled_heads(c.get("children")))
    return out


def heading_of(node):
    h = norm_text(node.get("heading", ""))
    lab = norm_text(node.get("label") or "")
    if lab and h.startswith(lab):
        h = h[len(lab):]
    return h


def head_match(exp_h, act_h):
    e = norm_text(exp_h)
    key = e[: min(len(e), 8)]
    return act_h.startswith(key) or (len(key) >= 4 and key in act_h[:40])


class Score:
    def __init__(self):
        self.tp = 0
        self.fn = 0
        self.fp = 0
        self.misses = []
        self.extras = []


def compare(exp_list, act_children, score, path):
    acts = labeled(act_children)
    used = set()
    pos = 0
    for e in exp_list:
        el = norm_label(e.get("label"))
        found = None
        if el:
            for i in range(pos, len(acts)):
                a = acts[i]
                if i in used:
                    continue
                if norm_label(a.get("label")) == el and head_match(e.get("heading", ""), heading_of(a)):
                    found = i
                    break
        else:  # optional unlabeled structural head: look anywhere below
            for a in unlabeled_heads(act_children):
                if head_match(e.get("heading", ""), heading_of(a)):
                    score.tp += 1
                    break
            continue
        if found is None:
            score.fn += 1
            score.misses.append(f"{path}/{e.get('label')}{e.get('heading', '')[:12]}")
            continue
        used.add(found)
        pos = found + 1
        score.tp += 1
        if "children" in e:
            compare(e["children"], acts[found].get("children"), score, f"{path}/{e.get('label')}")
    for i, a in enumerate(acts):
        if i not in used:
            score.fp += 1
            score.extras.append(f"{path}/{a.get('label')}{heading_of(a)[:12]}")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in sys.argv
    exp = json.load(open(args[0], encoding="utf-8"))
    try:
        act = json.load(open(args[1], encoding="utf-8"))
    except Exception as err:  # unreadable output counts as zero
        print(f"{exp['doc']}: unreadable output ({err})")
        print(f"{exp['doc']} F1=0.00 quotes=0.00 terms=0.00 title=no")
        return
    s = Score()
    compare(exp["outline"], act.get("nodes"), s, "")
    p = s.tp / (s.tp + s.fp) if s.tp + s.fp else 1.0
    r = s.tp / (s.tp + s.fn) if s.tp + s.fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0

    quotes = act.get("quotes") or []
    q_ok = 0
    q_miss = []
    for q in exp.get("quotes", []):
        key = norm_text(q["text"])[:6]
        hit = False
        for a in quotes:
            if a.get("kind") != q["kind"]:
                continue
            if not norm_text(a.get("text", "")).startswith(key):
                continue
            if q["kind"] == "attributed":
                sp, asp = q.get("speaker") or "", a.get("speaker") or ""
                if not (sp and asp and (sp in asp or asp in sp)):
                    continue
            hit = True
            break
        q_ok += hit
        if not hit:
            q_miss.append(f"{q['kind']}:{q['text'][:8]}")
    qn = len(exp.get("quotes", []))
    q_rec = q_ok / qn if qn else 1.0

    terms = {norm_text(a.get("text", "")) for a in quotes if a.get("kind") == "term"}
    t_exp = exp.get("terms", [])
    t_ok = sum(1 for t in t_exp if norm_text(t) in terms)
    t_rec = t_ok / len(t_exp) if t_exp else 1.0

    et, at = exp.get("title"), act.get("title")
    if et is None:
        title_ok = not at
    else:
        title_ok = bool(at) and norm_text(et)[:10] in norm_text(at)

    if verbose:
        for m in s.misses:
            print("  miss ", m)
        for x in s.extras:
            print("  extra", x)
        for m in q_miss:
            print("  quote-miss", m)
        print("  title expected", repr(et), "got", repr(at))
    print(
        f"{exp['doc']} P={p:.2f} R={r:.2f} F1={f1:.2f} quotes={q_rec:.2f} "
        f"terms={t_rec:.2f} title={'ok' if title_ok else 'no'}"
    )


if __name__ == "__main__":
    main()
