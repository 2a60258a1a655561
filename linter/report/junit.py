"""JUnit XML output, for CI systems that show test reports: a test suite per file,
a test case per enabled rule, findings as failures and file errors as errors."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from linter.lib.shown import printable, quote_path
from linter.model.findings import Finding
from linter.model.results import FileResult, Report

# Characters XML 1.0 cannot carry at all, even escaped (a form feed in a draft).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _junit_case(path: str, rule_id: str, findings: list[Finding]) -> ET.Element:
    shown = _xml_text(quote_path(path))
    case = ET.Element("testcase", classname=shown, name=rule_id, file=shown)
    if findings:
        worst = max(f.severity for f in findings)
        first = findings[0]
        message = first.message if len(findings) == 1 else f"{len(findings)} findings; first: {first.message}"
        failure = ET.SubElement(case, "failure", message=_xml_text(message), type=worst.label)
        failure.text = _xml_text("\n".join(
            f"{shown}:{f.line}:{f.column}: {f.severity.label} {f.rule_id} {f.message}" for f in findings))
    return case


def _junit_suite(result: FileResult, rule_ids: list[str]) -> ET.Element:
    by_rule: dict[str, list[Finding]] = {rule_id: [] for rule_id in rule_ids}
    for f in result.findings:
        by_rule.setdefault(f.rule_id, []).append(f)
    cases = [_junit_case(result.path, rule_id, found) for rule_id, found in by_rule.items()]
    failures = sum(1 for found in by_rule.values() if found)
    suite = ET.Element("testsuite", name=_xml_text(quote_path(result.path)), tests=str(len(cases)),
                       failures=str(failures), errors="0", skipped="0")
    suite.extend(cases)
    return suite


def _junit_error(path: str, message: str) -> ET.Element:
    shown, message = _xml_text(quote_path(path)), _xml_text(printable(message))
    suite = ET.Element("testsuite", name=shown, tests="1", failures="0", errors="1", skipped="0")
    case = ET.SubElement(suite, "testcase", classname=shown, name="copydesk", file=shown)
    ET.SubElement(case, "error", message=message, type="file-error").text = message
    return suite


def format_junit(report: Report) -> Iterator[str]:
    """JUnit XML: a test suite per file, a test case per enabled rule; findings are failures."""
    rule_ids = [r.id for r in report.rules]
    suites = [_junit_suite(r, rule_ids) for r in report.files]
    suites += [_junit_error(path, message) for path, message in report.errors]
    root = ET.Element("testsuites", name="copydesk",
                      tests=str(sum(int(s.get("tests", "0")) for s in suites)),
                      failures=str(sum(int(s.get("failures", "0")) for s in suites)),
                      errors=str(len(report.errors)))
    root.extend(suites)
    ET.indent(root)
    yield ET.tostring(root, encoding="unicode", xml_declaration=True)


