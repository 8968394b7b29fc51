"""``onrecord batch INPUT --output OUT.jsonl``: check many (text, sources) rows, resumably.

Registered on the main CLI by ``onrecord.cli``; this module holds the command itself. Errors
(``OnrecordError``) reach ``onrecord.cli.main``, which prints the one line and exits with their status.
Exit status: 0 no row has findings, 1 some do, 2 bad input or usage, 3 installation problem or a
worker died, 4 a bug, 130 interrupted (run the same command again to resume).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import typer

from onrecord.errors import UsageError

FAIL_ON_HELP = ("Labels that count as findings (exit 1), comma-separated: contradicted, unsupported, "
                "unchecked, supported, altered, not_found, misattributed, exact"
                " (batch also: error). Default: contradicted,unsupported,altered,not_found,misattributed.")


def batch(
    input: Path = typer.Argument(..., help="Rows to check: JSONL, CSV or Parquet with id, text, sources."),
    output: Path = typer.Option(..., "--output", "-o", help="JSONL results, one line per row; resumed if it exists."),
    workers: int | None = typer.Option(None, "--workers", "-w", help="Worker processes (local) or actors "
                                       "(ray). Default: the cores (local), the cluster's CPUs or GPUs (ray)."),
    engine: str = typer.Option("local", help="local (worker processes) or ray (Ray Data; RAY_ADDRESS)."),
    device: str = typer.Option("auto", help="auto (GPU when there is one), cpu or gpu."),
    fail_on: str | None = typer.Option(None, "--fail-on", help=FAIL_ON_HELP),
    summary_path: Path | None = typer.Option(None, "--summary", help="Also write the summary here as JSON."),
    input_format: str | None = typer.Option(None, "--input-format", help="jsonl, csv or parquet "
                                            "(default: from the extension)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar on stderr."),
) -> None:
    """Check every row of INPUT (a text and its sources) and write one JSON line per row to --output.

    Run the same command again after a crash or Ctrl-C: finished rows are kept and skipped."""
    from onrecord.batch.run import BatchOptions, run_batch
    from onrecord.findings import parse_fail_on

    try:
        if input_format is not None and input_format not in ("jsonl", "csv", "parquet"):
            raise UsageError(f"--input-format {input_format!r}: use jsonl, csv or parquet")
        if summary_path is not None and not summary_path.resolve().parent.is_dir():
            raise UsageError(f"--summary {summary_path}: folder {summary_path.resolve().parent} does not exist")
        opts = BatchOptions(input=input, output=output, input_format=input_format, engine=engine,
                            workers=workers, device=device, fail_on=parse_fail_on(fail_on))
        with _progress(quiet or not sys.stderr.isatty()) as progress:
            summary = run_batch(opts, progress)
        typer.echo(summary.render())
        if summary_path is not None:
            _write_json(summary.to_dict(), summary_path)
    except KeyboardInterrupt:
        # Not click's "Aborted!" with exit 1: 1 means findings. Every finished row is already written.
        typer.echo("onrecord: interrupted; finished rows are saved: run the same command to resume", err=True)
        raise typer.Exit(130) from None
    raise typer.Exit(1 if summary.rows_with_findings else 0)


class _progress:
    """A rich progress bar on stderr (rows, rows/s, ETA), or nothing."""

    def __init__(self, off: bool) -> None:
        self.off = off
        self.bar = None
        self.task = None

    def __enter__(self):
        if self.off:
            return None
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(TextColumn("rows"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                            TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                            console=Console(stderr=True))
        self.bar.__enter__()
        self.task = self.bar.add_task("rows", total=None, rate="")
        return self.update

    def update(self, done: int, total: int) -> None:
        assert self.bar is not None
        if self.bar.tasks[0].total is None:  # the first call: rows already done are no speed
            self.bar.reset(self.task, completed=done, total=total)
        task = self.bar.tasks[0]
        speed = task.speed
        self.bar.update(self.task, completed=done, total=total,
                        rate=f"{speed:.2f} rows/s" if speed else "")

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def _write_json(data: dict, path: Path) -> None:
    target = path.resolve()
    if not target.parent.is_dir():
        raise UsageError(f"--summary {path}: folder {target.parent} does not exist")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(json.dumps(data, indent=2) + "\n")
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"--summary {path}: cannot write ({exc.strerror})") from None
