"""JUnit XML output, for CI systems that show test reports (GitLab, Jenkins, Azure).

One test suite for the run and one test case per file: a file with findings fails, its
failure listing them (one line each, as the text output's first line); a file that could
not be read is an error. One case per file keeps a report of thousands of drafts small
and readable, where a case per rule and file (most of them empty passes) did not.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from linter.lib.shown import printable, quote_path
from linter.model.findings import Severity
from linter.model.results import FileResult, Report

# Characters XML 1.0 cannot carry at all, even escaped (a form feed in a draft).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _tally(result: FileResult) -> str:
    counts = result.tally()
    parts = [f"{counts[s]} {s.label}{'s' if counts[s] != 1 else ''}" for s in sorted(Severity, reverse=True)]
    total = len(result.findings)
    return f"{total} finding{'s' if total != 1 else ''} ({', '.join(parts)})"


def _junit_case(result: FileResult) -> ET.Element:
    path = _xml_text(quote_path(result.path))
    case = ET.Element("testcase", classname="copydesk", name=path, file=path)
    if result.findings:
        worst = max(f.severity for f in result.findings)
        first = result.findings[0]
        message = first.message if len(result.findings) == 1 else f"{_tally(result)}; first: {first.message}"
        failure = ET.SubElement(case, "failure", message=_xml_text(message), type=worst.label)
        lines = (f"{path}:{f.line}:{f.column}: {f.severity.label} {f.rule_id} {f.message}"
                 for f in result.findings)
        failure.text = _xml_text("\n".join(lines))
    return case


def _junit_error(path: str, message: str) -> ET.Element:
    shown, message = _xml_text(quote_path(path)), _xml_text(printable(message))
    case = ET.Element("testcase", classname="copydesk", name=shown, file=shown)
    ET.SubElement(case, "error", message=message, type="file-error").text = message
    return case


def format_junit(report: Report) -> Iterator[str]:
    """JUnit XML: one test suite, a test case per file; findings are failures."""
    cases = [_junit_case(r) for r in report.files]
    cases += [_junit_error(path, message) for path, message in report.errors]
    counts = {"tests": str(len(cases)), "failures": str(sum(1 for r in report.files if r.findings)),
              "errors": str(len(report.errors))}
    root = ET.Element("testsuites", {"name": "copydesk", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "copydesk", **counts, "skipped": "0"})
    suite.extend(cases)
    ET.indent(root)
    yield ET.tostring(root, encoding="unicode", xml_declaration=True)
