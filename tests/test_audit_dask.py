"""copydesk audit on Dask (LocalCluster on 127.0.0.1): the rows of the local run, and a
worker killed mid-audit survived with no row lost or doubled."""

from __future__ import annotations

import logging
import os
import signal
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from audit_archives import stories, write_jsonl
from conftest import ROOT
from distributed import Client, LocalCluster

from linter.audit import engines
from linter.audit.driver import Plan, run_audit
from linter.audit.engines import Engine
from linter.audit.task import Rules
from linter.cli import main
from linter.run.session import open_session

COUNT = 60
SIZE = 5


def rows(path: Path) -> list[dict[str, Any]]:
    return sorted(pq.read_table(path).to_pylist(), key=lambda r: (r["id"], r["offset"], r["rule"], r["length"]))


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("archive") / "stories.jsonl", stories(COUNT, seed=11))


@pytest.fixture(scope="module")
def rules() -> Rules:
    return Rules.of(open_session(None, ROOT, use_config=False))


@pytest.fixture(scope="module")
def local(archive: Path, rules: Rules, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    run_audit(Plan((str(archive),), out, partition_size=SIZE), rules, Engine(1))
    return out


@pytest.fixture
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.ERROR) as running:
        yield running


def test_workers_2_gives_the_rows_of_the_local_run(archive: Path, local: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["audit", str(archive), "--out", str(out), "--workers", "2", "--no-config",
                 "--partition-size", str(SIZE)]) == 0
    assert "on a local Dask cluster of 2 workers" in capsys.readouterr().out
    assert rows(out / "findings.parquet") == rows(local / "findings.parquet")
    assert pq.read_table(out / "summary.parquet").equals(pq.read_table(local / "summary.parquet"))
    assert (out / "report.html").read_bytes() == (local / "report.html").read_bytes()


def test_a_worker_killed_mid_audit_is_survived(archive: Path, local: Path, rules: Rules, tmp_path: Path,
                                               cluster: LocalCluster) -> None:
    with Client(cluster) as client:
        pids: dict[str, int] = client.run(os.getpid)
    killed: list[int] = []

    def kill_one_worker(done: int, total: int) -> None:
        if done and not killed:  # one partition back, the others still running or waiting
            victim = sorted(pids.values())[0]
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    out = tmp_path / "out"
    run_audit(Plan((str(archive),), out, partition_size=SIZE), rules,
              Engine(scheduler=cluster.scheduler_address), kill_one_worker)
    assert killed
    found = rows(out / "findings.parquet")
    assert found == rows(local / "findings.parquet")
    keys = Counter((r["id"], r["offset"], r["rule"], r["length"]) for r in found)
    assert max(keys.values()) == 1  # nothing doubled
    with Client(cluster) as client:
        now = client.run(os.getpid)
    assert killed[0] not in now.values() and len(now) == 2  # the nanny started a new worker
    # The scheduler sent some partition to a worker again (it was on the one that died).
    processing = Counter(entry[0] for entry in cluster.scheduler.transition_log if entry[2] == "processing")
    assert any(n > 1 for key, n in processing.items() if str(key).startswith("copydesk-audit-"))


def test_a_scheduler_nobody_runs_is_a_one_line_error(archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(engines, "CONNECT_TIMEOUT", "1s")
    code = main(["audit", str(archive), "--out", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:9",
                 "--no-config", "-q"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("copydesk: cannot reach the Dask scheduler at tcp://127.0.0.1:9") and err.count("\n") == 1


def test_the_workers_get_the_rules_and_config_from_the_command(archive: Path, tmp_path: Path,
                                                               cluster: LocalCluster) -> None:
    """A house style folder and a .copydesk.yml are read where the command runs; the workers
    audit with them after both are gone from disk (they travel with the work)."""
    newsroom = tmp_path / "newsroom"
    (newsroom / "House").mkdir(parents=True)
    (newsroom / "House" / "Depot.yml").write_text(
        "extends: existence\nmessage: 'name the depot'\nlevel: warning\ntokens: [depot]\n", encoding="utf-8")
    (newsroom / ".copydesk.yml").write_text(
        "styles: [Bias, ./House]\nrules:\n  Bias.Labels: warning\n", encoding="utf-8")
    rules = Rules.of(open_session(None, newsroom))
    (newsroom / "House" / "Depot.yml").unlink()
    (newsroom / ".copydesk.yml").unlink()
    out = tmp_path / "out"
    run_audit(Plan((str(archive),), out, partition_size=SIZE), rules, Engine(scheduler=cluster.scheduler_address))
    found = pq.read_table(out / "findings.parquet").to_pylist()
    by_rule = Counter(r["rule"] for r in found)
    assert by_rule["House.Depot"] > 0 and by_rule["Bias.Labels"] > 0
    # the config's level, not the bundled error, for labels in the writer's own voice
    assert {r["level"] for r in found if r["rule"] == "Bias.Labels" and r["voice"] == "own"} == {"warning"}
    assert {r["term"] for r in found if r["rule"] == "House.Depot"} == {"depot"}
    assert not [rule for rule in by_rule if rule.split(".")[0] in ("Names", "Sourcing", "Quotes")]
