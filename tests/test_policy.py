"""policy.toml: defaults, the template, and line-precise validation errors."""

from __future__ import annotations

from datetime import time

import pytest
from click.testing import CliRunner

from checks.policy import TEMPLATE, Policy, PolicyError, load_policy
from scanner.cli import cli


def test_no_policy_gives_working_defaults():
    policy = load_policy(None)
    assert policy == Policy()
    assert policy.check_enabled("client-connection")
    assert not policy.work_hours.known


def test_template_is_valid_and_round_trips(tmp_path):
    path = tmp_path / "policy.toml"
    path.write_text(TEMPLATE)
    policy = load_policy(path)
    assert policy.workplace.name
    assert policy.work_hours.days["mon"] == ((time(9), time(17)),)
    assert policy.work_hours.timezone == "America/Chicago"


@pytest.mark.parametrize(
    ("replace", "by", "message"),
    [
        ('tue = ["09:00-17:00"]', 'tue = ["9-5"]', "line {line}: tue = '9-5' is not a HH:MM-HH:MM range"),
        ('tue = ["09:00-17:00"]', 'tue = ["17:00-17:00"]', "line {line}: tue = '17:00-17:00' is empty"),
        ('timezone = "America/Chicago"', 'timezone = "Mars/Olympus"', "line {line}: unknown time zone"),
        ("[allow]", "[allowed]", "unknown setting 'allowed'"),
        ("professional_page = false", "profesional_page = false", "unknown key 'profesional_page' in [allow]"),
        ('address = "100 Main Street, Springfield"', 'address = "100 Main', "policy.toml"),
    ],
)
def test_errors_name_the_line_and_the_problem(tmp_path, replace, by, message):
    path = tmp_path / "policy.toml"
    assert replace in TEMPLATE
    path.write_text(TEMPLATE.replace(replace, by))
    line = next(n for n, text in enumerate(TEMPLATE.splitlines(), start=1) if replace in text)
    message = message.format(line=line)
    with pytest.raises(PolicyError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_policy(path)


def test_checks_can_be_disabled_and_severities_overridden(tmp_path):
    path = tmp_path / "policy.toml"
    path.write_text('[checks]\ndisable = ["sensitive-group"]\n[severity]\n"client-connection" = "low"\n')
    policy = load_policy(path)
    assert not policy.check_enabled("sensitive-group")
    assert policy.severity_overrides == {"client-connection": "low"}


def test_bad_severity_is_rejected(tmp_path):
    path = tmp_path / "policy.toml"
    path.write_text('[severity]\n"client-connection" = "urgent"\n')
    with pytest.raises(PolicyError, match="line 2"):
        load_policy(path)


def test_policy_init_writes_template_once(tmp_path):
    target = tmp_path / "policy.toml"
    runner = CliRunner()
    first = runner.invoke(cli, ["policy", "init", str(target)])
    assert first.exit_code == 0
    assert target.read_text() == TEMPLATE
    assert target.stat().st_mode & 0o077 == 0
    second = runner.invoke(cli, ["policy", "init", str(target)])
    assert second.exit_code != 0
    assert "already exists" in second.output
