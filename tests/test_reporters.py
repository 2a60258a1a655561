"""Machine-readable reporters: SARIF (validated against the official schema), GitHub, JUnit."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from linter.cli import main
from linter.engine.lint import lint_document
from linter.markup import make_document
from linter.model.findings import Finding, Severity
from linter.model.results import FileResult, Report
from linter.model.rule import Rule
from linter.report import counts, exit_code, part_renderer, render, render_parts
from linter.report.docs import explain, markdown_page
from linter.report.github import github_data, github_property
from linter.report.sarif import artifact_uri, sarif_log, utf16_column
from linter.run.pipeline import fixed_examples

DATA = Path(__file__).resolve().parent / "data"
CORE = Path(__file__).resolve().parent.parent / "fixtures" / "styles" / "Core"
SCHEMA = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

DRAFT = (
    "The IAEA met in Kiev.\n"
    "Fans 😀 said the terrorists left,\n"
    "then went home.\n"
)


@pytest.fixture(scope="module")
def rules() -> tuple[Rule, ...]:
    from conftest import rules_for

    core = rules_for(f"styles: [{CORE}]\nrules: {{Core.Headline: off}}")
    labels = next(r for r in core if r.id == "Core.Labels")
    linked = labels._replace(link="https://example.org/style#labels")
    return tuple(linked if r is labels else r for r in core)


@pytest.fixture(scope="module")
def report(rules: tuple[Rule, ...]) -> Report:
    doc = make_document("drafts/day one.md", DRAFT, "markdown")
    result = FileResult.of(doc, lint_document(doc, rules))
    return Report((result,), (("old/latin1.txt", "not valid UTF-8: byte 0xA3 at offset 6 (line 1)"),), rules,
                  {r.id: fixed_examples(r) for r in rules})


def _render(fmt: str, report: Report) -> str:
    return "\n".join(render(fmt, report, False))


def test_report_has_one_finding_per_level(report: Report) -> None:
    found = {(f.rule_id, f.severity, f.line) for f in report.files[0].findings}
    assert found == {("Core.Acronyms", Severity.SUGGESTION, 1), ("Core.Places", Severity.WARNING, 1),
                     ("Core.Labels", Severity.ERROR, 2)}


# SARIF


def test_sarif_is_valid_against_the_official_schema(report: Report) -> None:
    log = json.loads(_render("sarif", report))
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)
    assert log["version"] == "2.1.0" and len(log["runs"]) == 1


def test_sarif_driver_lists_every_enabled_rule_with_its_docs(report: Report) -> None:
    driver = sarif_log(report)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "copydesk"
    assert [d["id"] for d in driver["rules"]] == [r.id for r in report.rules]
    by_id = {d["id"]: d for d in driver["rules"]}
    rule = {r.id: r for r in report.rules}["Core.Labels"]
    labels = by_id["Core.Labels"]
    fixed = fixed_examples(rule)
    assert labels["help"] == {"text": explain(rule, fixed), "markdown": markdown_page(rule, fixed)}
    assert labels["shortDescription"]["text"] == "Test rule for the existence kind."
    assert labels["helpUri"] == "https://example.org/style#labels"
    assert "helpUri" not in by_id["Core.Places"]
    levels = {d["id"]: d["defaultConfiguration"]["level"] for d in driver["rules"]}
    assert (levels["Core.Acronyms"], levels["Core.Places"], levels["Core.Labels"]) == ("note", "warning", "error")


def test_sarif_results(report: Report) -> None:
    run = sarif_log(report)["runs"][0]
    rule_ids = [d["id"] for d in run["tool"]["driver"]["rules"]]
    results = {r["ruleId"]: r for r in run["results"]}
    assert set(results) == {"Core.Acronyms", "Core.Places", "Core.Labels"}
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
    places = results["Core.Places"]
    assert places["level"] == "warning"
    assert places["message"]["text"] == "Use 'Kyiv' rather than 'Kiev'"
    location = places["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "drafts/day%20one.md"
    assert location["region"] == {"startLine": 1, "startColumn": 17, "endLine": 1, "endColumn": 21,
                                  "snippet": {"text": "Kiev"}}
    change = places["fixes"][0]["artifactChanges"][0]
    assert change["replacements"][0]["insertedContent"] == {"text": "Kyiv"}
    assert results["Core.Acronyms"]["level"] == "note"
    assert "fixes" not in results["Core.Labels"]


def test_sarif_is_one_line_and_gives_each_rule_s_help_once_not_per_result(report: Report) -> None:
    many = report._replace(files=report.files * 50)
    text = _render("sarif", many)
    assert "\n" not in text
    log = json.loads(text)
    assert len(log["runs"][0]["results"]) == 150
    for rule in report.rules:
        help_text = explain(rule, fixed_examples(rule))
        assert text.count(json.dumps(help_text, ensure_ascii=False)) == 1
    assert all(set(r) <= {"ruleId", "ruleIndex", "level", "message", "locations", "fixes"}
               for r in log["runs"][0]["results"])
    # Each further result costs its own few hundred bytes, nothing of its rule's docs.
    growth = (len(text) - len(_render("sarif", report))) / 147
    assert growth < 600


def test_sarif_columns_are_utf16_code_units(report: Report) -> None:
    """The emoji before 'terrorists' is one code point but two UTF-16 units."""
    run = sarif_log(report)["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    labels = next(r for r in run["results"] if r["ruleId"] == "Core.Labels")
    finding = next(f for f in report.files[0].findings if f.rule_id == "Core.Labels")
    assert (finding.column, finding.end_column) == (17, 27)
    region = labels["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (18, 28)
    assert utf16_column({1: "ab"}, 1, 3) == 3
    assert utf16_column({1: "𝄞𝄞x"}, 1, 3) == 5
    assert utf16_column({}, 4, 7) == 7  # line text unknown: code points are all there is


def test_sarif_file_errors_are_notifications(report: Report) -> None:
    invocation = sarif_log(report)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["message"]["text"].startswith("old/latin1.txt: not valid UTF-8")
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "old/latin1.txt"
    clean = sarif_log(Report((), ()))
    jsonschema.Draft4Validator(SCHEMA).validate(clean)
    assert clean["runs"][0]["invocations"][0]["executionSuccessful"] is True
    assert clean["runs"][0]["results"] == []


def test_sarif_finding_of_an_unlisted_rule_gets_a_descriptor(report: Report) -> None:
    log = sarif_log(report._replace(rules=()))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run = log["runs"][0]
    ids = [d["id"] for d in run["tool"]["driver"]["rules"]]
    assert sorted(ids) == ["Core.Acronyms", "Core.Labels", "Core.Places"]
    assert all(ids[r["ruleIndex"]] == r["ruleId"] for r in run["results"])


def test_artifact_uri() -> None:
    assert artifact_uri("a b/c#d.md") == "a%20b/c%23d.md"
    assert artifact_uri("/abs/x.md") == "file:///abs/x.md"


def test_sarif_through_the_cli_lists_the_configured_rules(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".copydesk.yml").write_text(f"styles: [{CORE}]\nrules:\n  Core.Headline: off\n")
    (tmp_path / "d.txt").write_text("Talks in Kiev.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "sarif", "d.txt"]) == 0
    log = json.loads(capsys.readouterr().out)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    run = log["runs"][0]
    assert "Core.Places" in [d["id"] for d in run["tool"]["driver"]["rules"]]
    assert "Core.Headline" not in [d["id"] for d in run["tool"]["driver"]["rules"]]
    assert [r["ruleId"] for r in run["results"]] == ["Core.Places"]


# GitHub workflow commands


def test_github_escaping() -> None:
    assert github_data("100% sure\r\nnext: a,b") == "100%25 sure%0D%0Anext: a,b"
    assert github_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def _finding(severity: Severity, message: str, path: str = "d.md") -> Finding:
    return Finding(path, "House.Rule", severity, message, 2, 3, 2, 7, 10, 4, "Kiev")


def test_github_commands() -> None:
    report = Report((FileResult("x, y:z.md", (
        _finding(Severity.ERROR, "Use 'Kyiv'\nnot 'Kiev' (100%)", "x, y:z.md"),
        _finding(Severity.WARNING, "w", "x, y:z.md"),
        _finding(Severity.SUGGESTION, "s", "x, y:z.md"))),), (("bad,file.txt", "binary file"),))
    lines = "\n".join(render("github", report)).split("\n")
    assert lines[0] == ("::error file=x%2C y%3Az.md,line=2,col=3,endLine=2,endColumn=7,title=House.Rule"
                        "::Use 'Kyiv'%0Anot 'Kiev' (100%25)")
    assert lines[1].startswith("::warning file=x%2C y%3Az.md,line=2,")
    assert lines[2].startswith("::notice file=x%2C y%3Az.md,line=2,")
    assert lines[3] == "::error file=bad%2Cfile.txt::binary file"
    assert lines[4].startswith("3 findings")


def test_github_output_of_a_real_report(report: Report) -> None:
    out = _render("github", report).splitlines()
    assert out[0].startswith("::notice file=drafts/day one.md,line=1,col=5,endLine=1,endColumn=9,"
                             "title=Core.Acronyms::")
    assert sum(line.startswith("::") for line in out) == 4


# JUnit


def _junit(report: Report) -> ET.Element:
    text = _render("junit", report)
    assert text.startswith("<?xml")
    return ET.fromstring(text)


def test_junit_is_one_test_case_per_file(report: Report) -> None:
    root = _junit(report)
    assert root.tag == "testsuites"
    [suite] = root.iter("testsuite")
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert set(cases) == {"drafts/day one.md", "old/latin1.txt"}
    assert suite.get("tests") == root.get("tests") == "2"
    assert suite.get("failures") == root.get("failures") == "1"
    assert suite.get("errors") == root.get("errors") == "1"
    draft = cases["drafts/day one.md"]
    assert draft.get("file") == "drafts/day one.md" and draft.get("classname") == "copydesk"
    failure = draft.find("failure")
    assert failure is not None and failure.get("type") == "error"  # the worst of the three
    assert failure.get("message") == ("3 findings (1 error, 1 warning, 1 suggestion); first: "
                                      "'IAEA' is not spelled out anywhere in the story")
    assert failure.text is not None
    assert failure.text.splitlines()[1] == "drafts/day one.md:1:17: warning Core.Places Use 'Kyiv' rather than 'Kiev'"
    error = cases["old/latin1.txt"].find("error")
    assert error is not None and error.get("message", "").startswith("not valid UTF-8")


def test_junit_clean_file_passes_and_the_report_does_not_grow_with_the_rules(report: Report) -> None:
    clean = Report((FileResult("clean.md", ()),), (), report.rules)
    root = _junit(clean)
    [case] = root.iter("testcase")
    assert case.get("name") == "clean.md" and list(case) == []
    assert _render("junit", clean) == _render("junit", clean._replace(rules=()))


def test_junit_escapes_markup_and_drops_characters_xml_cannot_hold() -> None:
    message = 'Prefer "A & B" to <b>\x0c</b>'
    report = Report((FileResult("a&b.md", (_finding(Severity.ERROR, message, "a&b.md"),
                                           _finding(Severity.WARNING, "second", "a&b.md"))),), ())
    root = _junit(report)
    [case] = root.iter("testcase")
    assert case.get("name") == "a&b.md"
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("type") == "error"
    assert failure.get("message") == ('2 findings (1 error, 1 warning, 0 suggestions); first: '
                                      'Prefer "A & B" to <b>\ufffd</b>')
    assert failure.text is not None and len(failure.text.splitlines()) == 2


# Files rendered by the worker processes


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
@pytest.mark.parametrize("colour", [False, True])
@pytest.mark.parametrize("fail_on", ["suggestion", "warning", "error", "never"])
def test_rendered_in_workers_gives_the_same_output(report: Report, fmt: str, colour: bool,
                                                   fail_on: str) -> None:
    clean = FileResult("drafts/clean.md", ())
    whole = report._replace(files=(*report.files, clean))
    renderer = part_renderer(fmt, colour)
    assert renderer is not None
    parts = [renderer(r) for r in whole.files]  # what workers send back
    assert "\n".join(render_parts(fmt, parts, whole.errors, colour)) == "\n".join(render(fmt, whole, colour))
    from_parts, from_files = counts([p.tally for p in parts]), counts([r.tally() for r in whole.files])
    assert from_parts == from_files
    assert exit_code(from_parts, 1, fail_on) == 2
    assert exit_code(from_parts, 0, fail_on) == exit_code(from_files, 0, fail_on)


def test_whole_run_formats_have_no_part_renderer() -> None:
    assert part_renderer("sarif", False) is None and part_renderer("junit", False) is None


def test_json_report_is_json_dumps_of_the_whole_payload(report: Report) -> None:
    payload = {
        "schema": 1,
        "files": [{"path": r.path, "findings": [f.to_dict() for f in r.findings]} for r in report.files],
        "errors": [{"path": p, "message": m} for p, m in report.errors],
        "summary": {"files": 1, "error": 1, "warning": 1, "suggestion": 1},
    }
    assert _render("json", report) == json.dumps(payload, ensure_ascii=False)
