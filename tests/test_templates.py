"""Every documented line of every template works when uncommented: the policy template and the client-list
template, one line at a time and all at once; the client-list template warns while its example rows remain."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checks.policy import TEMPLATE as POLICY_TEMPLATE
from checks.policy import load_policy
from scanner.cli_clients import TEMPLATE as CLIENTS_TEMPLATE
from scanner.clients import load_clients

_SETTING = re.compile(r'^#\s?(\[[\w-]+\]|"?[\w-]+"?\s*=.*)$')
_ROW = re.compile(r"^#\s?(C\d+,.*)$")


def _documented(template: str, pattern: re.Pattern[str]) -> list[int]:
    return [n for n, line in enumerate(template.splitlines()) if pattern.match(line)]


def _uncomment(template: str, pattern: re.Pattern[str], numbers: list[int]) -> str:
    lines = template.splitlines()
    for n in numbers:
        lines[n] = pattern.sub(r"\1", lines[n])
    return "\n".join(lines) + "\n"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return path


POLICY_LINES = _documented(POLICY_TEMPLATE, _SETTING)
CLIENT_LINES = _documented(CLIENTS_TEMPLATE, _ROW)


def test_the_templates_document_settings_and_rows() -> None:
    assert len(POLICY_LINES) >= 5 and len(CLIENT_LINES) >= 2


@pytest.mark.parametrize("number", POLICY_LINES, ids=lambda n: POLICY_TEMPLATE.splitlines()[n][2:30])
def test_each_policy_line_works_uncommented(tmp_path: Path, number: int) -> None:
    text = _uncomment(POLICY_TEMPLATE, _SETTING, [number])
    load_policy(_write(tmp_path, "policy.toml", text))


def test_every_policy_line_uncommented_at_once(tmp_path: Path) -> None:
    policy = load_policy(_write(tmp_path, "policy.toml", _uncomment(POLICY_TEMPLATE, _SETTING, POLICY_LINES)))
    assert policy.since is not None and policy.former_clients == "report" and policy.extra["region"] == "US"
    assert policy.severity_overrides == {"sensitive-group": "low"}


@pytest.mark.parametrize("number", CLIENT_LINES)
def test_each_client_example_works_uncommented(tmp_path: Path, number: int) -> None:
    clients = load_clients(_write(tmp_path, "clients.csv", _uncomment(CLIENTS_TEMPLATE, _ROW, [number])))
    assert len(clients) == 2


def test_client_template_warns_while_example_rows_remain(tmp_path: Path) -> None:
    clients = load_clients(_write(tmp_path, "clients.csv", _uncomment(CLIENTS_TEMPLATE, _ROW, CLIENT_LINES)))
    assert len(clients) == 3
    assert sum("example row" in w for w in clients.warnings) == 3
    mine = load_clients(_write(tmp_path, "mine.csv", "id,name\nC1,Dana Real\n"))
    assert not any("example row" in w for w in mine.warnings)


def test_client_template_lists_only_platforms_the_tool_reads() -> None:
    assert "bluesky" not in CLIENTS_TEMPLATE and "tiktok" not in CLIENTS_TEMPLATE
    assert "DESIGN.md" not in CLIENTS_TEMPLATE


def test_client_list_in_a_synced_folder_warns(tmp_path: Path) -> None:
    folder = tmp_path / "Dropbox" / "practice"
    folder.mkdir(parents=True)
    clients = load_clients(_write(folder, "clients.csv", "name\nDana Real\n"))
    assert any("Dropbox" in w and "not synced" in w for w in clients.warnings)


def test_policy_syntax_error_names_the_line_and_what_toml_expects(tmp_path: Path) -> None:
    from checks.policy import PolicyError

    with pytest.raises(PolicyError) as exc:
        load_policy(_write(tmp_path, "policy.toml", "[workplace]\nname = My clinic\n"))
    assert "line 2" in str(exc.value) and "quotes" in str(exc.value)


def test_the_demo_client_list_gives_no_permission_warning(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from scanner.cli import cli
    from scanner.demo import demo_paths

    _, clients, _ = demo_paths()
    clients.chmod(0o644)  # as pip installs it
    result = CliRunner().invoke(cli, ["demo", "--out", str(tmp_path / "demo")])
    assert result.exit_code == 0, result.output
    assert "readable by other users" not in result.output
