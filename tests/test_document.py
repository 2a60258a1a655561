"""Positions: one coordinate system, 1-based lines and columns in code points."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter.lib.textfiles import FileError, decode
from linter.markup import make_document, plain
from linter.markup.view import has_invisible
from linter.model.document import Document, OffsetMap, spaced


def test_positions_lf_crlf_cr_and_tabs() -> None:
    source = "ab\r\ncd\ref\n\tgh"
    doc = make_document("x", source, "text")
    assert doc.position(0) == (1, 1)
    assert doc.position(4) == (2, 1)
    assert doc.position(7) == (3, 1)
    assert doc.position(11) == (4, 2)  # after the tab: a tab is one code point
    assert doc.line_text(1) == "ab"
    assert doc.line_text(4) == "\tgh"


def test_positions_are_code_points_not_bytes_or_utf16() -> None:
    source = "😀 «Kyiv» é"
    doc = make_document("x", source, "text")
    assert doc.position(source.index("Kyiv")) == (1, 4)


def test_position_at_end_of_file() -> None:
    doc = make_document("x", "abc\n", "text")
    assert doc.position(4) == (2, 1)


def test_long_line_position() -> None:
    source = "x" * 50_000 + "target"
    doc = make_document("x", source, "text")
    assert doc.position(50_000) == (1, 50_001)


def test_offset_map_round_trip() -> None:
    # text "A&B c" stands for source "A&amp;B c"
    offsets = OffsetMap.of((1,), (1,), (1,), (5,))
    doc = Document("x", "A&amp;B c", "A&B c", "html", (), offsets)
    assert doc.to_source(0, 3) == (0, 7)
    assert doc.to_source(4, 5) == (8, 9)
    assert doc.to_source(1, 2) == (1, 6)
    assert doc.to_source(2, 3) == (6, 7)


def test_offset_map_with_markup_left_out() -> None:
    # text "a bc" stands for source "a **b**c": "**" left out twice
    offsets = OffsetMap.of((2, 3), (0, 0), (2, 5), (2, 2))
    doc = Document("x", "a **b**c", "a bc", "markdown", (), offsets)
    assert doc.to_source(2, 3) == (4, 5)  # "b": its start after the markup, its end before
    assert doc.to_source(2, 4) == (4, 8)  # "bc" spans the closing markup
    assert doc.to_source(0, 2) == (0, 2)  # "a " stops before the markup
    assert [offsets.to_text(p) for p in range(9)] == [0, 1, 2, 2, 2, 3, 3, 3, 4]


def test_decode_bom_is_dropped() -> None:
    assert decode("f", "\ufeffhello".encode()) == "hello"


def test_decode_names_byte_and_line() -> None:
    with pytest.raises(FileError) as info:
        decode("f.txt", b"line one\ncosts \xa3400\n")
    assert "byte 0xA3 at offset 15 (line 2)" in str(info.value)
    assert str(info.value).startswith("f.txt: ")


def test_decode_refuses_binary() -> None:
    with pytest.raises(FileError, match="binary file"):
        decode("f.txt", b"abc\0def")


def test_block_lookup() -> None:
    doc = make_document("x", "Headline here\n\nFirst para.\nSecond para line that is long enough " + "x" * 100 + "\n", "text")
    assert doc.block_at(0) is not None and doc.block_at(0).kind == "heading"  # type: ignore[union-attr]
    assert doc.block_at(14) is None
    para = doc.block_at(16)
    assert para is not None and para.kind == "paragraph"


@pytest.mark.parametrize(("first", "heading"), [
    ("Kell Media 'set to sell its radio arm'", True),  # a headline may end in a quotation
    ("'My memories of the island...'", True),  # or trail off
    ("Minister quits over ferry deal", True),
    ('"We lost everything."', False),  # a sentence, quoted
    ("The port closed on Monday.", False),
])
def test_a_plain_text_headline_may_end_in_a_quotation(first: str, heading: bool) -> None:
    doc = make_document("x.txt", f"{first}\n\nThe body of the story starts here.\n", "text")
    block = doc.block_at(0)
    assert block is not None and (block.kind == "heading") is heading


_LONG = ("The Orsk ferries will run through the winter for the first time since 2019, the harbour "
         "board said on Monday, after the new breakwater was finished ahead of time.")


@pytest.mark.parametrize(("source", "paragraphs"), [
    # short lines are a hard-wrapped paragraph ...
    ("The crews raced north from\nOrsk before dawn.\n", ["The crews raced north from\nOrsk before dawn."]),
    # ... but not a short line over one longer than the wrap width: a subheading or a byline
    # over a paragraph written on one line
    (f"Ferries: the next winter\n{_LONG}\n", ["Ferries: the next winter", _LONG]),
    (f"By Ada Frey\nOrsk\n{_LONG}\n", ["By Ada Frey", "Orsk", _LONG]),
    # ... unless a line opens a turn of an interview or a transcript after a sentence's end
    ("Q: Why now?\nA: Because the company broke its word.\n",
     ["Q: Why now?", "A: Because the company broke its word."]),
    ("COURIER: Who let them in?\nKELL: Nobody did.\nCOURIER: Why?\n",
     ["COURIER: Who let them in?", "KELL: Nobody did.", "COURIER: Why?"]),
    ("Ada Frey: We will rebuild.\nPiet Vann: Twice already.\n", ["Ada Frey: We will rebuild.", "Piet Vann: Twice already."]),
    ('Q: Is that so?\nA: "It is."\n', ["Q: Is that so?", 'A: "It is."']),
    # a name and a colon at the start of a line mid-sentence is no turn
    ("Three fire crews raced north from\nOrsk: the depot had burned.\n",
     ["Three fire crews raced north from\nOrsk: the depot had burned."]),
])
def test_how_plain_text_lines_make_paragraphs(source: str, paragraphs: list[str]) -> None:
    doc = make_document("x.txt", source, "text")
    assert [doc.text[b.start:b.end] for b in doc.blocks] == paragraphs


_MIXED = st.text(alphabet="ab é\n\r\t\x0b\x0c\x1c\x1f\x85\u00a0\u2028\u3000\u00ad", max_size=40)


@settings(max_examples=400, deadline=None)
@given(_MIXED)
def test_the_fast_text_paths_agree_with_the_patterns(source: str) -> None:
    """The ASCII and newline-only shortcuts give what the general patterns give."""
    assert spaced(source) == re.sub(r"[^\S ]", " ", source)
    assert spaced(source.encode("ascii", "ignore").decode()) == re.sub(
        r"[^\S ]", " ", source.encode("ascii", "ignore").decode())
    doc = Document("x", source, source, "text", ())
    assert list(doc.line_starts) == [0, *(m.end() for m in re.finditer(r"\r\n|\r|\n", source))]
    runs: list[list[tuple[int, int]]] = [[]]  # runs of non-blank lines, by the line pattern
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", source):
        if m.start() < len(source) or m.group():
            start, end = m.start(), m.start() + len(m.group().rstrip("\r\n"))
            if source[start:end].strip():
                runs[-1].append((start, end))
            elif runs[-1]:
                runs.append([])
    assert plain._runs(source) == [r for r in runs if r]
    assert has_invisible(source) == ("\u00ad" in source)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ ßİıΣσςﬁŉǰΐ\u0345Ꭰ\U0001e900é\n", max_size=30))
def test_casefold_in_slices_is_casefold(text: str) -> None:
    """Folding slices and joining them is str.casefold(): each character folds alone."""
    from linter.model import document

    assert document.casefold(text) == text.casefold()
    saved = document._FOLD_SLICE
    try:
        document._FOLD_SLICE = 2
        assert document.casefold(text) == text.casefold()
    finally:
        document._FOLD_SLICE = saved


@pytest.mark.parametrize("text", ["Plain ASCII text.", "Café in Zürich, «quoted».", "Die Straße ist breit.",
                                  "İstanbul", "ﬁne ligature"])
def test_a_folded_window_is_the_window_of_the_folded_text(text: str) -> None:
    from linter.model import document

    doc = Document("x", text, text, "text", ())
    if doc.folded is not None:
        assert all(document.fold_view(text[i:i + 4]) == doc.folded[i:i + 4] for i in range(len(text)))
    else:
        assert len(text.casefold()) != len(text)
