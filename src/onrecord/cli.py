"""The command line: ``onrecord check``, ``onrecord serve``, ``onrecord bench``.

Exit status: 0 nothing found, 1 findings, 2 usage or input errors, 3 an installation problem (the
model), 4 an internal error (a bug). Every error is one line on stderr (``--debug`` anywhere on the
command line adds the traceback). Output files are written whole or not at all (a temporary file
renamed into place), keep an existing file's permissions, and their folder is checked before a check
starts.

To add a command: write it as a small function taking the shared options below (``MaxDocumentChars``,
``MaxFileMb``, ``MaxUnpackedMb``, ``MaxSources``), build its ``Limits`` with :func:`limits_from`,
read inputs with :func:`read_text_arg` / :func:`read_source`, write with :func:`write_output`, and
raise catalogue errors (``onrecord.errors``): :func:`main` turns every error into one line and the
right exit status.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from onrecord.batch.cli import FAIL_ON_HELP
from onrecord.batch.cli import batch as batch_command
from onrecord.errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, Errors, OnrecordError
from onrecord.limits import DEFAULT_LIMITS, Limits, MiB

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Check what a text says about its sources against the sources themselves. "
                  "Exit status: 0 nothing found, 1 findings, 2 bad input or usage, 3 installation "
                  "problem, 4 internal error. --debug anywhere shows the traceback of an error.")
bench_app = typer.Typer(no_args_is_help=True, help="Accuracy and speed benchmarks of the grounding model.")
app.add_typer(bench_app, name="bench")
app.command("batch")(batch_command)  # onrecord batch: see onrecord/batch/cli.py


class Format(StrEnum):
    text = "text"
    json = "json"
    html = "html"


class BenchFormat(StrEnum):
    text = "text"
    json = "json"


# --------------------------------------------------------------------------- shared options

MaxDocumentChars = Annotated[int, typer.Option(
    "--max-document-chars", min=1, help="Largest text or source, in characters (the service's limit).")]
MaxFileMb = Annotated[float, typer.Option(
    "--max-file-mb", min=0.001, help="Largest file read (or stdin), in MiB.")]
MaxUnpackedMb = Annotated[float, typer.Option(
    "--max-unpacked-mb", min=0.001, help="Largest total a .docx may unpack to, in MiB (decompression bombs).")]
MaxSources = Annotated[int, typer.Option("--max-sources", min=1, help="Most sources in one check.")]


def limits_from(max_document_chars: int | None = None, max_file_mb: float | None = None,
                max_unpacked_mb: float | None = None, max_sources: int | None = None,
                base: Limits = DEFAULT_LIMITS) -> Limits:
    """The service's limits with what the command line raised or lowered."""
    return base.with_(
        max_document_chars=max_document_chars,
        max_file_bytes=None if max_file_mb is None else int(max_file_mb * MiB),
        max_unpacked_bytes=None if max_unpacked_mb is None else int(max_unpacked_mb * MiB),
        max_sources=max_sources,
    )


# --------------------------------------------------------------------------- reading inputs


def read_text_arg(text: str, limits: Limits):
    """The text to check: a file, or ``-`` for stdin (decoded as files are)."""
    from onrecord.documents import load, load_stream

    if text != "-":
        return load(text, id="text", limits=limits)
    data = sys.stdin.buffer.read(limits.max_file_bytes + 1)
    if not data.strip():
        raise Errors.E122.error()
    return load_stream(data, "stdin", id="text", limits=limits)


def read_source(spec: str, limits: Limits):
    """A ``--source`` value: FILE, or ID=FILE when no file is named FILE whole."""
    from onrecord.documents import load

    sid, path = None, spec
    if "=" in spec and not Path(spec).exists():
        sid, path = spec.split("=", 1)
        if not sid:
            raise Errors.E206.error(spec=spec)
    return load(path, id=sid, limits=limits)


# --------------------------------------------------------------------------- writing outputs


def check_output_target(output: Path | None) -> None:
    """Fail now, before a long check, when ``output`` cannot be written (by trying it)."""
    if output is None:
        return
    target = Path(os.path.abspath(output))
    try:
        if target.is_dir():
            raise Errors.E203.error(name=output)
        if not target.parent.is_dir():
            raise Errors.E202.error(name=output, folder=target.parent)
        with contextlib.suppress(FileNotFoundError):
            target.lstat()  # a name too long for the file system fails here
        fd, probe = tempfile.mkstemp(dir=target.parent, prefix=".onrecord-", suffix=".tmp")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise Errors.E204.error(name=output, reason=exc.strerror or exc) from None


def write_output(content: str, output: Path | None) -> None:
    """Write ``content`` to stdout, or whole to ``output`` (a temporary file renamed into place)."""
    if output is None:
        try:
            sys.stdout.write(content if content.endswith("\n") else content + "\n")
            sys.stdout.flush()
        except BrokenPipeError:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - no flush error at exit
            raise Errors.E211.error(reason="broken pipe") from None
        return
    check_output_target(output)
    target = Path(os.path.abspath(output))
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".onrecord-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(content)
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except OSError as exc:
        raise Errors.E204.error(name=output, reason=exc.strerror or exc) from None
    finally:
        Path(tmp).unlink(missing_ok=True)  # gone already once renamed; never left behind


def _mode_for(target: Path) -> int:
    """An existing file's permissions, else 0666 less the umask (0644 usually), not mkstemp's 0600."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# --------------------------------------------------------------------------- check


@app.command()
def check(
    text: str = typer.Argument(..., help="The text to check: a file (txt, md, html, pdf, docx) or - for stdin."),
    source: list[str] = typer.Option(..., "--source", "-s",
                                     help="A source document, FILE or ID=FILE; repeat for several."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="text, json (the report contract) or html."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report here instead of stdout."),
    device: str = typer.Option("auto", help="auto (GPU when there is one), cpu or gpu."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress on stderr."),
    max_document_chars: MaxDocumentChars = DEFAULT_LIMITS.max_document_chars,
    max_file_mb: MaxFileMb = DEFAULT_LIMITS.max_file_bytes / MiB,
    max_unpacked_mb: MaxUnpackedMb = DEFAULT_LIMITS.max_unpacked_bytes / MiB,
    max_sources: MaxSources = DEFAULT_LIMITS.max_sources,
    fail_on: str | None = typer.Option(None, "--fail-on", help=FAIL_ON_HELP),
) -> None:
    """Check every claim and quotation of TEXT against the --source documents."""
    from onrecord.findings import count_findings, parse_fail_on

    fail_labels = parse_fail_on(fail_on)
    limits = limits_from(max_document_chars, max_file_mb, max_unpacked_mb, max_sources)
    if device not in ("auto", "cpu", "gpu"):
        raise Errors.E207.error(device=device)
    if len(source) > limits.max_sources:
        raise Errors.E132.error(n=len(source), limit=f"{limits.max_sources} (raise it with --max-sources)")
    check_output_target(output)
    doc = read_text_arg(text, limits)
    docs = [read_source(s, limits) for s in source]
    report = run_check(doc, docs, device, quiet or not sys.stderr.isatty())
    write_output(render(report, format, color=output is None and sys.stdout.isatty()), output)
    raise typer.Exit(EXIT_FINDINGS if count_findings(report, fail_labels) else EXIT_OK)


def render(report, format: Format, color: bool = False) -> str:
    if format is Format.json:
        return report.to_json()
    if format is Format.html:
        from onrecord.render.html import render_html

        return render_html(report)
    from onrecord.render.text import render_text

    return render_text(report, color=color)


def run_check(doc, docs, device: str, quiet: bool):
    """Run the check, with a progress line on stderr unless ``quiet``."""
    from onrecord.pipeline import Checker

    checker = Checker(device=device)
    if quiet:
        return checker.check(doc, docs)
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    # The elapsed time keeps moving through the long batched model call, between progress reports.
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), transient=True,
                  console=Console(stderr=True)) as bar:
        task = bar.add_task("loading the model…", total=None)
        _ = checker.model

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, description=f"checking {stage}: {done}/{total}")

        return checker.check(doc, docs, progress)


# --------------------------------------------------------------------------- serve


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to bind; loopback by default."),
    port: int = typer.Option(8000, help="Port to listen on."),
    max_request_mb: float = typer.Option(20.0, min=0.001, help="Largest request body, in MiB (413 above it)."),
    max_document_chars: MaxDocumentChars = DEFAULT_LIMITS.max_document_chars,
    max_unpacked_mb: MaxUnpackedMb = DEFAULT_LIMITS.max_unpacked_bytes / MiB,
    max_sources: MaxSources = DEFAULT_LIMITS.max_sources,
    time_budget: float = typer.Option(120.0, min=0.1, help="Seconds a check may take before a 503."),
    max_queue: int = typer.Option(DEFAULT_LIMITS.max_queue, min=1,
                                  help="Checks waiting for a worker before 503 busy."),
    token: str | None = typer.Option(None, envvar="ONRECORD_TOKEN", show_envvar=True,
                                     help="Require this bearer token (needed when HOST is not loopback)."),
    allowed_host: list[str] = typer.Option([], "--allowed-host",
                                           help="Another Host name to answer to (DNS rebinding guard); repeat."),
    device: str = typer.Option("auto", help="auto (GPU when there is one), cpu or gpu."),
) -> None:
    """Start the HTTP API and the web page (http://HOST:PORT/)."""
    from onrecord.runtime.model import onnx_providers
    from onrecord.service import serve as run_server

    if device not in ("auto", "cpu", "gpu"):
        raise Errors.E207.error(device=device)
    onnx_providers(device)  # --device gpu without CUDA: exit 2 before the server starts
    limits = limits_from(max_document_chars, None, max_unpacked_mb, max_sources).with_(
        max_request_bytes=int(max_request_mb * MiB), time_budget_s=time_budget, max_queue=max_queue)
    run_server(host=host, port=port, limits=limits, token=token, allowed_hosts=allowed_host, device=device)


# --------------------------------------------------------------------------- bench


@bench_app.command("pairs")
def bench_pairs_cmd(
    files: list[Path] = typer.Argument(..., help="Pairs JSONL files: {dataset, doc, claim, label[, label3]}."),
    format: BenchFormat = typer.Option(BenchFormat.text, "--format", "-f"),
    progress: bool = typer.Option(False, "--progress", help="Progress lines on stderr."),
    output: Path | None = typer.Option(None, "--output", help="JSON results file, rewritten as each dataset finishes."),
) -> None:
    """Balanced accuracy at the shipped threshold and ROC-AUC, per dataset and their mean."""
    from onrecord.bench import bench_pairs, read_pairs, write_partial
    from onrecord.runtime.model import shared_model

    read_pairs(files)  # every line checked before the model loads
    say = (lambda m: typer.echo(m, err=True)) if progress else None
    result = bench_pairs(files, shared_model(), say, write_partial(output) if output else None)
    d = result.to_dict()
    if format is BenchFormat.json:
        import json

        typer.echo(json.dumps(d, indent=2))
        return
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
    from onrecord.bench import bench_speed
    from onrecord.runtime.model import shared_model

    result = bench_speed(shared_model(), seconds=seconds)
    import json

    d = result.to_dict()
    if format is BenchFormat.json:
        typer.echo(json.dumps(d, indent=2))
        return
    for dev in ("cpu", "gpu"):
        for n, m in (d.get(dev) or {}).items():
            typer.echo(f"{dev} {n:>4} tokens: {m['pairs_per_s']:.1f} pairs/s")


@app.command()
def version() -> None:
    """Print the version."""
    from onrecord import __version__

    typer.echo(f"onrecord {__version__}")


# --------------------------------------------------------------------------- the entry point


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; every error ends as one line and its exit status (never 1, which means findings)."""
    cx = _click_exceptions()
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or os.environ.get("ONRECORD_DEBUG") == "1"
    args = [a for a in args if a != "--debug"]
    try:
        rc = app(args=args, prog_name="onrecord", standalone_mode=False)
    except typer.Exit as e:
        rc = e.exit_code
    except cx.NoArgsIsHelpError as e:
        typer.echo(e.ctx.get_help() if e.ctx else "", err=True)
        rc = 2
    except cx.ClickException as e:  # usage errors: one line, not click's box
        _debug_trace(debug)
        typer.echo(f"onrecord: error: {Errors.E205.error(message=_one_line(e.format_message()))}", err=True)
        rc = e.exit_code if e.exit_code != EXIT_FINDINGS else 2
    except (typer.Abort, KeyboardInterrupt):
        typer.echo("onrecord: interrupted", err=True)
        rc = 130
    except OnrecordError as err:
        _debug_trace(debug)
        typer.echo(f"onrecord: error: {err}", err=True)
        rc = err.exit_code
    except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, exit 4
        _debug_trace(debug)
        reason = f"{type(exc).__name__}: {_one_line(str(exc))[:200]}".rstrip(": ")
        typer.echo(f"onrecord: error: {Errors.E900.error(reason=reason)}", err=True)
        rc = EXIT_INTERNAL
    sys.exit(rc if isinstance(rc, int) else EXIT_OK)


def _click_exceptions():
    try:  # typer 0.2x ships its own copy of click
        from typer._click import exceptions
    except ImportError:  # pragma: no cover - older typer uses click itself
        from click import exceptions
    return exceptions


def _one_line(s: str) -> str:
    return " ".join(s.split())


def _debug_trace(debug: bool) -> None:
    if debug:
        import traceback

        traceback.print_exc()


if __name__ == "__main__":
    main()
