"""The bundled rule packs ship inside a built wheel (what a non-editable install gets)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_every_rule_file(tmp_path: Path) -> None:
    # Build with the environment's setuptools: no network, no isolation.
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, cwd=tmp_path,
    )
    [wheel] = tmp_path.glob("copydesk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "linter/packs/" + p.relative_to(ROOT / "rules").as_posix()
        for p in (ROOT / "rules").rglob("*")
        if p.suffix in (".yml", ".yaml")
    }
    assert expected, "no rule files found in rules/"
    assert expected <= names, sorted(expected - names)
    assert "linter/cli/__init__.py" in names and "linter/cli/check.py" in names and "linter/py.typed" in names
