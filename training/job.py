"""The grounding model's long training run: a resumable background job, planned by steps, not the clock.

What makes it a job rather than a script (``train.py`` is the clock-driven short run):

- The learning rate is a function of the **step**: linear warm-up over ``WARMUP_FRAC`` of the planned
  steps, then linear decay to zero at the planned total (``--planned-pairs`` / batch size). A slower or
  faster machine, a pause or a resume changes when a step happens, never what it does.
- Every ``--ckpt-minutes`` of wall clock it evaluates dev ROC-AUC, appends a learning-curve row, and writes
  ``checkpoint.pt`` (weights, AdamW moments, step, epoch, position in the epoch's seeded batch order, torch
  RNG state, the data fingerprint) to a temporary file, then renames it over the old one (atomic).
- ``--resume DIR`` continues from ``DIR/checkpoint.pt``, or from a committed snapshot (``snapshot.py``:
  fp16 weights + bf16 AdamW moments + ``state.json``), at exactly the same step and batch.
- It stops by itself at the planned total, or when ``PATIENCE`` consecutive checkpoints fail to raise the
  best mean dev AUC, counted only after ``STOP_AFTER_FRAC`` of the planned steps (see the constants).
- Every pass uses the whole pool (all pairs files given, sentence-level sets included). Each pair carries
  one to three evidence windows, used in turn from pass to pass: the coverage window ``train.py`` builds
  (random budget), the passage the product assembles (``onrecord.retrieve.evidence.candidates_for``: best-covering
  sentences, BM25 without the embedder), and, for pairs whose label holds in any part of the document
  (unsupported, or a binary "not supported"), the best 180-token BM25 window the product also scores.

Evaluation (at every checkpoint): a fixed, seeded subset of each dev set (``EVAL_PER_SET`` pairs), each
pair scored in the passages the product scores (assembled passage + best BM25 window, as
``candidates_for``), the pair's score = highest P(supported); ROC-AUC against the binary label, per set
and the mean. Inference in the training's precision (``--precision``).

    python training/job.py --init training/work/run3_recovered --out training/work/long --planned-pairs 720000
    python training/job.py --resume training/work/long            # after a kill, same machine
    python training/job.py --resume training/checkpoints --out training/work/long   # from the snapshot
    python training/job.py --measure 20                            # throughput table only
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import math
import os
import pickle
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

import torch  # noqa: E402
from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer  # noqa: E402

from onrecord.documents import Document  # noqa: E402
from onrecord.retrieve.evidence import CandidatePolicy, SourceIndex, candidates_for  # noqa: E402
from onrecord.runtime.model import read_typography_plainly  # noqa: E402
from train import LABEL_ID, LABELS, SENTENCE_SETS, base_model_path, load_pairs, loss_fn, select_window, target  # noqa: E402

# Share of planned steps spent warming up (~225 steps of a 720K-pair plan): the run starts from an
# already fine-tuned model, so warm-up only has to let AdamW's fresh moments settle; a longer one would
# spend hours of a loaded CPU at a low learning rate.
WARMUP_FRAC = 0.01
# No early stop before this share of the planned steps: the learning rate is still high (≥ 75% of its
# peak) and dev AUC moves by noise and by the new data mix; stopping there would stop a run that is
# still in its fast phase.
STOP_AFTER_FRAC = 0.25
# Consecutive checkpoints without a new best mean dev AUC before the run stops (the rule).
PATIENCE = 2
# A raise smaller than this (AUC, 0–1) does not count: 300-pair subsets move the mean by ~0.001 from
# bf16 rounding alone.
MIN_DELTA = 0.001
# Dev pairs a set scored at each checkpoint (seeded subset, the same every time): 1,000 pairs, ~2,000
# passages: ~30 s on a quiet 2-core CPU, a few minutes when other jobs load it (measured 2026-11-25).
EVAL_PER_SET = 200
EVAL_SEED = 2026
EVAL_BATCH = 64
GRAD_CLIP = 1.0
WEIGHT_DECAY = 0.01
# Batches per length-sorted chunk: padding stays small while the batch order stays shuffled.
BUCKET_CHUNK = 50
# ~4 characters a token of English prose: turns token budgets into window sizes.
CHARS_PER_TOKEN = 4
# Documents shorter than this (characters) are their own window: no retrieval needed.
SHORT_DOC = 180 * CHARS_PER_TOKEN
# Bump when the way examples are built changes: cached examples of another version are not reused, and a run
# started on another version does not resume (its fingerprint differs). 2: typography read plainly ("’" as "'").
DATA_VERSION = 2
DEV_SETS = ("wice", "frank", "summedits", "summac", "contractnli")
# The passages trained on and evaluated: the two best assembled passages and the best BM25 window, ranked
# without the embedder (torch and the ONNX embedder in one process would fight for the 2 cores). Fixed here,
# not taken from the product's policy, so that a resumed run trains on the same windows it started with.
TRAINING_PASSAGES = CandidatePolicy(assembled=2, windows=1)


# ---------------------------------------------------------------- examples

def product_passages(doc: str, claim: str, cache: dict[str, SourceIndex]) -> list[str]:
    """What a check scores for ``claim`` in ``doc``: the assembled passage, then the best BM25 window."""
    idx = cache.get(doc)
    if idx is None:
        idx = cache[doc] = SourceIndex.build(Document("d", doc))
    cands, _ = candidates_for(claim, [idx], None, TRAINING_PASSAGES)
    return [c.text for c in cands]


def windows_for(row: dict, claim_tokens: int, max_length: int, rng: random.Random,
                cache: dict[str, SourceIndex]) -> list[str]:
    """The evidence windows this pair is trained on, one per pass in turn (see the module docstring)."""
    doc, claim = row["doc"], row["claim"]
    budget = max(48, max_length - claim_tokens - 4)
    if row["dataset"] in SENTENCE_SETS or len(doc) <= SHORT_DOC:
        return [doc]
    must = [tuple(x) for x in row.get("evidence", [])] or None
    out = [select_window(doc, claim, rng.randint(min(96, budget), budget) * CHARS_PER_TOKEN, must)]
    y = target(row)
    passages = product_passages(doc, claim, cache)
    # Gold evidence spans (ContractNLI): a retrieved passage may miss them, and then "supported" or
    # "contradicted" would be false of it.
    if passages and not (must and y in (LABEL_ID["supported"], LABEL_ID["contradicted"])):
        out.append(passages[0])
    # "Not supported" holds of any part of the document, so the plain window a check retrieves is safe.
    if len(passages) > 1 and y in (-1, LABEL_ID["unsupported"]):
        out.append(passages[1])
    return list(dict.fromkeys(out))


def encode(tok, ev: str, claim: str, claim_tokens: int, max_length: int) -> np.ndarray:
    how = "only_first" if claim_tokens < max_length // 2 else "longest_first"
    return np.asarray(tok(ev, claim, truncation=how, max_length=max_length)["input_ids"], dtype=np.int32)


def build_examples(rows: list[dict], tok, max_length: int, seed: int) -> list[dict]:
    """Each pair -> {"v": [token ids per window], "y": class or -1}. Deterministic given the rows and seed."""
    rng = random.Random(seed)
    cache: dict[str, SourceIndex] = {}
    out = []
    for r in rows:
        ct = len(tok.tokenize(r["claim"]))
        wins = windows_for(r, ct, max_length, rng, cache)
        out.append({"v": [encode(tok, w, r["claim"], ct, max_length) for w in wins], "y": target(r)})
    return out


def fingerprint(rows: list[dict], seed: int, max_length: int) -> str:
    h = hashlib.sha1(f"{DATA_VERSION}:{seed}:{max_length}".encode())
    for r in rows:
        h.update(f"{r['dataset']}\t{r['claim']}\t{r.get('label3') or r['label']}\t{len(r['doc'])}\n".encode())
    return h.hexdigest()[:16]


def load_examples(files: list[Path], tok, max_length: int, seed: int, cache_dir: Path | None) -> tuple[list[dict], str, dict]:
    rows = load_pairs(files)
    fp = fingerprint(rows, seed, max_length)
    counts = dict(Counter(("hard" if r.get("hard") else r["dataset"]) for r in rows))
    path = cache_dir / f"examples_{fp}.pkl" if cache_dir else None
    if path and path.is_file():
        with path.open("rb") as fh:
            return pickle.load(fh), fp, counts
    t0 = time.time()
    ex = build_examples(rows, tok, max_length, seed)
    print(f"built {len(ex)} examples ({sum(len(e['v']) for e in ex)} windows) in {time.time() - t0:.0f}s", flush=True)
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(ex, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    return ex, fp, counts


def epoch_batches(examples: list[dict], epoch: int, seed: int, batch_size: int) -> list[list[tuple[int, int]]]:
    """The seeded batch order of one pass: (example, window) pairs, length-bucketed, batches shuffled."""
    rng = random.Random(seed * 100_003 + epoch)
    items = [(i, (i + epoch) % len(e["v"])) for i, e in enumerate(examples)]
    rng.shuffle(items)
    chunk = batch_size * BUCKET_CHUNK
    out = []
    for c in range(0, len(items), chunk):
        part = sorted(items[c : c + chunk], key=lambda t: len(examples[t[0]]["v"][t[1]]))
        out += [part[i : i + batch_size] for i in range(0, len(part), batch_size)]
    rng.shuffle(out)
    return out


def collate(seqs: list[np.ndarray], sep_id: int) -> dict[str, torch.Tensor]:
    width = max(len(s) for s in seqs)
    ids = torch.zeros(len(seqs), width, dtype=torch.long)
    tt = torch.zeros_like(ids)
    am = torch.zeros_like(ids)
    for r, s in enumerate(seqs):
        n = len(s)
        ids[r, :n] = torch.from_numpy(s.astype(np.int64))
        first_sep = int(np.argmax(s == sep_id))
        tt[r, first_sep + 1 : n] = 1
        am[r, :n] = 1
    return {"input_ids": ids, "token_type_ids": tt, "attention_mask": am}


# ---------------------------------------------------------------- evaluation

def roc_auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Mann–Whitney ROC-AUC with ties counted half."""
    from scipy.stats import rankdata

    pos = labels == 1
    n1, n0 = int(pos.sum()), int((~pos).sum())
    if not n1 or not n0:
        return float("nan")
    r = rankdata(scores)
    return float((r[pos].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def build_eval(dev_dir: Path, tok, max_length: int, per_set: int = EVAL_PER_SET) -> dict[str, tuple[list[list[np.ndarray]], np.ndarray]]:
    """Per dev set: each sampled pair's product passages (encoded) and its binary label."""
    cache: dict[str, SourceIndex] = {}
    out = {}
    for name in DEV_SETS:
        rows = load_pairs([dev_dir / f"{name}.jsonl"])
        random.Random(EVAL_SEED).shuffle(rows)
        rows = rows[:per_set]
        seqs, labels = [], []
        for r in rows:
            ct = len(tok.tokenize(r["claim"]))
            passages = product_passages(r["doc"], r["claim"], cache) or [r["doc"]]
            seqs.append([encode(tok, p, r["claim"], ct, max_length) for p in passages])
            labels.append(int(r["label"]))
        out[name] = (seqs, np.asarray(labels))
    return out


BF16_CPU_FLAGS = ("avx512_bf16", "amx_bf16")
"""CPU flags (``/proc/cpuinfo``) of native bf16 arithmetic; without one, bf16 autocast is emulated."""


def native_precision(device: str) -> str:
    """``bf16`` where the device computes it natively (CUDA, or a CPU with ``BF16_CPU_FLAGS``), else ``fp32``."""
    if device.startswith("cuda"):
        return "bf16"
    try:
        flags = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").split()
    except OSError:
        return "fp32"
    return "bf16" if any(f in flags for f in BF16_CPU_FLAGS) else "fp32"


def evaluate(model, data: dict, sep_id: int, device: str, bf16: bool) -> dict[str, float | None]:
    model.eval()
    res = {}
    with torch.no_grad(), torch.autocast(device_type=device, dtype=torch.bfloat16, enabled=bf16):
        for name, (seqs, labels) in data.items():
            flat = [(i, s) for i, ss in enumerate(seqs) for s in ss]
            flat.sort(key=lambda t: len(t[1]))
            best = np.zeros(len(seqs), dtype=np.float64)
            for b in range(0, len(flat), EVAL_BATCH):
                part = flat[b : b + EVAL_BATCH]
                x = {k: v.to(device) for k, v in collate([s for _, s in part], sep_id).items()}
                p = torch.softmax(model(**x).logits.float(), dim=-1)[:, 0].cpu().numpy()
                for (i, _), ps in zip(part, p, strict=True):
                    best[i] = max(best[i], float(ps))
            auc = roc_auc(best, labels)
            res[name] = None if math.isnan(auc) else round(auc, 4)  # one class only (tiny test subsets)
    res["mean"] = round(float(np.mean([v for v in res.values() if v is not None] or [0.0])), 4)
    model.train()
    return res


# ---------------------------------------------------------------- schedule and state

def lr_at(step: int, planned_steps: int, peak: float) -> float:
    warm = max(1, int(planned_steps * WARMUP_FRAC))
    if step < warm:
        return peak * (step + 1) / warm
    return peak * max(0.0, (planned_steps - step) / max(1, planned_steps - warm))


def new_model(init: str | None):
    labels = {"num_labels": 3, "id2label": dict(enumerate(LABELS)), "label2id": LABEL_ID}
    if init:
        return AutoModelForSequenceClassification.from_pretrained(init, **labels)
    return AutoModelForSequenceClassification.from_config(AutoConfig.from_pretrained(base_model_path(), **labels))


def make_optimizer(model, lr: float) -> torch.optim.AdamW:
    return torch.optim.AdamW([p for _, p in model.named_parameters()], lr=lr, weight_decay=WEIGHT_DECAY)


def atomic_save(obj, path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as fh:
        torch.save(obj, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


def load_resume(src: Path, model, opt) -> dict:
    """Weights, AdamW moments, RNG and state from ``checkpoint.pt`` or from a snapshot folder."""
    if (src / "checkpoint.pt").is_file():
        ck = torch.load(src / "checkpoint.pt", map_location="cpu", weights_only=False)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["optimizer"])
        torch.set_rng_state(ck["rng"])
        return ck["state"]
    from safetensors.torch import load_file

    state = json.loads((src / "state.json").read_text())
    weights = {k: v.float() for k, v in load_file(src / "model.safetensors").items()}
    model.load_state_dict(weights, strict=False)
    names = [n for n, _ in model.named_parameters()]
    moments_path = src / "optimizer.safetensors"
    # Only moments the snapshot says are its own (state.json "moments"; snapshots before the field had them).
    if moments_path.is_file() and state.get("moments", True):
        mom = load_file(moments_path)
        sd = opt.state_dict()
        for i, n in enumerate(names):
            sd["state"][i] = {
                "step": torch.tensor(float(state["step"])),
                "exp_avg": mom[f"exp_avg.{n}"].float(),
                "exp_avg_sq": mom[f"exp_avg_sq.{n}"].float(),
            }
        opt.load_state_dict(sd)
    torch.set_rng_state(torch.frombuffer(bytearray(base64.b64decode(state["rng"])), dtype=torch.uint8))
    return state


def save_checkpoint(out: Path, model, opt, state: dict) -> None:
    atomic_save({"model": model.state_dict(), "optimizer": opt.state_dict(), "rng": torch.get_rng_state(),
                 "state": state}, out / "checkpoint.pt")
    atomic_write_text(out / "state.json", json.dumps(state, indent=2))


# ---------------------------------------------------------------- measurement

def measure(model, sep_id: int, seconds: float, batch_size: int, examples: list[dict] | None, seed: int) -> None:
    """pairs/s of forward + backward + AdamW step, fp32 and bf16 autocast, fixed lengths and real batches."""
    opt = make_optimizer(model, 1e-9)
    model.train()

    def step(make, bf16: bool) -> int:
        x, y = make()
        with torch.autocast(device_type="cpu", dtype=torch.bfloat16, enabled=bf16):
            logits = model(**x).logits
        loss_fn(logits, y).backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), GRAD_CLIP)
        opt.step()
        opt.zero_grad()
        return len(y)

    def run(make) -> tuple[float, float]:
        """(fp32, bf16) pairs/s, their steps interleaved so that other jobs' load falls on both alike."""
        step(make, False)  # warm-up: the first call of a kernel (oneDNN bf16 primitives) is not timed
        step(make, True)
        n, spent = [0, 0], [0.0, 0.0]
        while sum(spent) < 2 * seconds:
            for k in (0, 1):
                t0 = time.time()
                n[k] += step(make, bool(k))
                spent[k] += time.time() - t0
        return n[0] / spent[0], n[1] / spent[1]

    def fixed(length: int):
        def make():
            ids = torch.randint(1000, 20000, (batch_size, length))
            return {"input_ids": ids, "attention_mask": torch.ones_like(ids),
                    "token_type_ids": torch.zeros_like(ids)}, torch.zeros(batch_size, dtype=torch.long)
        return make

    order = epoch_batches(examples, 0, seed, batch_size) if examples else []
    pos = [0]

    def real():
        b = order[pos[0] % len(order)]
        pos[0] += 1
        seqs = [examples[i]["v"][v] for i, v in b]
        return collate(seqs, sep_id), torch.tensor([examples[i]["y"] for i, _ in b])

    for threads in sorted({torch.get_num_threads(), 1}, reverse=True):
        torch.set_num_threads(threads)
        for name, make in [("128 tokens", fixed(128)), ("256 tokens", fixed(256))] + (
                [("real length-bucketed batches", real)] if examples else []):
            fp32, bf16 = run(make)
            print(f"threads {threads}, {name}: fp32 {fp32:.1f} pairs/s, bf16 autocast {bf16:.1f} pairs/s", flush=True)


# ---------------------------------------------------------------- main loop

def train(args, model, tok, opt, examples, state: dict, eval_data, out: Path, curve: Path) -> None:
    sep_id = tok.sep_token_id
    bf16 = args.precision == "bf16"
    planned = state["planned_steps"]
    t_last = time.time()
    t_start, cpu_start = time.time(), time.process_time()
    wall0, cpu0 = state["wall_s"], state["cpu_s"]
    run_loss = state.get("loss", 0.0)

    def checkpoint(final: bool = False) -> bool:
        """Evaluate, record, save; True when the run should stop (patience spent)."""
        t0 = time.time()
        res = evaluate(model, eval_data, sep_id, args.device, bf16)
        state["wall_s"] = wall0 + time.time() - t_start
        state["cpu_s"] = cpu0 + time.process_time() - cpu_start
        frac = state["step"] / planned
        improved = res["mean"] > state["best"] + MIN_DELTA
        if improved:
            state["best"], state["best_step"], state["bad"] = res["mean"], state["step"], 0
            from safetensors.torch import save_file

            tmp = out / "best.safetensors.tmp"
            save_file({k: v.contiguous() for k, v in model.state_dict().items()}, str(tmp))
            os.replace(tmp, out / "best.safetensors")
        elif frac >= STOP_AFTER_FRAC:
            state["bad"] += 1
        row = {"wall_min": round(state["wall_s"] / 60, 1), "cpu_min": round(state["cpu_s"] / 60, 1),
               "step": state["step"], "pairs_seen": state["seen"], "epoch": state["epoch"],
               "lr": round(lr_at(state["step"], planned, state["lr"]), 9), "loss": round(run_loss, 4),
               **{f"auc_{k}": v for k, v in res.items()}, "best": state["best"], "bad": state["bad"],
               "eval_s": round(time.time() - t0, 1), "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        with curve.open("a") as fh:
            fh.write(json.dumps(row) + "\n")
        print("checkpoint", json.dumps(row), flush=True)
        state["loss"] = run_loss
        save_checkpoint(out, model, opt, state)
        return state["bad"] >= PATIENCE

    if state["step"] == 0 and not state.get("evaluated_init") and not args.skip_init_eval:
        state["evaluated_init"] = True
        checkpoint()
        t_last = time.time()  # the interval counts from here, not from before the baseline evaluation
    while state["step"] < planned:
        order = epoch_batches(examples, state["epoch"], state["seed"], state["batch_size"])
        while state["pos"] < len(order) and state["step"] < planned:
            b = order[state["pos"]]
            lr = lr_at(state["step"], planned, state["lr"])
            for g in opt.param_groups:
                g["lr"] = lr
            x = {k: v.to(args.device) for k, v in collate([examples[i]["v"][v] for i, v in b], sep_id).items()}
            y = torch.tensor([examples[i]["y"] for i, _ in b], device=args.device)
            with torch.autocast(device_type=args.device, dtype=torch.bfloat16, enabled=bf16):
                logits = model(**x).logits
            loss = loss_fn(logits, y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), GRAD_CLIP)
            opt.step()
            opt.zero_grad(set_to_none=True)
            state["step"] += 1
            state["pos"] += 1
            state["seen"] += len(b)
            run_loss = loss.item() if run_loss == 0.0 else 0.98 * run_loss + 0.02 * loss.item()
            if state["step"] % args.log_every == 0:
                el = time.time() - t_start
                print(f"step {state['step']}/{planned} epoch {state['epoch']} pos {state['pos']}/{len(order)} "
                      f"seen {state['seen']} loss {run_loss:.4f} last {loss.item():.4f} lr {lr:.2e} "
                      f"{el / 60:.1f} min this process", flush=True)
            due = time.time() - t_last >= args.ckpt_minutes * 60
            if args.ckpt_steps and state["step"] % args.ckpt_steps == 0:
                due = True
            if due or state["step"] >= planned:
                if checkpoint():
                    print(f"stopping: {PATIENCE} checkpoints without a new best (best {state['best']} at step "
                          f"{state['best_step']})", flush=True)
                    return
                t_last = time.time()
            if args.stop_after_minutes and time.time() - t_start >= args.stop_after_minutes * 60:
                checkpoint()
                print("stopping at --stop-after-minutes", flush=True)
                return
            if args.stop_after_steps and state["step"] >= args.stop_after_steps:
                print("stopping at --stop-after-steps", flush=True)
                return
        if state["pos"] >= len(order):
            state["epoch"] += 1
            state["pos"] = 0
    print("planned steps done", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, nargs="+",
                    default=[HERE / "work" / n for n in ("train.jsonl", "synth.jsonl", "hard.jsonl")])
    ap.add_argument("--dev", type=Path, default=HERE / "work" / "dev")
    ap.add_argument("--init", default=None, help="checkpoint to start from (default: all-MiniLM-L6-v2)")
    ap.add_argument("--resume", type=Path, default=None, help="a run folder or a snapshot folder")
    ap.add_argument("--out", type=Path, default=None, help="run folder (default: --resume's)")
    ap.add_argument("--curve", type=Path, default=None, help="learning-curve JSONL (default: OUT/curve.jsonl)")
    ap.add_argument("--planned-pairs", type=int, default=720_000, help="the schedule's total (pairs)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=3e-5, help="peak learning rate")
    ap.add_argument("--max-length", type=int, default=256)
    ap.add_argument("--seed", type=int, default=89)
    # "auto": bf16 autocast where the hardware computes bf16 natively (1.5x fp32 on a Xeon with AMX), fp32
    # elsewhere: on a CPU without it (an AMD EPYC with AVX2 only) autocast emulates bf16 and ran over 20x
    # slower than fp32 (docs/model_results.md). Weights, AdamW and the loss stay fp32 either way.
    ap.add_argument("--precision", choices=("auto", "fp32", "bf16"), default="auto",
                    help="autocast for training and evaluation; may be changed on --resume")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--device", default="cpu", help="cpu or cuda")
    ap.add_argument("--ckpt-minutes", type=float, default=15.0)
    ap.add_argument("--ckpt-steps", type=int, default=0, help="also checkpoint every N steps (tests)")
    ap.add_argument("--stop-after-steps", type=int, default=0, help="leave after this step (tests)")
    ap.add_argument("--eval-per-set", type=int, default=EVAL_PER_SET, help="dev pairs a set (smaller: tests)")
    ap.add_argument("--stop-after-minutes", type=float, default=0, help="evaluate and leave after this (tests)")
    ap.add_argument("--skip-init-eval", action="store_true", help="no dev evaluation before the first step")
    ap.add_argument("--log-every", type=int, default=25)
    ap.add_argument("--cache", type=Path, default=HERE / "work" / "cache", help="built examples cache")
    ap.add_argument("--measure", type=float, default=0, help="only measure throughput, SECONDS a setting")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    tok = AutoTokenizer.from_pretrained(base_model_path())
    read_typography_plainly(tok.backend_tokenizer)  # as the product's model reads its input
    if args.measure:
        examples, _, _ = load_examples(args.train, tok, args.max_length, args.seed, args.cache)
        measure(new_model(args.init), tok.sep_token_id, args.measure, args.batch_size, examples, args.seed)
        return

    saved = {}
    if args.resume:
        saved = json.loads(((args.resume / "state.json")).read_text())
        for k in ("train", "planned_pairs", "batch_size", "lr", "max_length", "seed"):
            v = saved["args"][k]
            setattr(args, k, [Path(p) for p in v] if k == "train" else v)
    out = args.out or args.resume
    if out is None:
        raise SystemExit("--out is needed for a new run")
    out.mkdir(parents=True, exist_ok=True)
    curve = args.curve or out / "curve.jsonl"
    # Resuming from a snapshot on a new machine: the learning curve goes on from the snapshot's rows.
    if args.resume and not curve.exists() and (args.resume / "learning_curve.jsonl").is_file():
        curve.write_text((args.resume / "learning_curve.jsonl").read_text())

    train_files = [p if p.is_absolute() else HERE.parent / p for p in args.train]
    examples, fp, counts = load_examples(train_files, tok, args.max_length, args.seed, args.cache)
    print("pairs:", counts, "examples:", len(examples), "fingerprint:", fp, flush=True)
    model = new_model(None if args.resume else args.init).to(args.device)
    opt = make_optimizer(model, args.lr)
    if args.resume:
        state = load_resume(args.resume, model, opt)
        if state["fingerprint"] != fp:
            raise SystemExit(f"the training data differ from the run's ({fp} != {state['fingerprint']}): "
                             "rebuild them with the commands in training/README.md")
        print(f"resumed at step {state['step']} epoch {state['epoch']} pos {state['pos']} seen {state['seen']}",
              flush=True)
    else:
        shown = [str(p.resolve().relative_to(HERE.parent)) if p.resolve().is_relative_to(HERE.parent) else str(p)
                 for p in train_files]
        state = {
            "step": 0, "epoch": 0, "pos": 0, "seen": 0, "wall_s": 0.0, "cpu_s": 0.0, "best": -1.0,
            "best_step": 0, "bad": 0, "fingerprint": fp, "seed": args.seed, "batch_size": args.batch_size,
            "lr": args.lr, "planned_steps": math.ceil(args.planned_pairs / args.batch_size),
            "init": args.init or "all-MiniLM-L6-v2", "pairs": counts, "examples": len(examples),
            "args": {"train": shown, "planned_pairs": args.planned_pairs, "batch_size": args.batch_size,
                     "lr": args.lr, "max_length": args.max_length, "seed": args.seed},
        }
        torch.manual_seed(args.seed)
    if args.precision == "auto":
        args.precision = native_precision(args.device)
    state["precision"] = args.precision
    t0 = time.time()
    eval_data = build_eval(args.dev, tok, args.max_length, args.eval_per_set)
    print(f"eval: {sum(len(v[0]) for v in eval_data.values())} dev pairs, "
          f"{sum(len(s) for v in eval_data.values() for s in v[0])} passages, built in {time.time() - t0:.0f}s",
          flush=True)
    train(args, model, tok, opt, examples, state, eval_data, out, curve)


if __name__ == "__main__":
    main()
