"""Small archives for the audit tests, made up at test time from invented sentences: labels
in the writer's voice, attributed and quoted; old and house place names; quotation
marks of several styles; HTML with entities and Markdown with headlines."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

SENTENCES = (
    "The terrorists fled towards the border after the attack on the depot.",
    "Talks between the two delegations resume in Kiev on Monday, officials said.",
    "The police chief said the terrorists had been planning the raid for weeks.",
    "“We will not surrender to these terrorists,” the minister said on Sunday.",
    "Critics say the plan is clearly unworkable and far too expensive.",
    "Dozens were killed in the shelling of the market town.",
    "Flights to Kyiv resumed on Tuesday after a pause of three days.",
    "He slammed the so-called reform as a disaster for farmers.",
    '"It is over," she said, before leaving the court by a side door.',
    "The extremists attacked a convoy on the road to Bombay.",
    "Militants claimed the town had been liberated overnight.",
    "«Nous resterons», a déclaré le maire devant la mairie.",
    "The council will meet again in March to discuss the budget.",
    "Rescue teams worked through the night to clear the rubble.",
    "Mumbai's new metro line opened to passengers on Friday.",
    "Residents described the gunmen as thugs who terrorised the street.",
    "“It was “a disaster” for us,” the farmer said.",
)
DESKS = ("world", "politics", "business", "sport")
FORMATS = ("text", "markdown", "html")


def stories(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """``count`` invented stories over two years and four desks (one in five without a desk
    of its own is on the 'world' desk), some in Markdown and HTML, some with headlines."""
    rng = random.Random(seed)
    start = dt.date(2021, 1, 1)
    out = []
    for i in range(count):
        fmt = FORMATS[i % 7 % 3] if i % 7 < 3 else "text"
        body = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(6, 14)))
        if fmt == "html":
            body = "<p>Reported&nbsp;by&nbsp;staff. " + body.replace("“", "&ldquo;").replace("”", "&rdquo;") + "</p>"
        elif fmt == "markdown":
            body = "Some *context* first.\n\n" + body
        story: dict[str, Any] = {
            "id": f"story-{i:05d}", "date": (start + dt.timedelta(days=rng.randrange(730))).isoformat(),
            "body": body, "desk": DESKS[i % len(DESKS)], "byline": f"Reporter {i % 5}",
            "format": fmt,
        }
        if i % 4 == 0:
            story["headline"] = rng.choice(("Talks resume in Kiev", "Terrorists strike depot", "Budget talks"))
        out.append(story)
    return out


def write_jsonl(path: Path, records: list[dict[str, Any]], extra_lines: tuple[str, ...] = ()) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        for line in extra_lines:
            handle.write(line + "\n")
    return path


def write_parquet(path: Path, records: list[dict[str, Any]], row_group_size: int = 16) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {k: [r.get(k) for r in records] for k in ("id", "date", "body", "desk", "byline", "headline",
                                                         "format")}
    columns["date"] = [dt.date.fromisoformat(d) for d in columns["date"]]
    pq.write_table(pa.table(columns), path, row_group_size=row_group_size)
    return path
