"""The web page and the static HTML report, driven in a real headless Chromium (Playwright for Python).

Browser tests are marked ``browser``. Where the browser is required (``CI`` or
``ONRECORD_REQUIRE_BROWSER`` set, as ``scripts/test.sh`` does) a missing Chromium or Playwright fails
them; elsewhere they skip, saying why. Install: ``apt-get update && apt-get install -y chromium
chromium-driver``. Screenshots land in ``test-artifacts/`` (gitignored).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from onrecord.render.html import embed_json, render_html
from onrecord.report import Attribution, ClaimResult, DiffOp, Evidence, QuoteResult, Report, SourceInfo
from onrecord.service.app import create_app, running_server

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
NEEDLE = "mentioned the abductions of children"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# --------------------------------------------------------------------------- render_html (no browser)


def _hostile_report() -> Report:
    text = 'He wrote "</script><script>window.pwned = 1</script>" and <!-- that & more.'
    source = "Nothing here </SCRIPT> says that. \u2028 A line separator."
    s = text.index("He wrote")
    return Report(
        sources=[SourceInfo("src</script>", "T </title><script>x()</script>", len(source))],
        claims=[
            ClaimResult(
                "c1",
                s,
                len(text),
                text[s:],
                "unsupported",
                0.1,
                Attribution("He", "wrote"),
                [Evidence("src</script>", 0, 12, source[:12], 0.2)],
            )
        ],
        quotes=[QuoteResult("q1", 10, 50, text[10:50], "not_found")],
        text=text,
        source_texts={"src</script>": source},
    )


def test_render_html_is_one_self_contained_file():
    rep = _hostile_report()
    page = render_html(rep)
    # Nothing in a text can end the data or the script: exactly the two script elements we wrote.
    assert len(re.findall(r"</script", page, re.I)) == 2
    assert "window.pwned" in page  # present, but only inside the escaped JSON
    assert "<script>window.pwned" not in page
    assert "</title><script>" not in page
    # Everything inline; no address to fetch.
    assert '<link rel="stylesheet"' not in page and "<script src" not in page
    assert "http://" not in page and "https://" not in page
    assert "default-src 'none'" in page
    # The embedded JSON is the report with its texts, byte for byte after parsing.
    m = re.search(r'<script type="application/json" id="onrecord-report">(.*?)</script>', page, re.S)
    assert m
    assert json.loads(m.group(1)) == json.loads(json.dumps(rep.to_dict(include_texts=True)))


def test_render_html_accepts_the_json_dict():
    rep = _hostile_report()
    assert render_html(rep.to_dict(include_texts=True)) == render_html(rep)


def test_embed_json_escapes_markup():
    s = embed_json({"a": "</script><!-- & \u2028"})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s
    assert json.loads(s) == {"a": "</script><!-- & \u2028"}


# --------------------------------------------------------------------------- a report with every kind of finding


def _findings_report() -> Report:
    """A hand-made report: one of each verdict, a speaker named in the text, and a PDF-like source
    whose lines wrap inside sentences (the evidence must read as one sentence)."""
    text = (
        "Ortega said the council raised the fee by ten percent. The fee pays for the library. "
        'The mayor called it "a fair and modest rise". Ortega said "we will not wait". '
        "El consejo votó en secreto."
    )
    source = (
        "MINUTES OF THE COUNCIL\n\nThe council voted to\nraise the fee by five\npercent, well-\n"
        "known to all.\nThe fee pays for the\nlibrary.\n\nMAYOR: It is a fair and small rise.\n"
        "SMITH: We will not wait.\n"
    )

    def span(needle: str, within: str = text) -> tuple[int, int]:
        s = within.index(needle)
        return s, s + len(needle)

    def claim(cid, needle, label, evidence=None, **kw) -> ClaimResult:
        s, e = span(needle)
        ev = []
        if evidence:
            es, ee = span(evidence, source)
            ev = [Evidence("minutes", es, ee, source[es:ee], 0.9, page=1)]
        return ClaimResult(cid, s, e, needle, label, 0.8, evidence=ev, **kw)

    def quote(qid, needle, label, in_source, **kw) -> QuoteResult:
        s, e = span(needle)
        ss, se = span(in_source, source)
        return QuoteResult(qid, s, e, needle, label, "minutes", ss, se, **kw)

    wrapped = "The council voted to\nraise the fee by five\npercent, well-\nknown to all."
    return Report(
        sources=[SourceInfo("minutes", "Council minutes", len(source), format="pdf")],
        claims=[
            claim("c1", "Ortega said the council raised the fee by ten percent.", "contradicted", wrapped,
                  attribution=Attribution("Ortega", "said", 0, 6)),
            claim("c2", "The fee pays for the library.", "supported", "The fee pays for the\nlibrary."),
            claim("c3", "El consejo votó en secreto.", "unsupported",
                  unchecked="written in Spanish; the model reads English only"),
        ],
        quotes=[
            quote("q1", "a fair and modest rise", "altered", "a fair and small rise", speaker="The mayor",
                  source_speaker="MAYOR", similarity=0.8,
                  diff=[DiffOp("equal", "a fair and", "a fair and"), DiffOp("replace", "modest", "small"),
                        DiffOp("equal", "rise", "rise")]),
            quote("q2", "we will not wait", "exact", "We will not wait", speaker="Ortega",
                  source_speaker="SMITH", misattributed=True, similarity=1.0),
        ],
        text=text,
        source_texts={"minutes": source},
    )


# --------------------------------------------------------------------------- the browser


def _browser_required() -> bool:
    """CI, or scripts/test.sh, says the browser tests must run: a missing browser is then a failure."""
    return any(
        os.environ.get(v, "").strip().lower() not in ("", "0", "false", "no")
        for v in ("CI", "ONRECORD_REQUIRE_BROWSER")
    )


def _no_browser(why: str) -> None:
    if _browser_required():
        pytest.fail(f"{why}; the browser tests are required here (CI or ONRECORD_REQUIRE_BROWSER is set)")
    pytest.skip(why)


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser():
    exe = _chromium()
    if not exe:
        _no_browser("Chromium is not installed (apt-get install -y chromium chromium-driver)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _no_browser("Playwright for Python is not installed (pip install playwright)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def base_url():
    with running_server(create_app()) as url:
        yield url


def _watch_errors(pg) -> list[str]:
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    # Console errors include Content-Security-Policy violations and failed loads.
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return errors


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    errors = _watch_errors(pg)
    yield pg
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture()
def static_page(browser, tmp_path):
    """Open a report as the self-contained HTML file, offline: ``static_page(report) -> page``."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, offline=True, accept_downloads=True)
    errors: list[list[str]] = []

    def open_report(report: Report):
        path = tmp_path / "report.html"
        path.write_text(render_html(report), encoding="utf-8")
        pg = context.new_page()
        errors.append(_watch_errors(pg))
        pg.goto(path.as_uri())
        pg.wait_for_selector(".text-pane .ann")
        return pg

    yield open_report
    context.close()
    assert not any(errors), f"JavaScript errors on the page: {errors}"


def _artifact(name: str) -> str:
    ARTIFACTS.mkdir(exist_ok=True)
    return str(ARTIFACTS / name)


def _labels_in_list(page) -> list[str]:
    return page.locator(".item-list .item-row").evaluate_all("els => els.map(e => e.dataset.label)")


def _position(page) -> str:
    return page.locator(".source-pane .detail .position").inner_text()


PROGRESS_WATCH = """() => {
    window.__progress = {shown: false, notes: []};
    const p = document.getElementById("progress");
    const note = document.getElementById("progress-note");
    new MutationObserver(() => {
        if (!p.hidden) window.__progress.shown = true;
        window.__progress.notes.push(note.textContent);
    }).observe(p, {attributes: true, subtree: true, childList: true, characterData: true});
}"""


def _run_check(page, base_url, sources: dict[str, str], text: str):
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base_url) else None)
    page.goto(base_url + "/")
    for i, (sid, body) in enumerate(sources.items()):
        if i:
            page.click("#add-source")
        page.locator(".source-box .source-id").nth(i).fill(sid)
        page.locator(".source-box .source-text").nth(i).fill(body)
    page.fill("#text-input", text)
    page.evaluate(PROGRESS_WATCH)  # whether progress showed while the check ran, however short
    page.click("#check-btn")
    page.wait_for_selector(".summary .findings-count", timeout=300_000)
    assert page.evaluate("window.__progress.shown"), "no progress was shown while the check ran"
    assert page.locator("#progress").is_hidden()
    assert not outside, f"the page reached outside the app: {outside}"
    return page.evaluate("window.__progress.notes")


@pytest.mark.browser
def test_page_checks_the_letter_case(page, base_url, letter, article, letter_report):
    _run_check(page, base_url, {"letter": letter}, article)

    # The article's own words, and nothing else: no speaker labels inside the text.
    assert page.locator("#onrecord-text").evaluate("el => el.textContent") == article

    claim = page.locator(".text-pane .ann.claim:not(.cont)", has_text=NEEDLE).last
    label = claim.get_attribute("data-label")
    assert label in ("unsupported", "contradicted"), f"the officials' claim is shown as {label}"
    assert "Trump administration officials" in claim.get_attribute("title")  # who said it, on hover

    # Findings first: supported claims are left plain until asked for.
    supported = [c for c in letter_report.claims if c.label == "supported" and not c.unchecked]
    assert supported and page.locator(".text-pane .ann.v-supported").count() == 0

    claim.click()
    detail = page.locator(".source-pane .detail")
    assert "Trump administration officials" in detail.locator(".speaker").inner_text()
    page.locator(".source-pane mark.hl").first.wait_for(state="visible")
    assert page.locator(".text-pane .ann.selected").count() >= 1
    page.wait_for_timeout(900)  # let the smooth scroll settle before the picture
    page.screenshot(path=_artifact("web-letter.png"))

    page.check("#show-supported")
    painted = page.locator(".text-pane .ann.claim.v-supported:not(.cont)").count()
    assert painted == len([c for c in supported if c.end > c.start])
    page.screenshot(path=_artifact("web-letter-supported-shown.png"))
    page.uncheck("#show-supported")

    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(300)
    claim.scroll_into_view_if_needed()
    panes = page.locator(".panes")
    columns = panes.evaluate("el => getComputedStyle(el).gridTemplateColumns.split(' ').length")
    assert columns == 1, "the panes should stack at phone width"
    page.screenshot(path=_artifact("web-letter-phone.png"))
    page.locator(".summary").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -60)")
    page.screenshot(path=_artifact("web-letter-phone-summary.png"))


@pytest.mark.browser
def test_page_counts_claims_while_checking(page, base_url, letter, article):
    # A text of some length (four copies of the article: over 80 claims), so that the check lasts
    # several of the page's progress polls on any machine.
    notes = _run_check(page, base_url, {"letter": letter}, "\n\n".join([article] * 4))
    # "Checking 84 claims…" while the model judges them, then "Checking claim 12 of 84" as verdicts come.
    counted = [n for n in notes if re.fullmatch(r"Checking (claim \d+ of \d+|\d+ claims…)", n)]
    assert counted, f"no claim count was shown while checking: {sorted(set(notes))}"


@pytest.mark.browser
def test_page_keyboard_filters_and_downloads(page, base_url, letter, article, tmp_path):
    _run_check(page, base_url, {"letter": letter}, article)

    # Keyboard: marked passages are focusable and Enter selects one.
    first = page.locator(".text-pane .ann:not(.cont)").first
    first.focus()
    page.keyboard.press("Enter")
    assert page.locator(".source-pane .detail .badge").first.is_visible()
    assert page.locator(".text-pane .ann.selected").count() >= 1

    # j / k step through the list, most serious first.
    page.keyboard.press("Escape")
    assert page.locator(".source-pane .detail .placeholder").is_visible()
    rows = page.locator(".item-list .item-row")
    page.keyboard.press("j")
    assert _position(page).startswith("1 of ")
    assert rows.first.get_attribute("class").split().count("selected") == 1
    page.keyboard.press("j")
    assert _position(page).startswith("2 of ")
    page.keyboard.press("k")
    assert _position(page).startswith("1 of ")

    # Filters: hiding unsupported claims removes them from the text and the list.
    n_unsupported = page.locator(".text-pane .ann.claim.v-unsupported").count()
    assert n_unsupported > 0
    chip = page.locator('.summary .chip[data-cat="unsupported"]')
    chip.click()
    assert chip.get_attribute("aria-pressed") == "false"
    assert page.locator(".text-pane .ann.claim.v-unsupported").count() == 0
    assert "unsupported" not in _labels_in_list(page)
    chip.click()
    assert page.locator(".text-pane .ann.claim.v-unsupported").count() == n_unsupported

    # Downloads: the JSON is the report; the HTML is the self-contained report.
    with page.expect_download() as dl:
        page.click(".summary .dl-json")
    saved = tmp_path / "r.json"
    dl.value.save_as(saved)
    rep = json.loads(saved.read_text(encoding="utf-8"))
    assert rep["onrecord"] == "1" and rep["sources"][0]["id"] == "letter"
    with page.expect_download() as dl:
        page.click(".summary .dl-html")
    saved = tmp_path / "r.html"
    dl.value.save_as(saved)
    html = saved.read_text(encoding="utf-8")
    assert 'id="onrecord-report"' in html and "default-src 'none'" in html


@pytest.mark.browser
def test_page_reports_errors(page, base_url):
    page.goto(base_url + "/")
    page.click("#check-btn")
    assert "source" in page.locator("#error").inner_text().lower()
    page.locator(".source-box .source-text").first.fill("A source.")
    page.fill("#text-input", "x" * 10)
    page.locator(".source-box .source-id").first.fill("a/b")
    page.click("#check-btn")
    assert "cannot contain" in page.locator("#error").inner_text()


SEVERITY_ORDER = ["contradicted", "misattributed", "altered", "unchecked"]


@pytest.mark.browser
def test_findings_first_in_severity_order(static_page):
    rep = _findings_report()
    page = static_page(rep)
    # The text is the text: no speaker words added ("Ortega Ortega said ...").
    assert page.locator("#onrecord-text").evaluate("el => el.textContent") == rep.text
    assert page.locator(".text-pane .who").count() == 0

    # Painted: the findings and the claim not checked; the supported claim is plain.
    assert page.locator(".text-pane .ann.v-supported").count() == 0
    assert page.locator(".text-pane .ann.claim.v-contradicted").count() == 1
    assert page.locator(".text-pane .ann.claim.v-unchecked").count() == 1
    assert _labels_in_list(page) == SEVERITY_ORDER

    # Not checked is counted in the summary bar and has its own filter.
    assert page.locator(".summary .unchecked-count").get_attribute("data-unchecked") == "1"
    chip = page.locator('.summary .chip[data-cat="unchecked"]')
    assert chip.locator("b").inner_text() == "1" and chip.get_attribute("aria-pressed") == "true"
    page.screenshot(path=_artifact("web-findings-first.png"))

    # The option to show what is right.
    page.check("#show-supported")
    assert page.locator(".text-pane .ann.claim.v-supported").count() == 1
    assert page.locator('.summary .chip[data-cat="supported"]').get_attribute("aria-pressed") == "true"
    assert _labels_in_list(page) == [*SEVERITY_ORDER, "supported"]
    page.click(".summary .chip[data-cat='supported']")
    assert not page.is_checked("#show-supported")


@pytest.mark.browser
def test_keys_step_through_findings(static_page):
    page = static_page(_findings_report())
    page.keyboard.press("j")
    detail = page.locator(".source-pane .detail")
    assert _position(page) == "1 of 4" and "Claim c1" in detail.inner_text()
    assert "Ortega" in detail.locator(".speaker").inner_text()  # the speaker lives in the card
    page.keyboard.press("n")
    assert _position(page) == "2 of 4" and "Quote q2" in detail.inner_text()
    assert "SMITH" in detail.locator(".source-speaker").inner_text()
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert _position(page) == "4 of 4" and "Claim c3" in detail.inner_text()
    assert "Not checked" in detail.inner_text() and "Spanish" in detail.inner_text()
    page.keyboard.press("j")  # stays on the last
    assert _position(page) == "4 of 4"
    page.keyboard.press("p")
    assert _position(page) == "3 of 4" and "Quote q1" in detail.inner_text()
    page.click(".detail .nav-prev")
    page.keyboard.press("k")
    assert _position(page) == "1 of 4"
    assert page.locator('.text-pane .ann.selected[data-ann="claim:c1"]').count() == 1
    page.keyboard.press("Escape")
    assert detail.locator(".placeholder").is_visible()
    assert page.locator(".text-pane .keys").inner_text().startswith("j/k next/previous finding")


@pytest.mark.browser
def test_evidence_reads_across_wrapped_lines(static_page):
    rep = _findings_report()
    page = static_page(rep)
    page.keyboard.press("j")  # c1: evidence over four wrapped lines of the source
    quoted = page.locator(".source-pane .evidence-list q").first.inner_text()
    assert quoted == "The council voted to raise the fee by five percent, well-known to all."
    # In the source pane the same passage reads as one sentence, at the same offsets.
    source = rep.source_texts["minutes"]
    shown = page.locator(".source-text").evaluate("el => el.textContent")
    assert len(shown) == len(source)
    mark = page.locator(".source-pane mark.hl").evaluate("el => el.textContent")
    ev = rep.claims[0].evidence[0]
    assert len(mark) == ev.end - ev.start and "\n" not in mark
    assert mark.replace("\u200b", "") == quoted
    # Breaks that are not wraps stay: the heading's blank line and each speaker's turn.
    assert "COUNCIL\n\nThe council" in shown and "rise.\nSMITH:" in shown
    page.screenshot(path=_artifact("web-evidence-unwrapped.png"))


@pytest.mark.browser
def test_static_report_opens_offline(browser, letter_report, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(render_html(letter_report), encoding="utf-8")
    context = browser.new_context(
        viewport={"width": 1400, "height": 900}, offline=True, accept_downloads=True
    )
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_selector(".text-pane .ann.claim")
    spanning = [c for c in letter_report.claims if c.end > c.start]
    findings = [c for c in spanning if c.label != "supported" or c.unchecked]
    assert page.locator(".text-pane .ann.claim:not(.cont)").count() == len(findings)
    page.check("#show-supported")
    assert page.locator(".text-pane .ann.claim:not(.cont)").count() == len(spanning)
    assert page.locator(".text-pane .ann.quote:not(.cont)").count() == len(letter_report.quotes)
    count = page.locator(".summary .findings-count").get_attribute("data-findings")
    assert int(count) == letter_report.findings
    page.locator(".text-pane .ann.claim:not(.cont)", has_text=NEEDLE).last.click()
    assert "Trump administration officials" in page.locator(".source-pane .detail").inner_text()
    page.screenshot(path=_artifact("web-static-report.png"))
    with page.expect_download() as dl:  # the JSON comes out of the file itself, offline
        page.click(".summary .dl-json")
    saved = tmp_path / "from-static.json"
    dl.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8")) == json.loads(
        letter_report.to_json(include_texts=True)
    )
    context.close()
    assert not errors, errors
    assert all(u.startswith(("file:", "data:", "blob:", "about:")) for u in requests), requests


@pytest.mark.browser
def test_static_report_of_a_hostile_text_runs_no_injected_script(browser, tmp_path):
    path = tmp_path / "hostile.html"
    path.write_text(render_html(_hostile_report()), encoding="utf-8")
    context = browser.new_context(offline=True)
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_selector(".text-pane .ann.claim")
    assert page.evaluate("window.pwned === undefined")
    assert "</script>" in page.locator(".text-pane").inner_text()
    context.close()
