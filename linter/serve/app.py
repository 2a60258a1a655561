"""The ASGI application: routes, the token, limits, and errors as JSON.

Routes: ``GET /`` (the editors' page), ``GET /health`` (no token needed), ``GET
/v2/info``, ``GET /v2/languages`` and ``GET|POST /v2/check`` (LanguageTool's API),
``POST /api/check`` (exactly ``copydesk check --format json`` for one draft) and ``POST
/api/view`` (the page's highlighted view). Checking runs in the worker pool
(:mod:`linter.serve.pool`); the event loop only reads requests and writes answers.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from linter.model.version import __version__
from linter.run.session import Session
from linter.serve import languagetool
from linter.serve.page import page
from linter.serve.pool import Busy, Pool, TimeLimit, WorkerFailed
from linter.serve.requests import HttpError, languagetool_task, native_draft, read_body, request_fields
from linter.serve.worker import Settings, Task

log = logging.getLogger("copydesk.serve")
Handler = Callable[[Request], Awaitable[Response]]
_PAGE_HEADERS = {
    # Everything the page needs is in it: nothing from elsewhere may load.
    "Content-Security-Policy": "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                               "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True)
class Limits:
    """``max_body`` bytes per request, read within ``read_timeout`` seconds; each draft
    checked within ``time_limit`` seconds by one of ``workers`` processes, after waiting at
    most ``queue_timeout`` seconds for one to be free."""

    max_body: int = 1_000_000
    read_timeout: float = 10.0
    time_limit: float = 10.0
    workers: int = 2
    queue_timeout: float = 30.0


def _error(exc: HttpError) -> JSONResponse:
    return JSONResponse(exc.body(), exc.status, headers=exc.headers)


def _presented(request: Request) -> str | None:
    """The token in ``Authorization``: ``Bearer TOKEN``, or Basic with TOKEN as the password
    (what a browser or a URL's ``user:TOKEN@`` sends)."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        return value.strip()
    if scheme.lower() == "basic":
        try:
            return base64.b64decode(value.strip(), validate=True).decode("utf-8").partition(":")[2]
        except (binascii.Error, UnicodeDecodeError):
            return None
    return None


class Server:
    """The routes over one session (for checking requests) and one pool."""

    def __init__(self, session: Session, settings: Settings, limits: Limits, token: str | None,
                 ready: Callable[[], None] = lambda: None) -> None:
        self.session = session
        self.ready = ready
        self.limits = limits
        self.token = token
        self.pool = Pool(settings, limits.workers, limits.time_limit, limits.queue_timeout)
        self.enabled = [r.id for r in session.rules]

    def _authorized(self, request: Request, fields: dict[str, str] | None = None) -> None:
        if self.token is None:
            return
        given = _presented(request) or (fields or {}).get("apiKey") or ""
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            raise HttpError(401, "unauthorized", "this server needs its token: send 'Authorization: Bearer "
                                                 "TOKEN' (or Basic auth with the token as password, or "
                                                 "LanguageTool's apiKey field)",
                            {"WWW-Authenticate": 'Basic realm="copydesk", charset="UTF-8"'})

    async def _run(self, task: Task) -> str:
        try:
            answer: str = await self.pool.check(task)
            return answer
        except TimeLimit:
            limit = self.limits.time_limit
            raise HttpError(422, "time-limit", f"checking this draft took longer than the server's "
                                               f"{limit:g} s limit; send it in parts") from None
        except Busy:
            raise HttpError(503, "busy", "every worker stayed busy; try again shortly",
                            {"Retry-After": "5"}) from None
        except WorkerFailed as exc:
            log.error("checking failed: %s", exc)
            raise HttpError(500, "internal-error", f"checking failed: {exc}") from None

    async def index(self, request: Request) -> Response:
        self._authorized(request)
        return HTMLResponse(page(), headers=_PAGE_HEADERS)

    async def health(self, request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def info(self, request: Request) -> Response:
        self._authorized(request)
        limits = self.limits
        return JSONResponse({
            "software": languagetool.software(), "version": __version__,
            "config": str(self.session.config.path) if self.session.config.path else None,
            "rules": [{"id": r.id, "level": r.level.label, "kind": r.kind} for r in self.session.rules],
            "languages": [code for code, _ in languagetool.LANGUAGES],
            "limits": {"maxBodyBytes": limits.max_body, "readTimeoutSeconds": limits.read_timeout,
                       "timeLimitSeconds": limits.time_limit, "workers": limits.workers},
        })

    async def languages(self, request: Request) -> Response:
        self._authorized(request)
        return JSONResponse(languagetool.languages())

    async def check_languagetool(self, request: Request) -> Response:
        body = await read_body(request, self.limits.max_body, self.limits.read_timeout)
        fields = request_fields(request, body)
        self._authorized(request, fields)
        task = languagetool_task(fields, self.session.ruleset, self.enabled)
        return Response(await self._run(task), media_type="application/json")

    async def check_native(self, request: Request) -> Response:
        self._authorized(request)
        body = await read_body(request, self.limits.max_body, self.limits.read_timeout)
        answer = await self._run(Task(native_draft(request, body), "json"))
        return Response(answer, media_type="application/json")

    async def view(self, request: Request) -> Response:
        self._authorized(request)
        body = await read_body(request, self.limits.max_body, self.limits.read_timeout)
        answer = await self._run(Task(native_draft(request, body), "view"))
        return Response(answer, media_type="application/json")


def _guarded(handler: Handler) -> Handler:
    """Every refusal as its JSON error; anything unexpected as a JSON 500, logged."""
    async def run(request: Request) -> Response:
        try:
            return await handler(request)
        except HttpError as exc:
            return _error(exc)
    return run


async def _http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    if status == 500:
        log.exception("unexpected error", exc_info=exc)
    text = {
        404: "no such endpoint (see GET /v2/info)",
        405: "method not allowed"}.get(status, "internal error")
    code = {404: "not-found", 405: "method-not-allowed"}.get(status, "internal-error")
    return JSONResponse({"error": code, "message": text, "status": status}, status)


def create_app(server: Server) -> Starlette:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await server.pool.start()
        server.ready()
        try:
            yield
        finally:
            await server.pool.close()

    routes = [
        Route("/", _guarded(server.index), methods=["GET"]),
        Route("/health", _guarded(server.health), methods=["GET"]),
        Route("/v2/info", _guarded(server.info), methods=["GET"]),
        Route("/v2/languages", _guarded(server.languages), methods=["GET"]),
        Route("/v2/check", _guarded(server.check_languagetool), methods=["GET", "POST"]),
        Route("/api/check", _guarded(server.check_native), methods=["POST"]),
        Route("/api/view", _guarded(server.view), methods=["POST"]),
    ]
    cors = Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                      allow_headers=["Authorization", "Content-Type"])
    return Starlette(routes=routes, middleware=[cors], lifespan=lifespan,
                     exception_handlers={HTTPException: _http_error, Exception: _http_error})
