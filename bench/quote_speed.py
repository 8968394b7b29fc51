"""Time the quotation search on a long source: 60 quotes against a source of about 8,000 words.

    .venv/bin/python bench/quote_speed.py [--repeat 7]

The workload of tests/test_quotes.py::test_many_quotes_against_a_long_source (which checks the
answers, not the time). Prints the median and best wall time of ``check_quotes`` as JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from onrecord.documents import Document
from onrecord.extract.quotes import check_quotes

PASSAGE = (
    "We do not expect any increase in truck traffic on Route 9, because the new cell is served "
    "from the existing entrance. The wells would go in this fall.\n\n"
    "Mr. Putin, you can singlehandedly restore their melodic laughter. It is time."
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    source = Document(id="big", text=" ".join(PASSAGE for _ in range(200)))
    text = "\n".join(f'Person{i} said "the wells would go in this fall {i}" today.' for i in range(60))
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        n = len(check_quotes(text, [source]).results)
        times.append(time.perf_counter() - t0)
    print(json.dumps({"quotes": n, "source_words": len(source.text.split()),
                      "median_s": round(statistics.median(times), 4), "best_s": round(min(times), 4)}))


if __name__ == "__main__":
    main()
