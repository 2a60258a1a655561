"""``copydesk serve``: the LanguageTool-compatible server and the editors' page.

The server (``linter.serve``) needs the ``serve`` extra (Starlette and uvicorn); without
it the command says so in one line, exit code 2. The listening socket is opened here,
before the workers start, so that a port in use is a one-line error too.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from linter.cli.base import Command, Exit, fail
from linter.cli.options import add_config_options, byte_size, session_for
from linter.run.batch import default_jobs

if TYPE_CHECKING:
    import socket

TOKEN_VARIABLE = "COPYDESK_TOKEN"
DESCRIPTION = f"""Serve LanguageTool's HTTP API (POST /v2/check, GET /v2/languages), copydesk's
own (POST /api/check: the --format json document) and a page for editors at /.
Point the LanguageTool browser extension, LTeX or language-tool-python at
http://HOST:PORT. With a token (--token or ${TOKEN_VARIABLE}) every request but
GET /health must carry it. Needs the serve extra: pip install 'copydesk[serve]'."""


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {text}")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=8081,
                        help="port to listen on (default: 8081, LanguageTool's; 0: any free port)")
    parser.add_argument("--token", default=None,
                        help=f"require this token with every request but GET /health (default: "
                             f"${TOKEN_VARIABLE}; prefer the variable: a command line is visible to "
                             "other users)")
    parser.add_argument("--max-body", type=byte_size, default=1_000_000, metavar="SIZE",
                        help="refuse larger requests with 413 (default: 1MB)")
    parser.add_argument("--time-limit", type=_positive, default=10.0, metavar="SECONDS",
                        help="stop checking a draft after this long and answer 422 (default: 10)")
    parser.add_argument("--read-timeout", type=_positive, default=10.0, metavar="SECONDS",
                        help="answer 408 when a request's body takes longer to arrive (default: 10)")
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help="processes that check drafts (default: the number of cores)")
    parser.add_argument("--no-access-log", action="store_true",
                        help="do not log a line per request on stderr")
    add_config_options(parser)


def _listen(host: str, port: int) -> socket.socket:
    import socket  # only here: every other command starts without it
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from linter.serve.app import Limits, Server, create_app
        from linter.serve.worker import Settings
    except ImportError as exc:
        return fail(f"serve needs the serve extra ({exc.name} is missing): pip install 'copydesk[serve]'")
    if args.workers is not None and args.workers < 1:
        return fail("--workers must be at least 1")
    if not 0 <= args.port <= 65535:
        return fail(f"--port must be between 0 and 65535, not {args.port}")
    session = session_for(args)
    from pathlib import Path

    settings = Settings(session.config.path, Path.cwd(), use_config=not args.no_config)
    token = args.token if args.token is not None else os.environ.get(TOKEN_VARIABLE) or None
    limits = Limits(int(args.max_body), args.read_timeout, args.time_limit, args.workers or default_jobs())
    try:
        sock = _listen(args.host, args.port)
    except OSError as exc:
        return fail(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}")
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host

    def ready() -> None:
        workers = f"{limits.workers} worker{'' if limits.workers == 1 else 's'}"
        print(f"copydesk serve: ready on http://{shown}:{port}/ ({workers}"
              f"{', token required' if token else ''})", file=sys.stderr, flush=True)

    server = Server(session, settings, limits, token, ready)
    config = uvicorn.Config(create_app(server), log_level="info", access_log=not args.no_access_log,
                            timeout_keep_alive=5, server_header=False, lifespan="on")
    served = uvicorn.Server(config)
    served.run(sockets=[sock])
    if not served.started:
        return fail("the server did not start (the lines above say why)")
    return Exit.OK


COMMAND = Command("serve", "serve LanguageTool's API, copydesk's JSON and a page for editors",
                  add_arguments, run, DESCRIPTION)
