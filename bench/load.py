"""Load benchmark for the HTTP service: the letter case at 1, 8 and 32 concurrent clients.

    python bench/load.py                       # 30 s per level, loopback only
    python bench/load.py --duration 60 --concurrency 1 8 32 --max-requests 2000 --json out.json

Starts the real server (``onrecord.service.app.serve``) in a subprocess on 127.0.0.1 and a free port,
waits until the model is loaded, then drives ``POST /v1/check`` from this process with an asyncio
httpx load generator: each of C clients sends the letter case, waits for the answer, and sends
again, until the level's time is up or its request count is reached (requests in flight then finish).
Prints requests/s, p50/p99 latency and errors per level, then a markdown table. Figures, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    xs = sorted(values)
    k = max(0, min(len(xs) - 1, int(round(q / 100 * len(xs) + 0.5)) - 1))
    return xs[k]


def start_server(port: int, workers: int | None, budget: float) -> subprocess.Popen:
    code = (
        "from onrecord.service.app import serve; "
        f"serve(host='127.0.0.1', port={port}, workers={workers!r}, time_budget_s={budget!r}, "
        "log_level='warning')"
    )
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)


def wait_ready(base: str, proc: subprocess.Popen, timeout: float = 300) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with status {proc.returncode} before it was ready")
        try:
            r = httpx.get(f"{base}/healthz", timeout=2)
            if r.status_code == 200 and r.json().get("model_loaded"):
                return r.json()
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    raise SystemExit(f"the server was not ready within {timeout:.0f} s")


async def run_level(
    base: str, body: bytes, clients: int, duration: float, max_requests: int, timeout: float
) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    sent = 0
    t_end = time.perf_counter() + duration
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:

        async def one_client() -> None:
            nonlocal sent
            while time.perf_counter() < t_end and sent < max_requests:
                sent += 1
                t0 = time.perf_counter()
                try:
                    r = await client.post(
                        "/v1/check", content=body, headers={"content-type": "application/json"}
                    )
                    ok = r.status_code == 200
                    if not ok:
                        errors.append(f"HTTP {r.status_code}: {r.text[:120]}")
                    else:
                        r.json()
                except (httpx.HTTPError, ValueError) as e:
                    ok = False
                    errors.append(f"{type(e).__name__}: {e}")
                if ok:
                    latencies.append(time.perf_counter() - t0)

        t_start = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        wall = time.perf_counter() - t_start
    return {
        "concurrency": clients,
        "requests": sent,
        "ok": len(latencies),
        "errors": len(errors),
        "error_samples": errors[:3],
        "seconds": round(wall, 2),
        "requests_per_s": round(len(latencies) / wall, 2) if wall else 0.0,
        "p50_s": round(percentile(latencies, 50), 3) if latencies else None,
        "p99_s": round(percentile(latencies, 99), 3) if latencies else None,
        "mean_s": round(statistics.fmean(latencies), 3) if latencies else None,
    }


def markdown(rows: list[dict]) -> str:
    out = [
        "| concurrent clients | requests | requests/s | p50 latency (s) | p99 latency (s) | errors |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        out.append(
            f"| {r['concurrency']} | {r['ok']} | {r['requests_per_s']:.2f} | {r['p50_s']} | {r['p99_s']} | "
            f"{r['errors']} |"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--concurrency", type=int, nargs="+", default=[1, 8, 32])
    ap.add_argument("--duration", type=float, default=30.0, help="seconds of load per level (default 30)")
    ap.add_argument("--max-requests", type=int, default=1000, help="at most this many requests per level")
    ap.add_argument("--timeout", type=float, default=300.0, help="client timeout per request, seconds")
    ap.add_argument("--workers", type=int, default=None, help="server check threads (default: CPU count)")
    ap.add_argument("--budget", type=float, default=300.0, help="server time budget per request, seconds")
    ap.add_argument("--url", help="drive a server already running on loopback instead of starting one")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)

    body = json.dumps(
        {
            "text": (EXAMPLES / "article.txt").read_text(encoding="utf-8"),
            "sources": [{"id": "letter", "text": (EXAMPLES / "letter.txt").read_text(encoding="utf-8")}],
        }
    ).encode()

    proc = None
    if args.url:
        base = args.url.rstrip("/")
        if not base.startswith(("http://127.", "http://localhost", "http://[::1]")):
            raise SystemExit("--url must be a loopback address")
        health = httpx.get(f"{base}/healthz", timeout=10).json()
    else:
        base = f"http://127.0.0.1:{free_port()}"
        proc = start_server(int(base.rsplit(":", 1)[1]), args.workers, args.budget)
    try:
        if proc is not None:
            t0 = time.perf_counter()
            health = wait_ready(base, proc)
            print(f"server ready in {time.perf_counter() - t0:.1f} s at {base}", flush=True)
        warm = httpx.post(
            f"{base}/v1/check",
            content=body,
            headers={"content-type": "application/json"},
            timeout=args.timeout,
        )
        warm.raise_for_status()
        rep = warm.json()
        print(
            f"letter case: {len(rep['claims'])} claims, {len(rep['quotes'])} quotes, "
            f"{len(body):,} request bytes, {len(warm.content):,} response bytes",
            flush=True,
        )
        rows = []
        for c in args.concurrency:
            row = asyncio.run(run_level(base, body, c, args.duration, args.max_requests, args.timeout))
            rows.append(row)
            print(
                f"c={c:>3}: {row['ok']} ok in {row['seconds']} s, {row['requests_per_s']} req/s, "
                f"p50 {row['p50_s']} s, p99 {row['p99_s']} s, errors {row['errors']}"
                + (f" e.g. {row['error_samples'][0]}" if row["error_samples"] else ""),
                flush=True,
            )
        after = httpx.get(f"{base}/healthz", timeout=10).json()
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()

    print()
    print(markdown(rows))
    meta = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "duration_s_per_level": args.duration,
        "model_loads": after.get("model_loads"),
        "limits": health.get("limits"),
    }
    print(
        f"\nserver: model loaded {after.get('model_loads')} time(s); {meta['cpus']} CPUs; {meta['platform']}"
    )
    if args.json:
        args.json.write_text(json.dumps({"meta": meta, "levels": rows}, indent=2) + "\n", encoding="utf-8")
    return 1 if any(r["errors"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
