"""pre-commit integration: the hook manifest, and both hooks run by the real pre-commit.

The end-to-end tests install copydesk exactly as a newsroom's pre-commit does:
pre-commit clones this repository at a commit, makes a fresh virtualenv and
runs a non-editable ``pip install .`` in it. They stay offline: the virtualenv
is created with access to the test environment's site-packages
(``VIRTUALENV_SYSTEM_SITE_PACKAGES``), where ``pip install -e '.[test]'``
already put copydesk's dependencies and the build backend, and pip is told to
use no index and no build isolation. So nothing is downloaded, yet copydesk
itself is built from the clone and imported from the hook's virtualenv.
"""

from __future__ import annotations

import os
import re
import shutil
import site
import subprocess
import sys
from pathlib import Path

import identify.identify
import pytest
from pre_commit.clientlib import load_config, load_manifest

from linter.markup import FORMAT_BY_SUFFIX

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
NOT_COPIED = shutil.ignore_patterns(".git", "build", "*.egg-info", "__pycache__", ".*_cache", ".benchmarks",
                                    ".venv", "venv")
GIT_IDENTITY = {"GIT_AUTHOR_NAME": "copydesk tests", "GIT_AUTHOR_EMAIL": "tests@example.invalid",
                "GIT_COMMITTER_NAME": "copydesk tests", "GIT_COMMITTER_EMAIL": "tests@example.invalid"}


def test_manifest_is_valid_for_pre_commit() -> None:
    hooks = {h["id"]: h for h in load_manifest(str(MANIFEST))}
    assert set(hooks) == {"copydesk", "copydesk-fix"}
    assert hooks["copydesk"]["entry"] == "copydesk check"
    assert hooks["copydesk-fix"]["entry"] == "copydesk fix"
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert set(hook["types_or"]) <= identify.identify.ALL_TAGS
        # One process over all the files: one sorted report, not a summary per batch.
        assert hook["require_serial"] is True


def test_hooks_select_every_supported_file_type() -> None:
    types_or = {tag for h in load_manifest(str(MANIFEST)) for tag in h["types_or"]}
    # identify gives ``.text`` no tag at all, so no ``types`` filter can select it.
    suffixes = set(FORMAT_BY_SUFFIX) - {".text"}
    unselected = [s for s in suffixes if not identify.identify.tags_from_filename(f"a{s}") & types_or]
    assert not unselected
    assert not identify.identify.tags_from_filename("a.py") & types_or


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, **GIT_IDENTITY}
    return subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=cwd, env=env, check=True,
                          capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A git repository holding this working tree in one commit, and that commit's sha."""
    repo = tmp_path_factory.mktemp("hook-repo") / "copydesk"
    shutil.copytree(ROOT, repo, ignore=NOT_COPIED)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "snapshot for the pre-commit test")
    return repo, _git(repo, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Shared by the tests below, so the hook environment is built once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _test_site_packages() -> dict[str, str]:
    """When the tests run inside a virtualenv, ``system site packages`` would mean the base
    interpreter's, which lacks copydesk's dependencies: put the test environment's own
    site-packages on the hook's path too (the hook's copydesk still comes from its
    own non-editable install, which is first on its path)."""
    if sys.prefix == sys.base_prefix:
        return {}
    return {"PYTHONPATH": os.pathsep.join(site.getsitepackages())}


def _offline_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "VIRTUALENV_", "PRE_COMMIT"))}
    env.pop("SKIP", None)
    return {
        **env,
        **_test_site_packages(),
        "PRE_COMMIT_HOME": str(home),
        "VIRTUALENV_SYSTEM_SITE_PACKAGES": "1",
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
        "PIP_CONFIG_FILE": os.devnull,  # no index or find-links from the machine's pip config
        "PIP_NO_INDEX": "1",
        "PIP_NO_BUILD_ISOLATION": "0",  # pip reads this inverted: "0" turns build isolation off
    }


def _newsroom(tmp_path: Path, hook_repo: tuple[Path, str], hook_id: str, drafts: dict[str, str]) -> Path:
    repo, sha = hook_repo
    project = tmp_path / "newsroom"
    project.mkdir()
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {repo}\n  rev: {sha}\n  hooks:\n  - id: {hook_id}\n", encoding="utf-8")
    for name, text in drafts.items():
        (project / name).write_text(text, encoding="utf-8")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    return project


def _run_pre_commit(project: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"],
                          cwd=project, env=_offline_env(home), capture_output=True, text=True, check=False,
                          timeout=600)


def test_check_hook_end_to_end(tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path) -> None:
    project = _newsroom(tmp_path, hook_repo, "copydesk", {
        "lead.md": "# Border town shelled\n\nThe terrorists fled towards the border.\n",
        "brief.txt": "Talks resumed on Monday, officials said.\n",
        "aside.txt": "Later the terrorists fled towards the hills.\n",
        "wire.md": "Flights to Kiev resumed.\n",
    })
    failed = _run_pre_commit(project, pre_commit_home)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "lead.md:3:5: error Bias.Labels" in failed.stdout
    assert "brief.txt:" not in failed.stdout
    # One run over the four files (pre-commit would split them per core): one sorted report.
    summaries = [line for line in failed.stdout.splitlines() if re.match(r"\d+ findings? \(", line)]
    assert len(summaries) == 1 and " in 4 files" in summaries[0]
    reported = [line.split(":")[0] for line in failed.stdout.splitlines() if ": error " in line]
    assert reported == sorted(reported) == ["aside.txt", "lead.md"]
    # Built from the clone and installed (not editable) into the hook's own virtualenv.
    assert list(pre_commit_home.glob("repo*/py_env-*/lib/*/site-packages/linter/packs/Bias/Labels.yml"))

    (project / "lead.md").write_text("# Border town shelled\n\nThe gunmen fled towards the border.\n",
                                     encoding="utf-8")
    (project / "aside.txt").write_text("Later the gunmen fled towards the hills.\n", encoding="utf-8")
    _git(project, "add", "-A")
    passed = _run_pre_commit(project, pre_commit_home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "copydesk" in passed.stdout and "Passed" in passed.stdout


def test_fix_hook_end_to_end(tmp_path: Path, hook_repo: tuple[Path, str], pre_commit_home: Path) -> None:
    project = _newsroom(tmp_path, hook_repo, "copydesk-fix", {"kyiv.md": "Talks in Kiev resumed on Monday.\n"})
    changed = _run_pre_commit(project, pre_commit_home)
    assert changed.returncode == 1, changed.stdout + changed.stderr
    assert "files were modified by this hook" in changed.stdout
    assert (project / "kyiv.md").read_text(encoding="utf-8") == "Talks in Kyiv resumed on Monday.\n"

    _git(project, "add", "-A")
    again = _run_pre_commit(project, pre_commit_home)
    assert again.returncode == 0, again.stdout + again.stderr


def test_readme_snippet_is_a_valid_pre_commit_config(tmp_path: Path) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n### pre-commit\n", 1)[1]
    snippet = section.split("```yaml\n", 1)[1].split("\n```", 1)[0]
    config_file = tmp_path / ".pre-commit-config.yaml"
    config_file.write_text(snippet, encoding="utf-8")
    [repo] = load_config(str(config_file))["repos"]
    assert {h["id"] for h in repo["hooks"]} <= {h["id"] for h in load_manifest(str(MANIFEST))}
    # pre-commit hides a passing hook's output: the README turns it on for the check hook.
    assert {h["id"]: h.get("verbose") for h in repo["hooks"]}["copydesk"] is True
