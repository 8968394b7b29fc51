"""Retrieval: one candidate policy for checks, bench pairs and calibration."""

from __future__ import annotations

import numpy as np

from onrecord.documents import from_text
from onrecord.retrieve.evidence import CANDIDATES, CandidatePolicy, SourceIndex, candidates_for, judge_many

SOURCE = ("The council met on Monday evening. After a long debate it approved the budget for next year. "
          "Rain fell all day. The library will close in July for repairs. The mayor thanked the volunteers.")


def test_calibration_reads_the_passages_a_check_reads(checker):
    embedder, model = checker.embedder, checker.model
    idx = SourceIndex.build(from_text(SOURCE, id="s"), embedder)
    for claim in ("The council approved the budget.", "The library is closing for repairs.", "Snow fell on Monday."):
        cands, examined = candidates_for(claim, [idx], embedder)
        mj = judge_many(model, [claim], [idx], embedder)[0]
        assert [c.text for c, _ in mj.candidates] == [c.text for c in cands]
        assert examined == mj.examined_windows
        assert len(cands) <= CANDIDATES.assembled + CANDIDATES.windows


def test_the_passage_that_speaks_is_support_unless_a_stronger_contradiction():
    probs = np.array([[0.6, 0.3, 0.1], [0.1, 0.8, 0.1]])
    assert CandidatePolicy.speaking(probs) == 1
    probs = np.array([[0.8, 0.1, 0.1], [0.1, 0.8, 0.1]])
    assert CandidatePolicy.speaking(probs) == 0  # a tie goes to support
