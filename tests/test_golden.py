"""Every output format's bytes over the fixtures, compared with files kept in tests/golden.

A change that is meant to alter output regenerates them (then read the diff):

    COPYDESK_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import ROOT

from linter.cli import main

GOLDEN = Path(__file__).parent / "golden"
CONFIGS = {
    "default": "",
    "all-straight": "styles: [Bias, Sourcing, Names, Quotes, Readability, Proselint, Said]\nquote-style: straight\n",
}
CASES = [(config, fmt, colour) for config in CONFIGS for fmt in ("text", "json", "github", "sarif", "junit")
         for colour in (("never", "always") if fmt == "text" else ("never",))]


@pytest.mark.parametrize(("config", "fmt", "colour"), CASES, ids=["-".join(c) for c in CASES])
def test_output_bytes_are_unchanged(config: str, fmt: str, colour: str, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch, capfdbinary: pytest.CaptureFixture[bytes]) -> None:
    (tmp_path / ".copydesk.yml").write_text(CONFIGS[config], encoding="utf-8")
    monkeypatch.chdir(ROOT)
    code = main(["check", "--format", fmt, "--color", colour, "--fail-on", "warning", "--jobs", "1",
                 "--config", str(tmp_path / ".copydesk.yml"), "fixtures"])
    out = capfdbinary.readouterr().out
    golden = GOLDEN / f"{config}-{fmt}{'-colour' if colour == 'always' else ''}.out"
    if os.environ.get("COPYDESK_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_bytes(out)
    assert code == 1
    assert out == golden.read_bytes(), f"{golden.name} differs; see the module docstring"
