"""The terminal report (Rich): each finding with its label, evidence and quote diff; a summary line."""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.text import Text

from onrecord.report import ClaimResult, QuoteResult, Report

_CLAIM_STYLE = {"supported": "green", "contradicted": "bold red", "unsupported": "yellow"}
_QUOTE_STYLE = {"exact": "green", "altered": "bold magenta", "not_found": "yellow"}


def _short(s: str, n: int = 220) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _claim_lines(c: ClaimResult) -> Text:
    t = Text()
    label = "UNCHECKED" if c.unchecked else c.label.upper()
    t.append(f"{label:<13}", style="dim" if c.unchecked else _CLAIM_STYLE[c.label])
    t.append(f" {c.id} ", style="dim")
    t.append(f"[{c.start}:{c.end}] ", style="dim")
    t.append(_short(c.text))
    t.append(f"  ({c.score:.2f})", style="dim")
    if c.attribution and c.attribution.speaker:
        t.append(f"\n      said by: {c.attribution.speaker}", style="cyan")
        if c.attribution.cue:
            t.append(f" (\"{c.attribution.cue}\")", style="dim cyan")
    if c.reason:
        t.append(f"\n      why: {c.reason}", style="dim")
    for e in c.evidence[:2]:
        where = f"{e.source}[{e.start}:{e.end}]" + (f" p.{e.page}" if e.page else "") + (f" l.{e.line}" if e.line else "")
        t.append(f"\n      evidence {where}: ", style="dim")
        t.append(_short(e.text, 200), style="italic")
    return t


def _quote_lines(q: QuoteResult) -> Text:
    t = Text()
    label = "MISATTRIBUTED" if q.misattributed else q.label.upper()
    t.append(f"{label:<13}", style="bold red" if q.misattributed else _QUOTE_STYLE[q.label])
    t.append(f" {q.id} ", style="dim")
    t.append(f"“{_short(q.text, 160)}”")
    if q.speaker:
        t.append(f"\n      said by (text): {q.speaker}", style="cyan")
    if q.source:
        t.append(f"\n      in source: {q.source}[{q.source_start}:{q.source_end}]", style="dim")
    if q.source_speaker:
        t.append(f"; the source gives it to {q.source_speaker}", style="red" if q.misattributed else "dim")
    if q.label == "altered" and q.diff:
        t.append("\n      diff: ", style="dim")
        for d in q.diff:
            if d.op == "equal":
                t.append(_short(d.text, 60) + " ")
            else:
                if d.source_text:
                    t.append(f"[source: {d.source_text}]", style="green")
                if d.text:
                    t.append(f"[text: {d.text}]", style="red")
                t.append(" ")
    return t


def render_text(report: Report, color: bool = False, width: int = 110) -> str:
    """The report as text for a terminal (ANSI colours when ``color``)."""
    buf = StringIO()
    con = Console(file=buf, force_terminal=color, no_color=not color, width=width, highlight=False)
    srcs = ", ".join(f"{s.id} ({s.chars:,} chars)" for s in report.sources)
    con.print(Text(f"onrecord: {len(report.claims)} claims, {len(report.quotes)} quotes checked against {srcs}",
                   style="bold"))
    findings = [c for c in report.claims if (c.label != "supported" or c.unchecked) and c.is_claim]
    fine = [c for c in report.claims if c.label == "supported" and not c.unchecked]
    # Filler and headings: listed (never silently dropped) but apart from the claims.
    not_claims = [c for c in report.claims if not c.is_claim]
    if report.quotes:
        con.print(Text("\nQuotes", style="bold underline"))
        for q in report.quotes:
            con.print(_quote_lines(q))
    if findings:
        con.print(Text("\nClaims that do not hold up", style="bold underline"))
        for c in findings:
            con.print(_claim_lines(c))
    if fine:
        con.print(Text("\nClaims supported by the sources", style="bold underline"))
        for c in fine:
            con.print(_claim_lines(c))
    if not_claims:
        con.print(Text("\nNot claims (not checked)", style="bold underline"))
        for c in not_claims:
            con.print(_claim_lines(c))
    for w in report.warnings:
        con.print(Text(f"warning: {w}", style="yellow"))
    for n in report.not_examined:
        con.print(Text(f"not examined: {n}", style="yellow"))
    counts = report.counts()
    summary = (f"\n{counts.get('supported', 0)} supported, {counts.get('contradicted', 0)} contradicted, "
               f"{counts.get('unsupported', 0)} unsupported, {counts.get('unchecked', 0)} unchecked"
               + (f", {counts['not_a_claim']} not a claim" if counts.get("not_a_claim") else "") + "; quotes: "
               f"{counts.get('quote_exact', 0)} exact, {counts.get('quote_altered', 0)} altered, "
               f"{counts.get('quote_not_found', 0)} not found, {counts.get('quote_misattributed', 0)} misattributed"
               f" — {report.findings} finding(s)")
    con.print(Text(summary, style="bold"))
    return buf.getvalue()
