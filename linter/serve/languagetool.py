"""LanguageTool's HTTP API, as its clients read it: languages, and the answer to a check.

The response follows LanguageTool's ``/v2/check`` (``software``, ``language``,
``matches``, ``sentenceRanges``): each match has ``message``, ``shortMessage``,
``offset`` and ``length`` in UTF-16 code units (what every LanguageTool client counts),
``replacements``, ``context``, ``sentence`` and ``rule`` (``id``, ``description``,
``issueType``, ``category``, ``urls``). Clients colour a match by its issue type, so
each rule kind maps to the type whose colour fits (:data:`ISSUE_TYPES`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import Any

from linter.analysis import Analysis
from linter.lib.utf16 import Utf16
from linter.model.document import Document
from linter.model.findings import Finding
from linter.model.rule import Rule
from linter.model.version import __version__

# (long code, name): the English variants LanguageTool knows; copydesk's rules are
# written for English news copy in any of them.
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("en", "English"), ("en-US", "English (US)"), ("en-GB", "English (GB)"),
    ("en-AU", "English (Australian)"), ("en-CA", "English (Canadian)"),
    ("en-NZ", "English (New Zealand)"), ("en-ZA", "English (South African)"),
)
_NAMES = {code.casefold(): (code, name) for code, name in LANGUAGES}

# LanguageTool issue types by rule kind: clients colour misspellings (red), typography
# and grammar (yellow) and style (blue) apart. A name written the wrong way is spelling-like;
# quotation marks are typography; labels, wording and readability are style; an
# unattributed claim is none of these.
ISSUE_TYPES: dict[str, str] = {
    "names": "misspelling",
    "variants": "misspelling",
    "consistency": "inconsistency",
    "quotes": "typographical",
    "claims": "uncategorized",
}
DEFAULT_ISSUE_TYPE = "style"
CONTEXT = 40  # characters of context on each side, as LanguageTool gives


def language(code: str) -> tuple[str, str]:
    """(code, name) for a requested language: ``auto`` or English in any variant; raises
    ValueError for any other."""
    if code.casefold() == "auto":
        return _NAMES["en"]
    normal = code.replace("_", "-").casefold()
    if normal in _NAMES:
        return _NAMES[normal]
    if re.fullmatch(r"en(-[a-z0-9]{2,8})*", normal):
        return code.replace("_", "-"), "English"
    raise ValueError(code)


def languages() -> list[dict[str, str]]:
    """``GET /v2/languages``."""
    return [{"name": name, "code": code.split("-")[0], "longCode": code} for code, name in LANGUAGES]


def software() -> dict[str, Any]:
    return {"name": "copydesk", "version": __version__, "buildDate": "", "apiVersion": 1,
            "premium": False, "status": ""}


def _to_text(doc: Document, position: int) -> int:
    """The prose-text offset of a source offset (inverse of ``Document.to_source``)."""
    offsets = doc.offsets
    i = bisect_right(offsets.src_starts, position) - 1
    if i < 0:
        return position
    s, sl, t, tl = offsets.src_starts[i], offsets.src_lens[i], offsets.text_starts[i], offsets.text_lens[i]
    return t + min(position - s, tl) if position < s + sl else t + tl + (position - s - sl)


def _context(source: str, f: Finding, utf16: Utf16) -> dict[str, Any]:
    left, right = max(0, f.offset - CONTEXT), min(len(source), f.offset + f.length + CONTEXT)
    before = ("..." if left else "") + source[left:f.offset]
    text = before + source[f.offset:right] + ("..." if right < len(source) else "")
    shown = Utf16(text)
    start, length = shown.span(len(before), f.length)
    return {"text": re.sub(r"[\r\n\t]", " ", text), "offset": start, "length": length}


def _sentence(doc: Document, analysis: Analysis, f: Finding) -> str:
    sentence = analysis.sentences.sentence_at(_to_text(doc, f.offset))
    start, end = doc.to_source(sentence.start, sentence.end)
    return " ".join(doc.source[start:end].split()) if end > start else f.match


def _first_sentence(text: str) -> str:
    """LanguageTool's rule descriptions are a few words: the description's first sentence."""
    text = " ".join(text.split())
    m = re.search(r"(?<=[.!?])\s+(?=[A-Z\"“(])", text)
    return text[:m.start()] if m else text


def _rule(rule_id: str, rule: Rule | None) -> dict[str, Any]:
    style = rule_id.split(".", 1)[0]
    kind = rule.kind if rule is not None else ""
    described = _first_sentence(rule.description) if rule is not None else ""
    out: dict[str, Any] = {
        "id": rule_id, "description": " ".join(described.split()) or rule_id,
        "issueType": ISSUE_TYPES.get(kind, DEFAULT_ISSUE_TYPE),
        "category": {"id": style.upper(), "name": style},
    }
    if rule is not None and rule.link:
        out["urls"] = [{"value": rule.link}]
    return out


def _replacements(f: Finding) -> list[dict[str, str]]:
    values = list(f.suggestions)
    if f.fix is not None and f.fix.start == f.offset and f.fix.end == f.offset + f.length:
        values = [f.fix.replacement, *(v for v in values if v != f.fix.replacement)]  # its case
    return [{"value": v} for v in values]


def match(doc: Document, analysis: Analysis, f: Finding, rule: Rule | None, utf16: Utf16) -> dict[str, Any]:
    offset, length = utf16.span(f.offset, f.length)
    described = _rule(f.rule_id, rule)
    return {
        "message": f.message, "shortMessage": f.rule_id, "replacements": _replacements(f),
        "offset": offset, "length": length, "context": _context(doc.source, f, utf16),
        "sentence": _sentence(doc, analysis, f),
        "type": {"typeName": "UnknownWord" if described["issueType"] == "misspelling" else "Other"},
        "rule": described, "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
    }


def check_response(doc: Document, findings: Sequence[Finding], rules: Mapping[str, Rule],
                   language_code: str) -> dict[str, Any]:
    """The ``/v2/check`` answer for ``findings`` in ``doc``."""
    utf16 = Utf16(doc.source)
    analysis = Analysis(doc)
    code, name = language(language_code)
    ranges = []
    for sentence in analysis.sentences.sentences:
        start, end = doc.to_source(sentence.start, sentence.end)
        ranges.append(list(utf16.span(start, end - start)))
    return {
        "software": software(),
        "warnings": {"incompleteResults": False},
        "language": {"name": name, "code": code, "detectedLanguage": {
            "name": name, "code": code, "confidence": 1.0, "source": "copydesk"}},
        "matches": [match(doc, analysis, f, rules.get(f.rule_id), utf16) for f in findings],
        "sentenceRanges": ranges,
    }
