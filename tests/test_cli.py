"""The command line: help everywhere, clear one-line errors, exit codes."""

from __future__ import annotations

import os

import click
import pytest
from click.testing import CliRunner

from scanner.cli import EXIT_ERROR, cli


def _all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, command in group.commands.items():
        out.append((*prefix, name))
        if isinstance(command, click.Group):
            out.extend(_all_commands(command, (*prefix, name)))
    return out




@pytest.mark.parametrize("command", _all_commands(cli))
def test_every_command_has_help(command):
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert len(result.output.splitlines()) > 3


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert "boundary-audit" in result.output


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "does not exist"),
        ("text", "not an archive"),
        ("truncated", "truncated or corrupt"),
        ("empty_dir", "is empty"),
    ],
)
def test_bad_input_gives_one_line_error_and_nonzero_exit(tmp_path, setup, message):
    target = tmp_path / "input.zip"
    if setup == "text":
        target = tmp_path / "notes.txt"
        target.write_text("not an archive")
    elif setup == "truncated":
        target.write_bytes(b"PK\x03\x04" + os.urandom(100))
    elif setup == "empty_dir":
        target = tmp_path / "empty"
        target.mkdir()
    result = CliRunner().invoke(cli, ["scan", str(target), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == EXIT_ERROR
    assert message in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_bad_client_list_is_a_one_line_error(tmp_path, make_folder):
    archive = make_folder({"data/tweets.js": "window.YTD.tweets.part0 = []"})
    result = CliRunner().invoke(cli, ["scan", str(archive), "--clients", str(tmp_path / "nope.csv")])
    assert result.exit_code == EXIT_ERROR
    assert "nope.csv" in result.output
    assert "Traceback" not in result.output
