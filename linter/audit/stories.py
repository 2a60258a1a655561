"""One story of an archive: its fields, checked at the boundary, and the document it makes.

A record (a JSON Lines object, a Parquet row, a draft with its front matter) becomes a
:class:`Story` or a one-line :class:`BadStory` that names where it was (file and line,
or file and row). Field names are the archive's own through :class:`Fields`
(``--field body=text``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from linter.markup import STRIPPERS, make_document
from linter.model.document import Document

FIELDS = ("id", "date", "body", "desk", "byline", "headline", "format")
REQUIRED = ("id", "date", "body")
FORMAT_ALIASES = {"md": "markdown", "htm": "html", "txt": "text", "plain": "text"}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?=$|[T ])")


@dataclass(frozen=True, slots=True)
class Fields:
    """The archive's name for each of copydesk's fields (``id`` -> ``story_id``)."""

    names: tuple[tuple[str, str], ...] = tuple((f, f) for f in FIELDS)

    @classmethod
    def parse(cls, assignments: tuple[str, ...]) -> Fields:
        """``--field body=text`` assignments; raises ValueError naming a bad one."""
        names = dict(cls().names)
        for assignment in assignments:
            ours, sep, theirs = assignment.partition("=")
            ours, theirs = ours.strip(), theirs.strip()
            if not sep or not theirs:
                raise ValueError(f"--field {assignment!r}: expected FIELD=NAME, such as body=text")
            if ours not in names:
                raise ValueError(f"--field {assignment!r}: unknown field {ours!r} "
                                 f"(the fields are {', '.join(FIELDS)})")
            names[ours] = theirs
        return cls(tuple(names.items()))

    def name(self, field: str) -> str:
        return dict(self.names)[field]

    def columns(self) -> list[str]:
        return [theirs for _, theirs in self.names]


@dataclass(frozen=True, slots=True)
class Story:
    """A story as audited. ``where`` locates it in the archive (``file:line``)."""

    id: str
    date: dt.date
    body: str
    where: str
    desk: str = ""
    byline: str = ""
    headline: str = ""
    fmt: str = "text"

    def document(self) -> Document:
        """The story as one draft: the headline (when there is one) as its first line, a
        blank line, then the body; positions count in that text."""
        return make_document(self.id, self.source(), self.fmt)

    def source(self) -> str:
        if not self.headline:
            return self.body
        headline = " ".join(self.headline.split())
        if self.fmt == "markdown":
            return f"# {headline}\n\n{self.body}"
        if self.fmt == "html":
            return f"<h1>{_escape(headline)}</h1>\n\n{self.body}"
        return f"{headline}\n\n{self.body}"


@dataclass(frozen=True, slots=True)
class BadStory:
    """A record that could not be audited: where it is, and why (one line)."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def parse_date(value: object) -> dt.date:
    """A story's date: a date, a datetime, or a string starting with an ISO date
    (``2021-03-05``, ``2021-03-05T14:00:00Z``); raises ValueError."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DAY.match(value.strip()):
        return dt.date.fromisoformat(value.strip()[:10])
    raise ValueError(f"date {value!r} is not an ISO date such as 2021-03-05")


def _text(record: Mapping[str, object], name: str, field: str, required: bool) -> str:
    value = record.get(name)
    if value is None:
        if required:
            raise ValueError(f"no {field!r} field" + (f" (named {name!r} here)" if name != field else ""))
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"field {name!r} must be a string, not {type(value).__name__}")
    return str(value)


def _format(value: str) -> str:
    fmt = FORMAT_ALIASES.get(value.strip().lower(), value.strip().lower()) or "text"
    if fmt not in STRIPPERS:
        raise ValueError(f"format {value!r} is not one of {', '.join(sorted(STRIPPERS))}")
    return fmt


def story_of(record: Mapping[str, object], fields: Fields, where: str,
             default_fmt: str = "text") -> Story | BadStory:
    """The story a record holds, or what is wrong with it."""
    names = dict(fields.names)
    try:
        values = {f: _text(record, names[f], f, f in REQUIRED) for f in FIELDS if f != "date"}
        if not values["id"].strip():
            raise ValueError("empty id")
        if record.get(names["date"]) is None:
            raise ValueError("no 'date' field" + (f" (named {names['date']!r} here)"
                                                   if names["date"] != "date" else ""))
        date = parse_date(record[names["date"]])
        fmt = _format(values["format"]) if values["format"] else default_fmt
    except ValueError as exc:
        return BadStory(where, str(exc))
    return Story(values["id"], date, values["body"], where, values["desk"].strip(), values["byline"].strip(),
                 values["headline"], fmt)
