"""The Ray engine (``--engine ray``, needs ``pip install 'onrecord[ray]'``): Ray Data maps the rows over
an actor pool, one model per actor, on the cluster named by ``RAY_ADDRESS`` (or a local one).

The driver still writes the output: it iterates the mapped dataset and appends each row as it
arrives, so resuming works exactly as with the local engine (done ids are skipped before the
dataset is built). See docs/scaling.md.
"""

from __future__ import annotations

import json
import logging
import math
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from onrecord.batch.rows import InputRow, RowError
from onrecord.errors import OnrecordError, UsageError

RESERVED_CPUS = 1.0
"""CPUs left free of actors for Ray Data's own tasks. With every CPU held by an actor, the tasks
that feed the actors never get scheduled and the run hangs (seen with two 1-CPU actors on a 2-CPU
cluster); actors therefore ask for fractional CPUs."""
MIN_CPUS_PER_ACTOR = 0.25
ROWS_PER_CALL = 1
"""Rows per actor call: a row takes about a second, so one at a time balances load and streams."""


class _CheckActor:
    """One per actor: loads the model once, checks the rows it is given, returns output lines."""

    def __init__(self, base_dir: str, device: str, threads: int) -> None:
        os.environ["ONRECORD_THREADS"] = str(threads)
        from onrecord.pipeline import Checker

        self.base_dir = Path(base_dir)
        self.checker = Checker(device=device)
        _ = self.checker.model, self.checker.embedder

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        from onrecord.batch.local import check_row

        out: dict[str, list] = {"id": [], "line": [], "pid": [], "rss": []}
        for item in batch.to_pylist():
            result = check_row(self.checker, _decode(item), self.base_dir)
            out["id"].append(result.id)
            out["line"].append(json.dumps(result.record(), ensure_ascii=False))
            out["pid"].append(result.pid)
            out["rss"].append(result.peak_rss_mb)
        return pa.table(out)


def _encode(row: InputRow) -> dict[str, Any]:
    # Rows travel as JSON text: Arrow would otherwise infer (and clash on) each row's nested schema.
    return {"number": row.number, "id": row.id, "data": json.dumps(row.data) if row.data is not None else "",
            "error": json.dumps(row.error.to_dict()) if row.error else ""}


def _decode(item: dict[str, Any]) -> InputRow:
    error = RowError(**json.loads(item["error"])) if item["error"] else None
    data = json.loads(item["data"]) if item["data"] else None
    return InputRow(int(item["number"]), str(item["id"]), data, error)


def _connect() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401 - the [data] part of the extra
    except ImportError:
        raise UsageError("--engine ray needs Ray Data: pip install 'onrecord[ray]'") from None
    for name in ("ray", "ray.data"):  # Ray's info lines would bury our progress bar and summary
        logging.getLogger(name).setLevel(logging.ERROR)
    if not ray.is_initialized():
        # RAY_ADDRESS (read by ray.init) names a running cluster; without it a local one starts.
        ray.init(address=os.environ.get("RAY_ADDRESS") or None, logging_level=logging.ERROR,
                 log_to_driver=False, include_dashboard=False, configure_logging=True)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False  # ours is on the driver's stderr
    ctx.print_on_execution_start = False
    return ray


def pool_shape(cpus: float, gpus: float, workers: int | None, device: str) -> tuple[int, dict[str, float], int]:
    """Actors, resources per actor and ONNX threads per actor for a cluster of ``cpus``/``gpus``."""
    if device == "gpu":
        if gpus < 1:
            raise UsageError("--device gpu: the Ray cluster has no GPU")
        size = workers or int(gpus)
        return size, {"num_cpus": MIN_CPUS_PER_ACTOR, "num_gpus": min(1.0, gpus / size)}, 1
    # No more actors than fit beside the reserved CPU: an actor that cannot be placed stalls the pool.
    size = min(workers or max(1, int(cpus)), max(1, int((cpus - RESERVED_CPUS) / MIN_CPUS_PER_ACTOR)))
    per_actor = max(MIN_CPUS_PER_ACTOR, (cpus - RESERVED_CPUS) / size)
    # Rounded down: rounding up could ask for a thousandth more than the cluster has.
    return size, {"num_cpus": math.floor(per_actor * 1000) / 1000}, max(1, int(per_actor))


def run_ray(rows: list[InputRow], base_dir: Path, workers: int | None, device: str) -> Iterator[tuple[str, str, int, float]]:
    """Check ``rows`` on Ray; yield ``(id, output line, pid, peak MiB)`` as rows arrive at the driver."""
    if not rows:
        return
    ray = _connect()
    res = ray.cluster_resources()
    size, resources, threads = pool_shape(float(res.get("CPU", 1)), float(res.get("GPU", 0)), workers, device)
    size = min(size, len(rows))
    ds = ray.data.from_items([_encode(r) for r in rows], override_num_blocks=min(len(rows), size * 4))
    mapped = ds.map_batches(
        _CheckActor,
        fn_constructor_kwargs={"base_dir": str(base_dir), "device": device, "threads": threads},
        compute=ray.data.ActorPoolStrategy(size=size),
        batch_size=ROWS_PER_CALL,
        batch_format="pyarrow",
        **resources,
    )
    try:
        for item in mapped.iter_rows():
            yield str(item["id"]), str(item["line"]), int(item["pid"]), float(item["rss"])
    except ray.exceptions.RayError as e:
        # An actor that cannot start (no model, no GPU on its node) or a lost node: stop with one line.
        # Rows already written stay; a rerun resumes.
        raise RayEngineError(f"the Ray engine failed: {_first_line(e)}; rows written so far are kept, "
                             "run the same command again to resume") from None


class RayEngineError(OnrecordError):
    code = "E302"
    exit_code = 3


def _first_line(e: BaseException) -> str:
    lines = [ln.strip() for ln in str(e).splitlines() if ln.strip()]
    return lines[-1] if lines else type(e).__name__
