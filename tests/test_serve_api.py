"""copydesk serve with real clients: language-tool-python (remote_server), LanguageTool's
annotation form as LTeX sends it, and the native API against ``check --format json``."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from servers import Running, running_server

from linter.lib.utf16 import Utf16

ROOT = Path(__file__).resolve().parent.parent
# Astral characters (outside the BMP: two UTF-16 units each) before the findings, so that
# code-point and UTF-16 offsets differ.
DRAFT = ("📰 Breaking 🇺🇦: The terrorists fled Kiev on Monday night, before dawn.\n\n"
         "𝐁old claims aside, President Tokaev met Tokayev's aides in Alma-Ata 😀.")


@pytest.fixture(scope="module")
def server() -> Iterator[Running]:
    with running_server("--no-config", "--workers", "2") as running:
        yield running


def _utf16_slice(text: str, offset: int, length: int) -> str:
    return text.encode("utf-16-le")[2 * offset:2 * (offset + length)].decode("utf-16-le")


def test_language_tool_python_gets_offsets_and_replacements(server: Running, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import language_tool_python
    from language_tool_python import download_lt

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("language-tool-python tried to download LanguageTool")

    monkeypatch.setenv("LTP_PATH", str(tmp_path))  # where it would download to: must stay empty
    monkeypatch.setattr(download_lt.LocalLanguageTool, "download", never)
    with language_tool_python.LanguageTool("en-GB", remote_server=server.url.rstrip("/")) as tool:
        matches = tool.check(DRAFT)
        corrected = tool.correct(DRAFT)
    assert not list(tmp_path.iterdir())
    found = {(m.rule_id, DRAFT[m.offset:m.offset + m.error_length]) for m in matches}
    assert ("Bias.Labels", "terrorists") in found
    assert ("Names.Places", "Kiev") in found and ("Names.Places", "Alma-Ata") in found
    kiev = next(m for m in matches if m.rule_id == "Names.Places" and m.replacements == ["Kyiv"])
    assert DRAFT[kiev.offset:kiev.offset + 4] == "Kiev" and kiev.rule_issue_type == "misspelling"
    assert kiev.category == "NAMES" and kiev.sentence.startswith("📰 Breaking")
    assert "Kyiv" in corrected and "Almaty" in corrected and corrected.startswith("📰 Breaking 🇺🇦")


def test_v2_check_answers_in_utf16_units_and_languagetool_shape(server: Running) -> None:
    answer = requests.post(server.url + "v2/check", data={"text": DRAFT, "language": "en-US"}, timeout=30)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert set(body) >= {"software", "language", "matches", "sentenceRanges"}
    assert body["language"]["code"] == "en-US"
    for m in body["matches"]:
        assert set(m) >= {"message", "shortMessage", "offset", "length", "replacements", "context",
                          "sentence", "rule"}
        assert set(m["rule"]) >= {"id", "description", "issueType", "category"}
        assert _utf16_slice(DRAFT, m["offset"], m["length"]) == _utf16_slice(
            m["context"]["text"], m["context"]["offset"], m["context"]["length"])
    kiev = next(m for m in body["matches"] if _utf16_slice(DRAFT, m["offset"], m["length"]) == "Kiev")
    assert kiev["offset"] == DRAFT.index("Kiev") + 3  # three astral code points before it (📰, 🇺, 🇦)
    assert kiev["replacements"] == [{"value": "Kyiv"}] and kiev["rule"]["urls"]
    issue_types = {m["rule"]["id"].split(".")[0]: m["rule"]["issueType"] for m in body["matches"]}
    assert issue_types["Bias"] == "style" and issue_types["Names"] == "misspelling"


def test_issue_types_let_clients_colour_each_kind(server: Running) -> None:
    """Names as misspellings, quotation marks as typography, unsourced claims as
    uncategorized, labels and wording as style."""
    text = ('The terrorists fled Kiev. He said “yes” and then "no" and “maybe”.\n\n'
            "Dozens were killed.\n\nSome people say the plan failed.")
    answer = requests.post(server.url + "v2/check", data={"text": text, "language": "en-GB"}, timeout=30)
    assert answer.status_code == 200, answer.text
    types = {m["rule"]["id"]: m["rule"]["issueType"] for m in answer.json()["matches"]}
    assert types["Names.Places"] == "misspelling"
    assert types["Quotes.Mixed"] == "typographical"
    assert types["Sourcing.Weasel"] == types["Sourcing.Figures"] == "uncategorized"
    assert types["Bias.Labels"] == "style"


def test_level_picky_adds_suggestions_and_rules_can_be_chosen(server: Running) -> None:
    text = "Militants stormed the embassy in Kiev. The terrorists fled."
    def rules(**fields: str) -> list[str]:
        answer = requests.post(server.url + "v2/check", data={"text": text, "language": "en", **fields}, timeout=30)
        assert answer.status_code == 200, answer.text
        return [m["rule"]["id"] for m in answer.json()["matches"]]

    default, picky = rules(), rules(level="picky")
    assert "Bias.LowLabels" in picky and "Bias.LowLabels" not in default and set(default) < set(picky)
    assert "Names.Places" not in rules(disabledRules="Names.Places,WHITESPACE_RULE")
    assert set(rules(enabledRules="Names", enabledOnly="true")) == {"Names.Places"}
    assert "Names.Places" not in rules(disabledCategories="NAMES,TYPOS")


def test_annotation_form_skips_markup_and_counts_it_in_offsets(server: Running) -> None:
    """LTeX sends Markdown as text and markup parts; offsets are into the whole string."""
    parts = [{"markup": "# "}, {"text": "Talks resume in Kiev"}, {"markup": "\n\n", "interpretAs": "\n\n"},
             {"text": "😀 The "}, {"markup": "**"}, {"text": "terrorists"}, {"markup": "**"},
             {"text": " fled "}, {"markup": "["}, {"text": "the capital"},
             {"markup": "](https://example.org/kiev-terrorists)"}, {"markup": "", "interpretAs": "\n\n"},
             {"text": "Officials in Alma-Ata said so."}]
    whole = "".join(p.get("text", p.get("markup", "")) for p in parts)
    answer = requests.post(server.url + "v2/check", timeout=30,
                           data={"data": json.dumps({"annotation": parts}), "language": "en-US"})
    assert answer.status_code == 200, answer.text
    spans = [(m["rule"]["id"], _utf16_slice(whole, m["offset"], m["length"])) for m in answer.json()["matches"]]
    assert ("Names.Places", "Kiev") in spans and ("Bias.Labels", "terrorists") in spans
    assert ("Names.Places", "Alma-Ata") in spans
    assert not any("example.org" in s or s.count("Kiev") > 1 for _, s in spans)
    assert len([s for _, s in spans if s == "Kiev"]) == 1  # the one in the link's URL is markup


def test_native_api_is_exactly_format_json(server: Running) -> None:
    draft = (ROOT / "fixtures" / "demo" / "brief.md").read_bytes()
    cli = subprocess.run([sys.executable, "-m", "linter", "check", "--no-config", "--format", "json",
                          "--stdin-format", "markdown", "-"], input=draft, capture_output=True, check=False)
    assert cli.returncode == 1, cli.stderr
    as_body = requests.post(server.url + "api/check", data=draft, timeout=30,
                            headers={"Content-Type": "text/markdown; charset=utf-8"})
    as_json = requests.post(server.url + "api/check", timeout=30,
                            json={"text": draft.decode(), "format": "markdown"})
    assert as_body.text == as_json.text == cli.stdout.decode().rstrip("\n")
    named = requests.post(server.url + "api/check", json={"text": "Kiev.", "path": "a/b.md"}, timeout=30)
    assert named.json()["files"][0]["path"] == "a/b.md"


def test_the_pages_view_is_in_utf16_units(server: Running) -> None:
    answer = requests.post(server.url + "api/view", json={"text": DRAFT}, timeout=30)
    assert answer.status_code == 200
    view = answer.json()
    kiev = next(f for f in view["findings"] if f["match"] == "Kiev")
    start = Utf16(DRAFT).offset(DRAFT.index("Kiev"))
    assert (kiev["start"], kiev["end"]) == (start, start + 4) == (DRAFT.index("Kiev") + 3, DRAFT.index("Kiev") + 7)
    assert kiev["fix"]["replacement"] == "Kyiv" and view["rules"]["Names.Places"]["description"]


def test_info_languages_health_and_page(server: Running) -> None:
    info = requests.get(server.url + "v2/info", timeout=10).json()
    assert info["software"]["name"] == "copydesk" and any(r["id"] == "Bias.Labels" for r in info["rules"])
    codes = {entry["longCode"] for entry in requests.get(server.url + "v2/languages", timeout=10).json()}
    assert {"en-US", "en-GB"} <= codes
    assert requests.get(server.url + "health", timeout=10).json() == {"status": "ok"}
    page = requests.get(server.url, timeout=10)
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "http://" not in page.text and "https://" not in page.text  # nothing loaded from elsewhere
