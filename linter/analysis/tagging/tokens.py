"""A Penn-style tokenizer for news copy that returns code-point offsets.

``tokenize(text)`` never copies or normalises the text: every token is a ``(start, end)`` pair
with ``text[start:end]`` the token itself. One compiled regular expression is scanned once over
the text (``finditer``); every alternative either consumes what it reads or fails after a bounded
look, and the alternatives that read ahead (URLs, e-mail addresses, domain names) may start only at
the beginning of a run of their characters, so the scan is linear in the length of the text.

Conventions (those of the Penn Treebank and UD English-EWT, with news adjustments):

* punctuation is split off words: ``. , ; : ! ? ( ) [ ] { } " “ ” ‘ ’ « » — – …`` and symbols
  such as ``% $ £ € / + = & *``; runs of ``..``, ``!?`` and ``--`` stay one token;
* clitics are split: ``don't`` -> ``do n't``, ``can't`` -> ``ca n't``, ``police's`` -> ``police 's``
  (``'s 're 've 'll`` always, ``'d 'm`` after pronouns; straight or curly apostrophe), and
  ``cannot gonna wanna gotta`` -> ``can not``, ``gon na``, ``wan na``, ``got ta`` as in EWT;
* kept together: abbreviations with periods (``U.S.``, ``e.g.``, ``a.m.``, ``Mr.``, ``Gen.``, ``No. 5``,
  ``Calif.``), initials followed by a capitalised word (``J. K. Rowling``), numbers with separators
  (``3,000``, ``1.5``, ``10:30``, ``4.2bn`` -- a currency sign before the number is its own token, as
  Penn's ``$``), hyphenated words (``pro-government``, ``Alma-Ata``, ``COVID-19``), words with an
  internal apostrophe that is not a clitic (``O'Neill``, ``rock'n'roll``), ``AT&T``, decades
  (``'90s``), URLs, e-mail addresses, common domain names, ``@handles`` and ``#hashtags``;
* a soft hyphen or zero-width/format character (U+00AD, U+200B-U+200F, U+2060-U+2064, U+FEFF, ...)
  inside a word belongs to the word; outside words such characters are skipped like spaces.

An apostrophe that does not sit between two word characters is a token of its own: an opening or
closing single quote, or the possessive of a plural (``officials'``); the tagger tells them apart.
"""

from __future__ import annotations

from linter.lib.cache import compile_pattern

__all__ = ["tokenize"]


def _class_body(ranges: list[tuple[int, int]]) -> str:
    """Character-class body for inclusive code-point ranges, written with escapes."""
    parts: list[str] = []
    for lo, hi in ranges:
        if lo == hi:
            parts.append(f"\\U{lo:08x}")
        else:
            parts.append(f"\\U{lo:08x}-\\U{hi:08x}")
    return "".join(parts)


# Invisible format characters: part of a word when inside one, skipped elsewhere.
_INV = _class_body(
    [
        (0x00AD, 0x00AD),  # soft hyphen
        (0x034F, 0x034F),  # combining grapheme joiner
        (0x180E, 0x180E),  # Mongolian vowel separator
        (0x200B, 0x200F),  # zero-width space, ZWNJ, ZWJ, LRM, RLM
        (0x202A, 0x202E),  # bidi embeddings and overrides
        (0x2060, 0x2064),  # word joiner, invisible operators
        (0x2066, 0x206F),  # bidi isolates, deprecated format characters
        (0xFE00, 0xFE0F),  # variation selectors
        (0xFEFF, 0xFEFF),  # zero-width no-break space (BOM)
    ]
)

# Punctuation and symbols: never part of a word (except the separators handled below).
_PUNCT = _class_body(
    [
        (0x21, 0x2F),  # ! " # $ % & ' ( ) * + , - . /
        (0x3A, 0x40),  # : ; < = > ? @
        (0x5B, 0x5E),  # [ \ ] ^
        (0x60, 0x60),  # `
        (0x7B, 0x7E),  # { | } ~
        (0xA1, 0xA9),  # ¡ ¢ £ ¤ ¥ ¦ § ¨ ©
        (0xAB, 0xAC),  # « ¬
        (0xAE, 0xB1),  # ® ¯ ° ±
        (0xB4, 0xB4),  # ´
        (0xB6, 0xB8),  # ¶ · ¸
        (0xBB, 0xBB),  # »
        (0xBF, 0xBF),  # ¿
        (0xD7, 0xD7),  # ×
        (0xF7, 0xF7),  # ÷
        (0x2010, 0x2027),  # hyphens, dashes, quotes, bullets, ellipsis
        (0x2030, 0x205E),  # per mille, primes, guillemets, ...
        (0x20A0, 0x20CF),  # currency signs (€ ₹ ...)
        (0x2122, 0x2122),  # ™
        (0x2190, 0x23FF),  # arrows, mathematical operators, technical symbols
        (0x2500, 0x2BFF),  # box drawing, shapes, dingbats, arrows
        (0x2E00, 0x2E7F),  # supplemental punctuation
        (0x3001, 0x303F),  # CJK punctuation
        (0xFF01, 0xFF0F),  # fullwidth punctuation
        (0xFF1A, 0xFF20),
        (0xFF3B, 0xFF40),
        (0xFF5B, 0xFF65),
        (0x1F000, 0x1FAFF),  # emoji and pictographs
    ]
)

_W = f"[^\\s{_PUNCT}{_INV}]"  # a word character
_NOT_W_AFTER = f"(?!{_W})"
_NOT_W_BEFORE = f"(?<!{_W})"
_HYPHEN = "\\-\u2010\u2011"
_APOS = "'\u2019"

# Between two runs of word characters these keep the word together.
_SEP = (
    f"[{_HYPHEN}{_APOS}]"
    "|(?<=\\d)[.,:](?=\\d)"  # 3,000  1.5  10:30
    "|(?<=[A-Z])&(?=[A-Z])"  # AT&T  M&S
    f"|[{_INV}]+"  # soft hyphen, zero-width joiners
)
_WORD = f"{_W}+(?:(?:{_SEP}){_W}+)*"

_URL = (
    "(?<!\\w)(?:(?i:https?|ftp)://|(?i:www)\\.)"
    '[^\\s<>"\u201c\u201d\u00ab\u00bb]*'
    "[^\\s<>\"\u201c\u201d\u00ab\u00bb.,;:!?)\\]'\u2019]"
)
_EMAIL = "(?<![\\w.+\\-])[\\w.+\\-]+@[\\w\\-]+(?:\\.[\\w\\-]+)+"
_DOMAIN = (
    "(?<![\\w.\\-])[A-Za-z0-9][A-Za-z0-9\\-]*(?:\\.[A-Za-z0-9\\-]+)*"
    "\\.(?i:com|org|net|gov|edu|int|info|io|co\\.uk|org\\.uk|gov\\.uk|ac\\.uk)(?![\\w\\-])"
)
_ABBR = f"{_NOT_W_BEFORE}[^\\W\\d_]{{1,2}}\\.(?:[^\\W\\d_]\\.)+"  # U.S.  e.g.  a.m.  Ph.D.
_DECADE = f"{_NOT_W_BEFORE}['\u2018\u2019]\\d\\ds{_NOT_W_AFTER}"  # '90s
_HANDLE = f"{_NOT_W_BEFORE}[@#][^\\W_]\\w*"
_CLITIC_AFTER_ABBR = f"(?<=[.\\w])[{_APOS}][sS]{_NOT_W_AFTER}"  # U.S.'s  Amazon.com's
_RUN = "\\.{2,}|[!?]{2,}|-{2,}|={2,}|\\*{2,}|_{2,}"

_TOKEN_RE = compile_pattern(
    f"(?P<url>{_URL})|{_EMAIL}|{_DOMAIN}|{_ABBR}|{_DECADE}|{_HANDLE}|{_CLITIC_AFTER_ABBR}"
    f"|(?P<word>{_WORD})|{_RUN}|[^\\s{_INV}]"
)

# Abbreviations that keep their period (case-sensitive).
_ABBREVIATIONS = frozenset(
    """
    Mr Mrs Ms Mx Dr Prof Rev Hon Fr Sr Jr St Mt Ft Messrs Mmes Mme Mlle
    Gen Lt Col Maj Capt Cmdr Cdr Adm Sgt Cpl Pvt Brig Cmdr Insp Supt Det Const Gov Sen Rep Pres Amb
    Supt Atty Sec Treas Dep
    Inc Ltd Corp Co Bros Assn Dept Univ Ave Blvd Rd Ln Sq
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo Mont
    Neb Nev Okla Ore Pa Tenn Vt Va Wash Wis Wyo
    etc vs v al cf ca approx est dept ft km mins hrs Ph Fig fig Vol vol Ed eds
    """.split()
)
_NUMBER_ABBREVIATIONS = frozenset({"No", "no", "Nos", "nos", "Art", "art", "p", "pp", "Ch", "ch"})
_PRONOUNS_D_M = frozenset("i you he she it we they who what where there that this how why y'all".split())
_SPLIT_WORDS = {"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3}
_APOSTROPHES = "'\u2019"
_CLITICS3 = ("re", "ve", "ll")


def _split_word(text: str, s: int, e: int, end: int, out: list[tuple[int, int]]) -> int:
    """Append the tokens of the word text[s:e]; return where scanning resumes."""
    n = e - s
    if n <= 8:
        tok = text[s:e]
        if e < end and text[e] == "." and not (e + 1 < end and text[e + 1] == "."):
            if tok in _ABBREVIATIONS:
                out.append((s, e + 1))
                return e + 1
            if n == 1 and "A" <= tok <= "Z" and e + 2 < end and text[e + 1] == " " and text[e + 2].isupper():
                out.append((s, e + 1))  # an initial: J. K. Rowling
                return e + 1
            if tok in _NUMBER_ABBREVIATIONS:
                k = e + 1
                if k < end and text[k] == " ":
                    k += 1
                if k < end and text[k].isdigit():
                    out.append((s, e + 1))
                    return e + 1
        if 5 <= n <= 6:
            cut = _SPLIT_WORDS.get(tok.lower(), 0)
            if cut:
                out.append((s, s + cut))
                out.append((s + cut, e))
                return e
    # Peel clitics off the end; each check looks at the last three characters only.
    pieces: list[tuple[int, int]] = []
    cur = e
    while cur - s >= 3:
        cut = -1
        if text[cur - 2] in _APOSTROPHES:
            x = text[cur - 1]
            if x in "tT" and text[cur - 3] in "nN" and cur - 3 > s:
                cut = cur - 3  # don't -> do n't, can't -> ca n't
            elif x in "sS" or (
                x in "dDmM" and cur - 2 - s <= 5 and text[s : cur - 2].lower() in _PRONOUNS_D_M
            ):
                cut = cur - 2
        elif text[cur - 3] in _APOSTROPHES and cur - 3 > s and text[cur - 2 : cur].lower() in _CLITICS3:
            cut = cur - 3
        if cut <= s:
            break
        pieces.append((cut, cur))
        cur = cut
    out.append((s, cur))
    if pieces:
        out.extend(reversed(pieces))
    return e


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return the (start, end) code-point offsets of the tokens of text[start:end]."""
    if end is None or end > len(text):
        end = len(text)
    if start < 0:
        start = 0
    out: list[tuple[int, int]] = []
    append = out.append
    resume = start
    for m in _TOKEN_RE.finditer(text, start, end):
        s, e = m.span()
        if s < resume:  # the previous word took its abbreviation period
            continue
        if m.lastgroup == "word" and (
            (e < end and text[e] == ".")
            or (e - s >= 3 and (text[e - 2] in _APOSTROPHES or text[e - 3] in _APOSTROPHES))
            or (5 <= e - s <= 6 and text[s] in "cgwCGW")
        ):
            resume = _split_word(text, s, e, end, out)
        else:
            append((s, e))
    return out
