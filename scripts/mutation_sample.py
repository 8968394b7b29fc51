"""A seeded sample of mutmut's mutants per module, and the share of them the tests kill.

    python scripts/mutation_sample.py names           # the sampled mutant names, one a line
    python scripts/mutation_sample.py score           # killed / total per module, with a 95% interval

Run after ``mutmut run`` has generated the mutants (``mutants/``, see docs/reliability.md). The sample
is drawn from each module's sorted mutant names with ``random.Random(SEED)``, so it is the same on
every machine for the same source; a module with at most its sample size is taken whole.
"""

from __future__ import annotations

import argparse
import json
import math
import random
from pathlib import Path

SEED = 12
SAMPLE = {
    "judge/quotes.py": 10_000,  # whole
    "judge/rules.py": 10_000,
    "judge/thresholds.py": 10_000,
    "judge/sentences.py": 100,
    "judge/documents.py": 80,
    "judge/factual.py": 80,
    "judge/finding.py": 30,
    "judge/figures.py": 50,
    "judge/contrast.py": 50,
    "extract/quotes.py": 60,
    "extract/attribution.py": 60,
}
"""Mutants sampled per module (under src/onrecord/)."""

_Q = "onrecord.judge.quotes.x_check_quotes__mutmut_"
# Names as mutmut 3.8.1 numbers them for the source at this commit: a change to a function renumbers its mutants.
EQUIVALENT: dict[str, str] = {
    _Q + "36": "prefer() accepting every occurrence for an uncheckable speaker takes the first, as the fallback does",
    _Q + "43": "turns has an entry for every prepared source: the default of turns.get is never used",
    _Q + "45": "turns has an entry for every prepared source: the default of turns.get is never used",
    _Q + "69": "turns has an entry for every prepared source: the default of turns.get is never used",
    _Q + "71": "turns has an entry for every prepared source: the default of turns.get is never used",
    _Q + "60": "align_quote sets source and source_start together, so 'and' and 'or' agree",
    "onrecord.judge.rules.x_focus_read_by_model__mutmut_2": "only 'about' claims reach this rule (the document "
    "rules before it decide every other kind), and they always have a judgement",
    "onrecord.judge.rules.x_focus_read_by_model__mutmut_3": "document rules only see document claims: doc_claim is "
    "never None here",
    "onrecord.judge.contrast.x__poles__mutmut_4": "_WORD matches lower-case letters only: upper-case padding adds no word",
    "onrecord.judge.contrast.x__poles__mutmut_6": "_WORD matches lower-case letters only: upper-case padding adds no word",
    "onrecord.judge.figures.x__compatible__mutmut_6": "_same_kind pairs a year only with a year or a date, which the "
    "test on the source's unit catches",
    "onrecord.judge.figures.x__nouns_agree__mutmut_10": "nouns are lower-case words: there is no 'X' to strip",
    "onrecord.judge.documents.x_body_edges__mutmut_4": "text[:None] is the whole text, so the end comes out as "
    "the value the mutant replaced",
    "onrecord.extract.attribution.x__cue_in_left__mutmut_193": "the loop before it passes capitalised words only, so "
    "the token before k is never a comma: the test is k == 0 either way",
    "onrecord.extract.attribution.x_reported_frame__mutmut_75": "tokens 0 and 1 are 'according' and 'to', never the "
    "comma searched for",
    "onrecord.judge.rules.x_judge_claim__mutmut_13": "the assertion's message: it never fails, the last rule decides",
    "onrecord.judge.rules.x_judge_claim__mutmut_14": "the assertion's message: it never fails, the last rule decides",
    "onrecord.judge.documents.x__kind__mutmut_2": "document rules only see document claims: doc_claim is never None",
    "onrecord.judge.factual.x__figure_sentence__mutmut_24": "rfind(x, None, s) is rfind(x, 0, s)",
    "onrecord.judge.figures.x_derived__mutmut_84": "a derived figure is only compared with a claim's; an 'exact' claim "
    "within the same-value tolerance passes the exact-figure test as well",
    "onrecord.judge.documents.x_documents_meant__mutmut_5": "stem() lower-cases its word, so the subject's case "
    "does not matter",
    "onrecord.judge.sentences.x_opposite_polarity__mutmut_20": "the returned hit's text is never read: evidence is "
    "cut from the source by the hit's span",
    "onrecord.extract.attribution.x__cue_in_left__mutmut_66": "a cue is a word of CUE_VERBS: none ends in 'X'",
    "onrecord.extract.attribution.x__cue_in_right__mutmut_32": "a cue is a word of CUE_VERBS: none ends in 'X'",
    "onrecord.extract.attribution.xǁ_Analysisǁ__init____mutmut_27": "only an empty text has no sentences, and it has "
    "nothing to attribute",
    "onrecord.extract.quotes.x__diff_ops__mutmut_15": "qtext is only called for a non-empty run of the quote's words",
    "onrecord.extract.quotes.x__exact__mutmut_33": "ok is only tested for truth: None and False agree",
    "onrecord.judge.factual.x__figure_sentence__mutmut_47": "find() from the figure's end (at least 1) never returns 0",
}
"""Mutants that change no behaviour, each with the reason; left out of the score."""

KILLED = {1, 3, 24, -24, 36, 152, 255}
"""mutmut's exit codes for a mutant the tests detect (a failure, or a timeout: the mutant loops)."""


def _meta(root: Path, module: str, also: list[Path] | None = None) -> dict[str, int | None]:
    """mutmut's exit code per mutant of ``module``; with ``also`` (earlier copies of
    ``mutants/src/onrecord``, from runs with fewer tests), a mutant killed in any run counts as killed."""
    codes = json.loads((root / "mutants" / "src" / "onrecord" / f"{module}.meta").read_text(encoding="utf-8"))
    codes = codes["exit_code_by_key"]
    for folder in also or []:
        earlier = json.loads((folder / f"{module}.meta").read_text(encoding="utf-8"))["exit_code_by_key"]
        codes = {k: earlier.get(k) if earlier.get(k) in KILLED else v for k, v in codes.items()}
    return codes


def sample(root: Path) -> dict[str, list[str]]:
    out = {}
    for module, k in SAMPLE.items():
        names = sorted(_meta(root, module))
        out[module] = names if len(names) <= k else sorted(random.Random(SEED).sample(names, k))
    return out


def wilson(killed: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion."""
    if n == 0:
        return 0.0, 1.0
    p = killed / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def score(root: Path, show_survivors: bool, also: list[Path] | None = None) -> None:
    print(f"{'module':<24} {'total':>5} {'sampled':>7} {'equiv':>5} {'killed':>6} {'share':>6}  95% interval")
    for module, names in sample(root).items():
        codes = _meta(root, module, also)
        counted = [n for n in names if n not in EQUIVALENT]
        unrun = [n for n in counted if codes[n] is None]
        killed = [n for n in counted if codes[n] in KILLED]
        n = len(counted) - len(unrun)
        lo, hi = wilson(len(killed), n)
        share = len(killed) / n if n else 0.0
        print(f"{module:<24} {len(codes):>5} {len(names):>7} {len(names) - len(counted):>5} {len(killed):>6} "
              f"{share:>6.1%}  {lo:.1%}-{hi:.1%}" + (f"  ({len(unrun)} not run)" if unrun else ""))
        if show_survivors:
            for name in counted:
                if name not in unrun and codes[name] not in KILLED:
                    print(f"    {name}  (exit {codes[name]})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["names", "score"])
    ap.add_argument("--survivors", action="store_true", help="with score: list the sampled mutants not killed")
    ap.add_argument("--module", action="append", help="only these modules (e.g. judge/quotes.py)")
    ap.add_argument("--also", type=Path, action="append",
                    help="an earlier copy of mutants/src/onrecord whose kills count (repeatable)")
    ap.add_argument("--unkilled", action="store_true", help="with names: only the sampled mutants not yet killed")
    args = ap.parse_args()
    root = Path(__file__).resolve().parents[1]
    if args.module:
        for m in list(SAMPLE):
            if m not in args.module:
                del SAMPLE[m]
    if args.command == "names":
        for module, names in sample(root).items():
            if args.unkilled:
                codes = _meta(root, module, args.also)
                names = [n for n in names if n not in EQUIVALENT and codes[n] not in KILLED]
            if names:
                print("\n".join(names))
    else:
        score(root, args.survivors, args.also)


if __name__ == "__main__":
    main()
