"""Synthetic document-level pairs made by rules from documents of the TRAINING pool (never a dev document).

For each training document:

- supported:    one of its sentences, two adjacent sentences merged into one claim, or two sentences from
                anywhere in the document fused into one ("fuse");
- contradicted: the same with one fact changed: a number, a year or month, a name (swapped for another
                name from the same document), negation added or removed, a quantifier or direction flipped
                ("more" -> "fewer", "increased" -> "decreased", "before" -> "after"), or modality
                hardened ("may" -> "will"), an antonym or quantifier swapped ("approved" -> "rejected",
                "most" -> "few"), or a vote tally / score reversed ("52-48" -> "48-52");
- unsupported:  the supporting sentence deleted from the document ("deleted": the claim is the sentence, the
                document no longer holds it); a sentence on the same topic from another document (the
                most word-overlapping sentence among a few sampled documents: "same_topic"), a plausible
                sentence from a random other document, or a true sentence joined to an off-document one
                (partly supported counts as unsupported, as in WiCE).

Short pairs are also made from the sentence-level training sets (entailed hypothesis -> perturbed ->
contradicted, kept next to the unperturbed hypothesis -> supported), cheap to train on and the main source
of the contradicted class. Minimal pairs (the same claim with and without the change) are emitted for most
perturbations: a first CPU run without them learned "short pair -> contradicted" instead of the change.

Any claim equal to a dev claim, and any document equal to a dev document, is dropped.

    python training/synth.py --out training/work/synth.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path

from convert import doc_key
from train import sentences

HERE = Path(__file__).resolve().parent
DOC_SETS = {"frank", "summedits", "summac", "wice_train", "contractnli_train", "factcg"}
# Documents sampled when looking for a same-topic sentence elsewhere: enough to find word overlap,
# few enough that synthesis stays a matter of seconds.
TOPIC_SAMPLE = 25
SENT_SETS = {"mnli_bin", "fever_bin"}

MONTHS = "January February March April May June July August September October November December".split()
SWAPS = {
    "more": "fewer", "fewer": "more", "less": "more", "increased": "decreased", "decreased": "increased",
    "rose": "fell", "fell": "rose", "higher": "lower", "lower": "higher",
    "before": "after", "after": "before",
    "all": "some", "always": "sometimes", "never": "often", "first": "last", "last": "first",
    "won": "lost", "lost": "won", "largest": "smallest", "biggest": "smallest", "up": "down", "down": "up",
    "may": "will", "might": "will", "could": "will", "can": "cannot", "must": "may not", "shall": "shall not",
    "allowed": "forbidden", "required": "not required", "including": "excluding", "only": "also",
    "increase": "decrease", "decrease": "increase", "early": "late", "late": "early", "male": "female",
    "female": "male", "men": "women", "women": "men", "north": "south", "south": "north", "east": "west",
    "west": "east", "agreed": "refused", "refused": "agreed", "supported": "opposed", "opposed": "supported",
    # antonyms and quantifiers (the change a summary error or a misquote typically makes)
    "approved": "rejected", "rejected": "approved", "accepted": "rejected", "guilty": "innocent",
    "innocent": "guilty", "win": "lose", "lose": "win", "success": "failure", "failure": "success",
    "most": "few", "many": "few", "few": "many", "majority": "minority", "minority": "majority",
    "every": "no", "none": "all", "both": "neither", "rise": "fall", "gained": "lost", "raised": "cut",
    "open": "closed", "closed": "opened", "alive": "dead", "dead": "alive", "legal": "illegal",
    "illegal": "legal", "positive": "negative", "negative": "positive", "true": "false", "false": "true",
    "older": "younger", "younger": "older", "above": "below", "below": "above", "inside": "outside",
    "cheaper": "dearer", "best": "worst", "worst": "best", "strong": "weak", "weak": "strong",
}
AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|can|could|would|should|does|did|do)\b( not\b|n't\b)?")
NUM = re.compile(r"\b\d[\d,]*(\.\d+)?\b")
TALLY = re.compile(r"\b(\d+)\s*(-|–|to)\s*(\d+)\b")
NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*\b")


def change_number(s: str, rng: random.Random) -> str | None:
    ms = list(NUM.finditer(s))
    if not ms:
        return None
    m = rng.choice(ms)
    txt = m.group(0).replace(",", "")
    try:
        v = float(txt)
    except ValueError:
        return None
    if 1900 <= v <= 2100 and "." not in txt:
        new = str(int(v) + rng.choice([-3, -2, -1, 1, 2, 5]))
    elif v == 0:
        new = str(rng.randint(2, 9))
    else:
        f = rng.choice([0.5, 0.7, 1.5, 2, 3, 0.25, 1.3])
        nv = v * f
        new = f"{nv:.1f}" if "." in txt else str(max(1, round(nv)) if round(nv) != v else int(v) + 1)
    return s[: m.start()] + new + s[m.end() :]


def flip_tally(s: str, rng: random.Random) -> str | None:
    """A vote tally or score reversed: "passed 52-48" -> "passed 48-52" (same numbers, opposite outcome)."""
    ms = [m for m in TALLY.finditer(s) if m.group(1) != m.group(3)]
    if not ms:
        return None
    m = rng.choice(ms)
    sep = " to " if m.group(2) == "to" else m.group(2)
    return s[: m.start()] + m.group(3) + sep + m.group(1) + s[m.end() :]


def change_month(s: str, rng: random.Random) -> str | None:
    for mo in MONTHS:
        if re.search(rf"\b{mo}\b", s):
            return re.sub(rf"\b{mo}\b", rng.choice([x for x in MONTHS if x != mo]), s, count=1)
    return None


def change_name(s: str, doc: str, rng: random.Random) -> str | None:
    names_s = [m for m in NAME.finditer(s) if m.start() > 0 and m.group(0) not in MONTHS]
    if not names_s:
        return None
    m = rng.choice(names_s)
    pool = sorted({n for n in NAME.findall(doc) if n != m.group(0) and n not in MONTHS and n not in s})
    pool = [n for n in pool if (" " in n) == (" " in m.group(0))]
    if not pool:
        return None
    return s[: m.start()] + rng.choice(pool) + s[m.end() :]


def flip_negation(s: str, rng: random.Random) -> str | None:
    ms = list(AUX.finditer(s))
    if not ms:
        return None
    m = ms[0]
    if m.group(2):
        return s[: m.start()] + m.group(1) + s[m.end() :]
    return s[: m.end()] + " not" + s[m.end() :]


def swap_word(s: str, rng: random.Random) -> str | None:
    ms = [m for m in re.finditer(r"\b[a-z]+\b", s) if m.group(0) in SWAPS]
    if not ms:
        return None
    m = rng.choice(ms)
    return s[: m.start()] + SWAPS[m.group(0)] + s[m.end() :]


def perturb(s: str, doc: str, rng: random.Random) -> tuple[str, str] | None:
    ops = [
        ("number", lambda: change_number(s, rng)),
        ("month", lambda: change_month(s, rng)),
        ("name", lambda: change_name(s, doc, rng)),
        ("negation", lambda: flip_negation(s, rng)),
        ("swap", lambda: swap_word(s, rng)),
        ("tally", lambda: flip_tally(s, rng)),
    ]
    rng.shuffle(ops)
    for name, op in ops:
        out = op()
        if out and out != s:
            return name, out
    return None


def same_topic(claim: str, i: int, doc_sents: list[list[str]], rng: random.Random) -> str:
    """The sentence of another document (among a few sampled) that shares most content words with ``claim``."""
    from train import content_words

    want = content_words(claim)
    best, best_overlap = "", -1
    for _ in range(TOPIC_SAMPLE):
        o = rng.randrange(len(doc_sents))
        if o == i:
            continue
        for t in doc_sents[o]:
            ov = len(want & content_words(t))
            if ov > best_overlap:
                best, best_overlap = t, ov
    return best or claim


def good_sentence(s: str) -> bool:
    n = len(s.split())
    return 6 <= n <= 45 and not s.startswith("(meta data)") and s[-1:] in ".!?\"'"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, default=HERE / "work" / "train.jsonl")
    ap.add_argument("--dev", type=Path, default=HERE / "work" / "dev")
    ap.add_argument("--out", type=Path, default=HERE / "work" / "synth.jsonl")
    ap.add_argument("--per-doc", type=int, default=10, help="pairs per training document")
    ap.add_argument("--sentence-pairs", type=int, default=3000, help="perturbed sentence-level pairs")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    dev_docs, dev_claims = set(), set()
    for f in args.dev.glob("*.jsonl"):
        for line in f.open(encoding="utf-8"):
            r = json.loads(line)
            dev_docs.add(doc_key(r["doc"]))
            dev_claims.add(r["claim"].strip().lower())

    docs: dict[str, tuple[str, str]] = {}
    sent_rows = []
    for line in args.train.open(encoding="utf-8"):
        r = json.loads(line)
        if r["dataset"] in DOC_SETS:
            k = doc_key(r["doc"])
            if k not in dev_docs and len(r["doc"]) > 400:
                docs.setdefault(k, (r["dataset"], r["doc"]))
        elif r["dataset"] in SENT_SETS and r["label"] == 1:
            sent_rows.append(r)

    doc_list = list(docs.values())
    doc_sents = []
    for _ds, doc in doc_list:
        doc_sents.append([doc[s:e] for s, e in sentences(doc) if good_sentence(doc[s:e])])
    out = []

    def emit(ds: str, doc: str, claim: str, lab3: str, rule: str) -> None:
        if claim.strip().lower() in dev_claims:
            return
        out.append(
            {"dataset": "synth", "doc": doc, "claim": claim, "label": int(lab3 == "supported"),
             "label3": lab3, "source": ds, "rule": rule}
        )

    for i, (ds, doc) in enumerate(doc_list):
        sents = doc_sents[i]
        if len(sents) < 2:
            continue
        for _ in range(args.per_doc):
            kind = rng.random()
            j = rng.randrange(len(sents))
            claim = sents[j]
            if rng.random() < 0.3 and j + 1 < len(sents) and len((claim + sents[j + 1]).split()) < 60:
                claim = claim.rstrip(".!?") + ", and " + sents[j + 1][:1].lower() + sents[j + 1][1:]
            if kind < 0.30:
                emit(ds, doc, claim, "supported", "copy")
            elif kind < 0.68:
                p = perturb(claim, doc, rng)
                if p:
                    emit(ds, doc, p[1], "contradicted", p[0])
                    # The untouched claim too, most of the time: a minimal pair teaches the changed fact.
                    if rng.random() < 0.6:
                        emit(ds, doc, claim, "supported", "copy_pair")
            elif kind < 0.83:
                # Fusion of two true sentences from anywhere in the document: still supported.
                k = rng.randrange(len(sents))
                if k != j and len((sents[j] + sents[k]).split()) < 60:
                    a, b = sorted((j, k))
                    emit(ds, doc, sents[a].rstrip(".!?") + ", and " + sents[b][:1].lower() + sents[b][1:],
                         "supported", "fuse")
            elif kind < 0.91:
                # The supporting sentence deleted: the claim is no longer in the document.
                if doc.count(sents[j]) == 1 and len(sents) >= 3:
                    emit(ds, " ".join(doc.replace(sents[j], " ").split()), sents[j], "unsupported", "deleted")
            else:
                other = rng.randrange(len(doc_list))
                if other == i or not doc_sents[other]:
                    continue
                if rng.random() < 0.5:
                    emit(ds, doc, same_topic(sents[j], i, doc_sents, rng), "unsupported", "same_topic")
                    continue
                off = rng.choice(doc_sents[other])
                if rng.random() < 0.5:
                    emit(ds, doc, off, "unsupported", "other_doc")
                else:
                    joined = sents[j].rstrip(".!?") + ", and " + off[:1].lower() + off[1:]
                    emit(ds, doc, joined, "unsupported", "half_other_doc")

    rng.shuffle(sent_rows)
    n_sent = 0
    for r in sent_rows:
        if n_sent >= args.sentence_pairs:
            break
        p = perturb(r["claim"], r["doc"], rng)
        if p and r["claim"].strip().lower() not in dev_claims:
            out.append({"dataset": "synth_sent", "doc": r["doc"], "claim": p[1], "label": 0,
                        "label3": "contradicted", "source": r["dataset"], "rule": p[0]})
            out.append({"dataset": "synth_sent", "doc": r["doc"], "claim": r["claim"], "label": 1,
                        "label3": "supported", "source": r["dataset"], "rule": "copy_pair"})
            n_sent += 1

    rng.shuffle(out)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(doc_list)} training documents -> {len(out)} pairs")
    print(dict(Counter((r["dataset"], r["label3"]) for r in out)))
    print(dict(Counter(r["rule"] for r in out)))


if __name__ == "__main__":
    main()
