"""The web page and the static HTML report, driven in a real headless Chromium (Playwright for Python).

Browser tests are marked ``browser`` and skip, saying why, when Chromium or Playwright is missing.
CI installs the browser with: ``apt-get update && apt-get install -y chromium chromium-driver``.
Screenshots land in ``test-artifacts/`` (gitignored).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from onrecord.render.html import embed_json, render_html
from onrecord.report import Attribution, ClaimResult, Evidence, QuoteResult, Report, SourceInfo
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


# --------------------------------------------------------------------------- the browser


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser():
    exe = _chromium()
    if not exe:
        pytest.skip("Chromium is not installed (apt-get install -y chromium chromium-driver)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is not installed (pip install playwright)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def base_url():
    with running_server(create_app()) as url:
        yield url


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    # Console errors include Content-Security-Policy violations and failed loads.
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def _artifact(name: str) -> str:
    ARTIFACTS.mkdir(exist_ok=True)
    return str(ARTIFACTS / name)


def _run_letter_check(page, base_url, letter, article):
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(base_url) else None)
    page.goto(base_url + "/")
    page.locator(".source-box .source-id").first.fill("letter")
    page.locator(".source-box .source-text").first.fill(letter)
    page.fill("#text-input", article)
    # Record whether the progress bar showed while the check ran, however short the check.
    page.evaluate(
        """() => {
        window.__progress = {shown: false};
        const p = document.getElementById("progress");
        new MutationObserver(() => {
            if (!p.hidden) window.__progress.shown = true;
        }).observe(p, {attributes: true});
    }"""
    )
    page.click("#check-btn")
    page.wait_for_selector(".text-pane .ann.claim", timeout=300_000)
    assert page.evaluate("window.__progress.shown"), "no progress was shown while the check ran"
    assert page.locator("#progress").is_hidden()
    assert not outside, f"the page reached outside the app: {outside}"


@pytest.mark.browser
def test_page_checks_the_letter_case(page, base_url, letter, article):
    _run_letter_check(page, base_url, letter, article)

    claim = page.locator(".text-pane .ann.claim:not(.cont)", has_text=NEEDLE).last
    claim.wait_for()
    label = claim.get_attribute("data-label")
    assert label in ("unsupported", "contradicted"), f"the officials' claim is shown as {label}"
    assert "Trump administration officials" in claim.locator(".who").first.inner_text()

    claim.click()
    detail = page.locator(".source-pane .detail")
    assert "Trump administration officials" in detail.locator(".speaker").inner_text()
    highlighted = page.locator(".source-pane mark.hl").first
    highlighted.wait_for(state="visible")
    assert highlighted.is_visible()
    assert page.locator(".text-pane .ann.selected").count() >= 1
    page.wait_for_timeout(900)  # let the smooth scroll settle before the picture
    page.screenshot(path=_artifact("web-letter.png"))

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
def test_page_keyboard_filters_and_downloads(page, base_url, letter, article, tmp_path):
    _run_letter_check(page, base_url, letter, article)

    # Keyboard: claims are focusable and Enter selects one.
    first = page.locator(".text-pane .ann.claim:not(.cont)").first
    first.focus()
    page.keyboard.press("Enter")
    assert page.locator(".source-pane .detail .badge").first.is_visible()
    assert page.locator(".text-pane .ann.selected").count() >= 1

    # Filters: hiding supported claims removes them from the text and the list.
    n_supported = page.locator(".text-pane .ann.claim.v-supported").count()
    chip = page.locator('.summary .chip[data-cat="supported"]')
    chip.click()
    assert chip.get_attribute("aria-pressed") == "false"
    assert page.locator(".text-pane .ann.claim.v-supported").count() == 0
    chip.click()
    assert page.locator(".text-pane .ann.claim.v-supported").count() == n_supported

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
    shown = page.locator(".text-pane .ann.claim:not(.cont)").count()
    assert shown == len([c for c in letter_report.claims if c.end > c.start])
    assert page.locator(".text-pane .ann.quote:not(.cont)").count() == len(letter_report.quotes)
    findings = page.locator(".summary .findings-count").get_attribute("data-findings")
    assert int(findings) == letter_report.findings
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
