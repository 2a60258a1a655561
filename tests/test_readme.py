"""The README against the code: its commands run on the fixtures, the output it shows is
the output copydesk gives, every flag is documented there and in --help, and the loaded
terms it names are reported.

Every command in a ```sh block (each part of a line joined by ``&&`` that starts with
``copydesk``, ``python -m linter`` or ``cat FILE | copydesk``; pip and pytest lines are
left alone) runs in a copy of fixtures/, through a shell, with this environment's
copydesk first on PATH, and must exit 0 or 1 without a traceback. A ```console block
holds ``$ command`` lines, each followed by exactly what copydesk prints on stdout.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, lint

import linter.cli

README = (ROOT / "README.md").read_text(encoding="utf-8")
_RUNNABLE = re.compile(r"(?:copydesk|python3? -m linter|cat \S+ \| copydesk)\b")


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", README, re.DOTALL | re.MULTILINE)


def _shell_commands() -> list[str]:
    commands = []
    for block in _blocks("sh"):
        for line in block.splitlines():
            line = re.sub(r"\s#\s.*$", "", line).strip()
            commands += [part.strip() for part in line.split("&&") if _RUNNABLE.match(part.strip())]
    return commands


def _console_examples() -> list[tuple[str, str]]:
    examples = []
    for block in _blocks("console"):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, output = chunk.partition("\n")
            examples.append((command.strip(), output))
    return examples


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "fixtures", folder / "fixtures")
    assert not any((p / name).exists() for p in (folder, *folder.parents)
                   for name in (".copydesk.yml", ".copydesk.yaml")), "a config above the sandbox"
    return folder


def _shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NO_COLOR", "COPYDESK_NO"))}
    env.update(PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}", COLUMNS="100",
               TERM="dumb")
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300, check=False)


def test_the_readme_has_commands_and_examples() -> None:
    commands = _shell_commands()
    assert "copydesk check fixtures/demo/wire-story.md" in commands  # the quick start
    assert any(c.startswith("cat ") for c in commands) and any(" fix " in c for c in commands)
    assert len(_console_examples()) >= 2


@pytest.mark.parametrize("command", _shell_commands())
def test_every_shell_command_in_the_readme_runs(command: str, sandbox: Path) -> None:
    result = _shell(command, sandbox)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout or result.stderr


@pytest.mark.parametrize(("command", "output"), _console_examples())
def test_the_output_the_readme_shows_is_real(command: str, output: str, sandbox: Path) -> None:
    result = _shell(command, sandbox)
    assert result.returncode in (0, 1), result.stderr
    assert result.stdout == output


def test_the_quick_start_exit_code_is_explained(sandbox: Path) -> None:
    result = _shell("copydesk check fixtures/demo/wire-story.md", sandbox)
    assert result.returncode == 1
    last = result.stdout.splitlines()[-1]
    assert last.endswith("in 1 file; exit code 1: findings at or above --fail-on error")
    assert "exit code 1: findings at or above --fail-on error" in README


def _options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if a.option_strings and not isinstance(a, argparse._HelpAction)]


def test_every_flag_is_in_the_readme_and_in_help(capsys: pytest.CaptureFixture[str]) -> None:
    for name, command in linter.cli.COMMANDS.items():
        parser = argparse.ArgumentParser(prog=f"copydesk {name}")
        command.add_arguments(parser)
        assert linter.cli.main([name, "--help"]) == 0
        shown = capsys.readouterr().out
        for action in _options(parser):
            assert action.help, (name, action.option_strings)
            for flag in action.option_strings:
                assert flag in shown, (name, flag)
                assert re.search(rf"`{re.escape(flag)}[ `=,]", README), f"{name} {flag} is not in the README"
    assert "`copydesk --version`" in README and "`copydesk --help`" in README


# The loaded terms the README's first lines name, each in the writer's own voice.
TERMS = {
    "terrorists": "The terrorists fled towards the border.",
    "martyr": "The martyr was buried on Friday.",
    "so-called": "The so-called experts met on Monday.",
    "claimed": "He claimed that the vote was rigged.",
    "thugs": "The thugs attacked the shop.",
}


def test_the_loaded_terms_the_readme_names_are_reported() -> None:
    bullet = README.split("**loaded terms**", 1)[1].split("\n- ", 1)[0]
    named = re.findall(r'"([^"]+)"', bullet)
    assert named == list(TERMS)
    for term, sentence in TERMS.items():
        assert any(term in f.match.lower() for f in lint(sentence)), term
