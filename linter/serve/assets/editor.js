/* The editors' page: a text area over the highlighted view (copydesk's view.js). Each
   change moves the highlights along at once and asks the server again after a pause. */
(function () {
  "use strict";
  var cd = window.copydesk, PAUSE = 350, KEY = "copydesk.draft";
  var area = document.getElementById("cd-text"), draft = document.getElementById("cd-draft");
  var list = document.getElementById("cd-list"), status = document.getElementById("cd-status");
  var format = document.getElementById("cd-format"), fixAll = document.getElementById("cd-fix-all");
  var state = {text: "", findings: [], rules: {}}, version = 0, timer = null, tip = new cd.Tip();
  /* Beside the page (it may sit under a proxy's path), and without the user:token@ a
     browser keeps in the page's address after Basic authentication: fetch refuses those. */
  var ENDPOINT = location.origin + location.pathname.replace(/[^\/]*$/, "") + "api/view";

  function grow() {
    area.style.height = "auto";
    area.style.height = area.scrollHeight + "px";
  }

  function render() {
    cd.renderDraft(draft, state.text, state.findings);
    cd.renderList(list, state.findings, state.rules, {apply: applyOne, pick: pick});
    document.getElementById("cd-counts").textContent = state.text ? cd.counts(state.findings) : "";
    var fixes = cd.safeFixes(state.findings).length;
    fixAll.disabled = !fixes;
    fixAll.textContent = fixes ? "Apply " + cd.plural(fixes, "safe fix") : "No safe fixes";
  }

  /* Select finding n: in the list, and in the text (the caret goes to its span). */
  function pick(n, fromText) {
    cd.pick(n, fromText);
    var f = state.findings[n];
    if (f && !fromText) { area.focus(); area.setSelectionRange(f.start, f.end); }
  }

  /* The edit the text area saw: the span of the old text that changed, and its new length. */
  function changed(old, now) {
    var a = 0, max = Math.min(old.length, now.length);
    while (a < max && old.charCodeAt(a) === now.charCodeAt(a)) { a += 1; }
    var b = 0;
    while (b < max - a && old.charCodeAt(old.length - 1 - b) === now.charCodeAt(now.length - 1 - b)) { b += 1; }
    return [a, old.length - b, now.length - b - a];
  }

  function onInput() {
    var now = area.value, edit = changed(state.text, now);
    state.findings = cd.shift(state.findings, edit[0], edit[1], edit[2]);
    state.text = now;
    version += 1;
    try { localStorage.setItem(KEY, JSON.stringify({text: now, format: format.value})); } catch (e) { /* private mode */ }
    grow();
    render();
    clearTimeout(timer);
    timer = setTimeout(check, PAUSE);
  }

  function check() {
    var asked = version, text = state.text;
    if (!text.trim()) { state.findings = []; status.textContent = ""; render(); return; }
    status.textContent = "Checking…";
    fetch(ENDPOINT, {
      method: "POST", headers: {"Content-Type": "application/json"}, credentials: "same-origin",
      body: JSON.stringify({text: text, format: format.value})
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) { throw new Error(body.message || response.statusText); }
        return body;
      });
    }).then(function (view) {
      if (asked !== version) { return; }  /* the draft changed meanwhile: a newer check follows */
      state.findings = view.findings;
      state.rules = view.rules;
      status.textContent = "Checked";
      render();
    }).catch(function (error) {
      if (asked === version) { status.textContent = "Not checked: " + error.message; }
    });
  }

  /* Replace spans of the text (last first) as one edit that undo can take back. */
  function replace(fixes) {
    if (!fixes.length) { return; }
    var text = area.value;
    fixes.forEach(function (fix) { text = text.slice(0, fix.start) + fix.replacement + text.slice(fix.end); });
    var single = fixes.length === 1 ? fixes[0] : {start: 0, end: area.value.length, replacement: text};
    area.focus();
    area.setSelectionRange(single.start, single.end);
    var done = false;
    try { done = document.execCommand("insertText", false, single.replacement); } catch (e) { done = false; }
    if (!done || area.value !== text) {
      area.value = text;
      onInput();
    }
    tip.hide();
  }

  function applyOne(n) { replace([state.findings[n].fix]); }

  area.addEventListener("input", onInput);
  format.addEventListener("change", function () { version += 1; onInput(); });
  fixAll.addEventListener("click", function () { replace(cd.safeFixes(state.findings)); });
  document.getElementById("cd-copy").addEventListener("click", function (e) { cd.copy(area.value, e.currentTarget); });
  cd.watch(area, tip, function () { return state.findings; });
  area.addEventListener("keyup", function (e) {
    if (e.key.indexOf("Arrow") !== 0) { return; }
    var at = area.selectionStart;
    state.findings.some(function (f, n) { if (f.start <= at && at <= f.end) { cd.pick(n, true); return true; } return false; });
  });
  window.addEventListener("resize", grow);

  try {
    var saved = JSON.parse(localStorage.getItem(KEY) || "null");
    if (saved && typeof saved.text === "string") {
      area.value = saved.text;
      if (saved.format) { format.value = saved.format; }
    }
  } catch (e) { /* nothing saved */ }
  grow();
  if (area.value) { onInput(); } else { render(); }
}());
