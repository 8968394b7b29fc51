"""Cost of the language check: first call (import, detector build, one detection), memory, per sentence.

    .venv/bin/python bench/language_cost.py
"""

from __future__ import annotations

import resource
import time


def main() -> None:
    r0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    from onrecord.text.detect_language import foreign

    foreign("Le conseil municipal a approuvé le budget pour l'année prochaine.")
    t1 = time.perf_counter()
    sentences = ["Checked bags cost 35 dollars each way and the fee is due at check-in.",
                 "Der Stadtrat hat den Haushalt heute genehmigt."] * 500
    t2 = time.perf_counter()
    for s in sentences:
        foreign(s)
    t3 = time.perf_counter()
    r1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"first call (import + build + detect): {t1 - t0:.2f} s; "
          f"per sentence {(t3 - t2) / len(sentences) * 1000:.3f} ms; peak RSS +{(r1 - r0) / 1024:.0f} MB")


if __name__ == "__main__":
    main()
