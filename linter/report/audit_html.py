"""The archive audit's ``report.html``: one self-contained page (styles and charts inline, no
script, no font file, nothing fetched when it is opened) from the summary alone.

Five sections, each a chart, a sentence saying what it shows, and the chart's figures
in a table underneath: findings per 1,000 words by style month by month; the top terms
and how they moved between the last two quarters; contentious labels by desk; renamed
places, the old name against the house form; the quotation styles of each desk.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from html import escape

from linter.model.audit import AuditSummary, SummaryRow
from linter.report import audit_charts as charts

LABEL_RULES = ("Bias.Labels", "Bias.LowLabels")
PLACE_RULE = "Names.Places"
TOP_TERMS = 12
TOP_LABELS = 6
TOP_PLACES = 4
QUOTE_STYLES = ("curly", "straight", "british", "german", "guillemets", "mixed", "none")
_QUOTE_COLOURS = {"curly": "#0072B2", "straight": "#E69F00", "british": "#56B4E9", "german": "#009E73",
                  "guillemets": "#CC79A7", "mixed": "#D55E00", "none": "#DDDDDD"}
_NO_DESK = "(no desk)"

_CSS = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.25rem; margin-top: 2.5rem; }
.facts { color: #444; } figure { margin: 1rem 0; } figure svg { max-width: 100%; height: auto; }
figcaption, .what { color: #333; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0 1rem; }
th, td { padding: .15rem .6rem; border-bottom: 1px solid #ddd; text-align: right; }
th:first-child, td:first-child { text-align: left; } thead th { border-bottom: 2px solid #888; }
details { margin: .5rem 0; } .empty { color: #666; font-style: italic; }
"""


def _desk(desk: str) -> str:
    return desk or _NO_DESK


def _words(rows: Iterable[SummaryRow], key: Callable[[SummaryRow], str]) -> dict[str, int]:
    """Words by ``key`` (a month, a desk), from the stories rows."""
    out: dict[str, int] = defaultdict(int)
    for r in rows:
        if r.measure == "stories":
            out[key(r)] += r.words
    return out


def _rate(count: float, words: int) -> float:
    """Per 1,000 words, unrounded: charts and orderings use the exact rate (labels are often
    rarer than one in 100,000 words); tables round it for reading (:func:`_cell`)."""
    return count * 1000 / words if words else 0.0


def _table(head: Sequence[str], body: Iterable[Sequence[object]], caption: str) -> str:
    cells = "".join("<tr>" + "".join(f"<td>{escape(_cell(v))}</td>" for v in row) + "</tr>" for row in body)
    heads = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    return (f"<details open><summary>The figures</summary><table><caption>{escape(caption)}</caption>"
            f"<thead><tr>{heads}</tr></thead><tbody>{cells}</tbody></table></details>")


def _cell(value: object) -> str:
    if isinstance(value, float):
        # two decimals, or two significant figures below 1 (0.0071, not 0.01)
        return f"{value:,.2f}" if value == 0 or abs(value) >= 1 else f"{value:.2g}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _section(anchor: str, title: str, what: str, chart: str, table: str) -> str:
    return (f'<section id="{anchor}"><h2>{escape(title)}</h2><p class="what">{escape(what)}</p>'
            f"<figure>{chart}</figure>{table}</section>")


def _empty(anchor: str, title: str, why: str) -> str:
    return f'<section id="{anchor}"><h2>{escape(title)}</h2><p class="empty">{escape(why)}</p></section>'


def _over_time(rows: Sequence[SummaryRow]) -> str:
    title = "Findings per 1,000 words over time, by style"
    words = _words(rows, lambda r: r.month)
    months = sorted(words)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        if r.measure == "finding":
            counts[r.rule.split(".", 1)[0]][r.month] += r.count
    if not counts:
        return _empty("over-time", title, "No findings in the archive.")
    styles = sorted(counts, key=lambda s: -sum(counts[s].values()))
    series = {s: [_rate(counts[s][m], words[m]) for m in months] for s in styles}
    overall = ", ".join(f"{s} {_rate(sum(counts[s].values()), sum(words.values())):.2f}" for s in styles)
    what = (f"Each line is one style's findings per 1,000 words of the copy published that month, all desks "
            f"together, in every voice. Over the whole archive: {overall}.")
    chart = charts.lines(months, series, "findings per 1,000 words", title)
    table = _table(["month", "words", *styles], ([m, words[m], *(series[s][i] for s in styles)]
                                                 for i, m in enumerate(months)), "Findings per 1,000 words")
    return _section("over-time", title, what, chart, table)


def _quarters(months: Sequence[str]) -> tuple[list[str], list[str]]:
    """The last three months of the archive and the three before them."""
    return list(months[-6:-3]), list(months[-3:])


def _span(months: Sequence[str]) -> str:
    return f"{months[0]} to {months[-1]}" if len(months) > 1 else months[0] if months else "none"


def _top_terms(rows: Sequence[SummaryRow]) -> str:
    title = "Top terms and how they moved"
    words = _words(rows, lambda r: r.month)
    months = sorted(words)
    totals: dict[tuple[str, str], int] = defaultdict(int)
    by_month: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        if r.measure == "finding" and any(c.isalnum() for c in r.term):
            totals[r.term, r.rule] += r.count
            by_month[r.term, r.rule][r.month] += r.count
    if not totals:
        return _empty("top-terms", title, "No word was reported in the archive.")
    top = sorted(totals, key=lambda k: (-totals[k], k))[:TOP_TERMS]
    before, after = _quarters(months)
    w_before, w_after = sum(words[m] for m in before), sum(words[m] for m in after)
    rate_before = [_rate(sum(by_month[k][m] for m in before), w_before) for k in top]
    rate_after = [_rate(sum(by_month[k][m] for m in after), w_after) for k in top]
    legend = (f"{_span(before)}", f"{_span(after)}")
    what = (f"The {len(top)} terms reported most often over the whole archive, with how often each was used "
            f"per 1,000 words in the archive's last three months ({legend[1]}) against the three before "
            f"({legend[0]}).")
    chart = charts.paired_bars([f"{t} ({r})" for t, r in top], rate_before, rate_after, legend,
                               "per 1,000 words", title)
    body = [[t, r, totals[t, r], b, a, _change(b, a)]
            for (t, r), b, a in zip(top, rate_before, rate_after, strict=True)]
    table = _table(["term", "rule", "findings", f"per 1,000 words {legend[0]}",
                    f"per 1,000 words {legend[1]}", "change"], body, "Top terms")
    return _section("top-terms", title, what, chart, table)


def _change(before: float, after: float) -> str:
    if not before:
        return "new" if after else "none"
    return f"{(after - before) / before:+.0%}"


def _labels(rows: Sequence[SummaryRow]) -> str:
    title = "Contentious labels by desk"
    words = _words(rows, lambda r: _desk(r.desk))
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    own: dict[str, int] = defaultdict(int)
    for r in rows:
        if r.measure == "finding" and r.rule in LABEL_RULES:
            counts[_desk(r.desk)][r.term] += r.count
            own[_desk(r.desk)] += r.count if r.voice == "own" else 0
    if not counts:
        return _empty("labels", title, f"No label ({', '.join(LABEL_RULES)}) was reported in the archive.")
    terms: dict[str, int] = defaultdict(int)
    for per_desk in counts.values():
        for t, n in per_desk.items():
            terms[t] += n
    top = sorted(terms, key=lambda t: (-terms[t], t))[:TOP_LABELS]
    desks = sorted(words, key=lambda d: -_rate(sum(counts[d].values()), words[d]))
    stacks = {t: [_rate(counts[d][t], words[d]) for d in desks] for t in top}
    if len(terms) > len(top):
        stacks["other labels"] = [_rate(sum(n for t, n in counts[d].items() if t not in top), words[d])
                                  for d in desks]
    what = ("How often each desk used a contentious label (terrorist, militant, extremist, ...) per 1,000 "
            "words, split by the word used, in every voice; the table gives how many of them were in the "
            "writer's own voice, where they are errors.")
    chart = charts.stacked_bars(desks, stacks, "labels per 1,000 words", title)
    body = [[d, words[d], sum(counts[d].values()), own[d], _rate(sum(counts[d].values()), words[d]),
             *(counts[d][t] for t in top)] for d in desks]
    table = _table(["desk", "words", "labels", "in own voice", "per 1,000 words", *top], body,
                   "Labels by desk")
    return _section("labels", title, what, chart, table)


def _places(rows: Sequence[SummaryRow]) -> str:
    title = "Renamed places over time: old name against house form"
    months = sorted(_words(rows, lambda r: r.month))
    quarters = sorted({_quarter(m) for m in months})
    old: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    house: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        if r.rule == PLACE_RULE and r.house and r.measure in ("finding", "house-form"):
            (old if r.measure == "finding" else house)[r.house][_quarter(r.month)] += r.count
    if not old:
        return _empty("places", title, f"No old place name ({PLACE_RULE}) was reported in the archive.")
    top = sorted(old, key=lambda p: (-sum(old[p].values()), p))[:TOP_PLACES]
    panels = {p: {"old name": [old[p][q] for q in quarters],
                  f"house form ({p})": [house[p][q] for q in quarters]} for p in top}
    what = (f"For the {len(top)} renamed places whose old names appear most, how many times a quarter the "
            "copy used an old name (reported by Names.Places) and how many times the house form: "
            "a style change shows as the lines crossing.")
    chart = charts.small_multiples(quarters, panels, "uses per quarter", title)
    body = [[p, q, old[p][q], house[p][q], f"{old[p][q] / (old[p][q] + house[p][q]):.0%}"
             if old[p][q] + house[p][q] else "-"] for p in top for q in quarters]
    table = _table(["house form", "quarter", "old name", "house form", "old share"], body, "Renamed places")
    return _section("places", title, what, chart, table)


def _quarter(month: str) -> str:
    year, number = month.split("-")
    return f"{year} Q{(int(number) - 1) // 3 + 1}"


def _quote_styles(rows: Sequence[SummaryRow]) -> str:
    title = "Quotation styles by desk"
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        if r.measure == "quote-style":
            counts[_desk(r.desk)][r.term] += r.count
    if not counts:
        return _empty("quote-styles", title, "No story was audited.")
    desks = sorted(counts)
    styles = [s for s in QUOTE_STYLES if any(counts[d][s] for d in desks)]
    share = {s: [round(100 * counts[d][s] / sum(counts[d].values()), 1) for d in desks] for s in styles}
    what = ("The share of each desk's stories by the quotation marks they use: curly “…”, straight \"…\", "
            "British ‘…’, German „…“, guillemets «…», more than one kind in a story (mixed), or none.")
    chart = charts.stacked_bars(desks, share, "% of the desk's stories", title, _QUOTE_COLOURS)
    body = [[d, sum(counts[d].values()), *(counts[d][s] for s in styles)] for d in desks]
    table = _table(["desk", "stories", *styles], body, "Stories by quotation style")
    return _section("quote-styles", title, what, chart, table)


def _facts(summary: AuditSummary) -> str:
    months = sorted({r.month for r in summary.rows if r.measure == "stories"})
    desks = sorted({_desk(r.desk) for r in summary.rows if r.measure == "stories"})
    errors = ""
    if summary.errors:
        shown = "".join(f"<li>{escape(e)}</li>" for e in summary.errors[:50])
        more = f"<li>... and {len(summary.errors) - 50:,} more</li>" if len(summary.errors) > 50 else ""
        errors = (f"<details><summary>{len(summary.errors):,} stories or files could not be audited</summary>"
                  f"<ul>{shown}{more}</ul></details>")
    plural = "s" if len(desks) != 1 else ""
    return (f'<p class="facts">{summary.stories:,} stories, {summary.words:,} words, '
            f"{summary.findings:,} findings; {_span(months)}; {len(desks)} desk{plural} "
            f"({escape(', '.join(desks))}).</p>{errors}")


def render_report(summary: AuditSummary) -> str:
    """The whole page."""
    rows = summary.rows
    sections = (_over_time(rows), _top_terms(rows), _labels(rows), _places(rows), _quote_styles(rows))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>copydesk archive audit</title><style>{_CSS}</style></head><body>"
            f"<h1>Archive audit</h1>{_facts(summary)}{''.join(sections)}</body></html>\n")
