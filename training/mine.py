"""Hard cases: constructed pairs the shipped model gets wrong, kept for extra weight in training.

Scores a seeded sample of ``synth.py``'s document-level pairs with the shipped int8 ONNX model
(``onrecord.runtime.model.GroundingModel``), each pair in the evidence window the trainer gives it at full budget
(``train.select_window``), and writes the pairs whose argmax is not their constructed label. The trainer
reads that file as one more pairs file, so a hard pair is seen twice per pass (weight 2).

The sample is scored in batches until ``--minutes`` of wall clock are spent (a few CPU-minutes is
the budget this step is worth: it is a reweighting, not new data). Because what gets scored in that time
depends on the machine, the result is also written as line numbers of the synth file (``--ids-out``,
committed under ``training/checkpoints/``); ``--ids`` rebuilds the same hard file from them without
scoring, so a run resumed on another machine trains on the same pairs.

    python training/mine.py --minutes 4
    python training/mine.py --ids training/checkpoints/hard_ids.json     # rebuild, no scoring
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from onrecord.runtime.model import LABELS, GroundingModel  # noqa: E402
from train import select_window  # noqa: E402

# Characters a token of English prose takes, to turn the 256-token budget into a window size.
CHARS_PER_TOKEN = 4
MAX_TOKENS = 256
BATCH = 64


def write(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--synth", type=Path, default=HERE / "work" / "synth.jsonl")
    ap.add_argument("--out", type=Path, default=HERE / "work" / "hard.jsonl")
    ap.add_argument("--sample", type=int, default=12000, help="pairs drawn (seeded) from the synth file")
    ap.add_argument("--minutes", type=float, default=4.0, help="stop scoring after this much wall clock")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--ids", type=Path, default=None, help="rebuild from these synth line numbers")
    ap.add_argument("--ids-out", type=Path, default=HERE / "checkpoints" / "hard_ids.json")
    args = ap.parse_args()

    lines = [line for line in args.synth.open(encoding="utf-8") if line.strip()]
    if args.ids:
        ids = json.loads(args.ids.read_text())["synth_lines"]
        write(args.out, [{**json.loads(lines[i]), "hard": True, "synth_line": i} for i in ids])
        print(f"rebuilt {len(ids)} hard pairs -> {args.out}")
        return
    rows = [{**json.loads(line), "synth_line": i} for i, line in enumerate(lines)]
    rows = [r for r in rows if r["dataset"] == "synth"]
    random.Random(args.seed).shuffle(rows)
    rows = rows[: args.sample]
    model = GroundingModel(threads=args.threads)
    t0 = time.time()
    hard, scored = [], 0
    for b in range(0, len(rows), BATCH):
        if time.time() - t0 > args.minutes * 60:
            break
        part = rows[b : b + BATCH]
        pairs = []
        for r in part:
            budget = (MAX_TOKENS - model.count_tokens(r["claim"]) - 4) * CHARS_PER_TOKEN
            pairs.append((select_window(r["doc"], r["claim"], max(budget, 48 * CHARS_PER_TOKEN)), r["claim"]))
        probs = model.predict(pairs)
        for r, p in zip(part, probs, strict=True):
            if LABELS[int(p.argmax())] != r["label3"]:
                hard.append({**r, "hard": True})
        scored += len(part)
    hard.sort(key=lambda r: r["synth_line"])
    write(args.out, hard)
    args.ids_out.parent.mkdir(parents=True, exist_ok=True)
    # The synth file the line numbers point into, as given (rebuild with ``--synth`` the same).
    args.ids_out.write_text(json.dumps({"synth": str(args.synth), "scored_with": str(model.model_dir),
                                        "synth_lines": [r["synth_line"] for r in hard]}) + "\n")
    print(f"scored {scored} pairs in {time.time() - t0:.0f}s; {len(hard)} wrong -> {args.out}")
    print("wrong by rule:", dict(Counter(r["rule"] for r in hard)))
    print("scored by rule:", dict(Counter(r["rule"] for r in rows[:scored])))


if __name__ == "__main__":
    main()
