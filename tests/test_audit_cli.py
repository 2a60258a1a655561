"""copydesk audit as a person runs it: the progress bar, Ctrl-C and running it again, an
output folder inside the archive."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
from audit_archives import stories, write_jsonl
from conftest import ROOT, default_sigint

from linter.audit.driver import WORK
from linter.cli import main
from linter.cli.audit import ProgressBar


def test_the_progress_bar_shows_stories_rate_and_time_left() -> None:
    stream = io.StringIO()
    clock = iter([99.0, 100.0, 102.0, 104.0])
    bar = ProgressBar(stream, lambda: next(clock))
    bar(0, 1000)
    bar(400, 1000)
    bar(1000, 1000)
    bar.close()
    lines = stream.getvalue().split("\r")[1:]
    assert lines[1].startswith("audit [#########...............] 400/1,000 stories  200 stories/s  0:03 left")
    assert lines[2].startswith("audit [########################] 1,000/1,000 stories  250 stories/s")
    assert stream.getvalue().endswith("\n")


def _rows(path: Path) -> list[dict[str, object]]:
    return sorted(pq.read_table(path).to_pylist(), key=lambda r: (str(r["id"]), r["offset"], str(r["rule"])))


def test_ctrl_c_leaves_nothing_half_written_and_the_next_run_finishes(tmp_path: Path) -> None:
    archive = write_jsonl(tmp_path / "a.jsonl", stories(60, seed=5))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "linter", "audit", str(archive), "--out", str(out), "--no-config",
               "--partition-size", "4", "-j", "1"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=default_sigint)
    deadline = time.monotonic() + 120
    while len(list((out / WORK).glob("0*.json"))) < 5 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert err.strip().splitlines()[-1] == "copydesk: interrupted"
    assert [p.name for p in out.iterdir()] == [WORK]
    assert not [p for p in (out / WORK).iterdir() if p.name.endswith(".tmp")]
    again = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert again.returncode == 0, again.stderr
    assert "partitions from the interrupted run" in again.stdout
    assert main(["audit", str(archive), "--out", str(tmp_path / "whole"), "--no-config", "-q"]) == 0
    assert _rows(out / "findings.parquet") == _rows(tmp_path / "whole" / "findings.parquet")
    summary, whole = (pq.read_table(p / "summary.parquet") for p in (out, tmp_path / "whole"))
    assert summary.equals(whole)


def test_an_output_folder_inside_the_archive_is_not_audited(tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.md").write_text("---\ndate: 2022-01-01\n---\nThe terrorists fled.\n", encoding="utf-8")
    for _ in range(2):
        assert main(["audit", str(drafts), "--out", str(drafts / "audit"), "--no-config", "-q"]) == 0
    assert pq.read_table(drafts / "audit" / "findings.parquet").column("id").to_pylist() == ["a.md"]
    assert os.path.exists(drafts / "audit" / "report.html")
