"""Config discovery and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.config.project import find_config, read_config
from linter.model.rule import RuleError
from linter.run.session import open_session

CORE = Path(__file__).resolve().parent.parent / "fixtures" / "styles" / "Core"


def _write(folder: Path, text: str) -> Path:
    path = folder / ".copydesk.yml"
    path.write_text(text)
    return path


def test_found_by_walking_up(tmp_path: Path) -> None:
    path = _write(tmp_path, "fail-on: warning\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == path


def test_defaults_without_config(tmp_path: Path) -> None:
    project = open_session(None, tmp_path)
    assert project.config.path is None
    assert all(r.style in ("Bias", "Sourcing", "Names", "Quotes") for r in project.rules)


def test_user_style_folder_and_levels(tmp_path: Path) -> None:
    path = _write(tmp_path, f"styles: [{CORE}]\nrules:\n  Core.Labels: warning\n  Core.Places: off\n")
    ids = {r.id: r.level.label for r in open_session(path, tmp_path).rules}
    assert ids["Core.Labels"] == "warning"
    assert "Core.Places" not in ids


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("styles: [Bias]\ncolour: blue\n", 2, "unknown key 'colour'"),
        ("fail-on: sometimes\n", 1, "fail-on: expected one of"),
        ("styles: [NoSuchStyle]\n", 1, "neither a bundled style"),
        (f"styles: [{CORE}]\nrules:\n  Core.Labels: loud\n", 3, "expected off, on or a level"),
        (f"styles: [{CORE}]\nrules:\n  Core.Labels: off\n  Core.Nope: error\n", 4, "no loaded rule matches"),
        ("rules: [a]\n", 1, "rules: expected a mapping"),
        ("styles: [\n", 2, ""),
    ],
)
def test_config_errors_name_line(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(RuleError) as info:
        open_session(path, tmp_path)
    assert info.value.line == line
    assert fragment in str(info.value)
    assert str(info.value).startswith(f"{path}:{line}: ")


def test_empty_config_is_defaults(tmp_path: Path) -> None:
    config = read_config(_write(tmp_path, ""))
    assert config.styles == () and config.rules == ()


def test_the_settings_table_names_each_kinds_settings() -> None:
    from linter.kinds import _MODULES, KINDS, SETTINGS

    declared = {key: name for name in _MODULES for key in KINDS[name].settings}
    assert declared == SETTINGS


def test_reading_a_config_imports_only_the_kinds_it_names(tmp_path: Path) -> None:
    """A project's config is read on every start: it must not import every kind (some
    pull in dataclasses, difflib ...) to learn which keys they read."""
    import subprocess
    import sys

    (tmp_path / ".copydesk.yml").write_text("styles: [Core]\nquote-style: curly\nfail-on: error\n")
    code = ("import sys\nfrom pathlib import Path\nfrom linter.config.project import read_config\n"
            "read_config(Path('.copydesk.yml'))\n"
            "print(*sorted(m for m in sys.modules if m.startswith('linter.kinds.')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         check=True).stdout
    # quote-style is read by the quotes kind (quote_layout is its helper); base and specs
    # are what every kind builds on.
    assert out.split() == [f"linter.kinds.{m}" for m in ("base", "quote_layout", "quotes", "specs")]
