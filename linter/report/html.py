"""``--format html``: a self-contained page per draft (its text with the findings
highlighted, grouped by style, explained, and the safe fixes to apply in the page), and
an index page for several drafts.

A page needs nothing but itself: the view's style sheet and script
(``assets/view.css``, ``assets/view.js``, shared with the editors' page of ``copydesk
serve``) and the draft's view model (:mod:`.view`) are written into it. Without
scripts (a CI viewer's content policy may forbid them), it still shows the highlighted
draft and the list of findings, rendered here.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping, Sequence
from html import escape
from importlib import resources
from pathlib import PurePosixPath
from typing import Any

from linter.model.findings import Finding, Severity
from linter.model.results import FileResult
from linter.model.rule import Rule
from linter.report.view import view_model


def asset(name: str) -> str:
    """One of the view's files (``view.css``, ``view.js``)."""
    return resources.files("linter.report").joinpath("assets").joinpath(name).read_text(encoding="utf-8")


def script_json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element (no ``</script>``, ``<!--``)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_address(path: str) -> str:
    """Where the page of draft ``path`` goes in a folder's report, relative to its index:
    the draft's own path plus ``.html``, inside the folder whatever the path (an absolute
    path loses its root, ``..`` becomes ``__``; stdin is ``stdin.html``)."""
    parts = [p for p in PurePosixPath(path.replace("\\", "/")).parts if p not in ("/", ".", "")]
    parts = ["__" if p == ".." else p.replace(":", "_") for p in parts]
    return "/".join(parts) + ".html" if parts and path != "-" else "stdin.html"


def index_address(path: str) -> str:
    """The index page, relative to the page of draft ``path``."""
    return "../" * page_address(path).count("/") + "index.html"


def _counts(tally: Sequence[int]) -> str:
    if not any(tally):
        return "no findings"
    words = [f"{tally[s]} {s.label}{'' if tally[s] == 1 else 's'}" for s in sorted(Severity, reverse=True)]
    return " · ".join(words)


def _marked(source: str, findings: Sequence[Finding]) -> str:
    """The draft with each finding's span in a ``<mark>`` (the page's script redraws it)."""
    spans = [(f.offset, max(f.offset + f.length, min(f.offset + 1, len(source)))) for f in findings]
    cuts = sorted({0, len(source), *(c for span in spans for c in span)})
    out = []
    for a, b in itertools.pairwise(cuts):
        on = [n for n, (s, e) in enumerate(spans) if s < b and e > a]
        piece = escape(source[a:b], quote=False)
        if not on:
            out.append(piece)
            continue
        top = max(on, key=lambda n: findings[n].severity)
        title = escape(" / ".join(findings[n].message for n in on))
        ids = " ".join(map(str, on))
        out.append(f'<mark class="cd-mark cd-{findings[top].severity.label}" data-ids="{ids}" '
                   f'title="{title}">{piece}</mark>')
    return "".join(out) + " "


def _item(n: int, f: Finding, rule: Rule | None) -> str:
    why = ""
    if rule is not None and rule.description:
        why = f"<p>{escape(rule.description)}</p>"
    if rule is not None and rule.source:
        why += f'<p class="cd-source">Source: {escape(rule.source)}</p>'
    return (f'<li class="cd-item cd-{f.severity.label}" id="cd-item-{n}"><div class="cd-head">'
            f'<span class="cd-level">{f.severity.label}</span><q class="cd-match">{escape(f.match)}</q>'
            f'<span class="cd-where">line {f.line}</span></div><p class="cd-message">{escape(f.message)}</p>'
            f'<details class="cd-why"><summary>Why? {escape(f.rule_id)}</summary>{why}</details></li>')


def _listed(findings: Sequence[Finding], rules: Mapping[str, Rule]) -> str:
    if not findings:
        return '<p class="cd-empty">No findings.</p>'
    groups: dict[str, list[int]] = {}
    for n, f in enumerate(findings):
        groups.setdefault(f.rule_id.split(".", 1)[0], []).append(n)
    return "".join(f'<section class="cd-group"><h2>{escape(style)} <span class="cd-n">({len(ns)})</span>'
                   '</h2><ol>' + "".join(_item(n, findings[n], rules.get(findings[n].rule_id)) for n in ns)
                   + "</ol></section>" for style, ns in groups.items())


def _head(title: str) -> str:
    return (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="copydesk"><title>{escape(title)}</title>'
            f'<style>{asset("view.css")}</style></head>')


def html_page(result: FileResult, rules: Mapping[str, Rule], index: str | None = None) -> str:
    """The page of one draft (``result`` must carry its source); ``index``: the relative
    address of the index page, when there is one."""
    source = result.source or ""
    back = f'<a href="{escape(index)}">All drafts</a> · ' if index else ""
    return (_head(f"copydesk: {result.path}") + '<body class="cd-report">'
            f'<header class="cd-bar"><h1>copydesk <span class="cd-path">{escape(result.path)}</span></h1>'
            f'<p class="cd-counts">{back}<span id="cd-counts">{_counts(result.tally())}</span></p>'
            '<div class="cd-actions"><button type="button" id="cd-fix-all" class="cd-primary" disabled>'
            'Apply safe fixes</button><button type="button" id="cd-copy">Copy text</button></div></header>'
            '<main class="cd-main"><section class="cd-paper"><div class="cd-draft" id="cd-draft">'
            f'{_marked(source, result.findings)}</div></section>'
            '<aside class="cd-list cd-paper" id="cd-list" aria-label="Findings">'
            f'{_listed(result.findings, rules)}</aside></main><script type="application/json" id="cd-data">'
            f'{script_json(view_model(result, source, rules))}</script>'
            f'<script>{asset("view.js")}\ncopydesk.report();</script></body></html>\n')


def html_index(pages: Sequence[tuple[str, str, tuple[int, ...]]], errors: Sequence[tuple[str, str]]) -> str:
    """The index of a folder's report: (path, page address, tally) per draft, and the
    drafts that could not be read."""
    total = [sum(t[s] for _, _, t in pages) for s in Severity]
    rows = "".join(f'<tr><td><a href="{escape(href)}">{escape(path)}</a></td>'
                   + "".join(f'<td class="cd-num">{tally[s]}</td>' for s in sorted(Severity, reverse=True))
                   + "</tr>" for path, href, tally in pages)
    failed = "".join(f"<li><b>{escape(path)}</b>: {escape(message)}</li>" for path, message in errors)
    return (_head("copydesk report") + '<body class="cd-report">'
            f'<header class="cd-bar"><h1>copydesk <span class="cd-path">{len(pages)} drafts</span></h1>'
            f'<p class="cd-counts">{_counts(total)}</p></header><main class="cd-index">'
            '<table><thead><tr><th>Draft</th><th class="cd-num">Errors</th><th class="cd-num">Warnings</th>'
            f'<th class="cd-num">Suggestions</th></tr></thead><tbody>{rows}</tbody></table>'
            + (f"<h2>Not linted</h2><ul>{failed}</ul>" if failed else "") + "</main></body></html>\n")
