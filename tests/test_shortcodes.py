"""A CMS's shortcodes are markup in every format: left out of the prose, words kept apart,
positions kept, and an editor's bracketed insertion left as prose."""

from __future__ import annotations

import pytest
from conftest import assert_spans_exact, lint

from linter.markup import html, markdown, plain
from linter.markup.shortcodes import shortcode_spans
from linter.markup.stripped import Stripped
from linter.model.document import Document

CAPTION = '[caption id="attachment_12" align="alignright" width="300"]'
STRIPPERS = {"text": plain.strip, "markdown": markdown.strip, "html": html.strip}


def _text(fmt: str, source: str) -> str:
    result: Stripped = STRIPPERS[fmt](source)
    return result.text


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_a_caption_shortcode_is_markup_and_keeps_its_words_apart(fmt: str) -> None:
    source = f"Crews fled the depot.{CAPTION}A crane at dawn[/caption] The fire burned on."
    text = _text(fmt, source)
    assert "caption" not in text and "attachment" not in text and '"' not in text
    assert "depot. A crane at dawn The fire" in " ".join(text.split())


@pytest.mark.parametrize(("shortcode", "tags"), [
    ("[gallery ids='4,5,6']", ["[gallery ids='4,5,6']"]),
    ("[video src=clip.mp4 /]", ["[video src=clip.mp4 /]"]),
    ("[pullquote align=&quot;left&quot;]", ["[pullquote align=&quot;left&quot;]"]),
    ("[/embed]", ["[/embed]"]),
    ('[audio mp3="a.mp3"][/audio]', ['[audio mp3="a.mp3"]', "[/audio]"]),
])
def test_tags_with_attributes_and_closing_tags_are_shortcodes(shortcode: str, tags: list[str]) -> None:
    source = f"The ferry sailed. {shortcode} It docked at noon."
    assert [source[a:b] for a, b in shortcode_spans(source)] == tags


@pytest.mark.parametrize("prose", [
    "The mayor called it “a disaster” [sic] on Monday.",
    "The hall fell silent. [Applause] The speech went on.",
    "“We were asked [by the committee] about the night,” she said.",
    "The figures [1] were revised [2].",
    "A bare [embed] with no closing tag is prose.",
    "The grid a[i=1] and the rule [x = y] are prose too.",
])
def test_an_editors_brackets_are_prose(prose: str) -> None:
    assert shortcode_spans(prose) == []
    assert _text("text", prose) == prose


def test_a_bare_tag_is_a_shortcode_when_its_closing_tag_follows() -> None:
    source = "[embed]https://example.org/v/1[/embed]\n\nThe depot burned."
    assert [source[a:b] for a, b in shortcode_spans(source)] == ["[embed]", "[/embed]"]


def test_quotation_marks_inside_shortcodes_do_not_count_as_the_storys() -> None:
    story = (f"{CAPTION}Smoke over the depot[/caption]\n\n"
             "“We lost everything,” said Ada Frey, who runs the depot.\n\n"
             "“The fire took an hour to reach the tanks,” she said.\n")
    found = [f.rule_id for f in lint(story, config="{styles: [Quotes]}")]
    assert found == []
    # the same story with a straight quotation of its own is a mixed one
    mixed = story + '\n"It was chaos," a neighbour said.\n'
    assert "Quotes.Mixed" in [f.rule_id for f in lint(mixed, config="{styles: [Quotes]}")]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_findings_after_a_shortcode_point_at_their_words(fmt: str) -> None:
    source = f"<p>{CAPTION}Smoke[/caption] Terrorists bombed the depot.</p>" if fmt == "html" else (
        f"{CAPTION}Smoke[/caption] Terrorists bombed the depot.\n")
    findings = lint(source, fmt=fmt, path="t." + {"text": "txt", "markdown": "md", "html": "html"}[fmt])
    labels = [f for f in findings if f.rule_id == "Bias.Labels"]
    assert [f.match for f in labels] == ["Terrorists"]
    assert_spans_exact(source, labels)


def test_positions_map_back_through_shortcodes() -> None:
    source = f"Crews fled.{CAPTION}A crane[/caption] It burned."
    result = plain.strip(source)
    doc = Document("x.txt", source, result.text, "text", result.blocks, result.offsets)
    start = result.text.index("It burned")
    assert source[slice(*doc.to_source(start, start + 9))] == "It burned"
