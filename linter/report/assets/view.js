/* copydesk's highlighted view of a draft, shared by the HTML report and the editors' page.
   A view is {text, findings, rules}; offsets are UTF-16 code units (JavaScript's). */
(function () {
  "use strict";
  var LEVELS = ["error", "warning", "suggestion"];

  function node(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : /x$/.test(word) ? "es" : "s"); }

  function counts(findings) {
    var n = {error: 0, warning: 0, suggestion: 0};
    findings.forEach(function (f) { n[f.level] += 1; });
    if (!findings.length) { return "no findings"; }
    return [plural(n.error, "error"), plural(n.warning, "warning"), plural(n.suggestion, "suggestion")].join(" · ");
  }

  /* The span shown for a finding: at least one character, inside the text. */
  function span(f, length) {
    var start = Math.min(f.start, length);
    return [start, Math.min(length, Math.max(f.end, start + 1))];
  }

  /* The text cut at every finding's edges: runs with the findings (indexes) covering each. */
  function segments(text, findings) {
    var cuts = [0, text.length];
    findings.forEach(function (f) { cuts.push.apply(cuts, span(f, text.length)); });
    cuts = cuts.filter(function (c, i, all) { return all.indexOf(c) === i; }).sort(function (a, b) { return a - b; });
    var runs = [];
    for (var i = 0; i + 1 < cuts.length; i += 1) {
      var a = cuts[i], b = cuts[i + 1], on = [];
      findings.forEach(function (f, n) {
        var s = span(f, text.length);
        if (s[0] < b && s[1] > a) { on.push(n); }
      });
      runs.push({start: a, end: b, on: on});
    }
    return runs;
  }

  function worst(findings, on) {
    return on.reduce(function (best, n) {
      return LEVELS.indexOf(findings[n].level) < LEVELS.indexOf(findings[best].level) ? n : best;
    }, on[0]);
  }

  /* The draft with each finding's span in a <mark>. */
  function renderDraft(box, text, findings) {
    var out = document.createDocumentFragment();
    segments(text, findings).forEach(function (run) {
      var piece = text.slice(run.start, run.end);
      if (!run.on.length) { out.appendChild(document.createTextNode(piece)); return; }
      var mark = node("mark", "cd-mark cd-" + findings[worst(findings, run.on)].level, piece);
      mark.setAttribute("data-ids", run.on.join(" "));
      out.appendChild(mark);
    });
    out.appendChild(document.createTextNode(" "));  /* a last empty line shows, as in a text area */
    box.textContent = "";
    box.appendChild(out);
  }

  function why(f, rule) {
    var details = node("details", "cd-why");
    details.appendChild(node("summary", "", "Why? " + f.rule));
    if (rule && rule.description) { details.appendChild(node("p", "", rule.description)); }
    if (rule && rule.source) { details.appendChild(node("p", "cd-source", "Source: " + rule.source)); }
    if (rule && /^https?:\/\//.test(rule.link || "")) {
      var link = node("a", "", "More about this rule");
      link.href = rule.link;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      details.appendChild(link);
    }
    return details;
  }

  function item(f, n, rule, on) {
    var li = node("li", "cd-item cd-" + f.level);
    li.id = "cd-item-" + n;
    li.tabIndex = 0;
    li.setAttribute("data-i", n);
    var head = node("div", "cd-head");
    head.appendChild(node("span", "cd-level", f.level));
    head.appendChild(node("q", "cd-match", f.match));
    head.appendChild(node("span", "cd-where", "line " + f.line));
    li.appendChild(head);
    li.appendChild(node("p", "cd-message", f.message));
    if (f.fix) {
      var buttons = node("div", "cd-buttons");
      var apply = node("button", "cd-apply", f.fix.replacement ? "Replace with “" + f.fix.replacement + "”" : "Delete");
      apply.type = "button";
      apply.addEventListener("click", function (e) { e.stopPropagation(); on.apply(n); });
      buttons.appendChild(apply);
      li.appendChild(buttons);
    } else if (f.suggestions.length) {
      li.appendChild(node("p", "cd-message", "Suggested: " + f.suggestions.join(", ")));
    }
    li.appendChild(why(f, rule));
    li.addEventListener("click", function () { on.pick(n, false); });
    li.addEventListener("keydown", function (e) { if (e.key === "Enter") { on.pick(n, false); } });
    return li;
  }

  /* The findings grouped by style, in the order each style first appears. */
  function renderList(box, findings, rules, on) {
    var groups = {}, order = [];
    findings.forEach(function (f, n) {
      if (!groups[f.style]) { groups[f.style] = []; order.push(f.style); }
      groups[f.style].push(n);
    });
    box.textContent = "";
    if (!findings.length) { box.appendChild(node("p", "cd-empty", "No findings.")); return; }
    order.forEach(function (style) {
      var section = node("section", "cd-group"), title = node("h2", "", style + " ");
      title.appendChild(node("span", "cd-n", "(" + groups[style].length + ")"));
      section.appendChild(title);
      var list = node("ol");
      groups[style].forEach(function (n) { list.appendChild(item(findings[n], n, rules[findings[n].rule], on)); });
      section.appendChild(list);
      box.appendChild(section);
    });
  }

  /* Findings after text[a:b] became a string of length n: those before stay, those after
     move, those the edit touches are dropped (the next check finds them again). */
  function shift(findings, a, b, n) {
    var d = n - (b - a);
    function moved(x) { return x >= b ? x + d : x; }
    return findings.filter(function (f) {
      return f.end <= a || f.start >= b;
    }).map(function (f) {
      if (f.start < b) { return f; }
      var g = Object.assign({}, f, {start: moved(f.start), end: moved(f.end)});
      if (f.fix) { g.fix = Object.assign({}, f.fix, {start: moved(f.fix.start), end: moved(f.fix.end)}); }
      return g;
    });
  }

  /* Fixes that do not overlap, last first (so that earlier offsets stay right). */
  function safeFixes(findings) {
    var chosen = [];
    findings.map(function (f) { return f.fix; }).filter(Boolean)
      .sort(function (x, y) { return x.start - y.start || x.end - y.end; })
      .forEach(function (fix) { if (!chosen.length || fix.start >= chosen[chosen.length - 1].end) { chosen.push(fix); } });
    return chosen.reverse();
  }

  /* A tooltip that follows the highlights. */
  function Tip() {
    this.box = node("div", "cd-tip");
    this.box.hidden = true;
    this.box.setAttribute("role", "tooltip");
    document.body.appendChild(this.box);
  }
  Tip.prototype.show = function (x, y, findings, ids) {
    var box = this.box;
    box.textContent = "";
    ids.forEach(function (n) {
      var f = findings[n], p = node("div");
      p.appendChild(node("b", "", f.level + " · " + f.rule));
      p.appendChild(document.createTextNode(f.message));
      box.appendChild(p);
    });
    box.hidden = false;
    var w = box.offsetWidth, h = box.offsetHeight;
    box.style.left = Math.max(4, Math.min(x + 12, window.innerWidth - w - 8)) + "px";
    box.style.top = (y + 18 + h > window.innerHeight ? y - h - 12 : y + 18) + "px";
  };
  Tip.prototype.hide = function () { this.box.hidden = true; };

  /* The highlight under a point (the editor's text area lies over the highlights). */
  function markAt(x, y) {
    var found = document.elementsFromPoint(x, y);
    for (var i = 0; i < found.length; i += 1) {
      if (found[i].classList && found[i].classList.contains("cd-mark")) { return found[i]; }
    }
    return null;
  }

  function ids(mark) { return mark.getAttribute("data-ids").split(" ").map(Number); }

  /* Mark finding n as chosen in the draft and the list; open its explanation. */
  function pick(n, scrollList) {
    Array.prototype.forEach.call(document.querySelectorAll(".cd-on"), function (e) { e.classList.remove("cd-on"); });
    Array.prototype.forEach.call(document.querySelectorAll(".cd-mark"), function (m) {
      if (ids(m).indexOf(n) >= 0) { m.classList.add("cd-on"); }
    });
    var li = document.getElementById("cd-item-" + n);
    if (!li) { return; }
    li.classList.add("cd-on");
    var details = li.querySelector("details");
    if (details) { details.open = true; }
    if (scrollList) { li.scrollIntoView({block: "nearest"}); }
  }

  /* Copy text to the clipboard (the asynchronous API needs https or localhost). */
  function copy(text, button) {
    function done(ok) {
      var label = button.getAttribute("data-label") || button.textContent;
      button.setAttribute("data-label", label);
      button.textContent = ok ? "Copied" : "Copy failed";
      setTimeout(function () { button.textContent = label; }, 1500);
    }
    function fallback() {
      var area = node("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      done(ok);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    } else {
      fallback();
    }
  }

  /* Hover and click on highlights show the finding; clicking one picks it in the list. */
  function watch(area, tip, getFindings) {
    area.addEventListener("mousemove", function (e) {
      var mark = markAt(e.clientX, e.clientY);
      if (mark) { tip.show(e.clientX, e.clientY, getFindings(), ids(mark)); } else { tip.hide(); }
    });
    area.addEventListener("mouseleave", function () { tip.hide(); });
    area.addEventListener("click", function (e) {
      var mark = markAt(e.clientX, e.clientY);
      if (mark) { pick(ids(mark)[0], true); }
    });
  }

  /* The HTML report: the view is in the page; fixes are applied here, in the page. */
  function report() {
    var data = JSON.parse(document.getElementById("cd-data").textContent);
    var state = {text: data.source, findings: data.findings};
    var draft = document.getElementById("cd-draft"), list = document.getElementById("cd-list");
    var fixAll = document.getElementById("cd-fix-all"), tip = new Tip();
    var on = {apply: function (n) { edit([state.findings[n].fix]); }, pick: pick};
    function render() {
      renderDraft(draft, state.text, state.findings);
      renderList(list, state.findings, data.rules, on);
      document.getElementById("cd-counts").textContent = counts(state.findings);
      var fixes = safeFixes(state.findings).length;
      fixAll.disabled = !fixes;
      fixAll.textContent = fixes ? "Apply " + plural(fixes, "safe fix") : "No safe fixes";
    }
    function edit(fixes) {
      fixes.forEach(function (fix) {
        state.text = state.text.slice(0, fix.start) + fix.replacement + state.text.slice(fix.end);
        state.findings = shift(state.findings, fix.start, fix.end, fix.replacement.length);
      });
      tip.hide();
      render();
    }
    fixAll.addEventListener("click", function () { edit(safeFixes(state.findings)); });
    document.getElementById("cd-copy").addEventListener("click", function (e) { copy(state.text, e.currentTarget); });
    watch(draft, tip, function () { return state.findings; });
    render();
  }

  window.copydesk = {
    counts: counts, plural: plural, renderDraft: renderDraft, renderList: renderList, shift: shift,
    safeFixes: safeFixes, Tip: Tip, pick: pick, copy: copy, watch: watch, report: report
  };
}());
