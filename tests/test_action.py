"""The composite GitHub Action (action.yml): its shape, and its lint script run with bash."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ACTION: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
INPUTS = ("paths", "format", "fail-on", "diff-base", "config", "output-file", "python-version")


def _step(step_id: str) -> dict[str, Any]:
    return next(s for s in ACTION["runs"]["steps"] if s.get("id") == step_id)


def test_action_shape() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert tuple(ACTION["inputs"]) == INPUTS
    assert all(spec["description"] for spec in ACTION["inputs"].values())
    assert ACTION["inputs"]["format"]["default"] == "github"
    lint = _step("lint")
    # Inputs reach the script through env only: no expression is spliced into shell code.
    assert "${{" not in lint["run"]
    assert set(lint["env"].values()) == {f"${{{{ inputs.{name} }}}}" for name in INPUTS[:-1]}


def _run_action(workdir: Path, tmp_path: Path, **inputs: str) -> tuple[subprocess.CompletedProcess[str], str]:
    output = tmp_path / "github_output"
    output.write_text("", encoding="utf-8")
    values = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()} | inputs
    env = {**os.environ, "GITHUB_OUTPUT": str(output)}
    env |= {key: values[expr.split("inputs.")[1].rstrip(" }")] for key, expr in _step("lint")["env"].items()}
    result = subprocess.run(["bash", "-e", "-c", _step("lint")["run"]], cwd=workdir, env=env,
                            capture_output=True, text=True, check=False)
    return result, output.read_text(encoding="utf-8")


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    assert shutil.which("copydesk"), "copydesk must be installed (pip install -e '.[test]')"
    folder = tmp_path / "repo"
    (folder / "stories").mkdir(parents=True)
    (folder / "stories" / "kyiv story.md").write_text("The terrorists fled to Kiev.\n", encoding="utf-8")
    (folder / "notes.md").write_text("Not linted: outside the paths.\n", encoding="utf-8")
    return folder


def test_lint_script_annotates_and_fails(newsroom: Path, tmp_path: Path) -> None:
    result, outputs = _run_action(newsroom, tmp_path, paths="stories\n")
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("::error file=stories/kyiv story.md,line=1,col=5,")
    assert "::warning file=stories/kyiv story.md,line=1,col=24," in result.stdout
    assert outputs == "exit-code=1\n"


def test_lint_script_writes_sarif_to_a_file(newsroom: Path, tmp_path: Path) -> None:
    result, outputs = _run_action(newsroom, tmp_path, paths="stories", format="sarif",
                                  **{"output-file": "copydesk.sarif", "fail-on": "never"})
    assert result.returncode == 0, result.stderr
    assert outputs == "exit-code=0\n"
    log = json.loads((newsroom / "copydesk.sarif").read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"stories/kyiv%20story.md"}


def _readme_yaml_after(heading: str) -> list[Any]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(f"\n{heading}\n", 1)[1].split("\n#", 1)[0]
    return [yaml.safe_load(block.split("\n```", 1)[0]) for block in section.split("```yaml\n")[1:]]


def test_readme_workflows_use_only_the_actions_inputs() -> None:
    workflows = _readme_yaml_after("### GitHub Actions")
    assert len(workflows) == 2
    steps = [s for w in workflows for job in w["jobs"].values() for s in job["steps"]]
    ours = [s for s in steps if s.get("uses", "").startswith("YOUR-ORG/copydesk@")]
    assert len(ours) == 2
    assert all(set(s["with"]) <= set(ACTION["inputs"]) for s in ours)
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif@") for s in steps)
