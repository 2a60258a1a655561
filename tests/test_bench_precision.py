"""bench/precision.py: its sample keeps a finding's lot across versions, and its verdicts parse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bench_scripts import ROOT, load

precision = load("precision")


def _finding(line: int, rule: str = "Bias.Labels") -> Any:
    return precision.Finding("bbc/x/001.txt", line, 1, 5, rule, 0, 4, "error")


def test_a_finding_keeps_its_lot_when_others_come_and_go() -> None:
    findings = [_finding(n) for n in range(1, 301)]
    drawn = precision.sample(findings, "labels", 20, 7)
    assert len(drawn) == 20 and drawn == sorted(drawn, key=lambda f: f.key)
    # dropping findings outside the sample leaves the sample as it was
    kept = set(drawn)
    fewer = [f for f in findings if f in kept or f.line % 3]
    assert precision.sample(fewer, "labels", 20, 7) == drawn
    # dropping one finding of the sample replaces it and keeps the other 19
    again = precision.sample([f for f in findings if f != drawn[0]], "labels", 20, 7)
    assert len(set(again) & kept) == 19
    # groups are the packs
    assert precision.sample([_finding(1, "Sourcing.Weasel")], "labels", 20, 7) == []


def test_the_shipped_verdicts_parse_and_hold_positions_only() -> None:
    verdicts = precision.load_verdicts(precision.DEFAULT_VERDICTS)
    assert len(verdicts) >= 200
    for (path, line, column, end, rule), (verdict, reason) in verdicts.items():
        assert path.startswith("bbc/") and line >= 1 and end > column >= 1
        assert rule.split(".")[0] in ("Bias", "Sourcing") and verdict in precision.VERDICTS and reason


def test_a_malformed_verdict_line_names_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "v.tsv"
    bad.write_text("# header\nbbc/x.txt\t1\t1\t5\tBias.Labels\tmaybe\twhy\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"v\.tsv:2:"):
        precision.load_verdicts(bad)


def test_wilson_interval() -> None:
    low, high = precision.wilson(83, 100)
    assert round(low, 2) == 0.74 and round(high, 2) == 0.89
    assert precision.wilson(0, 0) == (0.0, 0.0)


def test_the_polnear_verdicts_name_stories_by_hash_only() -> None:
    """PolNeAR's file names are its headlines: its verdicts keep a hash of the path."""
    verdicts = precision.load_verdicts(ROOT / "bench" / "precision-verdicts-polnear.tsv")
    assert len(verdicts) >= 200
    for (path, line, column, end, rule), (verdict, reason) in verdicts.items():
        assert path.startswith("sha256:") and len(path) == len("sha256:") + 16
        assert rule.split(".")[0] in ("Bias", "Sourcing") and verdict in precision.VERDICTS and reason
        assert line >= 1 and end > column >= 1


def test_a_verdict_kept_under_the_hash_of_its_path_is_found() -> None:
    finding = precision.Finding("text/a-headline-as-a-file-name.txt", 3, 1, 5, "Bias.Labels", 0, 4, "error")
    kept = {(precision.hashed(finding.path), 3, 1, 5, "Bias.Labels"): ("right", "a label")}
    assert precision.verdict_of(kept, finding) == ("right", "a label")
    assert precision.verdict_of({finding.key: ("wrong", "x")}, finding) == ("wrong", "x")
    elsewhere = precision.Finding(finding.path, 4, 1, 5, "Bias.Labels", 0, 4, "error")
    assert precision.verdict_of(kept, elsewhere) is None
