"""copydesk audit on local processes: outputs, the judgement of check, bad input, resuming."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from audit_archives import stories, write_jsonl, write_parquet
from conftest import ROOT, refuse_listing

from linter.analysis import Analysis
from linter.audit.driver import WORK, Plan, run_audit
from linter.audit.engines import Engine
from linter.audit.stories import Fields, Story
from linter.audit.task import Rules, term, text_span
from linter.cli import main
from linter.markup import make_document
from linter.run.pipeline import lint_one
from linter.run.session import open_session

COUNT = 90


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_jsonl(tmp_path_factory.mktemp("archive") / "stories.jsonl", stories(COUNT))


@pytest.fixture(scope="module")
def rules() -> Rules:
    return Rules.of(open_session(None, ROOT, use_config=False))


def rows(path: Path) -> list[dict[str, Any]]:
    table = pq.read_table(path)
    return sorted(table.to_pylist(), key=lambda r: (r["id"], r["offset"], r["rule"], r["length"]))


ONE = Engine(1)


def audit(archive: Path, out: Path, rules: Rules, engine: Engine = ONE, **plan: Any) -> Any:
    return run_audit(Plan((str(archive),), out, **{"partition_size": 15, **plan}), rules, engine)


@pytest.fixture(scope="module")
def local(archive: Path, rules: Rules, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    audit(archive, out, rules)
    return out


def test_cli_writes_findings_summary_and_report(archive: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["audit", str(archive), "--out", str(out), "--no-config", "--partition-size", "20"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["findings.parquet", "report.html", "summary.parquet"]
    captured = capsys.readouterr()
    assert f"audited {COUNT} stories" in captured.out and "\r" not in captured.err  # no bar off a terminal
    findings = pq.read_table(out / "findings.parquet")
    assert findings.column_names == ["id", "date", "desk", "byline", "rule", "level", "match", "term", "voice",
                                     "offset", "length", "line", "column", "suggestion", "where"]
    voices = set(findings.column("voice").to_pylist())
    assert {"own", "attributed", "quoted"} <= voices
    labels = [r for r in findings.to_pylist() if r["rule"] == "Bias.Labels"]
    assert {r["term"] for r in labels} == {"terrorist"}
    assert {r["level"] for r in labels if r["voice"] == "own"} == {"error"}
    summary = pq.read_table(out / "summary.parquet").to_pylist()
    assert sum(r["count"] for r in summary if r["measure"] == "finding") == findings.num_rows
    assert sum(r["count"] for r in summary if r["measure"] == "stories") == COUNT
    assert {r["measure"] for r in summary} == {"finding", "house-form", "quote-style", "stories"}
    kyiv = [r for r in summary if r["measure"] == "house-form" and r["term"] == "Kyiv"]
    assert kyiv and all(r["rule"] == "Names.Places" for r in kyiv)
    some = next(r for r in summary if r["measure"] == "finding")
    assert some["per_1000_words"] == pytest.approx(some["count"] * 1000 / some["words"], abs=1e-6)


def test_every_finding_is_what_check_finds_in_the_story(local: Path, archive: Path) -> None:
    """The same rules and judgement as check: each story linted alone gives the same findings,
    and the voice is the analysis's voice of the finding's prose-text span."""
    session = open_session(None, ROOT, use_config=False)
    found = rows(local / "findings.parquet")
    records = [json.loads(line) for line in archive.read_text(encoding="utf-8").splitlines()]
    for record in records[:40]:
        story = Story(record["id"], None, record["body"], "", headline=record.get("headline", ""),  # type: ignore[arg-type]
                      fmt=record["format"])
        doc = story.document()
        expected = lint_one(doc, session.engine_for(doc.path), session.rule_ids)
        an = Analysis(doc)
        got = [r for r in found if r["id"] == record["id"]]
        assert sorted((f.rule_id, f.line, f.column, f.offset, f.match) for f in expected) == \
            sorted((r["rule"], r["line"], r["column"], r["offset"], r["match"]) for r in got)
        for f in expected:
            assert doc.source[f.offset:f.offset + f.length] == f.match
            start, end = text_span(doc, f.offset, f.offset + f.length)
            voice = next(r["voice"] for r in got if (r["offset"], r["rule"]) == (f.offset, f.rule_id))
            assert voice == an.voice(start, end).value


def test_voice_reads_the_prose_span_behind_html_entities() -> None:
    source = "<p>A&nbsp;&amp;&nbsp;B. &ldquo;The terrorists fled,&rdquo; he said. The terrorists fled.</p>"
    doc = make_document("s.html", source, "html")
    session = open_session(None, ROOT, use_config=False)
    labels = [f for f in lint_one(doc, session.engine_for("s.html"), session.rule_ids) if f.rule_id == "Bias.Labels"]
    assert [f.match for f in labels] == ["terrorists"]  # the quoted one is not reported
    start, end = text_span(doc, labels[0].offset, labels[0].offset + labels[0].length)
    assert doc.text[start:end] == "terrorists" and start != labels[0].offset
    quoted = source.index("terrorists")
    q_start, q_end = text_span(doc, quoted, quoted + len("terrorists"))
    assert Analysis(doc).voice(q_start, q_end).value == "quoted"


@pytest.mark.parametrize(("match", "kind", "expected"), [
    ("Terrorists", "existence", "terrorist"), ("news", "existence", "news"), ("KIEV", "names", "Kiev"),
    ("so-called\nreform", "existence", "so-called reform"), ("«", "quotes", "«"),
    ("freedom fighters", "existence", "freedom fighter"), ("Kiev", "names", "Kiev"),
])
def test_terms_are_normalised(match: str, kind: str, expected: str) -> None:
    assert term(match, kind) == expected


def test_two_local_processes_give_the_rows_of_one(local: Path, archive: Path, rules: Rules,
                                                  tmp_path: Path) -> None:
    audit(archive, tmp_path, rules, Engine(2))
    assert rows(tmp_path / "findings.parquet") == rows(local / "findings.parquet")
    assert pq.read_table(tmp_path / "summary.parquet").equals(pq.read_table(local / "summary.parquet"))


def test_parquet_and_renamed_fields_give_the_rows_of_json_lines(local: Path, rules: Rules, tmp_path: Path) -> None:
    write_parquet(tmp_path / "stories.parquet", stories(COUNT), row_group_size=7)
    audit(tmp_path / "stories.parquet", tmp_path / "pq", rules)
    parquet_rows = rows(tmp_path / "pq" / "findings.parquet")
    renamed = [{("text" if k == "body" else "story_id" if k == "id" else k): v for k, v in s.items()}
               for s in stories(COUNT)]
    write_jsonl(tmp_path / "renamed.jsonl", renamed)
    audit(tmp_path / "renamed.jsonl", tmp_path / "renamed", rules,
          fields=Fields.parse(("body=text", "id=story_id")))
    expected = rows(local / "findings.parquet")
    strip = [{k: v for k, v in r.items() if k != "where"} for r in expected]
    assert [{k: v for k, v in r.items() if k != "where"} for r in parquet_rows] == strip
    assert [{k: v for k, v in r.items() if k != "where"} for r in rows(tmp_path / "renamed" / "findings.parquet")] == strip
    assert parquet_rows[0]["where"].startswith(str(tmp_path / "stories.parquet") + ": row ")


def test_a_folder_of_drafts_takes_dates_and_desks_from_front_matter_or_folders(tmp_path: Path) -> None:
    (tmp_path / "drafts" / "world").mkdir(parents=True)
    (tmp_path / "drafts" / "world" / "a.md").write_text(
        "---\ndate: 2022-03-04\ndesk: foreign\n---\nThe terrorists fled Kiev.\n", encoding="utf-8")
    (tmp_path / "drafts" / "world" / "b.txt").write_text("Flights to Kiev resumed.\n", encoding="utf-8")
    (tmp_path / "drafts" / "c.txt").write_text("Nothing to see.\n", encoding="utf-8")
    assert main(["audit", str(tmp_path / "drafts"), "--out", str(tmp_path / "out"), "--no-config", "-q"]) == 0
    found = pq.read_table(tmp_path / "out" / "findings.parquet").to_pylist()
    by_id = {r["id"]: r for r in found}
    assert by_id["world/a.md"]["desk"] == "foreign" and str(by_id["world/a.md"]["date"]) == "2022-03-04"
    assert by_id["world/b.txt"]["desk"] == "world"
    stories_rows = [r for r in pq.read_table(tmp_path / "out" / "summary.parquet").to_pylist()
                    if r["measure"] == "stories"]
    assert sum(r["count"] for r in stories_rows) == 3


def test_bad_stories_and_archives_are_named_and_the_rest_is_audited(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    good = stories(10)
    archive = write_jsonl(tmp_path / "a.jsonl", good[:5], (
        "{not json", '["a list"]', json.dumps({"id": "n1", "body": "No date."}),
        json.dumps({"id": "n2", "date": "last week", "body": "Bad date."}),
        json.dumps({"id": "n3", "date": "2021-01-01", "body": "x", "format": "docx"}), ""))
    with archive.open("a", encoding="utf-8") as handle:
        for record in good[5:]:
            handle.write(json.dumps(record) + "\n")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    out = tmp_path / "out"
    code = main(["audit", str(archive), str(tmp_path / "missing.jsonl"), str(tmp_path / "broken.parquet"),
                 "--out", str(out), "--no-config", "-q"])
    errors = capsys.readouterr().err.splitlines()
    assert code == 2
    assert errors[0] == f"copydesk: {tmp_path / 'missing.jsonl'}: no such file or folder"
    assert errors[1].startswith(f"copydesk: {tmp_path / 'broken.parquet'}: not a readable Parquet file")
    assert errors[2:] == [
        f"copydesk: {archive}:6: not valid JSON: Expecting property name enclosed in double quotes at column 2",
        f"copydesk: {archive}:7: expected a JSON object, not list",
        f"copydesk: {archive}:8: no 'date' field",
        f"copydesk: {archive}:9: date 'last week' is not an ISO date such as 2021-03-05",
        f"copydesk: {archive}:10: format 'docx' is not one of html, markdown, text",
    ]
    audited = pq.read_table(out / "findings.parquet").column("id").to_pylist()
    assert set(audited) <= {s["id"] for s in good} and len(set(audited)) >= 8
    assert sum(r["count"] for r in pq.read_table(out / "summary.parquet").to_pylist()
               if r["measure"] == "stories") == 10


def test_a_folder_of_drafts_that_cannot_be_listed_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A subfolder that cannot be listed would leave the audit silently short of stories:
    the archive is named as an error (exit 2). chmod 000 does not stop root, so the refusal
    is simulated."""
    drafts = tmp_path / "drafts"
    (drafts / "locked").mkdir(parents=True)
    (drafts / "a.txt").write_text("Militants stormed the building.\n", encoding="utf-8")
    refuse_listing(monkeypatch, "locked")
    code = main(["audit", str(drafts), "--out", str(tmp_path / "out"), "--no-config", "-q"])
    assert code == 2
    assert "locked: cannot read folder: Permission denied" in capsys.readouterr().err


def test_a_users_pattern_that_runs_out_of_time_is_named_and_the_rest_audited(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule of the newsroom's own whose pattern backtracks for ever is stopped by the time
    limit, as in check: the story's line names the rule, its other findings and the other
    stories are audited (before, the partition, and so the audit, failed)."""
    import linter.engine.lint

    monkeypatch.setattr(linter.engine.lint, "PATTERN_SECONDS", 0.5)
    style = tmp_path / "House"
    style.mkdir()
    (style / "Slow.yml").write_text("extends: existence\nmessage: m\nlevel: error\nraw: ['(a|aa)+$']\n")
    (style / "Kiev.yml").write_text("extends: existence\nmessage: m\ntokens: [Kiev]\n")
    (tmp_path / ".copydesk.yml").write_text("styles: [House]\n")
    records = [{"id": "slow", "date": "2021-01-04", "body": "a" * 60 + "!\nTalks in Kiev.\n"},
               {"id": "fine", "date": "2021-01-05", "body": "Talks in Kiev.\n"}]
    archive = write_jsonl(tmp_path / "a.jsonl", records)
    monkeypatch.chdir(tmp_path)
    code = main(["audit", str(archive), "--out", str(tmp_path / "out"), "--jobs", "1", "-q"])
    err = capsys.readouterr().err
    assert code == 2
    assert "story 'slow'" in err and "rule House.Slow: its patterns took longer than 0.5 s" in err
    rows = pq.read_table(tmp_path / "out" / "findings.parquet").to_pylist()
    assert sorted((r["id"], r["rule"]) for r in rows) == [("fine", "House.Kiev"), ("slow", "House.Kiev")]


def test_ctrl_c_while_a_table_is_written_leaves_no_temporary_file(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C in the middle of writing a partition (or an output) removes the half-written
    temporary file; the file it was to become is not there either (the CLI test that
    interrupts a run caught this only when the signal came mid-write)."""
    import pyarrow as pa

    from linter.audit import tables

    def interrupted(table: object, where: Path, **_: object) -> None:
        Path(where).write_bytes(b"PAR1 half")
        raise KeyboardInterrupt

    monkeypatch.setattr(tables.pq, "write_table", interrupted)
    with pytest.raises(KeyboardInterrupt):
        tables.write_table(pa.table({"a": [1]}), tmp_path / "0000005.parquet")
    assert list(tmp_path.iterdir()) == []


def test_usage_errors_are_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "o"), "--no-config"]) == 2
    assert capsys.readouterr().err == f"copydesk: {tmp_path / 'none.jsonl'}: no such file or folder\n"
    assert not (tmp_path / "o").exists()
    assert main(["audit", "x.jsonl", "--out", str(tmp_path), "--field", "text=body"]) == 2
    assert "unknown field 'text'" in capsys.readouterr().err
    assert main(["audit", "x.jsonl", "--out", str(tmp_path), "--workers", "2", "--scheduler", "tcp://x:1"]) == 2


def test_without_the_audit_extra_the_command_names_it() -> None:
    code = ("import sys; sys.modules['pyarrow'] = None; sys.modules['dask'] = None\n"
            "from linter.cli import main; sys.exit(main(['audit', 'x.jsonl', '--out', 'o']))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 2
    assert result.stderr == ("copydesk: audit needs the optional packages of copydesk[audit] (pyarrow, dask "
                             "missing): pip install 'copydesk[audit]'\n")


class Interrupt(Exception):
    pass


def test_an_interrupted_audit_resumes_and_gives_the_same_result(local: Path, archive: Path, rules: Rules,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "out"

    def stop_at_70_percent(done: int, total: int) -> None:
        if done >= 0.7 * total:
            raise Interrupt

    with pytest.raises(Interrupt):
        run_audit(Plan((str(archive),), out, partition_size=15), rules, Engine(1), stop_at_70_percent)
    assert [p.name for p in out.iterdir()] == [WORK]  # nothing half-written
    finished = sorted(p.name for p in (out / WORK).glob("*.json") if p.name != "manifest.json")
    assert len(finished) == 5  # of 6 partitions
    seen: list[tuple[int, int]] = []
    outcome = run_audit(Plan((str(archive),), out, partition_size=15), rules, Engine(2),
                        lambda done, total: seen.append((done, total)))
    assert outcome.resumed == 5 and seen[0] == (75, COUNT)
    assert rows(out / "findings.parquet") == rows(local / "findings.parquet")
    for name in ("findings.parquet", "summary.parquet", "report.html"):  # byte for byte
        assert (out / name).read_bytes() == (local / name).read_bytes(), name
    assert not (out / WORK).exists()


def test_a_changed_archive_is_audited_afresh(archive: Path, rules: Rules, tmp_path: Path) -> None:
    copy = write_jsonl(tmp_path / "a.jsonl", stories(30))

    def interrupt(done: int, total: int) -> None:
        if done:
            raise Interrupt

    with pytest.raises(Interrupt):
        run_audit(Plan((str(copy),), tmp_path / "out", partition_size=10), rules, Engine(1), interrupt)
    write_jsonl(copy, stories(30, seed=8))
    outcome = run_audit(Plan((str(copy),), tmp_path / "out", partition_size=10), rules, Engine(1))
    assert outcome.resumed == 0


def test_the_prose_span_of_every_fixture_finding_maps_back_to_it() -> None:
    """text_span inverts Document.to_source on every finding of every fixture draft (HTML
    entities included), so each finding's voice is read at its own words."""
    from conftest import FIXTURE_FILES

    from linter.run.files import read_document

    session = open_session(None, ROOT, use_config=False)
    checked = 0
    for path in FIXTURE_FILES:
        doc = read_document(str(path))[0]
        for f in lint_one(doc, session.engine_for(str(path)), session.rule_ids):
            assert doc.to_source(*text_span(doc, f.offset, f.offset + f.length)) == (f.offset, f.offset + f.length), \
                (path.name, f.rule_id, f.match)
            checked += 1
    assert checked > 100
