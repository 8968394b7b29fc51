"""Time `onrecord check` end to end: the letter example, and a 1,000-word article against a 10-page PDF.

    .venv/bin/python bench/check_speed.py [--repeat 5] [--data ../shared/data]

Prints the load time of both shipped models (grounding model and sentence embedder), and for each workload the median and best wall time of the check itself
(model already loaded) and of the whole CLI process (what a user waits for), as JSON.
The long workload is built from SummEval news documents (../shared/data/summac_partial, Apache-2.0):
about 5,000 words laid out as a 10-page PDF (500 words a page), and a 1,000-word "article" made of
sentences of those documents, some with a changed figure, and some from documents not in the source.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_long_workload(data: Path, out: Path) -> tuple[Path, Path]:
    docs = json.loads((data / "summac_partial" / "summeval.json").read_text(encoding="utf-8"))
    seen, texts = set(), []
    for row in docs.values():
        d = row["document"].strip()
        if d not in seen:
            seen.add(d)
            texts.append(d)
    source_docs, words = [], 0
    for d in texts:
        if words >= 5000:
            break
        source_docs.append(d)
        words += len(d.split())
    others = texts[len(source_docs) : len(source_docs) + 10]
    pages = _pages(" ".join(source_docs).split(), 10)
    pdf_path = out / "source.pdf"
    _write_pdf(pages, pdf_path)

    rng = random.Random(7)
    sents = [s for d in source_docs for s in re.split(r"(?<=[.!?])\s+", d) if 8 <= len(s.split()) <= 40]
    foreign = [s for d in others for s in re.split(r"(?<=[.!?])\s+", d) if 8 <= len(s.split()) <= 40]
    article, n = [], 0
    while n < 1000:
        s = rng.choice(foreign) if rng.random() < 0.2 else rng.choice(sents)
        if rng.random() < 0.2:
            s = re.sub(r"\d+", lambda m: str(int(m.group(0)) + 3), s, count=1)
        article.append(s)
        n += len(s.split())
    article_path = out / "article.txt"
    article_path.write_text(" ".join(article), encoding="utf-8")
    return article_path, pdf_path


def build_large_source(data: Path, out: Path, chars: int = 600_000) -> Path:
    """A book-length plain-text source: every distinct SummEval document, repeated until ``chars``."""
    docs = json.loads((data / "summac_partial" / "summeval.json").read_text(encoding="utf-8"))
    texts = list(dict.fromkeys(row["document"].strip() for row in docs.values()))
    body = "\n\n".join(texts)
    path = out / "large.txt"
    path.write_text("\n\n".join([body] * max(1, -(-chars // len(body)))), encoding="utf-8")
    return path


def _pages(words: list[str], n: int) -> list[str]:
    per = -(-len(words) // n)
    return [" ".join(words[i : i + per]) for i in range(0, len(words), per)][:n]


def _write_pdf(pages: list[str], path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=10)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 5, text.encode("latin-1", "replace").decode("latin-1"))
    pdf.output(str(path))


def time_api(text_path: Path, source_path: Path, repeat: int) -> dict:
    from onrecord.documents import load
    from onrecord.pipeline import Checker

    t0 = time.perf_counter()
    checker = Checker()
    _ = checker.model, checker.embedder
    load_s = time.perf_counter() - t0
    text = load(text_path, id="text")
    src = load(source_path)
    runs, report = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        report = checker.check(text, [src])
        runs.append(time.perf_counter() - t)
    assert report is not None
    return {"model_load_s": round(load_s, 3), "check_median_s": round(statistics.median(runs), 3),
            "check_best_s": round(min(runs), 3), "claims": len(report.claims), "quotes": len(report.quotes),
            "text_words": len(text.text.split()), "source_chars": len(src.text),
            "source_pages": len(src.pages) or None}


def time_cli(text_path: Path, source_path: Path, repeat: int) -> dict:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        p = subprocess.run([sys.executable, "-m", "onrecord.cli", "check", str(text_path), "--source",
                            str(source_path), "--format", "json"], capture_output=True, text=True)
        runs.append(time.perf_counter() - t)
        if p.returncode not in (0, 1):
            raise SystemExit(p.stderr)
    return {"cli_median_s": round(statistics.median(runs), 3), "cli_best_s": round(min(runs), 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--large", action="store_true", help="also the letter's article against a ~600K-char source")
    args = ap.parse_args()
    results = {}
    letter = (ROOT / "examples" / "article.txt", ROOT / "examples" / "letter.txt")
    results["letter"] = time_api(*letter, args.repeat) | time_cli(*letter, args.repeat)
    with tempfile.TemporaryDirectory() as tmp:
        article, pdf = build_long_workload(args.data, Path(tmp))
        results["article_1000w_vs_10_page_pdf"] = time_api(article, pdf, args.repeat) | time_cli(article, pdf, 2)
        if args.large:
            large = build_large_source(args.data, Path(tmp))
            results["letter_article_vs_large_source"] = time_api(letter[0], large, 1)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
