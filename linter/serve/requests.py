"""What a request asks, read and checked at the boundary: every problem is an
:class:`HttpError` (a status, a short code and a sentence saying what to send instead).

Bodies are read with a size limit and a time limit; form fields must be UTF-8 (as
``application/x-www-form-urlencoded``, what LanguageTool's clients send); JSON must be
an object. Past this module, a request is a :class:`~linter.serve.worker.Task`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl

import anyio
from starlette.requests import Request

from linter.config.loader import RuleSet
from linter.lib.suggest import did_you_mean
from linter.markup import STRIPPERS, format_for
from linter.markup.annotation import Part
from linter.model.findings import Severity
from linter.serve import languagetool
from linter.serve.worker import Draft, Task

MAX_FIELDS = 100
# LanguageTool's own rule and category ids (UPPER_CASE, maybe with a sub-id): clients
# configured for LanguageTool send them; copydesk has no such rules and ignores them.
_LT_ID = re.compile(r"[A-Z][A-Z0-9_]*(?:\[\d+\])?")


class HttpError(Exception):
    """A request copydesk will not check: the JSON error it gets."""

    def __init__(self, status: int, code: str, message: str,
                 headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        return {"error": self.code, "message": self.message, "status": self.status}


async def read_body(request: Request, limit: int, timeout: float) -> bytes:
    """The body, at most ``limit`` bytes, all of it within ``timeout`` seconds."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks, size = [], 0
    try:
        with anyio.fail_after(timeout):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise _too_large(limit)
                chunks.append(chunk)
    except TimeoutError:
        raise HttpError(408, "request-timeout", f"the request body did not arrive within {timeout:g} s; "
                                               "send it at once") from None
    return b"".join(chunks)


def _too_large(limit: int) -> HttpError:
    return HttpError(413, "too-large", f"the request is larger than the server's limit of {limit:,} bytes "
                                       "(copydesk serve --max-body); send a shorter draft")


def _utf8(body: bytes, what: str) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HttpError(400, "invalid-utf8", f"{what} is not valid UTF-8 (byte 0x{body[exc.start]:02X} at "
                                             f"offset {exc.start}); send UTF-8") from None


def form_fields(body: bytes, query: Mapping[str, str]) -> dict[str, str]:
    """URL-encoded form fields (the body's over the query string's)."""
    text = _utf8(body, "the form")
    try:
        pairs = parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict",
                          max_num_fields=MAX_FIELDS)
    except UnicodeDecodeError:
        raise HttpError(400, "invalid-utf8", "a form field is not valid UTF-8 once decoded; send UTF-8, "
                                             "percent-encoded") from None
    except ValueError:
        raise HttpError(400, "too-many-fields", f"more than {MAX_FIELDS} form fields") from None
    return {**query, **dict(pairs)}


def request_fields(request: Request, body: bytes) -> dict[str, str]:
    """The fields of a LanguageTool request: the query string, and a URL-encoded body."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    query = dict(request.query_params)
    if not body.strip():
        return query
    if kind not in ("", "application/x-www-form-urlencoded"):
        raise HttpError(415, "unsupported-media-type",
                        f"send the fields as application/x-www-form-urlencoded, not {kind}")
    return form_fields(body, query)


def annotation(data: str) -> tuple[Part, ...]:
    """The parts of LanguageTool's ``data`` field: {"annotation": [{"text": ...} or
    {"markup": ..., "interpretAs": ...}, ...]}."""
    try:
        parsed = json.loads(data)
    except ValueError as exc:
        raise HttpError(400, "invalid-data", f"'data' is not valid JSON ({exc})") from None
    items = parsed.get("annotation") if isinstance(parsed, dict) else None
    if not isinstance(items, list):
        raise HttpError(400, "invalid-data", "'data' must be a JSON object with an 'annotation' list, as "
                                             "{\"annotation\": [{\"text\": \"...\"}, {\"markup\": \"...\"}]}")
    return tuple(_part(item, n) for n, item in enumerate(items))


def _part(item: Any, n: int) -> Part:
    where = f"'data': annotation[{n}]"
    if not isinstance(item, dict) or ("text" in item) == ("markup" in item):
        raise HttpError(400, "invalid-data", f"{where} must be an object with either 'text' or 'markup'")
    values = {key: item.get(key, "") for key in ("text", "markup", "interpretAs")}
    if not all(isinstance(v, str) for v in values.values()):
        raise HttpError(400, "invalid-data", f"{where}: 'text', 'markup' and 'interpretAs' must be strings")
    if "text" in item:
        return Part(_clean(values["text"], where))
    return Part(_clean(values["markup"], where), True, _clean(values["interpretAs"], where))


def _clean(text: str, what: str) -> str:
    """``text``, refused when it holds a lone surrogate (JSON can escape one; UTF-8 cannot)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise HttpError(400, "invalid-text",
                        f"{what} holds a lone UTF-16 surrogate; send whole characters") from None
    return text


def _flag(fields: Mapping[str, str], name: str) -> bool:
    value = fields.get(name, "false").strip().lower()
    if value not in ("true", "false", ""):
        raise HttpError(400, "invalid-parameter", f"'{name}' must be true or false, not {value!r}")
    return value == "true"


def _patterns(value: str) -> list[str]:
    return [p.strip() for p in value.split(",") if p.strip()]


def _rule_ids(fields: Mapping[str, str], name: str, ruleset: RuleSet) -> list[str]:
    """The copydesk rule ids a field names (ids, styles, globs); LanguageTool's own ids are
    ignored, and any other name that matches no loaded rule is an error."""
    ids: list[str] = []
    for pattern in _patterns(fields.get(name, "")):
        found = ruleset.select(pattern)
        if not found and _LT_ID.fullmatch(pattern):
            continue
        if not found:
            names = [*(r.id for r in ruleset.rules), *dict.fromkeys(r.style for r in ruleset.rules)]
            raise HttpError(400, "unknown-rule", f"'{name}': no copydesk rule matches {pattern!r}"
                                                 f"{did_you_mean(pattern, names)}; GET /v2/info lists them")
        ids += (r.id for r in found)
    return ids


def _categories(fields: Mapping[str, str], name: str, ruleset: RuleSet) -> list[str]:
    """Rule ids of the styles a category field names (LanguageTool's categories: ignored)."""
    wanted = {p.casefold() for p in _patterns(fields.get(name, ""))}
    return [r.id for r in ruleset.rules if r.style.casefold() in wanted]


def languagetool_task(fields: Mapping[str, str], ruleset: RuleSet, enabled: list[str]) -> Task:
    """The task of a ``/v2/check`` request (``enabled``: the ids the config runs)."""
    if ("text" in fields) == ("data" in fields):
        raise HttpError(400, "missing-text" if "text" not in fields else "text-and-data",
                        "send the draft as 'text', or as 'data' (LanguageTool's annotation JSON), "
                        "and not both")
    if "text" in fields:
        draft = Draft("-", _clean(fields["text"], "'text'"))
    else:
        draft = Draft("-", parts=annotation(fields["data"]))
    code = fields.get("language", "auto").strip() or "auto"
    try:
        languagetool.language(code)
    except ValueError:
        raise HttpError(400, "unsupported-language",
                        f"copydesk checks English only; 'language' {code!r} is not 'auto' or an English "
                        "variant (GET /v2/languages)") from None
    level = fields.get("level", "default").strip().lower() or "default"
    if level not in ("default", "picky"):
        raise HttpError(400, "invalid-parameter", f"'level' must be default or picky, not {level!r}")
    turned_on = [*_rule_ids(fields, "enabledRules", ruleset),
                 *_categories(fields, "enabledCategories", ruleset)]
    turned_off = [*_rule_ids(fields, "disabledRules", ruleset),
                  *_categories(fields, "disabledCategories", ruleset)]
    select: list[str] = []
    if _flag(fields, "enabledOnly"):
        if not turned_on:
            raise HttpError(400, "invalid-parameter", "'enabledOnly' needs 'enabledRules' or "
                                                      "'enabledCategories' naming copydesk rules")
        select = turned_on
    elif set(turned_on) - set(enabled):
        select = [*enabled, *turned_on]
    return Task(draft, "languagetool", tuple(dict.fromkeys(select)), tuple(dict.fromkeys(turned_off)),
                Severity.SUGGESTION if level == "picky" else Severity.WARNING, code)


_MEDIA_FORMATS = {"text/plain": "text", "text/markdown": "markdown", "text/x-markdown": "markdown",
                  "text/html": "html"}


def native_draft(request: Request, body: bytes) -> Draft:
    """The draft of ``/api/check`` (and the page's ``/api/view``): a JSON object {"text",
    "format", "path"}, the same as form fields, or the draft itself as the body (text/plain,
    text/markdown, text/html) with ``format`` and ``path`` in the query string."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fields: dict[str, Any]
    if kind == "application/json":
        try:
            fields = json.loads(_utf8(body, "the JSON body"))
        except ValueError as exc:
            raise HttpError(400, "invalid-json", f"the body is not valid JSON ({exc})") from None
        if not isinstance(fields, dict):
            raise HttpError(400, "invalid-json", "the body must be a JSON object: {\"text\": \"...\", "
                                                 "\"format\": \"markdown\"}")
    elif kind == "application/x-www-form-urlencoded":
        fields = form_fields(body, request.query_params)
    elif kind in _MEDIA_FORMATS or not kind:
        fields = {**request.query_params, "text": _utf8(body, "the draft")}
        fields.setdefault("format", _MEDIA_FORMATS.get(kind, ""))
    else:
        raise HttpError(415, "unsupported-media-type", f"send JSON, a form, or the draft as text/plain, "
                                                       f"text/markdown or text/html, not {kind}")
    return _draft(fields)


def _draft(fields: Mapping[str, Any]) -> Draft:
    text, fmt, path = fields.get("text"), fields.get("format") or "", fields.get("path") or "-"
    if not isinstance(text, str):
        raise HttpError(400, "missing-text", "send the draft as 'text' (a string)")
    if not isinstance(fmt, str) or not isinstance(path, str) or "\0" in path:
        raise HttpError(400, "invalid-parameter", "'format' and 'path' must be strings")
    fmt = fmt.strip().lower() or format_for(path) or "text"
    if fmt not in STRIPPERS:
        raise HttpError(400, "invalid-parameter", f"'format' must be one of {', '.join(sorted(STRIPPERS))}, "
                                                  f"not {fmt!r}")
    return Draft(path, _clean(text, "'text'"), fmt)
