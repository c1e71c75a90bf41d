"""The HTML report in a real browser: headless Chromium driven over its DevTools protocol (on a pipe, no socket).

Checks that the page loads with no console error, makes no network request, runs none of the script that
hostile post text carries, and prints. Chromium comes from Debian's packages (chromium); when it is missing
and we are root the test installs it with apt-get, otherwise it is skipped with the reason.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reports.writer import write_reports
from scanner.result import ScanResult
from tests.reports.conftest import XSS_SCRIPT

pytestmark = pytest.mark.browser

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-quic",
    "--mute-audio",
)
INSTALL_TIMEOUT = 900


def _find_chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.fixture(scope="session")
def chromium() -> str:
    """The path of a Chromium binary, installed from Debian's packages when missing and possible."""
    found = _find_chromium()
    if found:
        return found
    if os.environ.get("BOUNDARY_AUDIT_NO_BROWSER_INSTALL"):
        pytest.skip("chromium is not installed and BOUNDARY_AUDIT_NO_BROWSER_INSTALL is set")
    if not shutil.which("apt-get") or not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("chromium is not installed (install the Debian packages chromium and chromium-driver)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium", "chromium-driver"]):
            subprocess.run(cmd, check=True, capture_output=True, timeout=INSTALL_TIMEOUT, env=env)
    except (subprocess.SubprocessError, OSError) as exc:
        pytest.skip(f"chromium could not be installed with apt-get ({type(exc).__name__})")
    found = _find_chromium()
    if not found:
        pytest.skip("apt-get ran but no chromium binary was found")
    return found


class DevTools:
    """A minimal Chrome DevTools Protocol client over --remote-debugging-pipe (fds 3 and 4 of the child)."""

    def __init__(self, binary: str, profile: Path) -> None:
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire() -> None:  # runs in the child: its fd 3 reads our commands, fd 4 writes the replies
            high_r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)  # out of the way of 3 and 4 first
            high_w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)  # dup2 leaves the copies inheritable; every other pipe end is close-on-exec
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen(
            [binary, *CHROMIUM_FLAGS, "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire,
            close_fds=False,
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._buf = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def send(self, method: str, params: dict[str, Any] | None = None, session: str | None = None,
             timeout: float = 30) -> dict[str, Any]:  # fmt: skip
        """Send a command and wait for its reply; events seen meanwhile are kept in ``events``."""
        self._next_id += 1
        msg: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._to_child, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply is None:
                raise TimeoutError(f"no reply to {method}")
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return dict(reply.get("result", {}))
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 30) -> dict[str, Any] | None:
        """Collect events until ``method`` arrives (or the timeout)."""
        deadline = time.monotonic() + timeout
        while (msg := self._read(deadline)) is not None:
            self.events.append(msg)
            if msg.get("method") == method:
                return msg
        return None

    def drain(self, seconds: float) -> None:
        """Collect events for ``seconds``."""
        deadline = time.monotonic() + seconds
        while (msg := self._read(deadline)) is not None:
            self.events.append(msg)

    def _read(self, deadline: float) -> dict[str, Any] | None:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self._from_child], [], [], left)
            if not ready:
                return None
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return dict(json.loads(raw))

    def close(self) -> None:
        with contextlib.suppress(OSError, RuntimeError, TimeoutError):
            self.send("Browser.close", timeout=5)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_child)
        os.close(self._from_child)


@pytest.fixture
def devtools(chromium: str, tmp_path: Path) -> Iterator[DevTools]:
    client = DevTools(chromium, tmp_path / "profile")
    try:
        yield client
    finally:
        client.close()


@pytest.fixture
def report_url(result: ScanResult, tmp_path: Path) -> str:
    [path] = write_reports(result, ["html"], tmp_path / "out")
    return path.resolve().as_uri()


def open_page(dt: DevTools, url: str) -> str:
    """Open ``url`` in a new tab with console, log and network events on; returns the session id."""
    target = dt.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = str(dt.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"])
    for domain in ("Runtime", "Log", "Network", "Page"):
        dt.send(f"{domain}.enable", session=session)
    dt.send("Page.navigate", {"url": url}, session=session)
    assert dt.wait_for("Page.loadEventFired"), "the report did not finish loading"
    dt.drain(0.5)
    return session


def evaluate(dt: DevTools, session: str, expression: str) -> Any:
    reply = dt.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session)
    return reply["result"].get("value")


def test_report_loads_cleanly_offline_and_runs_no_script(devtools: DevTools, report_url: str) -> None:
    session = open_page(devtools, report_url)
    state = evaluate(
        devtools,
        session,
        "JSON.stringify({title: document.title, pwned: window.pwned === undefined ? null : window.pwned,"
        " scripts: document.scripts.length, marks: document.querySelectorAll('mark').length,"
        " cards: document.querySelectorAll('article.card').length, text: document.body.innerText})",
    )
    page = json.loads(state)
    assert page["title"].startswith("Social-media boundary audit")
    assert page["pwned"] is None
    assert page["scripts"] == 0
    assert page["marks"] > 0 and page["cards"] == 14
    assert XSS_SCRIPT in page["text"]  # shown as text, not run

    ours = [e for e in devtools.events if e.get("sessionId") == session]
    requests = [e["params"]["request"]["url"] for e in ours if e.get("method") == "Network.requestWillBeSent"]
    assert requests and all(u == report_url or u.startswith("data:") for u in requests), requests
    console = [e["params"] for e in ours if e.get("method") == "Runtime.consoleAPICalled"]
    errors = [e["params"]["entry"] for e in ours if e.get("method") == "Log.entryAdded"
              and e["params"]["entry"]["level"] in ("error", "warning")]  # fmt: skip
    thrown = [e for e in ours if e.get("method") == "Runtime.exceptionThrown"]
    assert not console and not errors and not thrown, (console, errors, thrown)


def test_report_prints(devtools: DevTools, report_url: str) -> None:
    session = open_page(devtools, report_url)
    checklist_steps = "document.querySelector('.checklist details ol.steps').checkVisibility()"
    card_steps = "document.querySelector('article.card details ol.steps').checkVisibility()"
    assert evaluate(devtools, session, checklist_steps) is False  # the steps are folded on screen
    devtools.send("Emulation.setEmulatedMedia", {"media": "print"}, session=session)
    assert evaluate(devtools, session, checklist_steps) is True  # on paper the checklist spells them out once
    assert evaluate(devtools, session, card_steps) is False  # and the cards do not repeat them
    pdf = devtools.send("Page.printToPDF", {"printBackground": False}, session=session, timeout=60)
    data = base64.b64decode(pdf["data"])
    assert data.startswith(b"%PDF") and len(data) > 20_000


def test_charts_are_readable_on_a_phone(devtools: DevTools, report_url: str) -> None:
    session = open_page(devtools, report_url)
    devtools.send(
        "Emulation.setDeviceMetricsOverride",
        {"width": 400, "height": 800, "deviceScaleFactor": 1, "mobile": True},
        session=session,
    )
    sizes = evaluate(
        devtools,
        session,
        "[...document.querySelectorAll('svg.hbar text.lbl')].map(t => t.getBoundingClientRect().height)",
    )
    assert sizes and min(sizes) >= 10, sizes  # was about 5 px before the charts were stacked
    width = evaluate(devtools, session, "document.documentElement.scrollWidth")
    assert width <= 400


def test_css_filters_and_card_links(devtools: DevTools, report_url: str) -> None:
    session = open_page(devtools, report_url)
    visible = "[...document.querySelectorAll('article.card')].filter(c => c.checkVisibility()).length"
    total = evaluate(devtools, session, visible)
    evaluate(devtools, session, "document.querySelector('label[for=fs-critical]').click()")
    critical = evaluate(devtools, session, "document.querySelectorAll('article.card.s-critical').length")
    assert 0 < critical < total and evaluate(devtools, session, visible) == critical
    evaluate(devtools, session, "document.querySelector('label[for=fs-all]').click()")
    evaluate(devtools, session, "document.querySelector('label[for=fp-x]').click()")
    on_x = evaluate(devtools, session, "document.querySelectorAll('article.card.p-x').length")
    assert evaluate(devtools, session, visible) == on_x
    dangling = evaluate(
        devtools,
        session,
        "[...document.querySelectorAll('a[href^=\"#\"]')]"
        ".filter(a => !document.getElementById(a.hash.slice(1))).length",
    )
    assert dangling == 0
    assert evaluate(devtools, session, "document.querySelectorAll('.checklist a[href^=\"#r-\"]').length") >= total


def test_print_starts_with_a_summary_page(devtools: DevTools, report_url: str) -> None:
    session = open_page(devtools, report_url)
    devtools.send("Emulation.setEmulatedMedia", {"media": "print"}, session=session)
    breaks = evaluate(
        devtools,
        session,
        "['checklist', 'details'].map(id => getComputedStyle(document.getElementById(id)).breakBefore)",
    )
    assert breaks == ["page", "page"]
    hidden = "document.querySelector('article.card .todo').checkVisibility()"
    assert evaluate(devtools, session, hidden) is False  # the guidance is printed once, in the checklist
