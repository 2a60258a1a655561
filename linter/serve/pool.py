"""Worker processes that check drafts off the event loop, each draft under a time limit.

A draft goes to an idle worker over a pipe; a thread waits for the answer, so the event
loop keeps serving. A worker that does not answer within the time limit (a pathological
draft) is killed and replaced, and only that draft fails: the others go on in the other
workers. :class:`concurrent.futures.ProcessPoolExecutor` cannot cancel a running task,
which is why the pool is this small one of its own. Workers are spawned (not forked from
a server that runs threads) and load the rules themselves.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from dataclasses import dataclass
from typing import Any

import anyio.to_thread

from linter.serve.worker import Settings, Task, main

STARTUP_LIMIT = 120.0  # seconds for a new worker to load the rules


class TimeLimit(Exception):
    """The draft took longer than the time limit; its worker was replaced."""


class Busy(Exception):
    """No worker became free in time."""


class WorkerFailed(Exception):
    """The worker died, or checking raised an error (the message says which)."""


@dataclass(eq=False)  # each worker is itself: kept in a set by identity
class _Worker:
    process: Any
    conn: Any

    def ask(self, task: Task, limit: float) -> tuple[str, Any]:
        """Send a task and wait for its answer (in a thread); raises TimeLimit."""
        self.conn.send(task)
        if not self.conn.poll(limit):
            raise TimeLimit
        answer: tuple[str, Any] = self.conn.recv()
        return answer

    def stop(self, kill: bool = False) -> None:
        if not kill:
            try:
                self.conn.send(None)
                self.process.join(2)
            except (OSError, ValueError):
                pass
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


def _spawn(settings: Settings) -> _Worker:
    """Start a worker and wait until its rules are loaded (blocking: run in a thread)."""
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe()
    process = context.Process(target=main, args=(child, settings), daemon=True, name="copydesk-worker")
    process.start()
    child.close()
    worker = _Worker(process, parent)
    if not parent.poll(STARTUP_LIMIT):
        worker.stop(kill=True)
        raise WorkerFailed("a worker did not start in time")
    try:
        state, detail = parent.recv()
    except EOFError:
        state, detail = "failed", "the worker exited while starting"
    if state != "ready":
        worker.stop(kill=True)
        raise WorkerFailed(str(detail))
    return worker


class Pool:
    """``size`` workers; :meth:`check` runs one task in one of them."""

    def __init__(self, settings: Settings, size: int, time_limit: float, queue_limit: float) -> None:
        self.settings = settings
        self.size = size
        self.time_limit = time_limit
        self.queue_limit = queue_limit
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._closing = False
        self._replacing: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        workers = await asyncio.gather(*(anyio.to_thread.run_sync(_spawn, self.settings)
                                         for _ in range(self.size)))
        for worker in workers:
            self._all.add(worker)
            self._idle.put_nowait(worker)

    def pids(self) -> list[int]:
        return [w.process.pid for w in self._all]

    async def check(self, task: Task) -> Any:
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.queue_limit)
        except asyncio.TimeoutError:
            raise Busy from None
        try:
            state, detail = await anyio.to_thread.run_sync(worker.ask, task, self.time_limit)
        except TimeLimit:
            self._replace(worker)
            raise
        except (EOFError, OSError) as exc:
            self._replace(worker)
            raise WorkerFailed(f"the worker stopped ({type(exc).__name__})") from None
        self._idle.put_nowait(worker)
        if state != "ok":
            raise WorkerFailed(str(detail))
        return detail

    def _replace(self, worker: _Worker) -> None:
        self._all.discard(worker)
        worker.stop(kill=True)
        if not self._closing:
            task = asyncio.get_running_loop().create_task(self._respawn())
            self._replacing.add(task)
            task.add_done_callback(self._replacing.discard)

    async def _respawn(self) -> None:
        while not self._closing:
            try:
                worker = await anyio.to_thread.run_sync(_spawn, self.settings)
            except WorkerFailed:
                await asyncio.sleep(1)
                continue
            if self._closing:
                worker.stop()
                return
            self._all.add(worker)
            self._idle.put_nowait(worker)
            return

    async def close(self) -> None:
        self._closing = True
        for task in list(self._replacing):
            task.cancel()
        workers, self._all = list(self._all), set()
        await asyncio.gather(*(anyio.to_thread.run_sync(w.stop) for w in workers))
