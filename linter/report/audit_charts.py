"""Charts of the audit report, drawn with matplotlib as SVG text to put inline in the page:
no script, no font file, no network when the page is opened (text is drawn as paths).

The one module that imports matplotlib. Each function takes plain series and returns one
``<svg>`` element; colours are the Okabe-Ito palette, told apart with colour blindness.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from typing import Any

from matplotlib import rc_context
from matplotlib.figure import Figure

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000",
           "#999999")
_STYLE: Any = {  # matplotlib types rc keys as literals
    "svg.hashsalt": "copydesk-audit", "svg.fonttype": "path", "font.size": 9,
    "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True, "grid.alpha": 0.3,
    "axes.titlesize": 10, "legend.frameon": False,
}
_PROLOGUE = re.compile(r"\A.*?(?=<svg)", re.DOTALL)


def _svg(fig: Figure, label: str) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    svg = _PROLOGUE.sub("", buffer.getvalue())
    return svg.replace("<svg ", f'<svg role="img" aria-label="{_attr(label)}" ', 1)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _ticks(ax: Any, labels: Sequence[str], most: int = 12) -> None:
    """At most about ``most`` labels on the x axis, evenly spaced."""
    step = max(1, -(-len(labels) // most))
    ax.set_xticks(range(0, len(labels), step))
    ax.set_xticklabels(labels[::step], rotation=45, ha="right")


def lines(x: Sequence[str], series: Mapping[str, Sequence[float]], ylabel: str, label: str) -> str:
    """One line per series over the labels ``x`` (months or quarters)."""
    with rc_context(_STYLE):
        fig = Figure(figsize=(8, 3.4))
        ax = fig.subplots()
        for i, (name, values) in enumerate(series.items()):
            ax.plot(range(len(x)), values, label=name, color=PALETTE[i % len(PALETTE)], linewidth=1.8,
                    marker="o" if len(x) < 30 else None, markersize=3)
        _ticks(ax, x)
        ax.set_ylabel(ylabel)
        ax.set_ylim(bottom=0)
        ax.legend(loc="upper left", bbox_to_anchor=(1, 1))
        return _svg(fig, label)


def paired_bars(names: Sequence[str], before: Sequence[float], after: Sequence[float],
                legend: tuple[str, str], xlabel: str, label: str) -> str:
    """Two horizontal bars per name (an earlier and a later value), the first name on top."""
    with rc_context(_STYLE):
        fig = Figure(figsize=(8, 0.9 + 0.36 * len(names)))
        ax = fig.subplots()
        ys = range(len(names))
        ax.barh([y + 0.2 for y in ys], before, height=0.4, color=PALETTE[8], label=legend[0])
        ax.barh([y - 0.2 for y in ys], after, height=0.4, color=PALETTE[0], label=legend[1])
        ax.set_yticks(list(ys))
        ax.set_yticklabels(names)
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        ax.grid(axis="y", visible=False)
        ax.legend(loc="lower right")
        return _svg(fig, label)


def stacked_bars(names: Sequence[str], stacks: Mapping[str, Sequence[float]], xlabel: str, label: str,
                 colours: Mapping[str, str] | None = None) -> str:
    """One horizontal bar per name, stacked by the keys of ``stacks``, the first name on top."""
    with rc_context(_STYLE):
        fig = Figure(figsize=(8, 1.1 + 0.4 * len(names)))
        ax = fig.subplots()
        left = [0.0] * len(names)
        for i, (part, values) in enumerate(stacks.items()):
            colour = (colours or {}).get(part, PALETTE[i % len(PALETTE)])
            ax.barh(range(len(names)), values, left=left, color=colour, label=part, height=0.7)
            left = [a + b for a, b in zip(left, values, strict=True)]
        ax.set_yticks(range(len(names)))
        ax.set_yticklabels(names)
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        ax.grid(axis="y", visible=False)
        ax.legend(loc="upper left", bbox_to_anchor=(1, 1))
        return _svg(fig, label)


def small_multiples(x: Sequence[str], panels: Mapping[str, Mapping[str, Sequence[float]]], ylabel: str,
                    label: str) -> str:
    """One small line chart per panel (two lines each: old and house form), side by side."""
    count = max(1, len(panels))
    columns = min(count, 2)
    rows = (count + columns - 1) // columns
    with rc_context(_STYLE):
        fig = Figure(figsize=(8, 2.6 * rows))
        axes = fig.subplots(rows, columns, squeeze=False, sharex=True)
        flat = [a for row in axes for a in row]
        for ax, (title, series) in zip(flat, panels.items(), strict=False):
            for i, (name, values) in enumerate(series.items()):
                ax.plot(range(len(x)), values, label=name, color=PALETTE[(3, 0)[i % 2]], linewidth=1.8)
            ax.set_title(title)
            ax.set_ylabel(ylabel)
            ax.set_ylim(bottom=0)
            ax.legend(loc="best", fontsize=8)  # where it hides the fewest points
        for ax in flat:
            _ticks(ax, x, most=12 // columns)  # half-width panels: half the labels, or they overlap
        for ax in flat[len(panels):]:
            ax.set_visible(False)
        fig.tight_layout()
        return _svg(fig, label)
