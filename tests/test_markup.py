"""The Markdown and HTML strippers: exact prose, positions and blocks."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from html import unescape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.markup import html, make_document, markdown
from linter.markup.stripped import Stripped
from linter.model.document import Document

_WORD = re.compile(r"\S+")
_MARKED = re.compile(r"⟦(.*?)⟧|⟪(.*?)⟫", re.DOTALL)
_NOT_BREAK = re.compile(r"[^\r\n]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _check_blocks(result: Stripped) -> None:
    previous = 0
    for block in result.blocks:
        assert previous <= block.start < block.end <= len(result.text)
        assert not result.text[block.start].isspace()
        assert not result.text[block.end - 1].isspace()
        previous = block.end


def _check_view(source: str, result: Stripped) -> None:
    """The text is the source read through its offset map: between entries the two agree
    character by character; an entry leaves out markup (never a line break) or an invisible
    character, or reads markup as one space, or an entity as its character."""
    o, text = result.offsets, result.text
    t = s = 0
    for ts, tl, ss, sl in zip(o.text_starts, o.text_lens, o.src_starts, o.src_lens, strict=True):
        assert ts - t == ss - s >= 0
        assert text[t:ts] == source[s:ss]
        piece = source[ss:ss + sl]
        assert piece and "\n" not in piece and "\r" not in piece
        assert tl == 0 or text[ts] in (" ", _decoded(piece))
        t, s = ts + tl, ss + sl
    assert text[t:] == source[s:]


def _decoded(source: str) -> str:
    """What the stripper makes of an entity-bearing source span."""
    return _ENTITY.sub(lambda m: c if len(c := unescape(m.group())) == 1 else m.group(), source)


def _unmarked(m: re.Match[str]) -> str:
    return m.group(1) if m.group(1) is not None else m.group(2)


def _template(template: str) -> tuple[str, str]:
    """``a ⟦b⟧ c`` -> source ``a b c`` and the expected text ``a c``: marked markup is left
    out (its line breaks kept), taking along the spaces after it when white space comes
    before it; ``⟪b⟫`` marks markup that reads as one space between two words."""
    source = _MARKED.sub(_unmarked, template)
    out: list[str] = []
    cur = 0  # in the template
    for m in _MARKED.finditer(template):
        out.append(template[cur:m.start()])
        body, separates = (m.group(1), False) if m.group(1) is not None else (m.group(2), True)
        pieces = re.split(r"([\r\n]+)", body)
        cur = m.end()
        for i, piece in enumerate(pieces):
            if i % 2:
                out.append(piece)
                continue
            if not piece:
                continue
            last = "".join(out)[-1:] or "\n"
            after = _MARKED.sub(_unmarked, template[cur:])[:1] if i == len(pieces) - 1 else pieces[i + 1][:1]
            if last.isspace():
                if i == len(pieces) - 1:
                    while cur < len(template) and template[cur] in " \t":
                        cur += 1
            elif separates and after and not after.isspace():
                out.append(" ")
    out.append(template[cur:])
    return source, "".join(out)


def expect_md(template: str) -> Stripped:
    source, expected = _template(template)
    result = md(source)
    assert result.text == expected
    return result


def expect_ht(template: str) -> Stripped:
    source, expected = _template(template)
    result = ht(source)
    assert result.text == expected
    return result


def md(source: str) -> Stripped:
    result = markdown.strip(source)
    _check_blocks(result)
    _check_view(source, result)
    return result


def ht(source: str) -> Stripped:
    result = html.strip(source)
    _check_blocks(result)
    _check_view(source, result)
    return result


def _check_maps_back(source: str, result: Stripped) -> None:
    """Every word of the text maps back to the source span it was decoded from."""
    for m in _WORD.finditer(result.text):
        assert _decoded(source_of(source, result, m.start(), m.end())) == m.group()


def blocks(result: Stripped) -> list[tuple[str, str]]:
    return [(b.kind, result.text[b.start : b.end]) for b in result.blocks]


def words(result: Stripped) -> list[str]:
    return result.text.split()


def source_of(source: str, result: Stripped, start: int, end: int) -> str:
    doc = Document("x", source, result.text, "html", result.blocks, result.offsets)
    a, b = doc.to_source(start, end)
    return source[a:b]


# --- Markdown: front matter, code, comments -------------------------------------------


def test_yaml_front_matter_is_masked_but_its_title_and_description() -> None:
    src = "---\ntitle: Storm\ntags: [a, b]\n---\nThe storm hit.\n"
    result = md(src)
    assert words(result) == ["Storm", "The", "storm", "hit."]
    assert blocks(result) == [("heading", "Storm"), ("paragraph", "The storm hit.")]
    expect_md('⟦---\ntitle: "⟧Kiev talks, day 2⟦"  # the headline\ndescription: ⟧A standfirst⟦\n'
              "author: ⟧⟦Desk\nsummary: 'x'\n---⟧\nBody.")


def test_toml_front_matter_is_masked_but_its_title() -> None:
    result = md("+++\ntitle = 'x'\ndate = 2024\n+++\nBody text.")
    assert result.text == "\nx\n\n\nBody text."
    assert blocks(result) == [("heading", "x"), ("paragraph", "Body text.")]


def test_front_matter_values_that_are_not_one_line_of_prose_stay_masked() -> None:
    for value in ("", ">", "|-", "[a, b]", "{a: b}", "&anchor x", "*alias", "''", '""'):
        result = md(f"---\ntitle: {value}\n  folded line\n---\nBody.")
        assert blocks(result) == [("paragraph", "Body.")], value


def test_front_matter_after_leading_comment_and_blank_line() -> None:
    result = expect_md("⟦<!-- config: {a: b} -->⟧\n\n⟦---\ntitle: ⟧Loaded⟦\n---⟧\n\nBody.")
    assert blocks(result) == [("heading", "Loaded"), ("paragraph", "Body.")]


def test_dashes_after_prose_are_not_front_matter() -> None:
    result = md("Intro\n\n---\ntitle: x\n---\n")
    assert blocks(result) == [("paragraph", "Intro"), ("heading", "title: x")]


def test_unclosed_front_matter_is_a_thematic_break() -> None:
    result = md("---\nNot front matter.\n")
    assert blocks(result) == [("paragraph", "Not front matter.")]


def test_fenced_code_with_info_string() -> None:
    src = "Before.\n\n```python title=x\nprint('loaded term')\n```\n\nAfter.\n"
    result = md(src)
    assert words(result) == ["Before.", "After."]
    assert blocks(result) == [("paragraph", "Before."), ("paragraph", "After.")]


def test_tilde_fence_needs_matching_closer() -> None:
    src = "~~~~\ncode\n~~~\nstill code\n~~~~~\nprose"
    assert words(md(src)) == ["prose"]


def test_unclosed_fence_runs_to_end_of_file() -> None:
    result = md("Intro.\n```\ncode\n\nmore code\n")
    assert words(result) == ["Intro."]


def test_backtick_fence_info_with_backtick_is_inline() -> None:
    result = md("``` a ` b\nnext")
    assert blocks(result) == [("paragraph", "``` a ` b\nnext")]


def test_fence_inside_list_item() -> None:
    result = md("- item\n\n  ```\n  code\n  ```\n- next")
    assert blocks(result) == [("list", "item"), ("list", "next")]


def test_indented_code_block() -> None:
    result = md("Para.\n\n    code line\n\tcode tab\n\nAfter.")
    assert words(result) == ["Para.", "After."]


def test_indented_line_continues_a_paragraph() -> None:
    result = md("Text\n    still para\n")
    assert blocks(result) == [("paragraph", "Text\n    still para")]


def test_indented_continuation_in_list_is_not_code() -> None:
    result = md("- item\n\n    more of item\n")
    assert blocks(result) == [("list", "item"), ("list", "more of item")]


def test_code_inside_list_item_needs_four_more_columns() -> None:
    result = md("- a\n\n      code in item\n\n  para in item\n")
    assert blocks(result) == [("list", "a"), ("list", "para in item")]


@pytest.mark.parametrize(
    "template",
    [
        "Use ⟦`rm -rf`⟧ now.",
        "A ⟦``x ` y``⟧ b",
        "A ⟦```` ``` ````⟧ b",
        "Lone ` tick",
        "Mismatch `` one ` end",
        "⟦\\⟧`not code`",
        "Across ⟦`two\nlines`⟧ ok",
    ],
)
def test_code_spans(template: str) -> None:
    expect_md(template)


def test_inline_html_comment_spanning_lines() -> None:
    result = expect_md("One ⟦<!-- note\nto self -->⟧ two")
    assert [b.kind for b in result.blocks] == ["paragraph"]


def test_html_comment_block_spanning_blank_lines() -> None:
    result = md("<!--\nhidden\n\nhidden too\n--> shown\n\nPara.")
    assert blocks(result) == [("paragraph", "shown"), ("paragraph", "Para.")]


@pytest.mark.parametrize("tag", ["script", "style", "pre", "textarea"])
def test_html_block_with_raw_content(tag: str) -> None:
    result = md(f"<{tag}>\nvar x = 1;\n</{tag}> after\n\ntext\n")
    assert blocks(result) == [("paragraph", "after"), ("paragraph", "text")]


def test_raw_html_tags_are_masked_text_kept() -> None:
    expect_md('A ⟦<span class="x">⟧b⟦</span>⟧ ⟦<br/>⟧ c ⟦<?php x ?>⟧ d ⟦<!DOCTYPE y>⟧ e')


def test_stray_angle_bracket_is_text() -> None:
    assert md("a < b and c<d").text == "a < b and c<d"


# --- Markdown: links, images, URLs --------------------------------------------------------


def test_inline_link_keeps_text() -> None:
    expect_md('See ⟦[⟧the report⟦](http://x.org/a_b "Title")⟧ today.')


def test_link_with_angle_destination_and_parentheses() -> None:
    expect_md("⟦[⟧a⟦](<u v>)⟧ ⟦[⟧b⟦](u(1))⟧ ⟦[⟧c⟦]( u 'T' )⟧")


def test_image_alt_text_is_read_and_the_rest_masked() -> None:
    expect_md('Look ⟦![⟧a chart⟦](c.png "t")⟧ here.')


def test_image_inside_link() -> None:
    expect_md("⟦[![⟧badge⟦](b.svg)](http://ci)⟧ ok")


def test_reference_links() -> None:
    expect_md(
        "⟦[a]: /u⟧\n⟦[B]:  <http://x> 'T'⟧\n\n"
        "⟦[⟧A⟦]⟧ and ⟦[⟧b⟦]⟧ and ⟦[⟧c⟦][]⟧ and ⟦[⟧x⟦][a]⟧ and [sic] ⟦[⟧y⟦][undefined]⟧"
    )


def test_reference_image_and_footnote() -> None:
    result = expect_md("⟦[a]: /u⟧\n\nText ⟦![⟧alt⟦][a]⟧ and a note⟦[^1]⟧.\n\n⟦[^1]:⟧ The note.")
    assert [b.kind for b in result.blocks] == ["paragraph", "paragraph"]


def test_link_reference_definition_after_paragraph() -> None:
    result = expect_md('Para ⟦[⟧ref⟦]⟧.\n⟦[ref]: http://x.org "A title"⟧')
    assert blocks(result) == [("paragraph", "Para ref.")]


def test_autolinks_and_bare_urls() -> None:
    expect_md("x ⟦<http://a.b/c>⟧ ⟦<me@x.org>⟧ ⟦www.x.org/a⟧, (⟦https://e.com/p⟧). end")


def test_url_inside_word_is_not_masked() -> None:
    assert md("foo@www.example is odd").text == "foo@www.example is odd"


# --- Markdown: headings, lists, quotes ----------------------------------------------------


def test_atx_headings() -> None:
    result = md("# One\n## Two ##\n###### Six #\n#Not\n### C# ###")
    assert blocks(result) == [
        ("heading", "One"),
        ("heading", "Two"),
        ("heading", "Six"),
        ("paragraph", "#Not"),
        ("heading", "C#"),
    ]


def test_setext_headings() -> None:
    result = md("Big title\nover two\n=====\n\nSmall\n---\n\nText.")
    assert blocks(result) == [
        ("heading", "Big title\nover two"),
        ("heading", "Small"),
        ("paragraph", "Text."),
    ]


def test_thematic_breaks() -> None:
    expect_md("A\n\n⟦***⟧\n⟦- - -⟧\n⟦___⟧\n\nB")


def test_list_markers() -> None:
    result = expect_md("⟦- ⟧dash\n⟦* ⟧star\n⟦+ ⟧plus\n⟦1. ⟧one\n⟦2) ⟧two\n")
    assert [k for k, _ in blocks(result)] == ["list"] * 5


def test_task_boxes() -> None:
    result = md("- [ ] todo\n- [x] done\n- [X] Done\n- [y] not a box")
    assert blocks(result) == [("list", "todo"), ("list", "done"), ("list", "Done"), ("list", "[y] not a box")]


def test_nested_lists() -> None:
    result = md("- a\n  - b\n    1. c\n- d\n  continued\n")
    assert blocks(result) == [("list", "a"), ("list", "b"), ("list", "c"), ("list", "d\ncontinued")]


def test_numbered_line_does_not_interrupt_paragraph() -> None:
    result = md("The storm hit in\n2019. It was bad.\n")
    assert blocks(result) == [("paragraph", "The storm hit in\n2019. It was bad.")]


def test_blockquote_containing_list() -> None:
    result = md("> Quote start\n>\n> - item one\n> - item two\n>\n> End.\n")
    assert result.text == "Quote start\n\nitem one\nitem two\n\nEnd.\n"
    assert blocks(result) == [
        ("blockquote", "Quote start"),
        ("list", "item one"),
        ("list", "item two"),
        ("blockquote", "End."),
    ]


def test_nested_blockquote_and_lazy_line() -> None:
    result = md("> > deep\nlazy\n\nout")
    assert blocks(result) == [("blockquote", "deep\nlazy"), ("paragraph", "out")]


# --- Markdown: emphasis, escapes, tables, entities -------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        "⟦*⟧a⟦*⟧ ⟦_⟧b⟦_⟧ ⟦**⟧c⟦**⟧ ⟦__⟧d⟦__⟧ ⟦~~⟧e⟦~~⟧",
        "⟦***⟧both⟦***⟧ end",
        "snake_case and ⟦__⟧init⟦__⟧",
        "don't well-known co-op's",
        "2 * 3 * 4",
        "Price* applies",
        "⟦**[⟧link⟦](u)**⟧ x",
        "~one~ ~~~three~~~",
        "⟦*⟧many\nlines⟦*⟧",
    ],
)
def test_emphasis(template: str) -> None:
    expect_md(template)


def test_backslash_escapes() -> None:
    expect_md("⟦\\⟧# not heading ⟦\\⟧*x⟦\\⟧* ⟦\\⟧\\ back⟦\\⟧\nbreak \\a")


def test_table() -> None:
    src = "| Name | Note |\n|:-----|-----:|\n| Ann  | a \\| b |\n| `x` | **y** |\n\nAfter."
    result = md(src)
    assert blocks(result) == [
        ("table", "Name"),
        ("table", "Note"),
        ("table", "Ann"),
        ("table", "a | b"),
        ("table", "y"),
        ("paragraph", "After."),
    ]
    assert "-" not in result.text and "|" not in result.text.replace("a | b", "")


def test_table_without_outer_pipes_after_paragraph() -> None:
    result = md("Intro line\na | b\n--|--\nc | d\n")
    assert blocks(result) == [
        ("paragraph", "Intro line"),
        ("table", "a"),
        ("table", "b"),
        ("table", "c"),
        ("table", "d"),
    ]


def test_table_needs_matching_cell_count() -> None:
    result = md("a | b\n---\n")
    assert blocks(result) == [("heading", "a | b")]


def test_entities_in_markdown_prose() -> None:
    src = "AT&amp;T said &ldquo;no&rdquo; `&amp;` \\&amp;"
    result = md(src)
    assert result.text == "AT&T said “no” &amp;"
    assert source_of(src, result, 0, 4) == "AT&amp;T"
    assert source_of(src, result, 10, 14) == "&ldquo;no&rdquo;"


# --- Markdown: line endings, long input ---------------------------------------------------


def test_crlf_line_endings() -> None:
    result = expect_md("⟦# ⟧H\r\n\r\n⟦- ⟧a\r\n⟦- ⟧b\r\n\r\n⟦> ⟧q\r\n")
    assert blocks(result) == [("heading", "H"), ("list", "a"), ("list", "b"), ("blockquote", "q")]


def test_cr_line_endings() -> None:
    result = md("Para one\r\rPara *two*\r")
    assert blocks(result) == [("paragraph", "Para one"), ("paragraph", "Para two")]


def test_tabs() -> None:
    result = md("-\titem\n>\tquote\n\tcode\n")
    assert blocks(result) == [("list", "item"), ("blockquote", "quote\n\tcode")]


def test_leading_bom_is_not_special() -> None:
    """A byte-order mark left in the text is invisible, so it is left out like markup."""
    expect_md("⟦\ufeff⟧Hello ⟦*⟧there⟦*⟧")


def test_long_single_line() -> None:
    src = ("The mayor said *it* was `fine` and [here](http://x) is why_not. " * 800)[:50_000]
    result = md(src)
    assert len(result.blocks) == 1


PATHOLOGICAL = {
    "brackets": "[" * 50_000,
    "backticks": "`" * 25_000 + " x" * 12_500,
    "open-tags": "<a " * 16_000,
    "stars": "*a " * 16_000,
    "underscores": "_" * 50_000,
    "unclosed-links": "[a](" * 12_000,
    "nested-brackets": "[ [x] " * 8_000,
    "url-dots": "http://" + "." * 50_000,
    "comments": "<!--" * 12_000,
    "entities": "&amp;" * 10_000,
    "table": "| a " * 12_000 + "\n" + "|---" * 12_000,
    "quotes-in-tag": "<p a='" + "x ' " * 12_000,
    "front-comments": "<!-- x -->" * 5_000 + "\n\ntext",
}


@pytest.mark.parametrize("name", PATHOLOGICAL.keys())
def test_pathological_lines_terminate(name: str) -> None:
    """A hang guard, not a speed test: both strippers finish on each input (in a child
    process, so that catastrophic backtracking fails the test instead of stalling CI)."""
    here = os.path.dirname(os.path.abspath(__file__))
    code = (f"import sys; sys.path.insert(0, {here!r}); from test_markup import PATHOLOGICAL; "
            f"from linter.markup import html, markdown; src = PATHOLOGICAL[{name!r}]; "
            "markdown.strip(src); html.strip(src)")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300)


_MD_CHUNK = (
    "Para with *emphasis*, [a link](http://x) and `code` &amp; more, said the mayor.\n"
    "\n- item one\n- item two\n\n> quoted text\n\n# Heading\n\nPlain prose, no markup.\n\n"
)
_HTML_CHUNK = "<p class='a'>Text &amp; <a href='x'>link</a> &#8220;q&#8221;</p>\n<!-- c -->\n"


@pytest.mark.parametrize(
    ("strip", "chunk", "size"),
    [
        pytest.param(markdown.strip, _MD_CHUNK, 1_000_000, id="markdown-1MB"),
        pytest.param(html.strip, _HTML_CHUNK, 1_000_000, id="html-1MB"),
        pytest.param(markdown.strip, _MD_CHUNK, 5_000_000, id="markdown-5MB", marks=pytest.mark.slow),
        pytest.param(html.strip, _HTML_CHUNK, 5_000_000, id="html-5MB", marks=pytest.mark.slow),
    ],
)
def test_large_files(strip: Callable[[str], Stripped], chunk: str, size: int) -> None:
    src = chunk * (size // len(chunk))
    result = strip(src)
    assert len(result.blocks) >= size // len(chunk)


# --- HTML ------------------------------------------------------------------------------


def test_html_alt_text_and_meta_description_are_blocks_of_their_own() -> None:
    src = ('<head><meta name="Description" content="Rebels fled &amp; hid">'
           '<meta name="author" content="Desk"><meta property="og:x" content="y"></head>'
           "<p>Before <img src='a.jpg' alt='Kiev at dawn'> after <img alt=Lone> "
           '<img alt=""> <input type=image alt="Send">.</p>')
    result = ht(src)
    assert blocks(result) == [("paragraph", "Rebels fled & hid"), ("paragraph", "Before"),
                              ("paragraph", "Kiev at dawn"), ("paragraph", "after"), ("paragraph", "Lone"),
                              ("paragraph", "Send"), ("paragraph", ".")]
    doc = Document("x.html", src, result.text, "html", result.blocks, result.offsets)
    start = result.text.index("Kiev")
    assert src[slice(*doc.to_source(start, start + 4))] == "Kiev"
    start = result.text.index("& hid")
    assert src[slice(*doc.to_source(start, start + 5))] == "&amp; hid"


def test_html_blocks_and_kinds() -> None:
    src = (
        "<html><head><title>T</title></head><body><h1>Head</h1><p>Para <em>one</em>.</p>"
        "<ul><li>one<li>two</ul><blockquote><p>bq</p></blockquote>"
        "<table><tr><th>c1<td>c2</table>loose <div>div text</div></body></html>"
    )
    result = ht(src)
    assert blocks(result) == [
        ("heading", "T"),
        ("heading", "Head"),
        ("paragraph", "Para one."),
        ("list", "one"),
        ("list", "two"),
        ("blockquote", "bq"),
        ("table", "c1"),
        ("table", "c2"),
        ("paragraph", "loose"),
        ("paragraph", "div text"),
    ]


def test_html_list_item_with_paragraphs_and_nested_list() -> None:
    result = ht("<ul><li><p>a</p><p>b</p><ol><li>c</li></ol></li></ul><p>d")
    assert blocks(result) == [("list", "a"), ("list", "b"), ("list", "c"), ("paragraph", "d")]


def test_html_unclosed_paragraphs_split() -> None:
    result = ht("<p>One<p>Two<h2>Three</h2>Four")
    assert blocks(result) == [
        ("paragraph", "One"),
        ("paragraph", "Two"),
        ("heading", "Three"),
        ("paragraph", "Four"),
    ]


@pytest.mark.parametrize(
    "tag",
    ["script", "style", "pre", "code", "kbd", "samp", "noscript", "iframe", "template", "svg", "math"],
)
def test_html_code_like_content_is_masked(tag: str) -> None:
    result = expect_ht(f"⟦<p>⟧Before ⟦<{tag} class='x'>hidden <b>x</b> text</{tag.upper()}>⟧ after⟦</p>⟧")
    assert [b.kind for b in result.blocks] == ["paragraph"] * (2 if tag == "pre" else 1)


def test_html_self_closed_svg_masks_nothing_more() -> None:
    assert words(ht("<p>a <svg/> b</p>")) == ["a", "b"]


def test_html_comments_doctype_cdata_pi() -> None:
    expect_ht("⟦<!DOCTYPE html><!-- c\n> --><?xml x?><![CDATA[ <p>x</p> ]]>⟧Text")


def test_html_attribute_with_angle_bracket() -> None:
    src = "<a title=\"a > b\" href='x>y' data-x=z>link</a>"
    assert words(ht(src)) == ["link"]


def test_html_unclosed_tag_runs_to_end() -> None:
    result = expect_ht('Text ⟦<p class="x\nmore words⟧')
    assert blocks(result) == [("paragraph", "Text")]


def test_html_unclosed_quote_runs_to_end() -> None:
    assert words(ht('a <p title="x>b</p> c')) == ["a"]


@pytest.mark.parametrize(
    "template",
    [
        "a < b",
        "x<3 y",
        "a </ b",
        "end <",
        "a <= b >= c",
        "a ⟦<!-- never closed⟧",
        "a ⟦</p never⟧",
        "⟦<script>never closed⟧",
        "⟦<p>⟧a⟪</p>⟫⟪</div>⟫⟪</li>⟫b",
    ],
)
def test_html_broken_markup(template: str) -> None:
    expect_ht(template)


def test_html_crlf_inside_tags_kept() -> None:
    result = expect_ht('⟦<p\r\nclass="a">⟧One⟦</p>⟧\r\n⟦<p>⟧Two⟦</p>⟧')
    assert blocks(result) == [("paragraph", "One"), ("paragraph", "Two")]


# --- HTML entities -----------------------------------------------------------------------

ENTITY_FIXTURES = [
    "<p>&ldquo;Quote&rdquo; said the mayor&#8217;s aide.</p>",
    "<p>&amp;start and end&amp;</p>",
    "<p>A&nbsp;B &#x201C;hex&#X201d; &#65;&#66;C</p>",
    "&lt;tag&gt; at top &copy;",
    "<h1>Fish &amp; Chips</h1>\n<p>caf&eacute; &mdash; na&iuml;ve</p>",
    "<li>&#8220;</li><li>x&#8221;</li>",
    '<a title="&amp;">x&amp;y</a> &bogus; &amp',
]


MD_ENTITY_FIXTURES = [
    "AT&amp;T said &ldquo;no&rdquo; to the mayor&#8217;s plan.",
    "&amp;start and end&amp;",
    "# Fish &amp; Chips\n\n- caf&eacute; &mdash; na&iuml;ve\n\n> &#x201C;hex&#X201d;",
    "| &lt;a&gt; | b&nbsp;c |\n|---|---|\n| `&amp;` | [x&amp;y](u) |",
]
ENTITY_CASES = [(html.strip, src) for src in ENTITY_FIXTURES] + [
    (markdown.strip, src) for src in MD_ENTITY_FIXTURES
]


@pytest.mark.parametrize(("strip", "src"), ENTITY_CASES)
def test_entity_spans_map_back_to_source(strip: Callable[[str], Stripped], src: str) -> None:
    result = strip(src)
    assert result.offsets.text_starts
    found = list(_WORD.finditer(result.text))
    for m in found:
        assert _decoded(source_of(src, result, m.start(), m.end())) == m.group()
        for a in range(m.start(), m.end()):
            for b in range(a + 1, m.end() + 1):
                assert _decoded(source_of(src, result, a, b)) == result.text[a:b]
    _check_view(src, result)
    for block in result.blocks:
        piece = source_of(src, result, block.start, block.end)
        assert not piece[0].isspace() and not piece[-1].isspace()


def test_entities_decoded_to_one_character() -> None:
    result = ht("<p>&ldquo;Hi&rdquo; &nbsp;x&NotEqualTilde;&bogus;&#0;</p>")
    assert result.text == "\u201cHi\u201d \u00a0x&NotEqualTilde;&bogus;\ufffd"
    assert blocks(result) == [("paragraph", result.text)]


def test_entities_at_start_and_end_of_text_node() -> None:
    src = "<p>&amp;x</p><p>y&amp;</p>"
    result = ht(src)
    assert result.text == "&x y&"
    assert blocks(result) == [("paragraph", "&x"), ("paragraph", "y&")]
    first, second = result.blocks
    assert source_of(src, result, first.start, first.end) == "&amp;x"
    assert source_of(src, result, second.start, second.end) == "y&amp;"
    assert source_of(src, result, first.start, first.start + 1) == "&amp;"
    assert source_of(src, result, second.end - 1, second.end) == "&amp;"


def test_entities_in_attributes_and_code_are_not_decoded() -> None:
    src = '<p title="&amp;">a</p><code>&amp;</code> b'
    result = ht(src)
    assert result.text == "a b"
    assert 1 not in result.offsets.text_lens  # markup left out, no entity decoded


# --- properties ------------------------------------------------------------------------

MD_TOKENS = [
    "word",
    "Mayor",
    "don't",
    "snake_case",
    "well-known",
    " ",
    " ",
    "  ",
    "    ",
    "\t",
    "\n",
    "\n",
    "\r\n",
    "\r",
    "#",
    "##",
    "-",
    "*",
    "+",
    "_",
    "**",
    "__",
    "~~",
    "`",
    "``",
    "```",
    "~~~",
    ">",
    "[",
    "]",
    "(",
    ")",
    "!",
    "<",
    ">",
    "|",
    "---",
    "===",
    "\\",
    "1.",
    "2)",
    "http://x.org/a",
    "www.y.com",
    "<b>",
    "</b>",
    "<!--",
    "-->",
    "[ ]",
    "[x]",
    ":",
    '"',
    "'",
    "&",
    "amp",
    "<script>",
    "</script>",
    "+++",
    "[^1]",
    "<http://z>",
    "\u00e9",
]
HTML_TOKENS = [
    "word",
    "Mayor",
    "don't",
    " ",
    "\n",
    "\r\n",
    "<p>",
    "</p>",
    "<li>",
    "<ul>",
    "</ul>",
    "<h2>",
    "</h2>",
    "<blockquote>",
    "</blockquote>",
    "<td>",
    "<table>",
    "<div class='a'>",
    "</div>",
    "<",
    ">",
    "</",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<!DOCTYPE html>",
    "<script>",
    "</script>",
    "<pre>",
    "</pre>",
    '"',
    "'",
    "=",
    "&amp;",
    "&ldquo;",
    "&nbsp;",
    "&#8217;",
    "&#x41;",
    "&bogus;",
    "&",
    ";",
    "<br/>",
    "<a href='x'>",
    "</a>",
    "<svg/>",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(MD_TOKENS), max_size=60))
def test_markdown_property(tokens: list[str]) -> None:
    src = "".join(tokens)
    result = markdown.strip(src)
    _check_blocks(result)
    _check_view(src, result)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*MD_TOKENS, "&amp;", "&ldquo;", "&#8217;", ";"]), max_size=60))
def test_markdown_property_with_entities(tokens: list[str]) -> None:
    src = "".join(tokens)
    result = markdown.strip(src)
    _check_blocks(result)
    _check_view(src, result)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HTML_TOKENS), max_size=60))
def test_html_property(tokens: list[str]) -> None:
    src = "".join(tokens)
    result = html.strip(src)
    _check_blocks(result)
    _check_view(src, result)


# --- the prose text: markup left out, invisible characters left out --------------------


@pytest.mark.parametrize(("strip", "source", "text"), [
    (markdown.strip, "The **terrorists** fled.", "The terrorists fled."),
    (markdown.strip, "The terr**or**ists fled.", "The terrorists fled."),
    (markdown.strip, "Run `rm -rf` now, | or | not.", "Run now, | or | not."),
    (html.strip, "<b>terrorists</b> fled", "terrorists fled"),
    (html.strip, "use <code>rm</code> now<br>then<br> go", "use now then go"),
    (html.strip, "te<b>rr</b>or<p>next", "terror next"),
])
def test_markup_between_words_reads_as_one_space(strip: Callable[[str], Stripped], source: str,
                                                 text: str) -> None:
    """Blanked markup made two or three spaces, which a rule's single \\s did not match."""
    result = strip(source)
    _check_view(source, result)
    assert result.text == text


INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_invisible_character_inside_a_term_is_left_out_and_the_span_is_exact(fmt: str, char: str) -> None:
    """``terr\\u00adorists`` hid the term; the finding's span still holds the character."""
    from linter import lint_text

    source = f"Officials met.\n\nThe terr{char}orists fled.\n"
    found = [f for f in lint_text(source, fmt) if f.rule_id == "Bias.Labels"]
    assert [(f.line, f.column, f.end_line, f.end_column, f.offset, f.length, f.match) for f in found] == [
        (3, 5, 3, 16, 20, 11, f"terr{char}orists")]
    assert source[found[0].offset:found[0].offset + found[0].length] == found[0].match
    assert found[0].fix is None  # a fix would drop the character silently


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_invisible_characters_at_the_edges_of_a_term_stay_out_of_its_span(char: str) -> None:
    from linter import lint_text

    source = f"Officials met.\n\nThe {char}terrorists{char} fled.\n"
    found = [f for f in lint_text(source, "markdown") if f.rule_id == "Bias.Labels"]
    assert [(f.column, f.offset, f.length, f.match) for f in found] == [(6, 21, 10, "terrorists")]


def test_soft_hyphen_entity_is_left_out_too() -> None:
    source = "<p>The terr&shy;orists fled.</p>"
    result = html.strip(source)
    assert result.text == "The terrorists fled."
    assert source_of(source, result, 4, 14) == "terr&shy;orists"


def test_html_inline_quotations_are_kept_as_text_spans_outermost_only() -> None:
    source = "<p>She said <q>we <b>will</b> win</q> and <q>in <q>panic</q></q>; <q>unclosed</p>"
    doc = make_document("t.html", source, "html")
    assert [doc.text[a:b] for a, b in doc.inline_quotes] == ["we will win", "in panic"]
    start = doc.text.index("will")
    assert doc.inline_quote_at(start, start + 4) == doc.inline_quotes[0]
    assert doc.inline_quote_at(doc.text.index("She"), doc.text.index("She") + 3) is None
    assert make_document("t.txt", "no quotes", "text").inline_quotes == ()


def test_markdown_raw_html_inline_quotations_are_kept_too() -> None:
    source = "She said <q>we *will* win</q>, not `<q>code</q>`; <Q class=x>in <q>panic</q></Q>.\n"
    doc = make_document("t.md", source, "markdown")
    assert [doc.text[a:b] for a, b in doc.inline_quotes] == ["we will win", "in panic"]
