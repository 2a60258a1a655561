"""ruff and mypy --strict are part of the test run, so CI enforces them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True, check=False)


def test_ruff_clean() -> None:
    result = _run("ruff", "check", "linter", "tests", "bench", "tools")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_clean() -> None:
    result = _run("mypy", "linter")
    assert result.returncode == 0, result.stdout + result.stderr


def test_imports_follow_the_layers() -> None:
    """import-linter's contracts in pyproject.toml: the layers of ARCHITECTURE.md, and no cycles."""
    code = "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_modules_stay_small_and_folders_balanced() -> None:
    """No module over 400 lines; no folder of the package holds more than a third of its code."""
    package = ROOT / "linter"
    sizes = {p: len(p.read_text(encoding="utf-8").splitlines()) for p in package.rglob("*.py")}
    assert not [(p.name, n) for p, n in sizes.items() if n > 400]
    total = sum(sizes.values())
    by_folder: dict[Path, int] = {}
    for path, n in sizes.items():
        by_folder[path.parent] = by_folder.get(path.parent, 0) + n
    assert not [(f.name, n) for f, n in by_folder.items() if n > total / 3]


def test_records_keep_their_annotations_evaluated() -> None:
    """No module that defines NamedTuples defers its annotations (ARCHITECTURE.md,
    Invariants): each string annotation would be compiled at import, and the first
    compile() of a process builds Python's AST types."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "linter").rglob("*.py")}
    assert not [name for name, text in texts.items()
                if "NamedTuple" in text and "from __future__ import annotations" in text]
