"""Shared helpers: lint a source string with the default or an inline config."""

from __future__ import annotations

import os
import signal
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
# The regex cache goes to a throw-away folder, never the user's ~/.cache, removed when the
# run ends (the object's finaliser runs at interpreter exit).
os.environ.setdefault("COPYDESK_CACHE_DIR", (_CACHE := tempfile.TemporaryDirectory(prefix="copydesk-cache-")).name)

from linter.cli import main
from linter.config.loader import load_styles
from linter.config.project import enabled_rules, parse_config, style_sources
from linter.engine.lint import lint_document
from linter.lib.yamlsrc import load
from linter.markup import make_document
from linter.model.document import Document
from linter.model.findings import Finding
from linter.model.rule import Rule
from linter.run.pipeline import RunOptions, fix_one, lint_one
from linter.run.session import Session

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORE = FIXTURES / "styles" / "Core"  # the test style the command-line tests run


def default_sigint() -> None:
    """Run in a child process before it starts (``preexec_fn``): SIGINT back to its default,
    which Python turns into KeyboardInterrupt. A shell starts a background job (``pytest &``,
    ``nohup pytest``) with SIGINT ignored and children inherit that, so a test that presses
    Ctrl-C would otherwise watch the run go on to the end."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _fixture_files() -> list[Path]:
    from linter.markup import format_for

    return sorted(p for p in FIXTURES.rglob("*") if p.is_file() and format_for(p.name)
                  and "golden" not in p.parts)


# Every draft under fixtures/ (the rule folders under fixtures/styles hold YAML, not drafts).
FIXTURE_FILES = _fixture_files()


def fixture_project(path: Path, config_yaml: str | None) -> Session:
    """The session a fixture is linted with: its inline config, relative to its folder."""
    rules = list(rules_for(config_yaml, str(path.parent)))
    return Session(parse_config(None, path), load_styles([]), rules)


def findings_for(doc: Document, session: Session, options: RunOptions | None = None) -> list[Finding]:
    """What the pipeline reports for ``doc`` in ``session``."""
    return lint_one(doc, session.engine_for(doc.path), session.rule_ids, options or RunOptions())


def fixed_text(doc: Document, session: Session) -> tuple[str, int]:
    """What the pipeline's fix loop makes of ``doc`` in ``session``."""
    return fix_one(doc, session.engine_for(doc.path), session.rule_ids)


@lru_cache(maxsize=64)
def rules_for(config_yaml: str | None = None, base: str = str(FIXTURES)) -> tuple[Rule, ...]:
    """The enabled rules for an inline YAML config (None: the defaults)."""
    data = load(config_yaml, "<inline config>") if config_yaml else None
    config = parse_config(data, Path(base) / ".copydesk.yml")
    return tuple(enabled_rules(config, load_styles(style_sources(config))))


def lint(source: str, fmt: str = "text", config: str | None = None, path: str = "t.txt") -> list[Finding]:
    return lint_document(make_document(path, source, fmt), rules_for(config))


def assert_spans_exact(source: str, findings: list[Finding]) -> None:
    """The property every finding must have: its span is exactly its match."""
    doc = make_document("x", source, "text")
    for f in findings:
        assert source[f.offset:f.offset + f.length] == f.match, f
        assert doc.position(f.offset) == (f.line, f.column), f
        assert doc.position(f.offset + f.length) == (f.end_line, f.end_column), f


@pytest.fixture
def lint_text():  # type: ignore[no-untyped-def]
    return lint


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The command line run in this process: its exit code, stdout and stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def core_project(path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``path`` made the working folder of a newsroom that runs the Core test style
    (Headline and Acronyms off)."""
    (path / ".copydesk.yml").write_text(
        f"styles: [{CORE}]\nrules:\n  Core.Headline: off\n  Core.Acronyms: off\n")
    monkeypatch.chdir(path)
    return path


def refuse_listing(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make every folder named ``name`` one that cannot be listed (Permission denied).
    chmod 000 does not stop root (CI), so the refusal is simulated where the system
    would give it."""
    real = os.scandir

    def refusing_scandir(path: str = ".") -> object:
        if str(path).rstrip(os.sep).endswith(name):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
