"""Bad input to copydesk serve gets a clear 4xx JSON error, and the server keeps serving:
size, encoding, missing or malformed fields, unknown rules, a slow client, a draft that
takes too long (cut off, while other drafts are answered), a missing token."""

from __future__ import annotations

import base64
import json
import socket
import sys
import threading
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
import requests
from servers import Running, running_server

import linter.cli

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SLOW_PARAGRAPH = ("The terrorists fled Kiev on Monday, officials said, as \"militants\" stormed the so-called "
                  "capital. Critics claimed 40 people died.\n\n")


@pytest.fixture(scope="module")
def server() -> Iterator[Running]:
    with running_server("--no-config", "--workers", "2", "--time-limit", "1", "--read-timeout", "1",
                        env={"COPYDESK_TOKEN": TOKEN}) as running:
        yield running


def _post(server: Running, path: str, **kwargs: object) -> requests.Response:
    headers = {**AUTH, **kwargs.pop("headers", {})}  # type: ignore[dict-item]
    return requests.post(server.url + path, headers=headers, timeout=30, **kwargs)  # type: ignore[arg-type]


def _still_serving(server: Running) -> None:
    answer = _post(server, "v2/check", data={"text": "They fled Kiev.", "language": "en-GB"})
    assert answer.status_code == 200 and answer.json()["matches"][0]["rule"]["id"] == "Names.Places"


def _error(answer: requests.Response, status: int, code: str) -> str:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    body = answer.json()
    assert body["error"] == code and body["status"] == status and body["message"]
    return str(body["message"])


BAD_REQUESTS = {
    "missing-text": (dict(data={"language": "en-US"}), 400, "missing-text"),
    "text-and-data": (dict(data={"text": "a", "data": "{}"}), 400, "text-and-data"),
    "invalid-utf8-raw": (dict(data=b"language=en&text=caf\xe9", headers={
        "Content-Type": "application/x-www-form-urlencoded"}), 400, "invalid-utf8"),
    "invalid-utf8-percent": (dict(data=b"language=en&text=caf%E9", headers={
        "Content-Type": "application/x-www-form-urlencoded"}), 400, "invalid-utf8"),
    "unknown-rule": (dict(data={"text": "x", "disabledRules": "Bias.Lables"}), 400, "unknown-rule"),
    "unknown-enabled-rule": (dict(data={"text": "x", "enabledRules": "Nmes", "enabledOnly": "true"}),
                             400, "unknown-rule"),
    "data-not-json": (dict(data={"data": "{annotation: [}"}), 400, "invalid-data"),
    "data-not-object": (dict(data={"data": "[1, 2]"}), 400, "invalid-data"),
    "data-bad-part": (dict(data={"data": json.dumps({"annotation": [{"text": "a", "markup": "b"}]})}),
                      400, "invalid-data"),
    "data-part-not-string": (dict(data={"data": json.dumps({"annotation": [{"text": 3}]})}), 400,
                             "invalid-data"),
    "lone-surrogate": (dict(data={"data": '{"annotation": [{"text": "\\ud800"}]}'}), 400, "invalid-text"),
    "language": (dict(data={"text": "x", "language": "de-DE"}), 400, "unsupported-language"),
    "level": (dict(data={"text": "x", "level": "pedantic"}), 400, "invalid-parameter"),
    "enabled-only-alone": (dict(data={"text": "x", "enabledOnly": "true"}), 400, "invalid-parameter"),
    "multipart": (dict(files={"text": ("draft.txt", b"Kiev")}), 415, "unsupported-media-type"),
}


@pytest.mark.parametrize("case", list(BAD_REQUESTS))
def test_bad_languagetool_request_gets_a_json_error(server: Running, case: str) -> None:
    kwargs, status, code = BAD_REQUESTS[case]
    _error(_post(server, "v2/check", **kwargs), status, code)
    _still_serving(server)


def test_unknown_rule_names_the_nearest_and_languagetool_ids_are_ignored(server: Running) -> None:
    message = _error(_post(server, "v2/check", data={"text": "x", "disabledRules": "Bias.Lables"}), 400,
                     "unknown-rule")
    assert "'Bias.Labels'" in message
    answer = _post(server, "v2/check", data={"text": "Kiev.", "disabledRules": "MORFOLOGIK_RULE_EN_US"})
    assert answer.status_code == 200


NATIVE_BAD = {
    "json-invalid": (dict(data=b"{", headers={"Content-Type": "application/json"}), 400, "invalid-json"),
    "json-not-object": (dict(json=["text"]), 400, "invalid-json"),
    "json-invalid-utf8": (dict(data=b'{"text": "caf\xe9"}', headers={"Content-Type": "application/json"}),
                          400, "invalid-utf8"),
    "body-invalid-utf8": (dict(data=b"caf\xe9", headers={"Content-Type": "text/plain"}), 400, "invalid-utf8"),
    "missing-text": (dict(json={"format": "markdown"}), 400, "missing-text"),
    "format": (dict(json={"text": "x", "format": "docx"}), 400, "invalid-parameter"),
    "media-type": (dict(data=b"x", headers={"Content-Type": "application/pdf"}), 415, "unsupported-media-type"),
}


@pytest.mark.parametrize("case", list(NATIVE_BAD))
def test_bad_native_request_gets_a_json_error(server: Running, case: str) -> None:
    kwargs, status, code = NATIVE_BAD[case]
    _error(_post(server, "api/check", **kwargs), status, code)
    _still_serving(server)


def test_body_over_the_size_limit(server: Running) -> None:
    big = "word " * 210_000  # over the default 1 MB
    _error(_post(server, "v2/check", data={"text": big}), 413, "too-large")
    chunked = (piece.encode() for piece in [f"text={'a' * 100_000}"] * 11)  # no Content-Length
    _error(_post(server, "v2/check", data=chunked,
                 headers={"Content-Type": "application/x-www-form-urlencoded"}), 413, "too-large")
    _still_serving(server)


def test_unknown_endpoint_and_method(server: Running) -> None:
    _error(requests.get(server.url + "v2/nothing", headers=AUTH, timeout=10), 404, "not-found")
    _error(requests.delete(server.url + "v2/check", headers=AUTH, timeout=10), 405, "method-not-allowed")


def test_token_is_required_except_for_health(server: Running) -> None:
    for path in ("", "v2/info", "v2/languages"):
        answer = requests.get(server.url + path, timeout=10)
        _error(answer, 401, "unauthorized")
        assert answer.headers["www-authenticate"].startswith("Basic")
    _error(requests.post(server.url + "v2/check", data={"text": "x"}, timeout=10), 401, "unauthorized")
    _error(requests.post(server.url + "api/check", json={"text": "x"}, timeout=10,
                         headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
    assert requests.get(server.url + "health", timeout=10).status_code == 200
    basic = base64.b64encode(f"editor:{TOKEN}".encode()).decode()
    assert requests.get(server.url + "v2/info", headers={"Authorization": f"Basic {basic}"}, timeout=10).ok
    as_field = requests.post(server.url + "v2/check", data={"text": "Kiev.", "apiKey": TOKEN}, timeout=10)
    assert as_field.status_code == 200  # what LTeX and the extensions send as their API key
    host = urlsplit(server.url)
    in_url = f"http://copydesk:{TOKEN}@{host.hostname}:{host.port}/v2/languages"  # language-tool-python
    assert requests.get(in_url, timeout=10).status_code == 200


def test_a_slow_client_gets_408_and_others_are_served(server: Running) -> None:
    host = urlsplit(server.url)
    with socket.create_connection((host.hostname, host.port), timeout=10) as slow:
        slow.sendall(b"POST /v2/check HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN.encode()
                     + b"\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ntext=abc")
        started = time.monotonic()
        _still_serving(server)  # meanwhile
        reply = b""
        while b"}" not in reply:  # the headers and the JSON body may come apart
            chunk = slow.recv(65536)
            if not chunk:
                break
            reply += chunk
        assert time.monotonic() - started < 8
    assert reply.startswith(b"HTTP/1.1 408") and b'"request-timeout"' in reply


def test_a_pathological_draft_is_cut_off_and_does_not_block_others(server: Running) -> None:
    slow: dict[str, requests.Response] = {}

    def send() -> None:
        # about 3 s of work (393 KB, under the 1 MB body limit) against the 1 s time limit:
        # 1,200 paragraphs took 1.1 s, too close to the limit to fail every time
        slow["answer"] = _post(server, "api/check", json={"text": SLOW_PARAGRAPH * 3000})

    thread = threading.Thread(target=send)
    thread.start()
    time.sleep(0.2)
    started = time.monotonic()
    _still_serving(server)  # the other worker answers at once
    quick = time.monotonic() - started
    thread.join(60)
    _error(slow["answer"], 422, "time-limit")
    assert quick < 0.9
    time.sleep(0.5)
    for _ in range(3):  # the worker that was killed is replaced
        _still_serving(server)


def test_serve_without_the_extra_is_a_one_line_error(tmp_path: object) -> None:
    import subprocess

    code = ("import sys; sys.modules['starlette'] = None; sys.modules['uvicorn'] = None; "
            "from linter.cli import main; sys.exit(main(['serve', '--no-config']))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "pip install 'copydesk[serve]'" in result.stderr


def test_a_port_in_use_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert linter.cli.main(["serve", "--no-config", "--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"copydesk: cannot listen on 127.0.0.1:{port}") and err.count("\n") == 1
