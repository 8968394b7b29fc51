"""Write RAG-like batch rows: a short answer and several retrieved passages, for ``onrecord batch``.

Answers are one or two WiCE dev claims (Wikipedia sentences with the web page they cite); the
passages are that page cut into chunks of a few sentences, the retrieved context of a RAG answer.
When the shared data is not beside this checkout, rows are built from the bundled example instead.

    python bench/batch_rows.py --rows 500 --out /tmp/rows.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WICE_FILE = Path("data") / "wice" / "oracle_chunks_claim_dev.jsonl"
# The shared data sits beside the checkout (or beside the folder of worktrees).
WICE = next((p / "shared" / WICE_FILE for p in ROOT.parents if (p / "shared" / WICE_FILE).is_file()),
            ROOT.parent / "shared" / WICE_FILE)
SENTENCES_PER_PASSAGE = 5
MAX_PASSAGES = 4
"""A RAG answer typically comes with 3-5 retrieved chunks of a few sentences each."""


def wice_items(path: Path) -> list[tuple[str, list[str]]]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        sents = [s for s in d["evidence"] if s.strip()]
        passages = [" ".join(sents[i : i + SENTENCES_PER_PASSAGE]) for i in range(0, len(sents), SENTENCES_PER_PASSAGE)]
        if passages:
            items.append((d["claim"], passages[:MAX_PASSAGES]))
    return items


def example_items() -> list[tuple[str, list[str]]]:
    letter = (ROOT / "examples" / "letter.txt").read_text(encoding="utf-8")
    article = (ROOT / "examples" / "article.txt").read_text(encoding="utf-8")
    paras = [p for p in letter.split("\n\n") if p.strip()]
    sents = [s.strip() + "." for s in article.replace("\n", " ").split(". ") if len(s) > 40]
    return [(s, paras) for s in sents]


def rows(n: int, seed: int = 0) -> list[dict]:
    items = wice_items(WICE) if WICE.is_file() else example_items()
    rng = random.Random(seed)
    out = []
    for i in range(n):
        claims = rng.sample(items, k=2 if rng.random() < 0.5 else 1)
        answer = " ".join(c for c, _ in claims)
        passages = [p for _, ps in claims for p in ps][:MAX_PASSAGES]
        sources = [{"id": f"p{j + 1}", "text": p} for j, p in enumerate(passages)]
        out.append({"id": f"r{i + 1:05d}", "text": answer, "sources": sources})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=500)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    with args.out.open("w", encoding="utf-8") as f:
        for r in rows(args.rows, args.seed):
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
