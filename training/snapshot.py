"""Snapshot a running (or stopped) long run into ``training/checkpoints/`` for git: seconds, not minutes.

Reads the run's last ``checkpoint.pt`` (written atomically, so it is safe to read while the job runs) and
writes, replacing what was there:

- ``model.safetensors``      the weights in fp16 (45 MB; the run continues from them in fp32: fp16 keeps
                             ~3 significant digits, far below what one optimiser step changes)
- ``optimizer.safetensors``  AdamW's moments ``exp_avg`` and ``exp_avg_sq`` in **bf16** (91 MB), not fp16:
                             squared-gradient averages sit around 1e-10–1e-8, below fp16's range (they would
                             flush to zero and the next steps would be huge). Without them a resume would
                             restart Adam's moments; ``--no-optimizer`` leaves them out
- ``state.json``             step, epoch, position in the epoch's batch order, pairs seen, time spent,
                             best mean dev AUC, the schedule's plan, the data fingerprint, the torch RNG
- ``learning_curve.jsonl``   the run's learning curve so far
- ``best.safetensors``       only with ``--best``: the best-so-far weights (fp16), for export

    python training/snapshot.py --run training/work/long            # then git add/commit training/checkpoints
    python training/snapshot.py --run training/work/long --commit   # the same, and commits it
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import subprocess
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

HERE = Path(__file__).resolve().parent


def _atomic_save(tensors: dict[str, torch.Tensor], path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    save_file({k: v.contiguous() for k, v in tensors.items()}, str(tmp))
    os.replace(tmp, path)


def snapshot(run: Path, out: Path, optimizer: bool, best: bool) -> dict:
    ck = torch.load(run / "checkpoint.pt", map_location="cpu", weights_only=False)
    out.mkdir(parents=True, exist_ok=True)
    model = ck["model"]
    _atomic_save({k: v.half() if v.is_floating_point() else v for k, v in model.items()}, out / "model.safetensors")
    # AdamW was built over model.named_parameters() in order: index i is the i-th parameter.
    from transformers import AutoConfig, AutoModelForSequenceClassification

    from train import base_model_path

    names = [n for n, _ in AutoModelForSequenceClassification.from_config(
        AutoConfig.from_pretrained(base_model_path(), num_labels=3)).named_parameters()]
    st = ck["optimizer"]["state"]
    moments = optimizer and len(st) == len(names)  # (no state before the first step: nothing to keep)
    if moments:
        mom = {}
        for i, n in enumerate(names):
            mom[f"exp_avg.{n}"] = st[i]["exp_avg"].to(torch.bfloat16)
            mom[f"exp_avg_sq.{n}"] = st[i]["exp_avg_sq"].to(torch.bfloat16)
        _atomic_save(mom, out / "optimizer.safetensors")
    state = dict(ck["state"])
    # Whether this snapshot's moments are in the folder: ``job.py`` loads optimizer.safetensors only when
    # state.json says so, so a file left from an older snapshot never pairs with newer weights (deleting a
    # 91 MB file from git costs a commit as much as adding it; it may be removed apart).
    state["moments"] = moments
    state["rng"] = base64.b64encode(ck["rng"].numpy().tobytes()).decode()
    state["snapshot_of"] = str(run)
    (out / "state.json").write_text(json.dumps(state, indent=2) + "\n")
    curve = run / "curve.jsonl"
    if curve.is_file():
        shutil.copyfile(curve, out / "learning_curve.jsonl")
    if best and (run / "best.safetensors").is_file():
        w = load_file(run / "best.safetensors")
        _atomic_save({k: v.half() if v.is_floating_point() else v for k, v in w.items()}, out / "best.safetensors")
    return state


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--run", type=Path, required=True, help="the run folder (holds checkpoint.pt)")
    ap.add_argument("--out", type=Path, default=HERE / "checkpoints")
    ap.add_argument("--no-optimizer", action="store_true", help="leave AdamW's moments out (91 MB)")
    ap.add_argument("--best", action="store_true", help="also the best-so-far weights (45 MB)")
    ap.add_argument("--commit", action="store_true", help="git add + commit the snapshot folder")
    args = ap.parse_args()
    state = snapshot(args.run, args.out, not args.no_optimizer, args.best)
    msg = (f"Long run snapshot: step {state['step']}/{state['planned_steps']}, {state['seen']} pairs seen, "
           f"best mean dev AUC {state['best']}")
    print(msg)
    if args.commit:
        subprocess.run(["git", "add", "-A", str(args.out)], check=True, cwd=HERE.parent)
        subprocess.run(["git", "commit", "-m", msg, "--", str(args.out)], check=True, cwd=HERE.parent)


if __name__ == "__main__":
    main()
