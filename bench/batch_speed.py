"""Batch throughput: rows/s with 1 and 2 local workers and the Ray engine, peak memory per worker,
and the time to resume after a ``kill -9`` halfway. Figures go in docs/benchmarks.md.

    python bench/batch_rows.py --rows 500 --out /tmp/rows.jsonl
    python bench/batch_speed.py /tmp/rows.jsonl --runs local1,local2,ray,resume

Each run is the real command (``onrecord batch``) in a subprocess; the load average (``uptime``)
is printed next to each figure, since the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ONRECORD = [sys.executable, "-m", "onrecord.cli", "batch"]


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def batch(rows: Path, out: Path, *args: str) -> tuple[dict, float]:
    summary = out.with_suffix(".summary.json")
    t0, cpu0 = time.perf_counter(), _children_cpu()
    p = subprocess.run([*ONRECORD, str(rows), "-o", str(out), "-q", "--summary", str(summary), *args],
                       capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if p.returncode not in (0, 1):
        raise SystemExit(f"onrecord batch failed ({p.returncode}): {p.stderr[-2000:]}")
    data = json.loads(summary.read_text())
    data["cpu_s"] = _children_cpu() - cpu0
    return data, wall


def _children_cpu() -> float:
    """CPU seconds of finished child processes and theirs (the workers; not Ray's own daemons)."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def throughput(rows: Path, tmp: Path, name: str, *args: str) -> dict:
    before = load()
    summary, wall = batch(rows, tmp / f"{name}.jsonl", *args)
    rss = summary["workers_peak_rss_mb"]
    return {"run": name, "args": " ".join(args), "rows": summary["checked"], "wall_s": round(wall, 1),
            "rows_per_s_wall": round(summary["checked"] / wall, 2), "rows_per_s_checking": summary["rows_per_s"],
            "cpu_s_per_row": round(summary["cpu_s"] / max(1, summary["checked"]), 3) if args[0] != "--engine"
            else None, "workers": len(rss), "peak_rss_mb_per_worker": max(rss.values()) if rss else None,
            "load_before": before, "load_after": load()}


def lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def resume(rows: Path, tmp: Path, *args: str) -> dict:
    """Kill -9 at half the rows, then time the rerun that finishes the rest."""
    total = sum(1 for line in rows.read_text().splitlines() if line.strip())
    out = tmp / "resume.jsonl"
    before = load()
    proc = subprocess.Popen([*ONRECORD, str(rows), "-o", str(out), "-q", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while lines(out) < total // 2 and proc.poll() is None:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = lines(out)
    t0 = time.perf_counter()
    rerun = subprocess.Popen([*ONRECORD, str(rows), "-o", str(out), "-q", *args],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while lines(out) <= done and rerun.poll() is None:
        time.sleep(0.02)
    first_new = time.perf_counter() - t0
    rerun.wait()
    wall = time.perf_counter() - t0
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    return {"run": "kill -9 halfway, then resume", "args": " ".join(args), "rows_done_at_kill": done,
            "rows_left": total - done, "resume_to_first_new_row_s": round(first_new, 2),
            "resume_wall_s": round(wall, 1), "rows_after": len(ids), "distinct_ids": len(set(ids)),
            "load_before": before, "load_after": load()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rows", type=Path)
    ap.add_argument("--runs", default="local1,local2,ray,resume")
    args = ap.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for run in args.runs.split(","):
            if run == "local1":
                results.append(throughput(args.rows, tmp, run, "--workers", "1"))
            elif run == "local2":
                results.append(throughput(args.rows, tmp, run, "--workers", "2"))
            elif run == "ray":
                results.append(throughput(args.rows, tmp, run, "--engine", "ray"))
            elif run == "resume":
                results.append(resume(args.rows, tmp, "--workers", "2"))
            print(json.dumps(results[-1]), flush=True)


if __name__ == "__main__":
    main()
