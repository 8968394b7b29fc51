"""``onrecord batch`` end to end: real files, the real model, real worker processes, real kills."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import EXAMPLES

ONRECORD = [sys.executable, "-m", "onrecord.cli"]
SUPPORTED = {"text": "The council approved the budget on Monday.",
             "sources": [{"id": "minutes", "text": "On Monday the council approved the budget."}]}
CONTRADICTED = {"text": "The council rejected the budget on Monday.",
                "sources": [{"id": "minutes", "text": "The council approved the budget on Monday."}]}


def run(*args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*ONRECORD, *args], capture_output=True, text=True, cwd=cwd, timeout=timeout,
                          env={**os.environ, "COLUMNS": "120"})


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


def read_out(path: Path) -> dict[str, dict]:
    """The output as id -> record, asserting the file holds whole lines and each id once."""
    raw = path.read_text(encoding="utf-8")
    assert raw == "" or raw.endswith("\n"), "the output ends in a cut-short line"
    records = [json.loads(line) for line in raw.splitlines()]
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), f"an id is written twice: {ids}"
    return {r["id"]: r for r in records}


def labels(record: dict) -> tuple:
    rep = record["report"]
    return (tuple((c["label"], c.get("unchecked")) for c in rep["claims"]),
            tuple((q["label"], q["misattributed"]) for q in rep["quotes"]))


def example_rows(n: int) -> list[dict]:
    """n small rows with several passages each, from the bundled example."""
    letter = (EXAMPLES / "letter.txt").read_text(encoding="utf-8")
    paras = [p.strip() for p in letter.split("\n\n") if p.strip()]
    article = (EXAMPLES / "article.txt").read_text(encoding="utf-8").splitlines()[1:]
    return [{"id": f"r{i}", "text": article[i % len(article)],
             "sources": [{"id": f"p{j}", "text": p} for j, p in enumerate(paras[:4])]} for i in range(n)]


# --------------------------------------------------------------------------- the output contract


def test_bad_rows_get_an_error_line_each_and_never_stop_the_batch(tmp_path):
    (tmp_path / "minutes.txt").write_text("The council approved the budget on Monday.", encoding="utf-8")
    rows = [
        {"id": "ok", **SUPPORTED},
        {"id": "nosources", "text": "Something.", "sources": []},
        {"id": "emptytext", "text": "   ", "sources": [{"text": "A source."}]},
        {"id": "nopath", "text": "Something.", "sources": [{"path": "missing.txt"}]},
        {"id": "bothkeys", "text": "Something.", "sources": [{"text": "a", "path": "minutes.txt"}]},
        {"id": "dupsource", "text": "Something.", "sources": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]},
        {"id": "frompath", "text": "The council approved the budget on Monday.",
         "sources": [{"path": "minutes.txt"}]},
        "{this is not json",
        "[1, 2, 3]",
        # (A source that names neither the budget nor Monday would leave this claim unsupported: a finding.)
        {"text": "The council approved the budget on Monday.",
         "sources": [{"text": "On Monday the council approved the budget."}]},
    ]
    inp = write_jsonl(tmp_path / "in.jsonl", rows)
    p = run("batch", str(inp), "--output", str(tmp_path / "out.jsonl"), "--workers", "1", "--quiet",
            "--summary", str(tmp_path / "summary.json"), cwd=Path("/"))
    assert p.returncode == 0, p.stdout + p.stderr  # errors are not findings by default
    out = read_out(tmp_path / "out.jsonl")
    assert len(out) == len(rows)
    codes = {rid: r["error"]["code"] for rid, r in out.items() if "error" in r}
    assert codes == {"nosources": "no_sources", "emptytext": "empty_text", "nopath": "unreadable_source",
                     "bothkeys": "bad_source", "dupsource": "duplicate_source_id", "8": "invalid_json",
                     "9": "malformed_row"}
    assert "missing.txt" in out["nopath"]["error"]["message"]
    # Paths are relative to the input file's folder, whatever the working directory.
    assert out["frompath"]["report"]["sources"][0]["id"] == "minutes"
    assert labels(out["frompath"])[0][0][0] == "supported"
    assert "10" in out and "report" in out["10"]  # no id: the line number
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["rows"] == 10 and summary["errors"] == 7 and summary["rows_with_findings"] == 0
    assert "errors: 7" in p.stdout
    # --fail-on error makes a row that could not be checked fail the run.
    (tmp_path / "out.jsonl").unlink()
    p = run("batch", str(inp), "-o", str(tmp_path / "out.jsonl"), "-w", "1", "-q", "--fail-on", "error")
    assert p.returncode == 1, p.stdout + p.stderr


def test_bad_input_exits_2_without_writing(tmp_path):
    out = tmp_path / "out.jsonl"
    dup = write_jsonl(tmp_path / "dup.jsonl", [{"id": "a", **SUPPORTED}, {"id": "a", **SUPPORTED}])
    p = run("batch", str(dup), "-o", str(out), "-q")
    assert p.returncode == 2 and "same id 'a'" in p.stderr and "Traceback" not in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1
    assert not out.exists()
    p = run("batch", str(tmp_path / "nope.jsonl"), "-o", str(out), "-q")
    assert p.returncode == 2 and "no such file" in p.stderr
    p = run("batch", str(dup), "-o", str(out), "-q", "--fail-on", "contradicted,wrong")
    assert p.returncode == 2 and "'wrong'" in p.stderr
    noheader = tmp_path / "rows.csv"
    noheader.write_text("id,body\n1,x\n", encoding="utf-8")
    p = run("batch", str(noheader), "-o", str(out), "-q")
    assert p.returncode == 2 and "text or sources" in p.stderr
    assert not out.exists()


def test_an_output_of_another_input_is_refused(tmp_path):
    a = write_jsonl(tmp_path / "a.jsonl", [{"id": "a1", **SUPPORTED}])
    b = write_jsonl(tmp_path / "b.jsonl", [{"id": "b1", **SUPPORTED}])
    out = tmp_path / "out.jsonl"
    assert run("batch", str(a), "-o", str(out), "-q", "-w", "1").returncode == 0
    p = run("batch", str(b), "-o", str(out), "-q", "-w", "1")
    assert p.returncode == 2 and "'a1'" in p.stderr and "another input" in p.stderr
    assert list(read_out(out)) == ["a1"]
    junk = tmp_path / "junk.jsonl"
    junk.write_text("hello\nworld\n", encoding="utf-8")
    p = run("batch", str(a), "-o", str(junk), "-q", "-w", "1")
    assert p.returncode == 2 and "not written by onrecord batch" in p.stderr
    assert junk.read_text() == "hello\nworld\n"
    for content in ("one line of something else\n", "no newline at the end"):  # never truncated
        junk.write_text(content, encoding="utf-8")
        p = run("batch", str(a), "-o", str(junk), "-q", "-w", "1")
        assert p.returncode == 2 and "line 1 is not a batch result" in p.stderr
        assert junk.read_text() == content


# --------------------------------------------------------------------------- resuming


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _wait_for(cond, what: str, limit: float = 240) -> None:
    deadline = time.monotonic() + limit
    while not cond():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.1)


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


KILL_ROWS = 80
"""Rows in the kill test: a row takes about 50 ms on two workers, so 80 leave the run seconds from its
end when the third row is written (with 14, a machine whose test process lost the cores for half a
second once saw the run finish before the kill landed)."""


def test_kill_9_mid_run_then_resume_loses_nothing_and_duplicates_nothing(tmp_path):
    rows = example_rows(KILL_ROWS)
    inp = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([*ONRECORD, "batch", str(inp), "-o", str(out), "--workers", "2", "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(lambda: _lines(out) >= 3 or proc.poll() is not None, "three finished rows")
        workers = _children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    # The workers notice their parent is gone and stop, instead of holding the cores.
    _wait_for(lambda: not any(_alive(w) for w in workers), "orphaned workers to exit", 30)
    done_before = read_out(out)
    assert 3 <= len(done_before) < len(rows)
    # A kill in the middle of a write leaves a cut-short last line: simulate one.
    with out.open("ab") as f:
        f.write(b'{"id": "r%d", "report": {"onrecord": "1", "claims": [{"id": "c1", "te' % (len(rows) - 1))
    p = run("batch", str(inp), "-o", str(out), "--workers", "2", "-q")
    assert p.returncode in (0, 1), p.stderr
    after = read_out(out)
    assert sorted(after) == sorted(r["id"] for r in rows)
    assert all(after[k] == v for k, v in done_before.items())  # finished rows are kept as they were
    assert f"{len(done_before)} already done" in p.stdout
    # A second resume has nothing to do and changes nothing.
    before = out.read_bytes()
    p = run("batch", str(inp), "-o", str(out), "-q")
    assert p.returncode in (0, 1) and f"{len(rows)} already done" in p.stdout
    assert out.read_bytes() == before
    # The labels are those of one uninterrupted run on one worker.
    fresh = tmp_path / "fresh.jsonl"
    run("batch", str(inp), "-o", str(fresh), "--workers", "1", "-q")
    assert {k: labels(v) for k, v in read_out(fresh).items()} == {k: labels(v) for k, v in after.items()}


def test_ctrl_c_exits_130_and_the_rerun_finishes(tmp_path):
    rows = example_rows(10)
    inp = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([*ONRECORD, "batch", str(inp), "-o", str(out), "--workers", "1", "-q"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _wait_for(lambda: _lines(out) >= 2 or proc.poll() is not None, "two finished rows")
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    if _lines(out) < len(rows):  # (the run may have finished before the signal landed)
        assert proc.returncode == 130 and "resume" in err
    p = run("batch", str(inp), "-o", str(out), "-q")
    assert p.returncode in (0, 1)
    assert sorted(read_out(out)) == sorted(r["id"] for r in rows)


# --------------------------------------------------------------------------- formats and exit codes


def test_csv_and_parquet_give_the_same_reports_as_jsonl(tmp_path):
    rows = [{"id": "yes", **SUPPORTED}, {"id": "no", **CONTRADICTED}]
    write_jsonl(tmp_path / "rows.jsonl", rows)
    with (tmp_path / "rows.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=["id", "text", "sources", "question"])
        w.writeheader()
        for r in rows:
            w.writerow({"id": r["id"], "text": r["text"], "sources": json.dumps(r["sources"]), "question": "?"})
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = pa.table({"id": [r["id"] for r in rows], "text": [r["text"] for r in rows],
                      "sources": [json.dumps(r["sources"]) for r in rows]})
    pq.write_table(table, tmp_path / "rows.parquet")
    results = {}
    for name in ("rows.jsonl", "rows.csv", "rows.parquet"):
        p = run("batch", str(tmp_path / name), "-o", str(tmp_path / f"{name}.out"), "-w", "1", "-q")
        assert p.returncode == 1, p.stdout + p.stderr  # the contradicted row is a finding
        results[name] = {k: labels(v) for k, v in read_out(tmp_path / f"{name}.out").items()}
    assert results["rows.jsonl"] == results["rows.csv"] == results["rows.parquet"]
    assert results["rows.jsonl"]["yes"][0][0][0] == "supported"
    assert results["rows.jsonl"]["no"][0][0][0] == "contradicted"


def test_fail_on_sets_the_exit_status_of_batch(tmp_path):
    inp = write_jsonl(tmp_path / "in.jsonl", [{"id": "no", **CONTRADICTED}])
    out = tmp_path / "out.jsonl"
    assert run("batch", str(inp), "-o", str(out), "-q", "-w", "1").returncode == 1
    # Resumed (nothing left to check), the exit status still covers every row of the output.
    assert run("batch", str(inp), "-o", str(out), "-q", "--fail-on", "unsupported").returncode == 0
    assert run("batch", str(inp), "-o", str(out), "-q", "--fail-on", "contradicted").returncode == 1
    yes = write_jsonl(tmp_path / "yes.jsonl", [{"id": "yes", **SUPPORTED}])
    assert run("batch", str(yes), "-o", str(tmp_path / "y.jsonl"), "-q", "-w", "1").returncode == 0
    p = run("batch", str(yes), "-o", str(tmp_path / "y.jsonl"), "-q", "--fail-on", "supported")
    assert p.returncode == 1 and "rows with findings: 1" in p.stdout


def test_fail_on_sets_the_exit_status_of_check(tmp_path):
    text = tmp_path / "t.txt"
    text.write_text(CONTRADICTED["text"], encoding="utf-8")
    src = tmp_path / "minutes.txt"
    src.write_text(CONTRADICTED["sources"][0]["text"], encoding="utf-8")
    assert run("check", str(text), "-s", str(src), "-q").returncode == 1
    assert run("check", str(text), "-s", str(src), "-q", "--fail-on", "unsupported,altered").returncode == 0
    assert run("check", str(text), "-s", str(src), "-q", "--fail-on", "contradicted").returncode == 1
    p = run("check", str(text), "-s", str(src), "-q", "--fail-on", "nonsense")
    assert p.returncode == 2 and "unknown label 'nonsense'" in p.stderr
    # The bundled example: the misattributed and altered quotes alone are enough to fail.
    ex = run("check", str(EXAMPLES / "article.txt"), "-s", str(EXAMPLES / "letter.txt"), "-q", "--format", "json",
             "--fail-on", "altered,not_found,misattributed")
    report = json.loads(ex.stdout)
    flagged = [q for q in report["quotes"] if q["label"] != "exact" or q["misattributed"]]
    assert ex.returncode == (1 if flagged else 0)


# --------------------------------------------------------------------------- devices


def _has_cuda() -> bool:
    import onnxruntime as ort

    return "CUDAExecutionProvider" in ort.get_available_providers()


@pytest.mark.skipif(_has_cuda(), reason="this machine has CUDA: the refusal cannot happen")
def test_device_gpu_without_cuda_is_refused_with_exit_2(tmp_path):
    inp = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", **SUPPORTED}])
    text = tmp_path / "t.txt"
    text.write_text("Hello.", encoding="utf-8")
    for args in (["batch", str(inp), "-o", str(tmp_path / "o.jsonl"), "--device", "gpu", "-q"],
                 ["check", str(text), "-s", str(text), "--device", "gpu", "-q"],
                 ["serve", "--port", "0", "--device", "gpu"]):
        p = run(*args, timeout=60)
        assert p.returncode == 2, (args, p.stderr)
        assert "onnxruntime-gpu" in p.stderr and "Traceback" not in p.stderr
        assert len(p.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "o.jsonl").exists()


# --------------------------------------------------------------------------- Python API


def test_check_many_yields_reports_and_errors_as_rows_finish(checker):
    import onrecord
    from onrecord.batch import RowError
    from onrecord.report import Report

    rows = [{"id": "yes", **SUPPORTED}, {"id": "no", **CONTRADICTED}, {"id": "bad", "text": "x", "sources": []},
            {"text": "The letter was signed.", "sources": {"letter": "Sincerely, Melania Trump"}}]
    seen = []
    got = dict(onrecord.check_many(rows, progress=lambda done, total: seen.append((done, total)),
                                   checker=checker))
    assert set(got) == {"yes", "no", "bad", "4"}
    assert isinstance(got["yes"], Report) and got["yes"].claims[0].label == "supported"
    assert got["no"].claims[0].label == "contradicted"
    assert isinstance(got["bad"], RowError) and got["bad"].code == "no_sources"
    assert got["4"].sources[0].id == "letter"
    assert seen[-1] == (4, 4)
    with pytest.raises(onrecord.OnrecordError, match="same id|the id 'x'"):
        onrecord.check_many([{"id": "x", **SUPPORTED}, {"id": "x", **SUPPORTED}])


def test_check_many_with_worker_processes_matches_one_process(checker):
    import onrecord

    rows = example_rows(4)
    here = {rid: rep for rid, rep in onrecord.check_many(rows, checker=checker)}
    there = {rid: rep for rid, rep in onrecord.check_many(rows, workers=2)}
    assert {k: [c.label for c in v.claims] for k, v in here.items()} == \
           {k: [c.label for c in v.claims] for k, v in there.items()}


def test_assert_grounded(checker):
    from onrecord.testing import assert_grounded

    report = assert_grounded(SUPPORTED["text"], {"minutes": SUPPORTED["sources"][0]["text"]}, checker=checker)
    assert report.claims[0].label == "supported"
    with pytest.raises(AssertionError) as err:
        assert_grounded(CONTRADICTED["text"], {"minutes": CONTRADICTED["sources"][0]["text"]}, checker=checker)
    message = str(err.value)
    assert message.startswith("1 finding(s)")
    assert "claim contradicted" in message and "The council rejected the budget on Monday." in message
    # fail_on narrows what counts.
    assert_grounded(CONTRADICTED["text"], {"minutes": CONTRADICTED["sources"][0]["text"]},
                    fail_on="unsupported", checker=checker)
    with pytest.raises(AssertionError, match="quote"):
        assert_grounded('She said "we will raise taxes".', {"speech": "She said we will cut taxes."},
                        checker=checker)


# --------------------------------------------------------------------------- Ray


@pytest.mark.ray
def test_ray_engine_gives_the_labels_of_the_local_engine(tmp_path):
    pytest.importorskip("ray.data", reason="the [ray] extra is not installed")
    rows = example_rows(5) + [{"id": "no", **CONTRADICTED}, {"id": "bad", "text": "x", "sources": []}]
    inp = write_jsonl(tmp_path / "in.jsonl", rows)
    local = run("batch", str(inp), "-o", str(tmp_path / "local.jsonl"), "-w", "1", "-q")
    # A real local Ray cluster, started by the command (RAY_ADDRESS unset), with a pool of two actors.
    env = {k: v for k, v in os.environ.items() if k != "RAY_ADDRESS"}
    ray = subprocess.run([*ONRECORD, "batch", str(inp), "-o", str(tmp_path / "ray.jsonl"), "--engine", "ray",
                          "--workers", "2", "-q"], capture_output=True, text=True, timeout=600, env=env)
    assert ray.returncode == local.returncode == 1, ray.stderr[-2000:]
    a, b = read_out(tmp_path / "local.jsonl"), read_out(tmp_path / "ray.jsonl")
    assert sorted(a) == sorted(b) == sorted(r["id"] for r in rows)
    assert b["bad"]["error"]["code"] == "no_sources"
    assert {k: labels(v) for k, v in a.items() if "report" in v} == \
           {k: labels(v) for k, v in b.items() if "report" in v}


def test_ray_pool_leaves_a_cpu_to_ray_data_and_never_asks_for_more_than_there_is():
    from onrecord.batch.ray_engine import pool_shape

    assert pool_shape(2, 0, None, "auto") == (2, {"num_cpus": 0.5}, 1)
    size, res, threads = pool_shape(16, 0, None, "cpu")
    assert size == 16 and size * res["num_cpus"] <= 15 and threads == 1
    size, res, threads = pool_shape(16, 0, 3, "cpu")
    assert size == 3 and threads == 5
    size, res, _ = pool_shape(2, 0, 8, "cpu")
    assert size * res["num_cpus"] <= 1
    assert pool_shape(8, 2, None, "gpu")[1]["num_gpus"] == 1.0
    with pytest.raises(Exception, match="no GPU"):
        pool_shape(8, 0, None, "gpu")


def test_a_missing_model_stops_the_run_with_exit_3_not_an_error_per_row(tmp_path):
    inp = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", **SUPPORTED}, {"id": "b", **SUPPORTED}])
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        p = subprocess.run([*ONRECORD, "batch", str(inp), "-o", str(out), "-w", workers, "-q"],
                           capture_output=True, text=True, timeout=120,
                           env={**os.environ, "ONRECORD_MODEL_DIR": str(tmp_path / "no-model")})
        assert p.returncode == 3, p.stderr
        assert p.stderr.strip().splitlines() == [p.stderr.strip()] and "missing" in p.stderr
        assert read_out(out) == {}  # nothing half-done: a rerun with the model checks every row
