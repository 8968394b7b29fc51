"""A report as ONE self-contained HTML file: the viewer's CSS and JS inlined, the report embedded.

The file renders exactly like the results view of the app page (``GET /``), because it runs the same
``web/viewer.js`` on the same JSON (``Report.to_dict(include_texts=True)``). It needs no network: a
Content-Security-Policy in the file forbids every fetch, and nothing in it points outside the file.

Used by ``onrecord check --format html`` and by the service's ``POST /v1/render`` (the app's
"Download HTML" button), so there is one source of truth for the HTML report.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

from onrecord.report import Report

# Everything the file may do: inline style and script, data: images. No connections, no frames,
# no form posts, no base-URI tricks.
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)


@cache
def web_asset(name: str) -> str:
    """The text of a file in ``onrecord/web`` (``viewer.css``, ``viewer.js``, ``index.html``)."""
    return resources.files("onrecord").joinpath("web", name).read_text(encoding="utf-8")


def embed_json(data: Any) -> str:
    """JSON safe to place inside ``<script type="application/json">``.

    ``<``, ``>`` and ``&`` become ``\\u003c`` etc., so no ``</script>`` or ``<!--`` in a text can end
    or bend the element; U+2028/U+2029 are escaped for old JS parsers. ``JSON.parse`` undoes all of it.
    """
    s = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (
        s.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _inline(code: str, tag: str) -> str:
    # The shipped assets never contain their own closing tag; refuse rather than emit a broken file.
    if f"</{tag}" in code.lower():
        raise ValueError(f"web asset contains '</{tag}' and cannot be inlined")
    return code


def report_title(data: Mapping[str, Any]) -> str:
    summary = data.get("summary") or {}
    findings = summary.get("findings")
    sources = data.get("sources") or []
    first = sources[0] if sources and isinstance(sources[0], Mapping) else {}
    name = first.get("title") or first.get("id") or "sources"
    head = "onrecord report"
    if isinstance(findings, int):
        head += f": {findings} finding{'' if findings == 1 else 's'}"
    more = f" and {len(sources) - 1} more" if len(sources) > 1 else ""
    return f"{head} against {name}{more}"


def render_html(report: Report | Mapping[str, Any], title: str | None = None) -> str:
    """The report as one self-contained HTML document (a ``str``; write it with UTF-8).

    ``report`` is a :class:`Report` or its JSON dict with texts (``to_dict(include_texts=True)``).
    """
    data = report.to_dict(include_texts=True) if isinstance(report, Report) else dict(report)
    css = _inline(web_asset("viewer.css"), "style")
    js = _inline(web_asset("viewer.js"), "script")
    page_title = html.escape(title or report_title(data))
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="generator" content="onrecord">
<link rel="icon" href="data:,">
<title>{page_title}</title>
<style>
{css}
</style>
</head>
<body class="onrecord static">
<header class="topbar">
  <span class="brand">onrecord</span>
  <span class="tagline">{page_title}</span>
</header>
<div class="wrap">
<main id="onrecord-results" class="results" aria-label="Results"></main>
<noscript><p>This report needs JavaScript to show the text and its sources side by side. The full
report is embedded in this file as JSON (the script element with id "onrecord-report").</p></noscript>
</div>
<script type="application/json" id="onrecord-report">{embed_json(data)}</script>
<script>
{js}
</script>
</body>
</html>
"""
