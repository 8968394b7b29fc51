"""The fallback windowing used in training experiments only (``calibrate.py --scorer fallback``).

Consecutive sentences packed to the model's token budget over all of a document, plus one window
that covers the claim's words. The product and ``onrecord bench pairs`` use ``onrecord.retrieve.evidence``;
this stays here so that runs made with it before can be repeated.
"""

from __future__ import annotations

import re

import numpy as np

from onrecord.runtime.model import GroundingModel
from onrecord.text.vocab import STOPWORDS

_SENT = re.compile(r"(?<=[.!?;:])[\"')\]]*\s+|\n+")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-\.]*")


def _sentences(text: str) -> list[str]:
    parts = [p.strip() for p in _SENT.split(text)]
    return [p for p in parts if p]


def _words(text: str) -> set[str]:
    return {w.lower().strip(".'-") for w in _WORD.findall(text)} - STOPWORDS - {""}


def window_pairs(model: GroundingModel, doc: str, claim: str, max_windows: int | None = None) -> list[str]:
    """Evidence windows for one claim: consecutive sentences packed to the token budget, covering ALL of
    ``doc`` (one sentence of overlap between neighbours), plus one window built from the sentences that best
    cover the claim's words.

    With ``max_windows`` only that many windows are kept, ranked by how many of the claim's words they
    hold (the cover window always first): a faster, approximate mode for model selection, not for reporting.
    """
    budget = max(32, model.config.max_length - model.count_tokens(claim) - 3)
    sents = _sentences(doc) or [doc]
    toks = model.tokenizer.encode_batch(sents, add_special_tokens=False)
    pieces: list[tuple[str, int]] = []
    for s, enc in zip(sents, toks, strict=True):
        n = len(enc.ids)
        if n <= budget:
            pieces.append((s, n))
            continue
        # A "sentence" longer than a window (a table, a list without stops): cut it on token offsets.
        offs = enc.offsets
        for b in range(0, n, budget):
            chunk = offs[b : b + budget]
            pieces.append((s[chunk[0][0] : chunk[-1][1]], len(chunk)))
    windows: list[str] = []
    i = 0
    while i < len(pieces):
        j, used = i, 0
        while j < len(pieces) and used + pieces[j][1] <= budget:
            used += pieces[j][1]
            j += 1
        j = max(j, i + 1)
        windows.append(" ".join(p for p, _ in pieces[i:j]))
        if j >= len(pieces):
            break
        i = j - 1 if j - 1 > i else j
    if len(windows) <= 1:
        return windows
    # The cover window: greedy set cover of the claim's words, then neighbours, in document order.
    need = _words(claim)
    pw = [_words(p) for p, _ in pieces]
    chosen: set[int] = set()
    used = 0
    while need:
        best, gain = -1, 0
        for k, w in enumerate(pw):
            if k not in chosen and len(need & w) > gain:
                best, gain = k, len(need & w)
        if best < 0 or used + pieces[best][1] > budget:
            break
        chosen.add(best)
        used += pieces[best][1]
        need -= pw[best]
    grew = True
    while grew and chosen:
        grew = False
        for k in sorted(chosen):
            for m in (k - 1, k + 1):
                if 0 <= m < len(pieces) and m not in chosen and used + pieces[m][1] <= budget:
                    chosen.add(m)
                    used += pieces[m][1]
                    grew = True
    cover = " ".join(pieces[k][0] for k in sorted(chosen))
    out = ([cover] if cover else []) + windows
    if max_windows is not None:
        cw = _words(claim)
        rest = sorted(windows, key=lambda w: -len(cw & _words(w)))
        out = ([cover] if cover else []) + rest
        out = out[:max_windows]
    return out


def doc_scores(
    model: GroundingModel,
    pairs: list[tuple[str, str]],
    max_windows: int | None = None,
    logits_out: list[np.ndarray] | None = None,
) -> np.ndarray:
    """(n, 3) document-level probabilities for (doc, claim) pairs with the fallback windowing.

    P(supported) is the best window's; P(contradicted) is the highest of any window, capped so the three
    sum to one; P(unsupported) is the rest ("evidence anywhere counts; unsupported means nowhere").
    If ``logits_out`` is a list, each pair's raw window logits (k, 3) are appended to it (for calibration).
    """
    flat: list[tuple[str, str]] = []
    owner: list[int] = []
    for n, (doc, claim) in enumerate(pairs):
        for w in window_pairs(model, doc, claim, max_windows):
            flat.append((w, claim))
            owner.append(n)
    z = model.logits(flat)
    zt = z / model.config.temperature
    zt = zt - zt.max(axis=1, keepdims=True)
    p = np.exp(zt)
    p /= p.sum(axis=1, keepdims=True)
    own = np.asarray(owner)
    out = np.zeros((len(pairs), 3), dtype=np.float64)
    for n in range(len(pairs)):
        sel = own == n
        if not sel.any():
            out[n] = (0.0, 0.0, 1.0)
            continue
        if logits_out is not None:
            logits_out.append(z[sel])
        ps = float(p[sel, 0].max())
        pc = min(float(p[sel, 1].max()), 1.0 - ps)
        out[n] = (ps, pc, 1.0 - ps - pc)
    return out


