// The paste-an-email page: send the text to POST /v1/tag and draw the result.
// Every piece of text goes into the page with textContent (never innerHTML), so a note cannot inject markup.
"use strict";

(function () {
  const LABELS = ["BODY_REGION", "STRUCTURE", "CONDITION", "SYMPTOM", "ACTIVITY", "FOOTWEAR"];
  const LABEL_NAMES = {
    BODY_REGION: "body region", STRUCTURE: "structure", CONDITION: "condition",
    SYMPTOM: "symptom", ACTIVITY: "activity", FOOTWEAR: "footwear",
  };
  const SIDE = { right: "R", left: "L", bilateral: "R+L" };
  const FLAGS = ["negated", "historical", "hypothetical", "other_subject"];
  const FLAG_NAMES = { negated: "negated", historical: "in the past", hypothetical: "hypothetical", other_subject: "someone else" };

  const $ = (id) => document.getElementById(id);
  const state = { file: null, result: null, selected: null, busy: false };

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("data-") || key.startsWith("aria-") || key === "role" || key === "tabindex" || key === "title" || key === "type") node.setAttribute(key, value);
      else node[key] = value;
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const pct = (x) => `${(Math.max(0, Math.min(1, x)) * 100).toFixed(1)}%`;
  const human = (label) => label.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase());
  const kb = (n) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`);

  // -- talking to the API ---------------------------------------------------------------------
  function authHeaders() {
    const key = $("api-key").value.trim();
    return key ? { Authorization: `Bearer ${key}` } : {};
  }

  async function describeError(response) {
    let body = null;
    try { body = await response.json(); } catch (_) { /* not JSON */ }
    const err = (body && body.error) || {};
    const prefix = {
      401: "An API key is needed", 413: "Too long", 415: "Unsupported input", 422: "This text cannot be tagged",
      503: "The service is still starting",
    }[response.status] || (response.status >= 500 ? "The server failed" : "The request was refused");
    return {
      title: prefix,
      message: err.message || `${response.status} ${response.statusText}`,
      code: err.code || `HTTP ${response.status}`,
      fields: err.fields || [],
      status: response.status,
    };
  }

  async function loadModelInfo() {
    const info = $("model-info");
    try {
      const response = await fetch("/v1/model", { headers: authHeaders() });
      if (response.status === 401) { info.textContent = "API key needed"; $("apikey-row").hidden = false; return; }
      if (!response.ok) { info.textContent = (await describeError(response)).message; info.classList.add("bad"); return; }
      const card = await response.json();
      let predicted = 0;
      const labels = await fetch("/v1/labels", { headers: authHeaders() });
      if (labels.ok) predicted = (await labels.json()).labels.filter((l) => l.in_model).length;
      const what = predicted ? `${predicted} hypothesis labels` : "rules only, no hypotheses";
      info.textContent = `model ${card.name || "?"} ${card.version || ""} · ${what}`;
      info.classList.remove("bad");
    } catch (_) {
      info.textContent = "the tagging service is not reachable";
      info.classList.add("bad");
    }
  }

  async function tag() {
    if (state.busy) return;
    hideError();
    const text = $("text").value;
    if (!state.file && !text.trim()) {
      showError({ title: "Nothing to tag", message: "Paste an email or a note into the box, or drop an .eml file onto it.", code: "", fields: [] });
      return;
    }
    const headers = authHeaders();
    let body;
    if (state.file) {
      headers["Content-Type"] = "message/rfc822";
      body = state.file.data;
    } else {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify({ text, options: { clean: $("opt-clean").checked, include_text: true } });
    }
    setBusy(true);
    const started = performance.now();
    try {
      const response = await fetch("/v1/tag", { method: "POST", headers, body });
      if (!response.ok) {
        const err = await describeError(response);
        if (err.status === 401) $("apikey-row").hidden = false;
        showError(err);
        return;
      }
      const result = await response.json();
      const ms = Math.round(performance.now() - started);
      render(result);
      const panel = document.querySelector(".result-panel");
      if (panel.getBoundingClientRect().top > window.innerHeight * 0.6) panel.scrollIntoView({ behavior: "smooth", block: "start" });
      $("status").textContent = `Tagged in ${ms} ms · ${result.entities.length} entities · ${result.hypotheses.length} hypotheses`;
      if (!$("apikey-row").hidden && $("api-key").value) loadModelInfo();
    } catch (_) {
      showError({ title: "No answer", message: "The tagging service could not be reached. Is it still running?", code: "", fields: [] });
    } finally {
      setBusy(false);
    }
  }

  function setBusy(busy) {
    state.busy = busy;
    $("tag-btn").disabled = busy;
    if (busy) $("status").textContent = "Tagging…";
  }

  function showError(err) {
    const box = $("error");
    box.replaceChildren(
      el("strong", { text: err.title }),
      el("span", { text: err.message }),
      err.code ? el("span", {}, " ", el("code", { text: `(${err.code})` })) : null,
    );
    if (err.fields && err.fields.length) {
      box.append(el("ul", {}, ...err.fields.map((f) => el("li", { text: `${f.field}: ${f.message}` }))));
    }
    box.hidden = false;
    $("status").textContent = "";
  }

  function hideError() { $("error").hidden = true; }

  // -- files ----------------------------------------------------------------------------------
  async function takeFile(file) {
    hideError();
    const name = file.name || "upload";
    const isEml = /\.eml$/i.test(name) || file.type === "message/rfc822";
    const isText = /\.(txt|text)$/i.test(name) || file.type === "text/plain";
    if (isEml) {
      state.file = { name, data: await file.arrayBuffer() };
      $("file-name").textContent = `${name} (${kb(file.size)}): tagged as an email`;
      $("file-chip").hidden = false;
      $("text").value = "";
      $("text").placeholder = "The .eml file will be tagged. Remove it to paste text instead.";
    } else if (isText) {
      clearFile();
      $("text").value = await file.text();
    } else {
      showError({ title: "Unsupported file", message: `"${name}" is not an .eml or .txt file. Drop an email saved as .eml, or a plain-text note.`, code: "", fields: [] });
    }
  }

  function clearFile() {
    state.file = null;
    $("file-chip").hidden = true;
    $("file-input").value = "";
    $("text").placeholder = "Paste a patient's email or a case note here, or drop an .eml file onto this box.";
  }

  // -- drawing the result ---------------------------------------------------------------------
  function render(result) {
    state.result = result;
    state.selected = null;
    renderSummary(result);
    renderLegend(result);
    renderNotes(result);
    renderText(result);
    renderHypotheses(result);
  }

  function renderSummary(result) {
    const negated = result.entities.filter((e) => e.negated).length;
    const passing = result.hypotheses.filter((h) => h.passes).length;
    const pills = [
      el("span", { class: "pill strong", text: `${result.entities.length} entities` }),
      negated ? el("span", { class: "pill", text: `${negated} negated` }) : null,
      result.hypotheses.length ? el("span", { class: "pill strong", text: `${passing} of ${result.hypotheses.length} hypotheses above threshold` }) : null,
      result.time_expressions.length ? el("span", { class: "pill", text: `${result.time_expressions.length} time expressions` }) : null,
    ];
    $("summary").replaceChildren(...pills.filter(Boolean));
  }

  function renderLegend(result) {
    const counts = {};
    for (const e of result.entities) counts[e.label] = (counts[e.label] || 0) + 1;
    const keys = LABELS.map((label) => el("span", { class: "key", "data-label": label },
      el("span", { class: "swatch" }), LABEL_NAMES[label], el("span", { class: "count", text: `(${counts[label] || 0})` })));
    $("legend").replaceChildren(
      ...keys,
      el("span", { class: "sep" }),
      el("span", { class: "key" }, el("span", { class: "struck", text: "struck" }), " negated"),
      el("span", { class: "key" }, el("span", { class: "dotted", text: "dotted" }), " hypothetical / past / someone else"),
      el("span", { class: "key" }, el("span", { class: "badge side", text: "R" }), " side"),
      el("span", { class: "key" }, el("span", { class: "qty", text: "4.5 MPH" }), " dose or time"),
    );
  }

  function renderNotes(result) {
    const notes = [];
    const c = result.cleaning;
    const removed = Object.entries(c.removed || {}).filter(([, n]) => n > 0);
    if (c.source === "cleaned" || c.source === "decoded") {
      const what = removed.map(([reason, n]) => `${n} ${reason}`).join(", ");
      const how = c.source === "decoded" ? "Decoded from an email message" : "Email furniture removed";
      const lines = removed.length ? `: ${what} line${removed.reduce((s, [, n]) => s + n, 0) === 1 ? "" : "s"}` : "";
      notes.push(el("div", { class: "note", text: `${how}${lines}. ${c.messages > 1 ? `${c.messages} messages kept. ` : ""}The text below is what was tagged.` }));
    }
    for (const warning of result.warnings || []) notes.push(el("div", { class: "note warn", text: warning }));
    $("notes").replaceChildren(...notes);
  }

  function renderText(result) {
    const text = result.text || "";
    const box = $("tagged");
    if (!text) {
      box.replaceChildren(el("p", { class: "empty", text: "The response carried no text to show." }));
      return;
    }
    // Entities (non-overlapping), evidence spans per hypothesis, and dose/time spans split the text into segments.
    const entities = [];
    let lastEnd = -1;
    result.entities.forEach((e, i) => {
      if (e.start >= lastEnd && e.end > e.start) { entities.push({ ...e, index: i }); lastEnd = e.end; }
    });
    const points = new Set([0, text.length]);
    const evidence = [];
    result.hypotheses.forEach((h, hi) => {
      for (const ev of h.evidence || []) for (const s of ev.spans || []) { evidence.push({ start: s.start, end: s.end, hi }); points.add(s.start); points.add(s.end); }
    });
    const quantities = [];
    for (const e of result.entities) for (const d of e.dose || []) quantities.push({ start: d.start, end: d.end });
    for (const t of result.time_expressions || []) quantities.push({ start: t.start, end: t.end });
    for (const e of entities) { points.add(e.start); points.add(e.end); }
    for (const q of quantities) { points.add(q.start); points.add(q.end); }
    const cuts = [...points].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);

    const frag = document.createDocumentFragment();
    let ei = 0;
    let mark = null;
    for (let k = 0; k + 1 < cuts.length; k++) {
      const a = cuts[k];
      const b = cuts[k + 1];
      while (ei < entities.length && entities[ei].end <= a) ei++;
      const ent = ei < entities.length && entities[ei].start <= a && b <= entities[ei].end ? entities[ei] : null;
      if (ent && (!mark || mark.entity !== ent)) {
        mark = { entity: ent, node: entityMark(ent) };
        frag.append(mark.node);
      } else if (!ent) {
        mark = null;
      }
      const hyps = [...new Set(evidence.filter((s) => s.start <= a && b <= s.end).map((s) => `h${s.hi}`))];
      const qty = quantities.some((q) => q.start <= a && b <= q.end);
      const piece = text.slice(a, b);
      const node = hyps.length || qty
        ? el("span", { class: qty ? "qty" : null, "data-ev": hyps.length ? hyps.join(" ") : null, text: piece })
        : document.createTextNode(piece);
      (mark ? mark.node.querySelector(".ent-text") : frag).append(node);
      if (mark && b === ent.end) appendBadges(mark.node, ent);
    }
    box.replaceChildren(frag);
  }

  function entityMark(e) {
    const flags = FLAGS.filter((f) => e[f]);
    const label = [LABEL_NAMES[e.label] || e.label, e.concept, e.laterality, ...flags.map((f) => FLAG_NAMES[f]), e.modifier].filter(Boolean).join(", ");
    return el("mark", {
      class: ["ent", ...flags].join(" "),
      "data-label": e.label,
      "data-index": String(e.index),
      "data-negated": e.negated ? "true" : "false",
      "aria-label": `${e.text}: ${label}`,
      tabindex: "0",
    }, el("span", { class: "ent-text" }));
  }

  function appendBadges(node, e) {
    if (e.laterality) node.append(el("span", { class: "badge side", title: `side: ${e.laterality}`, text: SIDE[e.laterality] || e.laterality }));
    if (e.modifier) node.append(el("span", { class: `badge mod-${e.modifier}`, text: e.modifier === "relieving" ? "eases" : "worse" }));
  }

  // -- tooltip --------------------------------------------------------------------------------
  function showTip(mark) {
    const result = state.result;
    if (!result) return;
    const e = result.entities[Number(mark.dataset.index)];
    if (!e) return;
    const rows = [];
    const add = (term, ...value) => rows.push(el("dt", { text: term }), el("dd", {}, ...value));
    add("concept", e.concept);
    if (e.region) add("region", e.region.replace(/_/g, " "));
    if (e.laterality) add("side", e.laterality);
    const flags = FLAGS.filter((f) => e[f]).map((f) => FLAG_NAMES[f]);
    add("status", flags.length ? flags.join(", ") : "affirmed, current, the patient");
    if (e.modifier) add("modifier", e.modifier === "relieving" ? "relieves the symptoms" : "aggravates the symptoms");
    for (const t of e.triggers || []) add(`${t.attribute.replace(/_/g, " ")}`, "set by ", el("q", { text: t.text }));
    if ((e.dose || []).length) add("dose", e.dose.map((d) => `${d.kind}: ${d.text}`).join("; "));
    const codes = Object.entries(e.codes || {});
    if (codes.length) add("codes", codes.map(([system, code]) => `${system} ${code}`).join(", "));
    const tip = $("tooltip");
    tip.replaceChildren(
      el("div", { class: "tt-head", "data-label": e.label }, el("span", { class: "tt-label", text: e.label }), el("strong", { text: e.text })),
      el("dl", {}, ...rows),
    );
    tip.hidden = false;
    const r = mark.getBoundingClientRect();
    const tw = tip.offsetWidth;
    const th = tip.offsetHeight;
    let left = window.scrollX + r.left;
    left = Math.max(window.scrollX + 8, Math.min(left, window.scrollX + document.documentElement.clientWidth - tw - 8));
    let top = window.scrollY + r.bottom + 6;
    if (r.bottom + th + 12 > window.innerHeight) top = window.scrollY + r.top - th - 6;
    tip.style.setProperty("left", `${left}px`);
    tip.style.setProperty("top", `${top}px`);
  }

  function hideTip() { $("tooltip").hidden = true; }

  // -- hypotheses -----------------------------------------------------------------------------
  function renderHypotheses(result) {
    const list = $("hypotheses");
    $("evidence").hidden = true;
    const ranked = result.hypotheses.map((h, i) => ({ h, i })).sort((x, y) => y.h.probability - x.h.probability);
    if (!ranked.length) {
      list.replaceChildren(el("li", { class: "empty", text: "No hypotheses: this model has no classifier, so only entities are shown." }));
      return;
    }
    list.replaceChildren(...ranked.map(({ h, i }) => el("li", {}, hypothesisButton(h, i))));
  }

  function hypothesisButton(h, i) {
    const fill = el("div", { class: "fill" });
    fill.style.setProperty("width", pct(h.probability));
    const thr = el("div", { class: "thr", title: `threshold ${Math.round(h.threshold * 100)}%` });
    thr.style.setProperty("left", `calc(${pct(h.threshold)} - 1px)`);
    const path = (h.path || []).map((p) => p.replace(/_/g, " "));
    const pathNodes = [];
    path.forEach((p, k) => { if (k) pathNodes.push(el("span", { class: "arrow", text: "→" })); pathNodes.push(p); });
    const button = el("button", {
      type: "button", class: `hyp${h.passes ? " passes" : ""}`, "aria-pressed": "false", "data-index": String(i),
      "data-label": h.label,
    },
    el("div", { class: "hyp-top" },
      el("span", { class: "hyp-name", text: human(h.label) }),
      el("span", { class: "kind", text: h.kind }),
      h.passes ? el("span", { class: "passes-badge", text: "above threshold" }) : null,
      el("span", { class: "prob", text: `${Math.round(h.probability * 100)}%` })),
    el("div", { class: "bar", role: "img", "aria-label": `probability ${Math.round(h.probability * 100)}%, threshold ${Math.round(h.threshold * 100)}%` }, fill, thr),
    path.length ? el("div", { class: "hyp-path" }, ...pathNodes, h.direction ? ` (${h.direction})` : "") : null,
    h.description ? el("div", { class: "hyp-desc", text: h.description }) : null);
    button.addEventListener("click", () => selectHypothesis(i));
    return button;
  }

  function selectHypothesis(i) {
    const same = state.selected === i;
    state.selected = same ? null : i;
    for (const b of document.querySelectorAll("button.hyp")) b.setAttribute("aria-pressed", String(!same && Number(b.dataset.index) === i));
    for (const n of document.querySelectorAll(".ev-on")) n.classList.remove("ev-on");
    const box = $("evidence");
    if (same) { box.hidden = true; return; }
    const h = state.result.hypotheses[i];
    const spans = document.querySelectorAll(`[data-ev~="h${i}"]`);
    for (const s of spans) { s.classList.add("ev-on"); const m = s.closest("mark.ent"); if (m) m.classList.add("ev-on"); }
    if (spans.length) spans[0].scrollIntoView({ block: "nearest", behavior: "smooth" });
    const items = (h.evidence || []).map((ev) => el("li", {},
      el("span", { class: "feat", text: ev.feature }),
      el("span", { class: `w ${ev.weight >= 0 ? "pos" : "neg"}`, text: `${ev.weight >= 0 ? "+" : ""}${ev.weight.toFixed(2)}` }),
      (ev.spans || []).length ? el("span", { class: "quotes", text: ev.spans.map((s) => `“${s.text}”`).join("  ") }) : null));
    box.replaceChildren(
      el("h3", { text: `Evidence for ${human(h.label)}` }),
      items.length ? el("ul", {}, ...items) : el("p", { class: "none", text: "The model gave no evidence for this label." }),
    );
    box.hidden = false;
  }

  // -- wiring ---------------------------------------------------------------------------------
  function init() {
    $("tag-btn").addEventListener("click", tag);
    document.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); tag(); }
      if (event.key === "Escape") hideTip();
    });
    $("clear-btn").addEventListener("click", () => { $("text").value = ""; clearFile(); hideError(); $("status").textContent = ""; $("text").focus(); });
    $("file-clear").addEventListener("click", clearFile);
    $("file-input").addEventListener("change", (event) => { const f = event.target.files[0]; if (f) takeFile(f); });
    $("text").addEventListener("input", () => { if (state.file && $("text").value) clearFile(); });

    const zone = $("dropzone");
    let depth = 0;
    zone.addEventListener("dragenter", (event) => { event.preventDefault(); depth++; zone.classList.add("dragging"); });
    zone.addEventListener("dragleave", () => { depth = Math.max(0, depth - 1); if (!depth) zone.classList.remove("dragging"); });
    zone.addEventListener("dragover", (event) => { event.preventDefault(); event.dataTransfer.dropEffect = "copy"; });
    zone.addEventListener("drop", (event) => {
      event.preventDefault(); depth = 0; zone.classList.remove("dragging");
      const f = event.dataTransfer.files[0];
      if (f) takeFile(f);
    });
    // A file dropped next to the box must not make the browser navigate away from the page.
    window.addEventListener("dragover", (event) => event.preventDefault());
    window.addEventListener("drop", (event) => event.preventDefault());

    const tagged = $("tagged");
    tagged.addEventListener("mouseover", (event) => { const m = event.target.closest("mark.ent"); if (m) showTip(m); });
    tagged.addEventListener("mouseout", (event) => { const m = event.target.closest("mark.ent"); if (m && !m.contains(event.relatedTarget)) hideTip(); });
    tagged.addEventListener("focusin", (event) => { const m = event.target.closest("mark.ent"); if (m) showTip(m); });
    tagged.addEventListener("focusout", hideTip);

    loadModelInfo();
    $("text").focus();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
