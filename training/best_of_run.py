"""A job run's best weights as a folder ``export.py`` takes: ``best.safetensors`` of the run, with the config
and tokenizer of the folder the run started from, and the run's training record (``train_info.json``).

    python training/best_of_run.py training/work/run7 --out training/work/run7_best
    python training/export.py training/work/run7_best --out training/work/export_run7 --quantize-embeddings
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent
_FROM_INIT = ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")


def _init_dir(state: dict) -> Path:
    """The run's ``--init``, relative to ``training/`` as ``job.py`` resolves it."""
    init = Path(state["init"])
    return init if init.is_absolute() else HERE / init


def _record(run: Path, state: dict) -> dict:
    """What the best weights are: the step the run kept, what it saw, on what data, from what start."""
    init = _init_dir(state)
    curve = [json.loads(line) for line in (run / "curve.jsonl").read_text().splitlines() if line.strip()]
    best = next((r for r in curve if r["step"] == state["best_step"]), None)
    return {
        "run": run.name,
        "steps": state["best_step"],
        "pairs_seen": best["pairs_seen"] if best else None,
        "dev_auc_subsets": {k[4:]: v for k, v in (best or {}).items() if k.startswith("auc_")},
        "peak_lr": state["lr"],
        "planned_steps": state["planned_steps"],
        "precision": state.get("precision"),
        "train_pairs": state["pairs"],
        "train_files": state["args"]["train"],
        # As export.py reads it from the repository root, to record what the run continued.
        "init": str(init.relative_to(HERE.parent)) if init.is_relative_to(HERE.parent) else str(init),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("run", type=Path, help="a job.py run folder (best.safetensors, state.json, curve.jsonl)")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    state = json.loads((args.run / "state.json").read_text())
    src = _init_dir(state)
    args.out.mkdir(parents=True, exist_ok=True)
    for name in _FROM_INIT:
        if (src / name).is_file():
            shutil.copyfile(src / name, args.out / name)
    shutil.copyfile(args.run / "best.safetensors", args.out / "model.safetensors")
    (args.out / "train_info.json").write_text(json.dumps(_record(args.run, state), indent=2) + "\n")
    print(f"{args.out}: step {state['best_step']} of {args.run} (mean dev AUC {state['best']}), from {src}")


if __name__ == "__main__":
    main()
