"""Where partitions are audited: local processes (the default), or a Dask cluster (a local
one started for the run, or a running one named by its scheduler's address).

Every engine runs :func:`linter.audit.task.audit_partition` on each partition and yields
the results as they finish, in any order; the caller writes each one as it comes, so at
most a few results are held in memory whatever the archive's size. The one module that
imports dask and distributed.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from linter.audit.sources import Partition
from linter.audit.stories import Fields
from linter.audit.task import PartitionResult, Rules, audit_partition
from linter.model.version import __version__

# How long to wait for the scheduler named by --scheduler to answer.
CONNECT_TIMEOUT = "10s"


class EngineError(Exception):
    """The cluster cannot run the audit (unreachable, another copydesk, a partition that
    killed its workers): one line."""


@dataclass(frozen=True)
class Engine:
    """How to run the audit: ``jobs`` local processes, or Dask: a LocalCluster of
    ``workers`` processes, or the running cluster at ``scheduler``."""

    jobs: int = 1
    workers: int | None = None
    scheduler: str | None = None

    @property
    def name(self) -> str:
        if self.scheduler:
            return f"the Dask cluster at {self.scheduler}"
        if self.workers:
            return f"a local Dask cluster of {self.workers} worker{'s' if self.workers != 1 else ''}"
        return f"up to {self.jobs} local process{'es' if self.jobs != 1 else ''}"

    def run(self, parts: Sequence[Partition], rules: Rules, fields: Fields) -> Iterator[PartitionResult]:
        """The result of every partition, as each finishes."""
        if not parts:
            return iter(())
        if self.scheduler or self.workers:
            return _dask(parts, rules, fields, self)
        return _local(parts, rules, fields, self.jobs)


def _local(parts: Sequence[Partition], rules: Rules, fields: Fields, jobs: int) -> Iterator[PartitionResult]:
    if jobs <= 1 or len(parts) == 1:
        yield from (audit_partition(rules, p, fields) for p in parts)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = multiprocessing.get_context(method).Pool(min(jobs, len(parts)))
    try:
        yield from pool.imap_unordered(_audit, ((rules, p, fields) for p in parts))
        pool.close()
    finally:
        pool.terminate()  # Ctrl-C, or an error: stop the partitions still running at once
        pool.join()


def _audit(work: tuple[Rules, Partition, Fields]) -> PartitionResult:
    return audit_partition(*work)


def worker_version() -> str:
    return __version__


def _distributed() -> Any:
    """The distributed package, untyped here: its functions carry no annotations."""
    return importlib.import_module("distributed")


def _client(engine: Engine) -> tuple[Any, Any]:
    dist = _distributed()
    Client, LocalCluster = dist.Client, dist.LocalCluster

    if engine.scheduler:
        try:
            return Client(engine.scheduler, timeout=CONNECT_TIMEOUT), None
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {engine.scheduler}: {exc}") from None
    cluster = LocalCluster(n_workers=engine.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


def _check_workers(client: Any) -> None:
    """Every worker must run this copydesk: the rules are plain data, the code is not sent."""
    try:
        versions = client.run(worker_version)
    except (ImportError, AttributeError) as exc:
        raise EngineError(f"a Dask worker cannot import copydesk ({exc}); install copydesk "
                          f"{__version__} with the audit extra where the workers run") from None
    wrong = {w: v for w, v in versions.items() if v != __version__}
    if wrong:
        worker, version = sorted(wrong.items())[0]
        raise EngineError(f"Dask worker {worker} runs copydesk {version}, this is {__version__}: "
                          "install the same version everywhere")
    if not versions:
        raise EngineError("the Dask cluster has no workers: start some with `dask worker ADDRESS`")


def _dask(parts: Sequence[Partition], rules: Rules, fields: Fields,
          engine: Engine) -> Iterator[PartitionResult]:
    dist = _distributed()
    as_completed = dist.as_completed
    FutureCancelledError = dist.client.FutureCancelledError
    KilledWorker = dist.scheduler.KilledWorker

    client, cluster = _client(engine)
    try:
        if engine.workers:
            client.wait_for_workers(engine.workers, timeout=120)
        _check_workers(client)
        shared = client.scatter(rules, broadcast=True, hash=False)
        run = uuid.uuid4().hex[:8]
        futures = [client.submit(audit_partition, shared, p, fields, key=f"copydesk-audit-{run}-{p.index}",
                                 pure=False) for p in parts]
        finished = as_completed(futures)
        del futures  # each result is released once it is taken: the cluster keeps none
        for future in finished:
            try:
                result: PartitionResult = future.result()
            except KilledWorker as exc:
                raise EngineError(f"partition {future.key} killed the Dask workers that ran it "
                                  f"(every retry): {exc}") from None
            except FutureCancelledError as exc:
                raise EngineError(f"the Dask cluster cancelled partition {future.key}: {exc}") from None
            future.release()
            yield result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
