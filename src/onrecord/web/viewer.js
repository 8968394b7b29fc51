/* onrecord viewer.
 *
 * One renderer for a report (the JSON contract of docs/report.md, with "text" and each source's "text"),
 * used in two places:
 *   - the app page (GET /): a form that posts to the app's own API, then shows the report;
 *   - the self-contained HTML report (onrecord.render_html): the report is embedded in
 *     <script type="application/json" id="onrecord-report"> and rendered offline.
 * Vanilla JS, no framework, no network except the app's own endpoints. User text is only ever
 * inserted with textContent / text nodes, never as HTML.
 */
(function () {
  "use strict";

  var CLAIM_CATS = [
    ["supported", "Supported"],
    ["contradicted", "Contradicted"],
    ["unsupported", "Unsupported"],
    ["unchecked", "Not checked"],
  ];
  var QUOTE_CATS = [
    ["exact", "Exact"],
    ["altered", "Altered"],
    ["not_found", "Not found"],
    ["misattributed", "Misattributed"],
  ];
  var LABEL_TEXT = {
    supported: "Supported",
    contradicted: "Contradicted",
    unsupported: "Unsupported",
    unchecked: "Not checked",
    exact: "Exact quote",
    altered: "Altered quote",
    not_found: "Quote not found",
    misattributed: "Misattributed",
  };
  var FINDING_CATS = ["contradicted", "unsupported", "altered", "not_found", "misattributed"];
  /* Most serious first: the list's order, and the order j/k step through. */
  var SEVERITY = ["contradicted", "misattributed", "altered", "not_found", "unsupported", "unchecked", "supported", "exact"];
  /* What is right is left plain until asked for: painting every supported sentence hides the findings. */
  var PLAIN_CATS = ["supported", "exact"];
  function severity(cat) { var i = SEVERITY.indexOf(cat); return i < 0 ? SEVERITY.length : i; }

  function claimCat(c) { return c.unchecked ? "unchecked" : c.label; }
  function quoteCat(q) { return q.misattributed ? "misattributed" : q.label; }
  function annKey(kind, id) { return kind + ":" + id; }

  var activeView = null; // the report on screen: the one j/k step through

  var reducedMotion = !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);

  /* ------------------------------------------------------------------ DOM helpers */

  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "class") el.className = Array.isArray(v) ? v.filter(Boolean).join(" ") : v;
        else if (k === "text") el.textContent = v;
        else if (k.slice(0, 2) === "on" && typeof v === "function") el.addEventListener(k.slice(2), v);
        else if (k === "dataset") Object.keys(v).forEach(function (d) { el.dataset[d] = v[d]; });
        else el.setAttribute(k, v === true ? "" : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(el, arguments[i]);
    return el;
  }

  function append(el, kid) {
    if (kid === null || kid === undefined || kid === false) return;
    if (Array.isArray(kid)) { kid.forEach(function (k) { append(el, k); }); return; }
    el.appendChild(typeof kid === "string" || typeof kid === "number" ? document.createTextNode(String(kid)) : kid);
  }

  function fmtScore(s) { return typeof s === "number" && isFinite(s) ? s.toFixed(2) : "–"; }
  function fmtInt(n) { return typeof n === "number" ? n.toLocaleString("en-US") : String(n); }
  function plural(n, one, many) { return n === 1 ? one : many; }
  function clip(s, n) { s = String(s || ""); return s.length > n ? s.slice(0, n - 1) + "…" : s; }

  function download(filename, mime, content) {
    var blob = content instanceof Blob ? content : new Blob([content], { type: mime });
    var url = URL.createObjectURL(blob);
    var a = h("a", { href: url, download: filename, hidden: true });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }

  /* Scroll `el` into view inside `pane` when the pane scrolls by itself (laptop layout), otherwise
     scroll the page (stacked phone layout). */
  function scrollIntoPane(pane, el) {
    var behavior = reducedMotion ? "auto" : "smooth";
    var style = window.getComputedStyle(pane);
    var scrollable = /(auto|scroll)/.test(style.overflowY) && pane.scrollHeight > pane.clientHeight + 1;
    if (!scrollable) { el.scrollIntoView({ block: "center", behavior: behavior }); return; }
    var pr = pane.getBoundingClientRect();
    var er = el.getBoundingClientRect();
    var sticky = pane.querySelector(".detail");
    var offset = sticky ? sticky.getBoundingClientRect().height : 0;
    var room = pane.clientHeight - offset;
    var top = pane.scrollTop + (er.top - pr.top) - offset - Math.max(0, (room - er.height) / 2);
    pane.scrollTo({ top: Math.max(0, top), behavior: behavior });
    if (pr.bottom < 0 || pr.top > window.innerHeight) pane.scrollIntoView({ block: "nearest", behavior: behavior });
  }

  /* ------------------------------------------------------------------ annotated text */

  /* Render `text` into `container` with possibly overlapping spans. Spans that nest become nested
     elements; a span that crosses another is split into parts (every part carries data-ann, only
     the first is focusable). spans: [{start, end, rank, make(first) -> Element}] */
  function annotate(container, text, spans) {
    container.textContent = "";
    var n = text.length;
    var list = spans.filter(function (s) {
      return typeof s.start === "number" && typeof s.end === "number" && s.end > s.start && s.start < n && s.end > 0;
    }).map(function (s) {
      return Object.assign({}, s, { start: Math.max(0, s.start), end: Math.min(n, s.end) });
    });
    list.sort(function (a, b) { return a.start - b.start || b.end - a.end || (a.rank || 0) - (b.rank || 0); });
    var cuts = [0, n];
    list.forEach(function (s) { cuts.push(s.start, s.end); });
    cuts = Array.from(new Set(cuts)).sort(function (a, b) { return a - b; });
    var stack = [{ el: container, span: null }];
    var started = new Set();
    var active = [];
    var next = 0;
    for (var i = 0; i < cuts.length - 1; i++) {
      var a = cuts[i], b = cuts[i + 1];
      while (next < list.length && list[next].start <= a) active.push(list[next++]);
      active = active.filter(function (s) { return s.end > a; });
      var cover = active.filter(function (s) { return s.start <= a && s.end >= b; });
      var k = 1;
      while (k < stack.length && k - 1 < cover.length && stack[k].span === cover[k - 1]) k++;
      stack.length = k;
      for (var j = k - 1; j < cover.length; j++) {
        var s = cover[j];
        var el = s.make(!started.has(s));
        started.add(s);
        stack[stack.length - 1].el.appendChild(el);
        stack.push({ el: el, span: s });
      }
      stack[stack.length - 1].el.appendChild(document.createTextNode(text.slice(a, b)));
    }
  }

  /* Line breaks that only wrap a sentence (a PDF's or a hard-wrapped letter's) read as spaces. The
     result has the same length as `s`, so every offset into it still holds: a wrapped line becomes a
     space, or a zero-width space after a hyphen ("well-\nknown" reads "well-known"). A break after
     a sentence's end, before a list item or a speaker's label ("ORTEGA:"), or a blank line stays. */
  var WRAP = /([\p{L}\p{N},;(\u2013\u2014-])(\r?\n)(?=[ \t]*[\p{L}\p{N}(\u201c"'])(?![ \t]*(?:[\p{Lu}][\p{Lu} .'-]*:|\d+[.)] ))/gu;
  function unwrapLines(s) {
    return String(s || "").replace(WRAP, function (m, before, brk) {
      return before + (before === "-" ? "\u200b" : " ") + (brk.length > 1 ? "\u200b" : "");
    });
  }
  /* Evidence quoted in the detail card: wrapped lines joined, spaces collapsed. */
  function evidenceText(s) { return unwrapLines(s).replace(/\u200b/g, "").replace(/\s+/g, " ").trim(); }

  function diffNode(ops) {
    var out = h("span", { class: "diff" });
    (ops || []).forEach(function (op, i) {
      if (i > 0) out.appendChild(document.createTextNode(" "));
      if (op.op === "equal") append(out, op.text || op.source_text || "");
      else if (op.op === "replace") {
        append(out, h("del", { title: "the source says" }, op.source_text || ""));
        append(out, h("ins", { title: "the text says" }, op.text || ""));
      } else if (op.op === "insert") append(out, h("ins", { title: "only in the text" }, op.text || ""));
      else if (op.op === "delete") append(out, h("del", { title: "only in the source" }, op.source_text || ""));
    });
    return out;
  }

  /* ------------------------------------------------------------------ the report view */

  function ReportView(root, report, opts) {
    this.root = root;
    this.opts = opts || {};
    this.report = report;
    this.text = typeof report.text === "string" ? report.text : "";
    this.sources = Array.isArray(report.sources) ? report.sources : [];
    this.claims = Array.isArray(report.claims) ? report.claims : [];
    this.quotes = Array.isArray(report.quotes) ? report.quotes : [];
    this.visible = new Set(CLAIM_CATS.concat(QUOTE_CATS).map(function (c) { return c[0]; })
      .filter(function (c) { return PLAIN_CATS.indexOf(c) < 0; }));
    this.selected = null;
    var items = [];
    this.claims.forEach(function (c) {
      items.push({ kind: "claim", key: annKey("claim", c.id), cat: claimCat(c), start: c.start, end: c.end, obj: c });
    });
    this.quotes.forEach(function (q) {
      items.push({ kind: "quote", key: annKey("quote", q.id), cat: quoteCat(q), start: q.start, end: q.end, obj: q });
    });
    items.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    this.items = items;
    this.ordered = items.slice().sort(function (a, b) { return severity(a.cat) - severity(b.cat) || a.start - b.start; });
    activeView = this;
    this.byKey = new Map(items.map(function (it) { return [it.key, it]; }));
    this.render();
  }

  ReportView.prototype.counts = function () {
    var counts = {};
    this.items.forEach(function (it) { counts[it.cat] = (counts[it.cat] || 0) + 1; });
    return counts;
  };

  ReportView.prototype.render = function () {
    var self = this;
    var counts = this.counts();
    var findings = FINDING_CATS.reduce(function (n, c) { return n + (counts[c] || 0); }, 0);
    if (this.report.summary && typeof this.report.summary.findings === "number") findings = this.report.summary.findings;

    /* summary bar: counts that double as filters, and the downloads */
    var chips = [];
    function group(label, cats) {
      chips.push(h("span", { class: "group-label" }, label));
      cats.forEach(function (c) {
        var n = counts[c[0]] || 0;
        chips.push(h("button", {
          type: "button", class: ["chip", "cat-" + c[0], n ? "" : "zero"], "aria-pressed": "true",
          dataset: { cat: c[0] }, title: "Show or hide " + c[1].toLowerCase() + (label === "Quotes" ? " quotes" : " claims"),
          onclick: function () { self.toggle(c[0]); },
        }, h("span", { class: "swatch", "aria-hidden": "true" }), c[1] + " ", h("b", null, String(n))));
      });
    }
    group("Claims", CLAIM_CATS);
    group("Quotes", QUOTE_CATS);

    var unchecked = counts.unchecked || 0;
    var actions = [
      h("span", { class: ["findings-count", findings ? "" : "none"], "data-findings": String(findings) },
        findings + " " + plural(findings, "finding", "findings")),
      unchecked ? h("span", { class: "unchecked-count", "data-unchecked": String(unchecked) },
        unchecked + " not checked") : null,
      h("button", { type: "button", class: "linkish", onclick: function () { self.showOnly(null); } }, "Show all"),
      h("button", { type: "button", class: "linkish", onclick: function () { self.showOnly(FINDING_CATS.concat(["unchecked"])); } },
        "Findings only"),
      h("button", { type: "button", class: "dl-json", onclick: function () { self.downloadJSON(); } }, "Download JSON"),
    ];
    if (this.opts.renderUrl) {
      actions.push(h("button", { type: "button", class: "dl-html", onclick: function (ev) { self.downloadHTML(ev.currentTarget); } },
        "Download HTML"));
    }
    this.summaryEl = h("section", { class: "summary", "aria-label": "Summary and filters" },
      h("div", { class: "summary-counts", role: "group", "aria-label": "Filter by verdict" }, chips),
      h("div", { class: "summary-actions" }, actions));

    /* what was not examined, said out loud */
    var notices = h("div", { class: "notices" });
    var notExamined = this.report.not_examined || [];
    var warnings = this.report.warnings || [];
    if (notExamined.length) {
      notices.appendChild(h("div", { class: "notice" }, h("strong", null, "Not examined:"),
        h("ul", null, notExamined.map(function (w) { return h("li", null, String(w)); }))));
    }
    if (warnings.length) {
      notices.appendChild(h("div", { class: "notice" }, h("strong", null, "Warnings:"),
        h("ul", null, warnings.map(function (w) { return h("li", null, String(w)); }))));
    }

    /* the two panes */
    this.textBody = h("div", { class: "pane-body doc text-doc", id: "onrecord-text", tabindex: "-1" });
    this.detailEl = h("div", { class: "detail", "aria-live": "polite" });
    this.docsEl = h("div", { class: "docs" });
    this.sourceBody = h("div", { class: "pane-body source-body" }, this.detailEl, this.docsEl);
    var panes = h("div", { class: "panes" },
      h("section", { class: "pane text-pane", "aria-labelledby": "onrecord-text-h" },
        h("div", { class: "pane-head" }, h("h2", { id: "onrecord-text-h" }, "Text"),
          this.plainToggle = h("input", { type: "checkbox", id: "show-supported",
            onchange: function (ev) { self.showPlain(ev.currentTarget.checked); } }),
          h("label", { for: "show-supported", class: "toggle", title: "Mark the supported claims and exact quotes too" },
            "Show supported text"),
          h("span", { class: "spacer" }),
          h("span", { class: "keys hint" }, h("kbd", null, "j"), "/", h("kbd", null, "k"), " next/previous finding · ",
            h("kbd", null, "Enter"), " on a marked passage · ", h("kbd", null, "Esc"), " close")),
        this.textBody),
      h("section", { class: "pane source-pane", "aria-labelledby": "onrecord-src-h" },
        h("div", { class: "pane-head" }, h("h2", { id: "onrecord-src-h" },
          this.sources.length === 1 ? "Source" : "Sources (" + this.sources.length + ")")),
        this.sourceBody));

    /* every claim and quote as a list (keyboard and small screens) */
    this.listEl = h("ol", { class: "item-list" });
    this.listCount = h("span", { class: "hint" });
    var list = h("section", { class: "items", "aria-labelledby": "onrecord-items-h" },
      h("div", { class: "pane-head" }, h("h2", { id: "onrecord-items-h" }, "Claims and quotes, most serious first"), this.listCount),
      this.listEl);

    var model = this.report.model || {};
    var foot = h("p", { class: "report-foot" },
      "onrecord report (contract version " + (this.report.onrecord || "?") + ")" +
      (model.name ? " · model " + model.name : "") +
      " · " + this.claims.length + " " + plural(this.claims.length, "claim", "claims") +
      ", " + this.quotes.length + " " + plural(this.quotes.length, "quote", "quotes"));

    this.root.textContent = "";
    append(this.root, [this.summaryEl, notices, panes, list, foot]);

    this.textBody.addEventListener("click", function (ev) {
      var el = ev.target.closest ? ev.target.closest("[data-ann]") : null;
      if (el && self.textBody.contains(el)) self.select(el.dataset.ann, "text");
    });
    this.textBody.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter" && ev.key !== " ") return;
      var el = ev.target;
      if (el && el.dataset && el.dataset.ann) {
        ev.preventDefault();
        self.select(el.dataset.ann, "text");
      }
    });

    this.renderText();
    this.renderSources();
    this.renderDetail();
    this.renderList();
  };

  ReportView.prototype.renderText = function () {
    var self = this;
    var spans = [];
    this.items.forEach(function (it) {
      if (!self.visible.has(it.cat)) return;
      var o = it.obj;
      var speaker = it.kind === "claim" ? (o.attribution && o.attribution.speaker) : o.speaker;
      var label = LABEL_TEXT[it.cat] || it.cat;
      spans.push({
        start: it.start, end: it.end, rank: it.kind === "claim" ? 0 : 1,
        make: function (first) {
          var cls = it.kind === "claim"
            ? ["ann", "claim", "v-" + it.cat]
            : ["ann", "quote", "q-" + o.label, o.misattributed ? "misattributed" : ""];
          if (!first) cls.push("cont");
          if (self.selected === it.key) cls.push("selected");
          var el = h("span", {
            class: cls, dataset: { ann: it.key, label: it.cat, kind: it.kind },
            title: label + (speaker ? " · said by " + speaker : "") + (it.kind === "claim" ? " · score " + fmtScore(o.score) : ""),
          });
          if (first) {
            el.setAttribute("tabindex", "0");
            el.setAttribute("role", "button");
            el.setAttribute("aria-label", (it.kind === "claim" ? "Claim, " : "Quote, ") + label +
              (speaker ? ", attributed to " + speaker : "") + ": " + clip(o.text, 160));
          }
          return el;
        },
      });
    });
    annotate(this.textBody, this.text, spans);
  };

  ReportView.prototype.highlightsFor = function (sourceId) {
    var it = this.selected ? this.byKey.get(this.selected) : null;
    if (!it) return [];
    var out = [];
    if (it.kind === "claim") {
      (it.obj.evidence || []).forEach(function (e, i) {
        if (e.source === sourceId) out.push({ start: e.start, end: e.end, cls: "hl-" + it.cat, i: i, title: "evidence · score " + fmtScore(e.score) });
      });
    } else if (it.obj.source === sourceId && typeof it.obj.source_start === "number") {
      out.push({ start: it.obj.source_start, end: it.obj.source_end, cls: "hl-q-" + it.obj.label, i: 0, title: "where the source has this quote" });
    }
    return out;
  };

  ReportView.prototype.renderSources = function () {
    var self = this;
    this.docsEl.textContent = "";
    this.sources.forEach(function (src) {
      var body = h("div", { class: "doc source-text", dataset: { source: src.id } });
      var meta = [src.title && src.title !== src.id ? src.title : null,
        typeof src.chars === "number" ? fmtInt(src.chars) + " characters" : null,
        src.format || null].filter(Boolean).join(" · ");
      var art = h("article", { class: "source-doc", dataset: { source: src.id } },
        h("h3", null, src.id + " ", meta ? h("small", null, meta) : null), body);
      self.docsEl.appendChild(art);
      var spans = [];
      self.quotes.forEach(function (q) {
        if (q.source !== src.id || typeof q.source_start !== "number" || !self.visible.has(quoteCat(q))) return;
        spans.push({ start: q.source_start, end: q.source_end, rank: 0, make: function () {
          return h("span", { class: ["sq", "sq-" + q.label], title: "quoted in the text (" + (LABEL_TEXT[q.label] || q.label) + ")" });
        } });
      });
      self.highlightsFor(src.id).forEach(function (m) {
        spans.push({ start: m.start, end: m.end, rank: 1, make: function (first) {
          return h("mark", { class: ["hl", m.cls, first ? "flash" : ""], dataset: { hl: String(m.i) }, title: m.title });
        } });
      });
      annotate(body, unwrapLines(typeof src.text === "string" ? src.text : ""), spans);
    });
    if (!this.sources.length) this.docsEl.appendChild(h("p", { class: "empty-list" }, "No sources in this report."));
  };

  ReportView.prototype.renderDetail = function () {
    var self = this;
    var d = this.detailEl;
    d.textContent = "";
    var it = this.selected ? this.byKey.get(this.selected) : null;
    if (!it) {
      d.appendChild(h("p", { class: "placeholder" },
        "Select a claim or quote in the text to see who said it and the evidence for it here."));
      return;
    }
    var o = it.obj;
    var head = h("div", { class: "detail-head" },
      h("span", { class: ["badge", "cat-" + (it.kind === "quote" ? o.label : it.cat)] }, LABEL_TEXT[it.kind === "quote" ? o.label : it.cat]),
      it.kind === "quote" && o.misattributed ? h("span", { class: "badge cat-misattributed" }, "Misattributed") : null,
      h("span", null, (it.kind === "claim" ? "Claim " : "Quote ") + o.id),
      it.kind === "claim" ? h("span", { class: "score" }, "score " + fmtScore(o.score)) : null,
      it.kind === "quote" && typeof o.similarity === "number" ? h("span", { class: "score" }, "similarity " + fmtScore(o.similarity)) : null,
      h("span", { class: "spacer" }),
      this.navButtons(it.key),
      h("button", { type: "button", class: "linkish", onclick: function () { self.showInText(it.key); } }, "Show in text"),
      h("button", { type: "button", class: "linkish", "aria-label": "Clear selection", onclick: function () { self.select(null); } }, "Close"));
    d.appendChild(head);
    d.appendChild(h("blockquote", { class: "detail-text" }, o.text || ""));

    if (it.kind === "claim") {
      var at = o.attribution;
      if (at && (at.speaker || at.cue)) {
        d.appendChild(h("p", { class: "who-line" }, h("span", { class: "k" }, "Who says so: "),
          h("strong", { class: "speaker" }, at.speaker || "(unnamed)"),
          at.cue ? h("span", { class: "cue" }, " — cue “" + at.cue + "”") : null));
      } else {
        d.appendChild(h("p", { class: "who-line" }, h("span", { class: "k" }, "Who says so: "), "the text itself (no attribution)"));
      }
      if (o.unchecked) d.appendChild(h("p", null, h("span", { class: "k" }, "Not checked: "), o.unchecked));
      if (o.reason) d.appendChild(h("p", null, h("span", { class: "k" }, "Why: "), o.reason));
      if (o.probabilities) {
        var p = o.probabilities;
        d.appendChild(h("p", { class: "probs" }, Object.keys(p).map(function (k) { return k + " " + fmtScore(p[k]); }).join(" · ")));
      }
      var ev = o.evidence || [];
      if (o.kind === "document") d.appendChild(h("p", { class: "k" }, "A claim about what the source says, judged on the whole source."));
      var title = it.cat === "supported" ? "Supporting evidence" : it.cat === "contradicted" ? "Evidence examined"
        : "Closest passages (they do not support it)";
      d.appendChild(h("h4", null, title));
      if (!ev.length) {
        d.appendChild(h("p", { class: "none" }, "No passage in the sources bears on this claim."));
      } else {
        d.appendChild(h("ol", { class: "evidence-list" }, ev.map(function (e, i) {
          var where = [e.source, typeof e.page === "number" ? "page " + e.page : null,
            typeof e.line === "number" ? "line " + e.line : null, "score " + fmtScore(e.score)].filter(Boolean).join(" · ");
          return h("li", null,
            h("button", { type: "button", onclick: function () { self.scrollToHighlight(e.source, i); } }, where),
            h("q", null, clip(evidenceText(e.text), 600)));
        })));
      }
    } else {
      d.appendChild(h("p", { class: "who-line" }, h("span", { class: "k" }, "The text attributes it to: "),
        h("strong", { class: "speaker" }, o.speaker || "(nobody named)"), o.cue ? " — cue “" + o.cue + "”" : ""));
      if (o.source) {
        d.appendChild(h("p", null, h("span", { class: "k" }, "In the source, it is said by: "),
          h("strong", { class: "source-speaker" }, o.source_speaker || "(not stated)")));
      }
      if (o.misattributed) {
        d.appendChild(h("p", { class: "warn" }, "The text gives these words to " + (o.speaker || "someone") +
          "; the source has them from " + (o.source_speaker || "someone else") + "."));
      }
      if (o.unchecked) d.appendChild(h("p", null, h("span", { class: "k" }, "Not checked: "), o.unchecked));
      if (o.label === "not_found") {
        d.appendChild(h("p", { class: "none" }, "These words are not in any source."));
      } else if (o.source) {
        d.appendChild(h("p", null, h("span", { class: "k" }, "Found in: "), o.source +
          (typeof o.source_start === "number" ? " (characters " + fmtInt(o.source_start) + "–" + fmtInt(o.source_end) + ")" : ""),
          " ", h("button", { type: "button", class: "linkish", onclick: function () { self.scrollToHighlight(o.source, 0); } }, "show")));
      }
      if (o.label === "altered" && (o.diff || []).length) {
        d.appendChild(h("h4", null, "What changed"));
        d.appendChild(diffNode(o.diff));
        d.appendChild(h("p", { class: "diff-legend" }, "struck through: the source's words · underlined: the text's words"));
      }
    }
  };

  ReportView.prototype.renderList = function () {
    var self = this;
    this.listEl.textContent = "";
    var shown = 0;
    this.ordered.forEach(function (it) {
      if (!self.visible.has(it.cat)) return;
      shown++;
      var o = it.obj;
      var speaker = it.kind === "claim" ? (o.attribution && o.attribution.speaker) : o.speaker;
      var cue = it.kind === "claim" ? (o.attribution && o.attribution.cue) : o.cue;
      var badgeCat = it.kind === "quote" ? o.label : it.cat;
      var body = h("span", { class: "body" },
        speaker ? h("span", { class: "speaker" }, (it.kind === "claim" ? "Said by " : "Attributed to ") + speaker +
          (o.misattributed && o.source_speaker ? " · the source has " + o.source_speaker : "")) : null,
        it.kind === "quote" ? "“" + clip(o.text, 300) + "”" : clip(o.text, 300),
        it.kind === "quote" && o.label === "altered" && (o.diff || []).length ? diffNode(o.diff) : null);
      var meta = h("span", { class: "meta" },
        it.kind === "quote" && o.misattributed ? h("span", { class: "badge cat-misattributed" }, "Misattributed") : null,
        h("span", { class: ["badge", "cat-" + badgeCat] }, LABEL_TEXT[badgeCat]),
        h("small", null, it.kind === "claim" ? "claim · score " + fmtScore(o.score) : "quote" + (o.source ? " · " + o.source : "")));
      self.listEl.appendChild(h("li", null, h("button", {
        type: "button", class: ["item-row", self.selected === it.key ? "selected" : ""], dataset: { ann: it.key, label: it.cat },
        onclick: function () { self.select(it.key, "list"); },
      }, meta, body)));
    });
    if (!shown) this.listEl.appendChild(h("li", null, h("p", { class: "empty-list" }, "Nothing to show with these filters.")));
    this.listCount.textContent = shown + " of " + this.items.length + " shown";
  };

  ReportView.prototype.select = function (key, from) {
    this.selected = key && this.byKey.has(key) ? key : null;
    var sel = this.selected;
    [this.textBody, this.listEl].forEach(function (root) {
      root.querySelectorAll(".selected").forEach(function (e) { e.classList.remove("selected"); });
      if (sel) root.querySelectorAll('[data-ann="' + CSS.escape(sel) + '"]').forEach(function (e) { e.classList.add("selected"); });
    });
    this.renderSources();
    this.renderDetail();
    if (!sel) return;
    var hl = this.docsEl.querySelector("mark.hl");
    if (from === "list") this.showInText(sel, true);
    if (from === "nav") {
      this.showInText(sel);
      var row = this.listEl.querySelector('[data-ann="' + CSS.escape(sel) + '"]');
      if (row && !this.textBody.querySelector('[data-ann="' + CSS.escape(sel) + '"]')) row.focus();
    }
    scrollIntoPane(this.sourceBody, hl || this.detailEl);
  };

  ReportView.prototype.showInText = function (key, paneOnly) {
    var el = this.textBody.querySelector('[data-ann="' + CSS.escape(key) + '"]:not(.cont)');
    if (!el) return;
    if (paneOnly) {
      var style = window.getComputedStyle(this.textBody);
      if (!/(auto|scroll)/.test(style.overflowY) || this.textBody.scrollHeight <= this.textBody.clientHeight + 1) return;
    }
    scrollIntoPane(this.textBody, el);
    if (!paneOnly) el.focus({ preventScroll: true });
  };

  ReportView.prototype.scrollToHighlight = function (sourceId, i) {
    var el = this.docsEl.querySelector('.source-text[data-source="' + CSS.escape(sourceId) + '"] mark.hl[data-hl="' + i + '"]');
    if (!el) return;
    el.classList.remove("flash");
    void el.offsetWidth; // restart the animation
    el.classList.add("flash");
    scrollIntoPane(this.sourceBody, el);
  };

  /* The items shown (filters applied), most serious first: what the list shows and j/k visit. */
  ReportView.prototype.shownItems = function () {
    var vis = this.visible;
    return this.ordered.filter(function (it) { return vis.has(it.cat); });
  };

  ReportView.prototype.navButtons = function (key) {
    var self = this;
    var shown = this.shownItems();
    var i = shown.findIndex(function (it) { return it.key === key; });
    if (i < 0) return null;
    return h("span", { class: "nav" },
      h("button", { type: "button", class: "nav-prev", "aria-label": "Previous (k)", title: "Previous (k or p)",
        disabled: i === 0, onclick: function () { self.step(-1); } }, "‹"),
      h("span", { class: "position" }, (i + 1) + " of " + shown.length),
      h("button", { type: "button", class: "nav-next", "aria-label": "Next (j)", title: "Next (j or n)",
        disabled: i === shown.length - 1, onclick: function () { self.step(1); } }, "›"));
  };

  /* Select the next (+1) or previous (-1) item shown, from the selection or from the start. */
  ReportView.prototype.step = function (delta) {
    var shown = this.shownItems();
    if (!shown.length) return;
    var i = shown.findIndex(function (it) { return it.key === this.selected; }, this);
    var j = i < 0 ? (delta > 0 ? 0 : shown.length - 1) : Math.min(shown.length - 1, Math.max(0, i + delta));
    this.select(shown[j].key, "nav");
  };

  ReportView.prototype.syncFilters = function () {
    var vis = this.visible;
    this.summaryEl.querySelectorAll(".chip").forEach(function (b) { b.setAttribute("aria-pressed", String(vis.has(b.dataset.cat))); });
    this.plainToggle.checked = PLAIN_CATS.every(function (c) { return vis.has(c); });
  };

  ReportView.prototype.toggle = function (cat) {
    if (this.visible.has(cat)) this.visible.delete(cat); else this.visible.add(cat);
    this.syncFilters();
    this.refilter();
  };

  ReportView.prototype.showPlain = function (on) {
    var vis = this.visible;
    PLAIN_CATS.forEach(function (c) { if (on) vis.add(c); else vis.delete(c); });
    this.syncFilters();
    this.refilter();
  };

  ReportView.prototype.showOnly = function (cats) {
    var all = CLAIM_CATS.concat(QUOTE_CATS).map(function (c) { return c[0]; });
    this.visible = new Set(cats || all);
    this.syncFilters();
    this.refilter();
  };

  ReportView.prototype.refilter = function () {
    var it = this.selected ? this.byKey.get(this.selected) : null;
    if (it && !this.visible.has(it.cat)) this.selected = null;
    this.renderText();
    this.renderSources();
    this.renderDetail();
    this.renderList();
  };

  ReportView.prototype.downloadJSON = function () {
    download("onrecord-report.json", "application/json", JSON.stringify(this.report, null, 2) + "\n");
  };

  ReportView.prototype.downloadHTML = function (btn) {
    var self = this;
    var old = btn ? btn.textContent : "";
    if (btn) { btn.disabled = true; btn.textContent = "Preparing…"; }
    fetch(this.opts.renderUrl, {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(this.report),
    }).then(function (resp) {
      if (!resp.ok) return errorMessage(resp).then(function (m) { throw new Error(m); });
      return resp.blob();
    }).then(function (blob) {
      download("onrecord-report.html", "text/html", blob);
    }).catch(function (err) {
      if (self.opts.onError) self.opts.onError("Could not build the HTML report: " + err.message);
    }).finally(function () {
      if (btn) { btn.disabled = false; btn.textContent = old; }
    });
  };

  function errorMessage(resp) {
    return resp.text().then(function (body) {
      try {
        var j = JSON.parse(body);
        if (j && j.error && j.error.message) return j.error.message + " (HTTP " + resp.status + ")";
      } catch (e) { /* not JSON */ }
      return "HTTP " + resp.status + (body ? ": " + clip(body, 200) : "");
    });
  }

  /* ------------------------------------------------------------------ the app page */

  var ACCEPT = ".txt,.md,.markdown,.html,.htm,.pdf,.docx";
  var PROGRESS_POLL_MS = 300; // often enough that a count shows on a check of a few seconds

  function App(doc) {
    this.form = doc.getElementById("check-form");
    this.sourceList = doc.getElementById("source-list");
    this.textInput = doc.getElementById("text-input");
    this.textFile = doc.getElementById("text-file");
    this.textFileName = doc.getElementById("text-file-name");
    this.button = doc.getElementById("check-btn");
    this.progress = doc.getElementById("progress");
    this.elapsed = doc.getElementById("elapsed");
    this.progressNote = doc.getElementById("progress-note");
    this.cancelBtn = doc.getElementById("cancel-btn");
    this.errorBox = doc.getElementById("error");
    this.status = doc.getElementById("status");
    this.results = doc.getElementById("onrecord-results");
    this.inputsPanel = doc.getElementById("inputs-panel");
    this.limits = null;
    this.counter = 0;
    var self = this;
    doc.getElementById("add-source").addEventListener("click", function () {
      var box = self.addSource();
      box.querySelector("textarea").focus();
    });
    this.textFile.addEventListener("change", function () { self.syncTextFile(); });
    doc.getElementById("text-file-clear").addEventListener("click", function () {
      self.textFile.value = "";
      self.syncTextFile();
    });
    this.form.addEventListener("submit", function (ev) { ev.preventDefault(); self.submit(); });
    this.cancelBtn.addEventListener("click", function () { if (self.abort) self.abort.abort(); });
    this.addSource();
    this.health();
  }

  App.prototype.health = function () {
    var self = this;
    fetch("healthz").then(function (r) { return r.json(); }).then(function (j) {
      self.limits = j.limits || null;
      self.status.textContent = j.model_loaded ? "Model ready." : "The model loads on the first check (a few seconds).";
    }).catch(function () { self.status.textContent = "The service is not answering."; });
  };

  App.prototype.addSource = function () {
    var self = this;
    this.counter++;
    var defaultId = "source" + this.counter;
    var idInput = h("input", { type: "text", class: "source-id", value: defaultId, spellcheck: "false", autocomplete: "off",
      "aria-label": "Source id", title: "The name this source has in the report" });
    var text = h("textarea", { class: "source-text", rows: "8", placeholder: "Paste the source: a letter, a transcript, a statement…" });
    var file = h("input", { type: "file", class: "source-file", accept: ACCEPT });
    var fileName = h("span", { class: "file-name" });
    var clear = h("button", { type: "button", class: "linkish clear-file", hidden: true }, "Remove file");
    var remove = h("button", { type: "button", class: "linkish remove-source" }, "Remove source");
    var legend = h("legend", null, "Source");
    var box = h("fieldset", { class: "source-box" }, legend,
      h("div", { class: "row" }, h("label", null, "Id ", idInput), h("span", { class: "spacer" }), remove),
      text,
      h("div", { class: "file-row" }, h("label", null, h("span", null, "or upload: "), file), fileName, clear));
    idInput.addEventListener("input", function () { box.dataset.idEdited = "1"; });
    file.addEventListener("change", function () {
      var f = file.files && file.files[0];
      if (f) {
        if (!box.dataset.idEdited || !idInput.value.trim()) idInput.value = f.name.replace(/\.[^.]*$/, "") || idInput.value;
        fileName.textContent = f.name + " (" + fmtInt(f.size) + " bytes)";
        text.disabled = true;
        text.placeholder = "The source will be read from " + f.name;
        clear.hidden = false;
      } else {
        fileName.textContent = "";
        text.disabled = false;
        text.placeholder = "Paste the source: a letter, a transcript, a statement…";
        clear.hidden = true;
      }
    });
    clear.addEventListener("click", function () { file.value = ""; file.dispatchEvent(new Event("change")); });
    remove.addEventListener("click", function () {
      box.remove();
      self.renumber();
    });
    ["dragover", "drop"].forEach(function (type) {
      box.addEventListener(type, function (ev) {
        if (!ev.dataTransfer || !ev.dataTransfer.types || Array.prototype.indexOf.call(ev.dataTransfer.types, "Files") < 0) return;
        ev.preventDefault();
        if (type === "drop" && ev.dataTransfer.files.length) {
          file.files = ev.dataTransfer.files;
          file.dispatchEvent(new Event("change"));
        }
      });
    });
    this.sourceList.appendChild(box);
    this.renumber();
    return box;
  };

  App.prototype.renumber = function () {
    var boxes = this.sourceList.querySelectorAll(".source-box");
    boxes.forEach(function (b, i) {
      b.querySelector("legend").textContent = "Source " + (i + 1);
      b.querySelector(".source-text").setAttribute("aria-label", "Source " + (i + 1) + " text");
      b.querySelector(".remove-source").hidden = boxes.length < 2;
    });
  };

  App.prototype.syncTextFile = function () {
    var f = this.textFile.files && this.textFile.files[0];
    this.textInput.disabled = !!f;
    this.textFileName.textContent = f ? f.name + " (" + fmtInt(f.size) + " bytes)" : "";
    document.getElementById("text-file-clear").hidden = !f;
  };

  App.prototype.showError = function (msg) {
    this.errorBox.textContent = msg;
    this.errorBox.hidden = !msg;
  };

  App.prototype.collect = function () {
    var sources = [];
    var ids = new Set();
    var boxes = this.sourceList.querySelectorAll(".source-box");
    for (var i = 0; i < boxes.length; i++) {
      var b = boxes[i];
      var id = b.querySelector(".source-id").value.trim() || "source" + (i + 1);
      var f = b.querySelector(".source-file").files[0] || null;
      var t = b.querySelector(".source-text").value;
      if (!f && !t.trim()) continue;
      if (/[\\/]/.test(id)) throw new Error("A source id cannot contain / or \\ (source " + (i + 1) + ").");
      if (ids.has(id)) throw new Error("Two sources have the id “" + id + "”; give each its own id.");
      ids.add(id);
      sources.push({ id: id, file: f, text: t });
    }
    if (!sources.length) throw new Error("Add at least one source: paste it or upload a file.");
    var textFile = this.textFile.files[0] || null;
    var text = this.textInput.value;
    if (!textFile && !text.trim()) throw new Error("Paste or upload the text to check.");
    return { sources: sources, text: text, textFile: textFile };
  };

  App.prototype.buildRequest = function (input) {
    var anyFile = !!input.textFile || input.sources.some(function (s) { return s.file; });
    var size = 0;
    var req;
    if (!anyFile) {
      var body = JSON.stringify({ text: input.text, sources: input.sources.map(function (s) { return { id: s.id, text: s.text }; }) });
      size = new Blob([body]).size;
      req = { method: "POST", headers: { "Content-Type": "application/json" }, body: body };
    } else {
      /* Files go as multipart; the server names each source by its file name's stem, so a pasted
         source travels as "<id>.txt" and an uploaded one is renamed to "<id><extension>". */
      var fd = new FormData();
      if (input.textFile) { fd.append("text_file", input.textFile, input.textFile.name); size += input.textFile.size; }
      else { fd.append("text", input.text); size += new Blob([input.text]).size; }
      input.sources.forEach(function (s) {
        if (s.file) {
          var m = /\.[^.]*$/.exec(s.file.name);
          fd.append("sources", s.file, s.id + (m ? m[0] : ".txt"));
          size += s.file.size;
        } else {
          var blob = new Blob([s.text], { type: "text/plain;charset=utf-8" });
          fd.append("sources", blob, s.id + ".txt");
          size += blob.size;
        }
      });
      req = { method: "POST", body: fd };
    }
    var max = this.limits && this.limits.max_request_bytes;
    if (max && size > max) {
      throw new Error("This request is " + fmtInt(size) + " bytes; the service accepts at most " + fmtInt(max) + " bytes per check.");
    }
    return req;
  };

  App.prototype.submit = function () {
    var self = this;
    if (this.abort) return;
    this.showError("");
    var req;
    try { req = this.buildRequest(this.collect()); } catch (e) { this.showError(e.message); return; }
    this.abort = new AbortController();
    req.signal = this.abort.signal;
    /* The service reports how far the check has got under this id (GET v1/progress/<id>). */
    var pid = "p" + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
    req.headers = Object.assign({}, req.headers || {}, { "X-Onrecord-Progress": pid });
    var t0 = performance.now();
    var budget = this.limits && this.limits.time_budget_s;
    this.button.disabled = true;
    this.button.textContent = "Checking…";
    this.progress.hidden = false;
    this.progressNote.textContent = "Reading the sources and checking each claim…";
    this.status.textContent = "Checking…";
    var counted = false;
    this.setProgress(null);
    var tick = function () {
      var s = (performance.now() - t0) / 1000;
      self.elapsed.textContent = s.toFixed(1) + " s";
      if (s > 15 && !counted) {
        self.progressNote.textContent = "Still working: long texts and many sources take longer" +
          (budget ? " (the service stops after " + Math.round(budget) + " s)." : ".");
      }
    };
    tick();
    var timer = setInterval(tick, 100);
    var polling = true;
    var poll = function () {
      if (!polling) return;
      fetch("v1/progress/" + pid).then(function (r) { return r.ok ? r.json() : null; }).then(function (p) {
        if (!polling || !p || !p.stage) return;
        counted = p.stage === "claims" && p.total > 0;
        self.setProgress(p);
      }).catch(function () { /* the check's own request reports failures */ }).finally(function () {
        if (polling) setTimeout(poll, PROGRESS_POLL_MS);
      });
    };
    poll();
    fetch("v1/check", req).then(function (resp) {
      if (!resp.ok) return errorMessage(resp).then(function (m) { throw new Error(m); });
      return resp.json();
    }).then(function (report) {
      var secs = ((performance.now() - t0) / 1000).toFixed(1);
      self.status.textContent = "Checked in " + secs + " s.";
      self.show(report);
    }).catch(function (err) {
      if (err && err.name === "AbortError") self.showError("Check cancelled.");
      else self.showError("The check failed: " + (err && err.message ? err.message : String(err)));
    }).finally(function () {
      polling = false;
      clearInterval(timer);
      self.abort = null;
      self.button.disabled = false;
      self.button.textContent = "Check";
      self.progress.hidden = true;
    });
  };

  /* "Checking claim 12 of 38" and a bar that fills, from the service's report of the check's stage.
     The claims are judged in one batch before each gets its verdict, so "0 done" reads as the
     number of claims being checked, with the bar still sweeping. */
  App.prototype.setProgress = function (p) {
    var bar = this.progress.querySelector(".bar");
    var claims = !!(p && p.stage === "claims" && p.total > 0);
    var filling = claims && p.done > 0;
    bar.classList.toggle("determinate", filling);
    if (!filling) {
      bar.removeAttribute("aria-valuenow");
      bar.style.removeProperty("--done");
    }
    if (p && p.stage === "quotes") this.progressNote.textContent = "Finding the quotations…";
    if (!claims) return;
    if (!filling) {
      this.progressNote.textContent = "Checking " + p.total + " " + plural(p.total, "claim", "claims") + "…";
      return;
    }
    bar.setAttribute("aria-valuemin", "0");
    bar.setAttribute("aria-valuemax", String(p.total));
    bar.setAttribute("aria-valuenow", String(p.done));
    bar.style.setProperty("--done", (100 * p.done / p.total).toFixed(1) + "%");
    this.progressNote.textContent = "Checking claim " + p.done + " of " + p.total;
  };

  App.prototype.show = function (report) {
    var self = this;
    this.view = new ReportView(this.results, report, {
      renderUrl: "v1/render",
      onError: function (m) { self.showError(m); },
    });
    if (this.inputsPanel) this.inputsPanel.open = false;
    this.results.scrollIntoView({ block: "start", behavior: reducedMotion ? "auto" : "smooth" });
    this.results.setAttribute("tabindex", "-1");
    this.results.focus({ preventScroll: true });
  };

  /* ------------------------------------------------------------------ start */

  function start() {
    var embedded = document.getElementById("onrecord-report");
    var root = document.getElementById("onrecord-results");
    if (embedded && root) {
      var report;
      try {
        report = JSON.parse(embedded.textContent);
      } catch (e) {
        root.textContent = "This report's data could not be read: " + e.message;
        return;
      }
      window.onrecordView = new ReportView(root, report, {});
      return;
    }
    if (document.getElementById("check-form")) window.onrecordApp = new App(document);
  }

  /* j / n: next finding, k / p: previous, Esc: close the detail. Not while typing in a field. */
  function onKey(ev) {
    if (!activeView || ev.defaultPrevented || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var k = ev.key;
    if (k === "j" || k === "n") activeView.step(1);
    else if (k === "k" || k === "p") activeView.step(-1);
    else if (k === "Escape" && activeView.selected) activeView.select(null);
    else return;
    ev.preventDefault();
  }
  document.addEventListener("keydown", onKey);

  window.OnRecordViewer = { ReportView: ReportView, annotate: annotate, unwrapLines: unwrapLines };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
