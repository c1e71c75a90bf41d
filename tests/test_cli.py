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


@pytest.mark.parametrize("quiet", [False, True])
def test_scan_without_a_client_list_says_the_client_checks_did_not_run(tmp_path, quiet):
    import json

    from scanner.demo import demo_paths

    archive, clients, _ = demo_paths()
    out = tmp_path / "out"
    args = ["scan", str(archive), "--out", str(out), "--format", "json", "--format", "html", "--format", "markdown"]
    result = CliRunner().invoke(cli, args + (["--quiet"] if quiet else []))
    assert result.exit_code == 0, result.output
    assert "No client list was given" in result.output
    doc = json.loads((out / "boundary-audit-report.json").read_text())
    assert doc["summary"]["client_checks"] is False
    assert "The client checks did not run" in (out / "boundary-audit-report.html").read_text()
    assert "The client checks did not run" in (out / "boundary-audit-report.md").read_text()
    with_list = CliRunner().invoke(cli, [*args, "--clients", str(clients), "--out", str(tmp_path / "o2")])
    assert "No client list was given" not in with_list.output
    assert json.loads((tmp_path / "o2" / "boundary-audit-report.json").read_text())["summary"]["client_checks"]


def test_the_same_archive_given_twice_is_read_once(tmp_path, make_zip):
    import shutil

    tweets = "window.YTD.tweets.part0 = []"
    archive = make_zip({"data/tweets.js": tweets, "data/account.js": "window.YTD.account.part0 = []"}, "x.zip")
    copy = tmp_path / "copy-of-x.zip"
    shutil.copy(archive, copy)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["scan", str(archive), str(archive), str(copy), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "could not be read" not in result.output
    assert f"{archive} was given twice; it was read once" in result.output
    assert f"{copy} is a copy of {archive}; it was read once" in result.output


def test_list_checks_documents_every_check_the_same_way():
    from checks import ALL_CHECKS

    out = CliRunner().invoke(cli, ["list-checks"]).output
    blocks = out.strip().split("\n\n")
    heads = [b for b in blocks if not b.startswith("    ")]
    assert len(heads) == len(ALL_CHECKS)
    for check in ALL_CHECKS:
        doc = check.describe()
        summary, blank, body = doc.split("\n", 2)
        assert summary[:1].isupper() and summary.endswith(".") and not summary.startswith(check.id), check.id
        assert blank == "" and len(body.split()) >= 20, f"{check.id}: say what is read and how severe"
        assert "``" not in doc
        assert f"{check.id}  [{check.category.value}]\n    {summary}\n\n" in out


def test_scan_batch_and_online_check_share_one_definition_of_the_input_options():
    def options(name: str) -> dict[str, tuple]:
        command = cli.commands[name]
        return {
            o.opts[0]: (o.name, o.help, str(o.type), o.multiple)
            for o in command.params
            if isinstance(o, click.Option) and o.opts[0] in ("--clients", "--policy", "--key-file", "--format")
        }

    scan = options("scan")
    assert len(scan) == 4
    assert options("batch") == scan
    assert options("online-check") == scan
