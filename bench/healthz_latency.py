"""How long GET /healthz waits while a check runs (the service must not block its event loop).

    .venv/bin/python bench/healthz_latency.py [--samples 20]

Starts the real server on loopback (``running_server``), loads the model with one check of the
bundled example, then, while that check runs again in another thread, times /healthz calls.
tests/test_server.py::test_checks_do_not_block_the_event_loop checks that it answers; this says how fast.
Prints the median and worst latency in milliseconds as JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
from pathlib import Path

import httpx

from onrecord.service.app import create_app, running_server

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _check(http: httpx.Client, body: dict, done: threading.Event) -> None:
    http.post("/v1/check", json=body).raise_for_status()
    done.set()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--samples", type=int, default=20)
    args = ap.parse_args()
    body = {"text": (EXAMPLES / "article.txt").read_text(encoding="utf-8"),
            "sources": [{"id": "letter", "text": (EXAMPLES / "letter.txt").read_text(encoding="utf-8")}]}
    with running_server(create_app()) as url, httpx.Client(base_url=url, timeout=300) as http:
        http.post("/v1/check", json=body).raise_for_status()  # the model is loaded from here on
        waits: list[float] = []
        while len(waits) < args.samples:
            done = threading.Event()
            worker = threading.Thread(target=_check, args=(http, body, done))
            worker.start()
            while not done.is_set() and len(waits) < args.samples:
                t0 = time.perf_counter()
                http.get("/healthz").raise_for_status()
                waits.append((time.perf_counter() - t0) * 1000)
                time.sleep(0.05)
            worker.join()
    print(json.dumps({"samples": len(waits), "median_ms": round(statistics.median(waits), 1),
                      "max_ms": round(max(waits), 1)}))


if __name__ == "__main__":
    main()
