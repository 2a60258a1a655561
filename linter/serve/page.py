"""The editors' page at ``/``: one HTML document with its style sheet and scripts in it
(the HTML view of :mod:`linter.report.html`, plus ``assets/editor.js``), so that it works
with no network but the server's, and nothing it loads comes from anywhere else."""

from __future__ import annotations

from importlib import resources

from linter.model.version import __version__
from linter.report.html import asset


def _own(name: str) -> str:
    return resources.files("linter.serve").joinpath("assets").joinpath(name).read_text(encoding="utf-8")


def page() -> str:
    """The page, as served."""
    return (_own("editor.html").replace("{{version}}", __version__)
            .replace("{{style}}", asset("view.css"))
            .replace("{{script}}", asset("view.js") + "\n" + _own("editor.js")))
