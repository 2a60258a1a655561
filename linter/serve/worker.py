"""What a worker process does: lint one draft and put the answer in the shape asked for.

Each worker loads the session once (the config and its rules, as ``copydesk check``
does) and then answers tasks from the server over a pipe, one at a time, until it is
told to stop or is killed for going over the time limit (:mod:`linter.serve.pool`).
Everything here is plain data in, plain data out, so it pickles across the pipe.
"""

from __future__ import annotations

import json
import signal
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linter.config.project import enabled_rules
from linter.markup import make_document
from linter.markup.annotation import Part, annotated_document
from linter.model.document import Document
from linter.model.findings import Severity
from linter.model.results import FileResult, Report
from linter.report import render
from linter.report.view import view_model
from linter.run.pipeline import lint_one
from linter.run.session import Session, open_session
from linter.serve.languagetool import check_response

# Distinct rule selections whose engine a worker keeps (a client usually sends the same
# enabledRules/disabledRules with every request).
SELECTIONS_KEPT = 16


@dataclass(frozen=True)
class Draft:
    """A draft to check: ``source`` in ``fmt`` (text, markdown, html), or LanguageTool's
    annotated ``parts`` (then ``source`` is unused)."""

    path: str
    source: str = ""
    fmt: str = "text"
    parts: tuple[Part, ...] | None = None

    def document(self) -> Document:
        if self.parts is not None:
            return annotated_document(self.path, self.parts)
        return make_document(self.path, self.source, self.fmt)


@dataclass(frozen=True)
class Task:
    """A draft and how to answer: ``languagetool`` (``/v2/check``), ``json`` (exactly
    ``--format json``) or ``view`` (the page's model); ``select``/``deselect`` are rule ids
    to run only / not to run (already checked against the loaded rules), ``min_level`` the
    lowest level reported."""

    draft: Draft
    answer: str
    select: tuple[str, ...] = ()
    deselect: tuple[str, ...] = ()
    min_level: Severity = Severity.SUGGESTION
    language: str = "auto"


@dataclass(frozen=True)
class Settings:
    """How a worker finds its config: ``--config`` (or the nearest one from ``cwd``)."""

    config: Path | None
    cwd: Path
    use_config: bool = True


class Checker:
    """A loaded session, and a session for each rule selection a client asked for."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rules = {r.id: r for r in session.ruleset.rules}
        self._selections: dict[tuple[tuple[str, ...], tuple[str, ...]], Session] = {}

    def session_for(self, select: tuple[str, ...], deselect: tuple[str, ...]) -> Session:
        if not select and not deselect:
            return self.session
        key = (select, deselect)
        if key not in self._selections:
            if len(self._selections) >= SELECTIONS_KEPT:
                self._selections.pop(next(iter(self._selections)))
            config = self.session.config._replace(select=select, deselect=deselect)
            self._selections[key] = Session(config, self.session.ruleset,
                                            enabled_rules(config, self.session.ruleset))
        return self._selections[key]

    def check(self, task: Task) -> str:
        """The answer to ``task``, as JSON text (encoded here, in the worker, not by the
        server's event loop); for ``json``, exactly what ``--format json`` prints."""
        session = self.session_for(task.select, task.deselect)
        doc = task.draft.document()
        found = lint_one(doc, session.engine_for(doc.path), session.rule_ids)
        found = [f for f in found if f.severity >= task.min_level]
        if task.answer == "json":
            return "".join(render("json", Report((FileResult.of(doc, found),), ())))
        if task.answer == "languagetool":
            answer = check_response(doc, found, self.rules, task.language)
        else:
            answer = view_model(FileResult.of(doc, found), doc.source, self.rules)
        return json.dumps(answer, ensure_ascii=False, separators=(",", ":"))


def load(settings: Settings) -> Checker:
    session = open_session(settings.config, settings.cwd, use_config=settings.use_config)
    session.prepare()
    return Checker(session)


def main(conn: Any, settings: Settings) -> None:
    """A worker process: load, say ready, then answer each task until told to stop (None)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    try:
        checker = load(settings)
    except Exception as exc:
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready", None))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            conn.send(("ok", checker.check(task)))
        except Exception as exc:  # a bug must not take the worker down: the server answers 500
            conn.send(("error", f"{type(exc).__name__}: {exc}"))
