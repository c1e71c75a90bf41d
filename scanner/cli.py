"""The command line. Click commands only: each one parses options and calls the pipeline or a writer.

Exit status of ``scan`` (documented in ``--help`` and the README):
0 scan complete; 1 open findings at or above ``--fail-on``; 2 nothing could be scanned or a usage
error; 3 the scan was partial (some inputs or files could not be read — the report lists them).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

import click
from rich.console import Console

from checks import ALL_CHECKS
from checks.analysis.masking import ClientMasker
from checks.base import Severity
from checks.policy import PolicyError, load_policy
from reports.redact import redact as redact_result
from reports.terminal import print_summary
from reports.view import NO_CLIENT_LIST
from reports.writer import write_reports
from scanner import __version__
from scanner.archive import GiB, Limits
from scanner.cli_clients import clients_group
from scanner.cli_options import DEFAULT_FORMATS, client_options, format_option, limit_options
from scanner.cli_output import SINCE, announce, fail_on_reason
from scanner.cli_triage import triage_command
from scanner.clients import ClientList, ClientListError, load_clients, read_key_file
from scanner.compare import CompareError, PreviousReport, load_previous
from scanner.pipeline import ScanOptions, Step, scan
from scanner.redaction import Redaction
from scanner.result import ScanResult
from scanner.triage import TriageError, TriageFile, load_triage

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_PARTIAL = 0, 1, 2, 3

log = logging.getLogger("boundary-audit")


def _fail(message: str) -> NoReturn:
    """Print a one-line error and exit 2 (never a traceback for a user mistake)."""
    click.echo(f"boundary-audit: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _warn(message: str) -> None:
    click.echo(f"boundary-audit: warning: {message}", err=True)


def _setup_logging(debug: bool) -> None:
    level = logging.DEBUG if debug else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if debug:
        log.warning("--debug is on: log lines may include file paths and record details; do not share this log.")


def _limits(max_file_size: float, max_total_size: float, max_files: int, max_depth: int = 200) -> Limits:
    return Limits(
        max_member_bytes=int(max_file_size * GiB),
        max_total_bytes=int(max_total_size * GiB),
        max_members=max_files,
        max_json_depth=max_depth,
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="boundary-audit")
def cli() -> None:
    """Audit your own social-media archives for professional-boundary and privacy problems.

    Everything runs on this computer: nothing is sent anywhere unless you run `online-check`
    and confirm it. Start with `boundary-audit demo`, then `boundary-audit scan YOUR-ARCHIVE.zip
    --clients clients.csv`.
    """


@cli.command("scan")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@client_options
@format_option
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("boundary-audit-report"),
    show_default=True,
    help="Folder for the report files (created, owner-only files).",
)
@click.option(
    "--redact",
    type=click.Choice([r.value for r in Redaction]),
    default="full",
    show_default=True,
    help="full: for you alone; supervision: clients as initials; agency: counts only.",
)
@click.option("--since", type=SINCE, help="Only check records from this date on (YYYY-MM-DD).")
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    help="Exit with status 1 when open findings at or above this severity exist.",
)
@click.option(
    "--triage",
    "triage_path",
    type=click.Path(path_type=Path),
    help="Triage file from `boundary-audit triage`: reviewed findings are marked, not counted as open.",
)
@click.option(
    "--compare",
    "compare_path",
    type=click.Path(path_type=Path),
    help="An earlier JSON report: show what is new, fixed and still there.",
)
@click.option("--open", "open_report", is_flag=True, help="Open the HTML report in your browser when it is written.")
@click.option("--quiet", is_flag=True, help="No progress bar or summary table.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Processes that check a large archive (default: one per CPU core; 1: no extra processes).",
)
@click.option("--debug", is_flag=True, help="Verbose log on stderr (may include file paths; never shared).")
@limit_options
def scan_command(
    inputs: Sequence[Path],
    clients_path: Path | None,
    policy_path: Path | None,
    key_file: Path | None,
    formats: Sequence[str],
    out_dir: Path,
    redact: str,
    since: Any,
    fail_on: str | None,
    triage_path: Path | None,
    compare_path: Path | None,
    open_report: bool,
    quiet: bool,
    workers: int | None,
    debug: bool,
    max_file_size: float,
    max_total_size: float,
    max_files: int,
    max_depth: int,
) -> None:
    """Scan one or more archives (zip, folder, tar.gz) and write one report.

    Give every part of a multi-part export, and as many platforms as you like: they all land in one
    report. Exit status: 0 complete, 1 findings at or above --fail-on, 2 nothing could be scanned,
    3 partial scan (the report lists what could not be read).
    """
    _setup_logging(debug)
    limits = _limits(max_file_size, max_total_size, max_files, max_depth)
    options = _options(clients_path, policy_path, limits, key_file)
    options.workers = workers
    if since is not None:
        from dataclasses import replace

        options.policy = replace(options.policy, since=since)
    options.triage, options.previous = _review_inputs(triage_path, compare_path)
    result = _run_scan(inputs, options, quiet)
    status = _finish(result, formats or DEFAULT_FORMATS, out_dir, redact, quiet, options, open_report)
    reason = fail_on_reason(result.open_findings, fail_on)
    if reason:
        click.echo(f"boundary-audit: {reason}", err=True)
        status = EXIT_FINDINGS
    sys.exit(status)


def _review_inputs(
    triage_path: Path | None, compare_path: Path | None
) -> tuple[TriageFile | None, PreviousReport | None]:
    """Read the triage file and the earlier report before scanning, so that a mistake stops at once."""
    triage = previous = None
    if triage_path is not None:
        if not triage_path.is_file():
            _fail(
                f"{triage_path}: triage file not found (it is written by `boundary-audit triage REPORT.json`, "
                "beside the report by default)"
            )
        try:
            triage = load_triage(triage_path)
        except TriageError as exc:
            _fail(str(exc))
    if compare_path is not None:
        try:
            previous = load_previous(compare_path)
        except CompareError as exc:
            _fail(str(exc))
    return triage, previous


def _options(
    clients_path: Path | None,
    policy_path: Path | None,
    limits: Limits,
    key_file: Path | None = None,
    *,
    demo: bool = False,
) -> ScanOptions:
    try:
        key = read_key_file(key_file) if key_file else None
        clients = load_clients(clients_path, key, warn_permissions=not demo)
    except ClientListError as exc:
        _fail(str(exc))
    try:
        policy = load_policy(policy_path)
    except PolicyError as exc:
        _fail(str(exc))
    for warning in clients.warnings:
        _warn(warning)
    return ScanOptions(clients=clients, policy=policy, limits=limits)


def _run_scan(inputs: Sequence[Path], options: ScanOptions, quiet: bool) -> ScanResult:
    console = Console(stderr=True)
    if quiet or not console.is_terminal:
        return scan(inputs, options)
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("Reading archives…", total=1000)

        def on_step(step: Step) -> None:
            name = Path(step.label.split(" + ")[0]).name
            where = f"Archive {step.archive} of {step.archives}: " if step.archives > 1 else ""
            progress.update(
                task, completed=round(step.overall * 1000), description=f"{where}{name}: {step.records:,} records"
            )

        options.on_step = on_step
        return scan(inputs, options)


def _finish(
    result: ScanResult,
    formats: Sequence[str],
    out_dir: Path,
    redact: str,
    quiet: bool,
    options: ScanOptions,
    open_report: bool = False,
) -> int:
    masker = ClientMasker(options.clients, result.findings)
    shown = redact_result(result, redact, masker)  # the terminal shows no more than the report does
    for error in shown.errors:
        click.echo(f"boundary-audit: error: could not read {error.where}: {error.message}", err=True)
    for notice in result.notices:
        click.echo(f"boundary-audit: note: {notice}", err=True)
    if not result.sources:
        _fail("nothing could be scanned; check the paths above and give the archive you downloaded")
    try:
        written = write_reports(result, formats, out_dir, redact, masker=masker, on_warning=_warn)
    except OSError as exc:
        _fail(f"cannot write the report to {out_dir} ({exc.strerror or exc})")
    if not quiet:
        print_summary(shown, Console())
    elif not result.client_checks:
        _warn(NO_CLIENT_LIST)
    if result.compare is not None:
        diff = result.compare
        click.echo(
            f"Since the earlier report: {len(diff['new'])} new, {len(diff['fixed'])} fixed, "
            f"{len(diff['remaining'])} still open."
        )
        if diff.get("not_compared_scopes"):
            click.echo(
                f"Not compared ({len(diff.get('not_compared', []))} item(s)): "
                + "; ".join(diff["not_compared_scopes"])
                + "."
            )
    announce(written, open_report)
    skipped = sum(len(s.skipped) for s in result.sources)
    if skipped:
        click.echo(f"Note: {skipped} file(s) could not be read; the report lists them.", err=True)
    return EXIT_PARTIAL if result.partial else EXIT_OK


@cli.command("inspect")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@limit_options
def inspect_command(
    inputs: Sequence[Path], max_file_size: float, max_total_size: float, max_files: int, max_depth: int
) -> None:
    """Say what an archive is (platform, layout generation, format), how many records of each kind it
    holds, and which files were not understood. Runs no checks and needs no client list."""
    limits = _limits(max_file_size, max_total_size, max_files, max_depth)
    result = scan(inputs, ScanOptions(checks=(), limits=limits))
    for error in result.errors:
        click.echo(f"boundary-audit: error: could not read {error.where}: {error.message}", err=True)
    for source in result.sources:
        click.echo(f"{source.path}")
        click.echo(f"  platform:   {source.platform}")
        click.echo(f"  generation: {source.generation}  (format: {source.format})")
        if len(source.parts) > 1:
            click.echo(f"  parts:      {len(source.parts)} archives read as one export")
        if source.account_handle or source.account_name:
            click.echo(f"  account:    {source.account_handle or source.account_name}")
        click.echo("  records:")
        for kind, n in source.counts.items():
            click.echo(f"    {kind:<12} {n:>8,}")
        if not source.counts:
            click.echo("    (none)")
        for note in source.notes:
            click.echo(f"  note: {note}")
        for skipped in source.skipped:
            click.echo(f"  skipped: {skipped.path}: {skipped.reason}")
        if source.unread:
            click.echo(f"  files not understood ({len(source.unread)}):")
            for path in source.unread[:50]:
                click.echo(f"    {path}")
            if len(source.unread) > 50:
                click.echo(f"    … and {len(source.unread) - 50} more")
    sys.exit(EXIT_ERROR if not result.sources else EXIT_PARTIAL if result.partial else EXIT_OK)


@cli.command("list-checks")
def list_checks_command() -> None:
    """List every check with its category and what it looks for."""
    for check in ALL_CHECKS:
        click.echo(f"{check.id}  [{check.category.value}]")
        for line in check.describe().splitlines():
            click.echo(f"    {line}" if line else "")
        click.echo()


@cli.command("demo")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("boundary-audit-demo-report"),
    show_default=True,
    help="Folder for the demo report.",
)
@format_option
@click.option(
    "--redact",
    type=click.Choice([r.value for r in Redaction]),
    default="full",
    show_default=True,
    help="Preview a redacted copy: supervision (clients as initials) or agency (counts only).",
)
@click.option("--open", "open_report", is_flag=True, help="Open the HTML report in your browser when it is written.")
def demo_command(out_dir: Path, formats: Sequence[str], redact: str, open_report: bool) -> None:
    """Scan the bundled synthetic demo archive (a fictional counsellor's X account) and write a report.

    Nothing here is real: use it to see what a report looks like before scanning your own archives, and
    with --redact to see what a supervision or agency copy holds.
    """
    from scanner.demo import demo_paths

    archive, clients, policy = demo_paths()
    options = _options(clients, policy, Limits(), demo=True)
    click.echo(f"Scanning the demo archive ({archive.name}) with its demo client list…")
    result = _run_scan([archive], options, quiet=False)
    _finish(result, formats or DEFAULT_FORMATS, out_dir, redact, False, options, open_report)
    click.echo("Everything in the demo report is fictional.")


def write_person_reports(
    formats: Sequence[str], redaction: str, result: ScanResult, out_dir: Path, clients: ClientList
) -> None:
    """One person's reports in a batch (runs in the batch's worker processes)."""
    write_reports(result, formats, out_dir, redaction, masker=ClientMasker(clients, result.findings))


@cli.command("batch")
@click.argument("root", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), required=True, help="Folder for all reports.")
@client_options
@format_option
@click.option(
    "--redact",
    type=click.Choice([r.value for r in Redaction]),
    default="agency",
    show_default=True,
    help="Redaction of each person's report.",
)
@click.option("--since", type=SINCE, help="Only check records from this date on (YYYY-MM-DD).")
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    help="Exit with status 1 when someone has open findings at or above this severity.",
)
@click.option(
    "--triage",
    "triage_path",
    type=click.Path(path_type=Path),
    help="Triage file from `boundary-audit triage`: reviewed findings are not counted as open.",
)
@click.option("--workers", type=int, help="Parallel processes (default: one per CPU core).")
@click.option("--debug", is_flag=True, help="Verbose log on stderr (may include file paths; never shared).")
@limit_options
def batch_command(
    root: Path,
    out_dir: Path,
    clients_path: Path | None,
    policy_path: Path | None,
    key_file: Path | None,
    formats: Sequence[str],
    redact: str,
    since: Any,
    fail_on: str | None,
    triage_path: Path | None,
    workers: int | None,
    debug: bool,
    max_file_size: float,
    max_total_size: float,
    max_files: int,
    max_depth: int,
) -> None:
    """Scan many people: ROOT holds one sub-folder per person with their archives (and optionally their
    own policy.toml, which wins over --policy), or the archives themselves (one person per archive).
    Writes one report folder per person and OUT/batch-summary.csv with counts only. One person's
    unreadable archive is reported and the others are still scanned."""
    from reports.batch_summary import write_batch_summary
    from scanner.batch import BatchError, BatchOptions, run_batch, summary_rows

    _setup_logging(debug)
    limits = _limits(max_file_size, max_total_size, max_files, max_depth)
    options = _options(clients_path, policy_path, limits, key_file)
    triage, _ = _review_inputs(triage_path, None)
    batch = BatchOptions(
        partial(write_person_reports, tuple(formats or DEFAULT_FORMATS), redact), options.limits, since, triage
    )

    def progress(person: Any, done: int, total: int) -> None:
        line = f"[{done}/{total}] {person.person}: {person.status}, {person.findings} open finding(s)"
        click.echo(line if not person.errors else line + " — " + "; ".join(person.errors), err=bool(person.errors))

    try:
        results = run_batch(root, out_dir, options.clients, options.policy, batch, workers, on_done=progress)
        write_batch_summary(summary_rows(results), out_dir)
    except BatchError as exc:
        _fail(str(exc))
    except OSError as exc:
        _fail(f"cannot write the reports to {out_dir} ({exc.strerror or exc})")
    click.echo(f"Summary written: {(out_dir / 'batch-summary.csv').resolve()}")
    failed = [r for r in results if r.status != "complete"]
    status = EXIT_PARTIAL if failed else EXIT_OK
    if fail_on:
        over = [
            r.person
            for r in results
            if any(n and Severity(s).at_least(Severity(fail_on)) for s, n in r.by_severity.items())
        ]
        if over:
            click.echo(
                f"boundary-audit: exit status 1 because of --fail-on {fail_on}: {len(over)} person(s) have "
                f"open findings at {fail_on} or above: {', '.join(over)}",
                err=True,
            )
            status = EXIT_FINDINGS
    sys.exit(status)


@cli.command("online-check")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@client_options
@format_option
@click.option("--yes", is_flag=True, help="Do not ask for confirmation before the requests are made.")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=Path("boundary-audit-online-report"),
    show_default=True,
    help="Folder for the report.",
)
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds to wait for each answer.")
@click.option("--delay", type=float, default=1.0, show_default=True, help="Seconds between requests.")
def online_check_command(
    inputs: Sequence[Path],
    clients_path: Path | None,
    policy_path: Path | None,
    yes: bool,
    formats: Sequence[str],
    out_dir: Path,
    timeout: float,
    delay: float,
    key_file: Path | None,
) -> None:
    """Check what a logged-out visitor can see of YOUR accounts now (uses the network, only when confirmed).

    The archives say what an account holds; only the platform says what the public sees today. This
    derives your own public profile addresses and the links of your own flagged posts from the archives,
    shows you exactly which addresses will be requested, and asks before sending anything. Requests are
    made as a logged-out visitor, with no cookies. Nothing from your client list is ever sent.
    """
    from scanner import online
    from scanner.online_records import live_source
    from scanner.pipeline import scan_live

    _setup_logging(False)
    options = _options(clients_path, policy_path, Limits(), key_file)
    result = _run_scan(inputs, options, quiet=True)
    targets = online.targets_from(result)
    if not targets:
        _fail("no public addresses could be derived from these archives (no account handle or post links found)")
    click.echo("These addresses will be requested, as a logged-out visitor:")
    for target in targets:
        click.echo(f"  {target.url}")
    if not yes and not click.confirm("Send these requests now?", default=False):
        click.echo("Nothing was requested.")
        sys.exit(EXIT_OK)
    try:
        outcomes = online.check_targets(targets, timeout=timeout, delay=delay)
    except online.NetworkUnreachable as exc:
        _fail(f"the network could not be reached ({exc}): nothing was checked online and no report was written")
    for outcome in outcomes:
        click.echo(f"  {outcome.status:<10} {outcome.target.url} — {outcome.detail}")
    result = scan_live(result, [live_source(o) for o in outcomes], options)
    _finish(result, formats or DEFAULT_FORMATS, out_dir, "full", False, options)


@cli.command("policy-template")
def policy_template_command() -> None:
    """Print a plain-language social-media policy for your informed-consent paperwork (adapt it to your practice)."""
    from checks.remediation import policy_template

    click.echo(policy_template())


@cli.group("policy")
def policy_group() -> None:
    """Create or check a policy.toml (workplace, work hours, allowances)."""


@policy_group.command("init")
@click.argument("file", type=click.Path(path_type=Path), default=Path("policy.toml"))
def policy_init_command(file: Path) -> None:
    """Write a commented policy.toml template to FILE (never overwrites)."""
    from checks.policy import TEMPLATE
    from scanner.output import write_atomic

    if file.exists():
        _fail(f"{file} already exists; choose another name or edit it")
    write_atomic(file, TEMPLATE)
    click.echo(f"Policy template written: {file}. Edit it, then pass it with --policy.")


@policy_group.command("check")
@click.argument("file", type=click.Path(path_type=Path))
def policy_check_command(file: Path) -> None:
    """Validate a policy.toml and show what it sets."""
    try:
        policy = load_policy(file)
    except PolicyError as exc:
        _fail(str(exc))
    click.echo(f"{file} is valid.")
    address = "yes" if policy.workplace.address else "no"
    click.echo(f"  workplace names: {len(policy.workplace.names)}; address: {address}")
    click.echo(f"  work hours: {', '.join(policy.work_hours.days) or 'not set'} ({policy.work_hours.timezone})")


cli.add_command(triage_command)
cli.add_command(clients_group)


def main() -> None:
    """Console-script entry point: run the CLI; unexpected failures become one line, not a traceback."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(EXIT_ERROR)
    except click.ClickException as exc:
        if isinstance(exc, click.UsageError) and exc.ctx is not None:
            click.echo(exc.ctx.get_usage(), err=True)
            click.echo(f"Try '{exc.ctx.command_path} --help' for help.", err=True)
        click.echo(f"boundary-audit: error: {exc.format_message()}", err=True)
        sys.exit(EXIT_ERROR)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except Exception as exc:
        if "--debug" in sys.argv:
            raise
        click.echo(
            f"boundary-audit: internal error ({type(exc).__name__}); please re-run with --debug and report it "
            "(the debug output may contain personal data: do not share it publicly)",
            err=True,
        )
        sys.exit(EXIT_ERROR)
