"""The command line: ``onrecord check``, ``onrecord serve``, ``onrecord bench``.

Exit status: 0 nothing wrong, 1 findings, 2 usage or input errors, 3 an installation problem.
Output files are written whole or not at all (a temporary file renamed into place).
"""

from __future__ import annotations

import os
import sys
import tempfile
from enum import StrEnum
from pathlib import Path

import typer

from .errors import InputError, OnrecordError, UsageError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Check what a text says about its sources against the sources themselves.")
bench_app = typer.Typer(no_args_is_help=True, help="Accuracy and speed benchmarks of the grounding model.")
app.add_typer(bench_app, name="bench")


class Format(StrEnum):
    text = "text"
    json = "json"
    html = "html"


class BenchFormat(StrEnum):
    text = "text"
    json = "json"


def _fail(err: OnrecordError) -> None:
    typer.echo(f"onrecord: error: {err}", err=True)
    raise typer.Exit(err.exit_code)


def _parse_source(spec: str):
    from .documents import load

    sid, path = None, spec
    if "=" in spec and not Path(spec).exists():
        sid, path = spec.split("=", 1)
        if not sid:
            raise UsageError(f"--source {spec!r}: the id before '=' is empty")
    return load(path, id=sid)


def _write_output(content: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(content if content.endswith("\n") else content + "\n")
        sys.stdout.flush()
        return
    target = output.resolve()
    if target.is_dir():
        raise UsageError(f"--output {output}: is a directory")
    if not target.parent.is_dir():
        raise UsageError(f"--output {output}: folder {target.parent} does not exist")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(content)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UsageError(f"--output {output}: cannot write ({exc.strerror})") from None


@app.command()
def check(
    text: str = typer.Argument(..., help="The text to check: a file (txt, md, html, pdf, docx) or - for stdin."),
    source: list[str] = typer.Option(..., "--source", "-s",
                                     help="A source document, FILE or ID=FILE; repeat for several."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text, json (the report contract) or html."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report here instead of stdout."),
    device: str = typer.Option("auto", help="auto (GPU when there is one), cpu or gpu."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress on stderr."),
) -> None:
    """Check every claim and quotation of TEXT against the --source documents."""
    try:
        from .documents import from_text, load

        if text == "-":
            data = sys.stdin.read()
            if not data.strip():
                raise InputError("stdin: the text to check is empty")
            doc = from_text(data, id="text")
        else:
            doc = load(text, id="text")
        docs = [_parse_source(s) for s in source]
        if device not in ("auto", "cpu", "gpu"):
            raise UsageError(f"--device {device!r}: use auto, cpu or gpu")
        report = _run_check(doc, docs, device, quiet or not sys.stderr.isatty())
        if format is Format.json:
            content = report.to_json()
        elif format is Format.html:
            from .render_html import render_html

            content = render_html(report)
        else:
            from .render_text import render_text

            color = output is None and sys.stdout.isatty()
            content = render_text(report, color=color)
        _write_output(content, output)
    except OnrecordError as err:
        _fail(err)
    raise typer.Exit(1 if report.findings else 0)


def _run_check(doc, docs, device: str, quiet: bool):
    from .checker import Checker

    checker = Checker(device=device)
    if quiet:
        return checker.check(doc, docs)
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), transient=True,
                  console=__import__("rich.console").console.Console(stderr=True)) as bar:
        task = bar.add_task("loading the model…", total=None)
        _ = checker.model

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, description=f"checking {stage}: {done}/{total}")

        return checker.check(doc, docs, progress)


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to bind; loopback by default."),
    port: int = typer.Option(8000, help="Port to listen on."),
    max_request_mb: float = typer.Option(20.0, min=0.001, help="Largest request body, in MiB (413 above it)."),
    max_document_chars: int = typer.Option(1_000_000, min=1, help="Largest text or source, in characters (413)."),
    time_budget: float = typer.Option(120.0, min=0.1, help="Seconds a check may take before a 503."),
) -> None:
    """Start the HTTP API and the web page (http://HOST:PORT/)."""
    from .server import serve as run_server

    try:
        run_server(host=host, port=port, max_request_bytes=int(max_request_mb * 1024 * 1024),
                   max_document_chars=max_document_chars, time_budget_s=time_budget)
    except OnrecordError as err:
        _fail(err)


@bench_app.command("pairs")
def bench_pairs_cmd(
    files: list[Path] = typer.Argument(..., help="Pairs JSONL files: {dataset, doc, claim, label[, label3]}."),
    format: BenchFormat = typer.Option(BenchFormat.text, "--format", "-f"),
    progress: bool = typer.Option(False, "--progress", help="Progress lines on stderr."), output: Path | None = typer.Option(None, "--output", help="JSON results file, rewritten as each dataset finishes."),  # noqa: E501
) -> None:
    """Balanced accuracy at the shipped threshold and ROC-AUC, per dataset and their mean."""
    try:
        for f in files:
            if not f.is_file():
                raise InputError(f"{f}: no such file")
        from .bench import bench_pairs, write_partial
        from .model import shared_model

        result = bench_pairs(files, shared_model(), (lambda m: typer.echo(m, err=True)) if progress else None, write_partial(output) if output else None)  # noqa: E501
    except OnrecordError as err:
        _fail(err)
    if format is BenchFormat.json:
        import json

        typer.echo(json.dumps(result.to_dict(), indent=2))
    else:
        d = result.to_dict()
        for name, m in d["datasets"].items():
            typer.echo(f"{name:<24} n={m['n']:<6} balanced_accuracy={m['balanced_accuracy']:.3f} "
                       f"roc_auc={m['roc_auc'] if m['roc_auc'] is None else round(m['roc_auc'], 3)}")
        typer.echo(f"mean balanced accuracy: {d['mean_balanced_accuracy']:.3f}")


@bench_app.command("speed")
def bench_speed_cmd(
    format: BenchFormat = typer.Option(BenchFormat.text, "--format", "-f"),
    seconds: float = typer.Option(5.0, help="Time spent on each length."),
) -> None:
    """Pairs per second at 128, 256 and 512 tokens (batch 32), on CPU and on GPU when there is one."""
    from .bench import bench_speed
    from .model import shared_model

    try:
        result = bench_speed(shared_model(), seconds=seconds)
    except OnrecordError as err:
        _fail(err)
    import json

    d = result.to_dict()
    if format is BenchFormat.json:
        typer.echo(json.dumps(d, indent=2))
    else:
        for dev in ("cpu", "gpu"):
            if d.get(dev):
                for n, m in d[dev].items():
                    typer.echo(f"{dev} {n:>4} tokens: {m['pairs_per_s']:.1f} pairs/s")


@app.command()
def version() -> None:
    """Print the version."""
    from . import __version__

    typer.echo(f"onrecord {__version__}")


def main() -> None:
    try:
        app()
    except OnrecordError as err:  # pragma: no cover - commands catch their own
        typer.echo(f"onrecord: error: {err}", err=True)
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        typer.echo("onrecord: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()
