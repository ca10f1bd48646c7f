"""The command package: `timeline --help` lists every command as click would, without importing
the command modules, and the ways to start the command (console script, python -m) all work."""

from __future__ import annotations

import os
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from tests.conftest import ROOT
from timeline.cli import COMMANDS, main


def loaded_commands() -> dict[str, click.Command]:
    ctx = click.Context(main, info_name="timeline")
    return {name: main.get_command(ctx, name) for name in main.list_commands(ctx)}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_the_listed_summary_is_the_first_paragraph_of_the_commands_help(name):
    command = loaded_commands()[name]
    assert command.name == name
    assert " ".join(command.help.split("\n\n")[0].split()) == COMMANDS[name][2]


def group_help(width: int, *, loaded: bool) -> str:
    """`timeline --help` in a fresh interpreter, before or after every command is imported."""
    code = ("import sys\nfrom click.testing import CliRunner\nfrom timeline.cli import main\n"
            "import click\nctx = click.Context(main)\n"
            + ("[main.get_command(ctx, n) for n in main.list_commands(ctx)]\n" if loaded else "")
            + f"sys.stdout.write(CliRunner().invoke(main, ['--help'], terminal_width={width})"
              ".output)\n"
            "print(sorted(m for m in sys.modules if m.startswith('timeline.cli.')))")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONPATH": str(ROOT)}).stdout


@pytest.mark.parametrize("width", [50, 80, 200], ids=["narrow", "usual", "wide"])
def test_help_lists_every_command_as_if_each_were_imported(width):
    """Each short help is cut to the terminal from the stand-in's paragraph exactly as click
    cuts the real command's help; and listing them imported no command module."""
    lazy, eager = group_help(width, loaded=False), group_help(width, loaded=True)
    lazy_text, lazy_modules = lazy.rsplit("\n", 2)[:2]
    assert lazy_text == eager.rsplit("\n", 2)[0]
    assert lazy_modules == "[]"
    for name in COMMANDS:
        assert f"\n  {name} " in lazy_text


def test_an_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(main, ["lst"])
    assert result.exit_code == 2
    assert "No such command 'lst'" in result.output


@pytest.mark.parametrize("module", ["timeline", "timeline.cli"])
def test_python_dash_m_runs_the_command(module, db_path):
    done = subprocess.run([sys.executable, "-m", module, "--db", str(db_path), "count"],
                          capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (done.returncode, done.stdout) == (0, "0\n")
