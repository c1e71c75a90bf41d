"""The client list (DESIGN.md section 6): load and validate ``clients.csv``, a plain list of names, or an
agency's hashed list.

* ``clients.csv``: UTF-8 with a header ``id,name,aliases,status,handles,notes`` (any order; only ``name``
  is required; common spellings such as ``First Name``/``Last Name``/``Prénom``/``Nom`` and ``,`` ``;`` tab
  or ``|`` delimiters are recognised, see :mod:`scanner.clients_format`). ``aliases`` and ``handles`` are
  ``;``-separated; a handle is ``platform:handle`` (``x:@jdoe``, ``instagram:jdoe_22``, ``x_id:123456``).
  A missing ``id`` becomes ``L<line>``.
* A plain list: one name a line; ``#`` starts a comment.
* A hashed list (``boundary-audit clients hash``): a versioned header, then ``id,status,variants`` where
  each variant is ``kind:platform:flags:hmac`` — keyed hashes of normalized name variants, no plaintext.

Every problem names the file and the line. Nothing here logs a name.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

from scanner.clients_format import ClientListError, Layout, decode_client_file, find_layout
from scanner.gc_pause import gc_paused
from scanner.platforms import ACCOUNT_ID_KEYS, ALIASES, HANDLE_PLATFORMS, platform_label

__all__ = ["Client", "ClientList", "ClientListError", "load_clients", "read_key_file"]

STATUSES = frozenset({"current", "former"})
# the names of the example rows in the `clients init` template: a list still holding one gets a warning
EXAMPLE_NAMES = frozenset({"Jane Example", "Robert Sample", "Anne-Marie O'Example"})
HASHED_MAGIC = "# boundary-audit hashed client list"
HASHED_VERSION = 1
_VARIANT = r"[^:;]*+:[^:;]*+:[^:;]*+:[0-9a-f]{32}"  # kind:platform:flags:hmac
_VARIANTS = re.compile(rf"(?:{_VARIANT};)*+{_VARIANT}")  # a hashed list's variants field, whole
_HANDLE_RE = re.compile(r"^@?[\w.\-@:]+$", re.UNICODE)  # ":" for Bluesky DIDs (bluesky:did:plc:…)


@dataclass(frozen=True)
class Client:
    """One person on the client list.

    ``hashed`` holds ``(kind, platform, flags, hmac)`` variants for a hashed list, whose ``name`` is empty.
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    status: str = "current"
    handles: tuple[tuple[str, str], ...] = ()  # (platform, handle) — platform "x_id" for X numeric ids
    notes: str = field(default="", repr=False)
    line: int = 0
    hashed: tuple[tuple[str, str, str, str], ...] = field(default=(), repr=False)

    @property
    def initials(self) -> str:
        """Initials for supervision reports (``J.D.``); empty for a hashed list."""
        return "".join(p[0].upper() + "." for p in self.name.split() if p[:1].isalpha())

    @property
    def label(self) -> str:
        """The name, or the id when the list is hashed."""
        return self.name or self.id


@dataclass(frozen=True)
class ClientList:
    """The loaded client list. ``key`` is the agency key of a hashed list (never shown)."""

    clients: tuple[Client, ...] = ()
    path: str | None = None
    hashed: bool = False
    warnings: tuple[str, ...] = field(default=())
    key: bytes | None = field(default=None, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.clients)


def key_fingerprint(key: bytes) -> str:
    """A short fingerprint of a hashing key, stored in a hashed list's header to catch a wrong key."""
    return hashlib.sha256(b"boundary-audit key id\0" + key).hexdigest()[:12]


def read_key_file(path: str | Path) -> bytes:
    """The agency key: the file's bytes, surrounding whitespace stripped; at least 16 bytes."""
    path = Path(path)
    try:
        key = path.read_bytes().strip()
    except OSError as exc:
        raise ClientListError(f"{path}: the key file cannot be read ({exc.strerror or exc})") from None
    if len(key) < 16:
        raise ClientListError(f"{path}: the key is too short (use at least 16 random bytes)")
    return key


def permission_warning(path: Path) -> str | None:
    """A warning when a file holding client data is readable by group or others (POSIX only)."""
    if os.name != "posix":
        return None
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        return f"{path}: readable by other users of this computer; restrict it with: chmod 600 {path}"
    return None


def load_clients(path: str | Path | None, key: bytes | None = None, *, warn_permissions: bool = True) -> ClientList:
    """Load a client list; ``None`` gives an empty list.

    A hashed list needs the agency ``key`` (or the ``BOUNDARY_AUDIT_KEY_FILE`` environment variable
    naming the key file). Raises :class:`ClientListError` naming the file, the line and the problem.
    ``warnings`` say when the file is readable by others (unless ``warn_permissions`` is false, for the
    bundled demo list), lies in a cloud-synced folder, or still holds the template's example rows.
    """
    if path is None:
        return ClientList()
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ClientListError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise ClientListError(f"{path}: is a folder; give the client-list file") from None
    except OSError as exc:
        raise ClientListError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    text = decode_client_file(path, data)
    warnings = [w for w in (permission_warning(path) if warn_permissions else None, _synced_warning(path)) if w]
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if first.startswith(HASHED_MAGIC):
        if key is None and os.environ.get("BOUNDARY_AUDIT_KEY_FILE"):
            key = read_key_file(os.environ["BOUNDARY_AUDIT_KEY_FILE"])
        with gc_paused():  # millions of small tuples, no cycles
            clients = _parse_hashed(path, text, key)
        return ClientList(clients, str(path), hashed=True, warnings=tuple(warnings), key=key)
    layout = find_layout(path, text)
    if layout is not None:
        with gc_paused():
            clients = _parse_csv(path, text, layout)
        if layout.unknown:
            warnings.append(f"{path}:{layout.header_line}: column(s) not used: {', '.join(layout.unknown)}")
    else:
        clients = _parse_plain(path, text)
    warnings.extend(
        f"{path}:{c.line}: the template's example row ({c.name}) is still in the list; delete it"
        for c in clients
        if c.name in EXAMPLE_NAMES
    )
    return ClientList(clients, str(path), warnings=tuple(warnings))


def _synced_warning(path: Path) -> str | None:
    """A warning when the client list sits in a folder synced to a cloud service."""
    from scanner.output import cloud_sync_service

    service = cloud_sync_service(path.resolve())
    if service:
        return (
            f"{path}: this client list is in a {service} folder, so a copy of it is stored by {service}; "
            "keep it in a folder that is not synced"
        )
    return None


def _raise(path: Path, problems: list[str]) -> None:
    if problems:
        shown = problems[:20] + ([f"... and {len(problems) - 20} more"] if len(problems) > 20 else [])
        raise ClientListError(f"{path}: {len(problems)} problem(s):\n  " + "\n  ".join(shown), tuple(problems))


def parse_handles(value: str) -> tuple[list[tuple[str, str]], list[str]]:
    """``platform:handle;...`` → (handles, problems)."""
    handles: list[tuple[str, str]] = []
    problems: list[str] = []
    for raw in value.split(";"):
        item = raw.strip()
        if not item:
            continue
        plat, sep, handle = item.partition(":")
        plat = ALIASES.get(plat.strip().lower(), plat.strip().lower())
        handle = handle.strip()
        if not sep or not handle or not plat:
            problems.append(f"malformed handle {item!r} (write platform:handle, e.g. instagram:jdoe_22)")
        elif plat in ACCOUNT_ID_KEYS:
            if not handle.isdigit():
                label = platform_label(ACCOUNT_ID_KEYS[plat])
                problems.append(f"{plat} must be the numeric {label} account id, got {handle!r}")
            else:
                handles.append((plat, handle))
        elif plat not in HANDLE_PLATFORMS:
            known = ", ".join([*sorted(HANDLE_PLATFORMS), *sorted(ACCOUNT_ID_KEYS)])
            problems.append(f"unknown platform {plat!r} in {item!r} (use one of {known})")
        elif not _HANDLE_RE.match(handle) and not handle.startswith(("http://", "https://")):
            problems.append(f"malformed handle {item!r} (no spaces; letters, digits, . _ -)")
        else:
            handles.append((plat, handle if handle.startswith("http") else handle.lstrip("@")))
    return handles, problems


def _parse_csv(path: Path, text: str, layout: Layout) -> tuple[Client, ...]:
    rows = csv.reader(io.StringIO(text), delimiter=layout.delimiter)
    width = len(layout.columns)
    problems: list[str] = []
    clients: list[Client] = []
    seen: dict[str, int] = {}
    for row in rows:
        line = rows.line_num
        if line <= layout.header_line or not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        if len(row) > width and any(c.strip() for c in row[width:]):
            problems.append(
                f"line {line}: {len(row)} fields but the header has {width} (quote the field "
                f"holding a {_DELIMITER_WORD.get(layout.delimiter, 'delimiter')})"
            )
            continue
        rec = _record(layout.columns, row)
        name = rec.get("name", "")
        if not name:
            problems.append(f"line {line}: empty name")
            continue
        status = (rec.get("status") or "current").lower()
        if status not in STATUSES:
            problems.append(f"line {line}: unknown status {rec.get('status')!r} (use current or former)")
        handles, handle_problems = parse_handles(rec.get("handles", ""))
        problems.extend(f"line {line}: {p}" for p in handle_problems)
        cid = rec.get("id") or f"L{line:03d}"
        if cid in seen:
            problems.append(f"line {line}: duplicate id {cid!r} (first on line {seen[cid]})")
        seen[cid] = line
        clients.append(
            Client(
                id=cid,
                name=name,
                aliases=tuple(a.strip() for a in rec.get("aliases", "").split(";") if a.strip()),
                status=status,
                handles=tuple(handles),
                notes=_with_birth(rec.get("notes", ""), rec.get("born", "")),
                line=line,
            )
        )
    _raise(path, problems)
    return tuple(clients)


_DELIMITER_WORD = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}


def _with_birth(notes: str, born: str) -> str:
    """The notes with a date-of-birth column's value as their first fact ("born 2014-03-02; …"), where the checks
    that read a child client's age find it (checks/analysis/client_age.py)."""
    return "; ".join(fact for fact in (f"born {born}" if born else "", notes) if fact)


def _record(columns: tuple[str, ...], row: list[str]) -> dict[str, str]:
    """One row as ``column → value``; first, middle and last name parts joined into ``name``."""
    rec: dict[str, str] = {}
    parts: dict[str, list[str]] = {"first": [], "middle": [], "last": []}
    for column, value in zip(columns, row, strict=False):
        value = value.strip()
        if column in parts:
            parts[column].append(value)
        elif column:
            rec[column] = value
    if not rec.get("name"):
        rec["name"] = " ".join(v for part in parts.values() for v in part if v)
    return rec


def _parse_plain(path: Path, text: str) -> tuple[Client, ...]:
    clients = []
    for n, line in enumerate(text.splitlines(), start=1):
        name = line.strip()
        if name and not name.startswith("#"):
            clients.append(Client(id=f"L{n:03d}", name=name, line=n))
    return tuple(clients)


def _parse_hashed(path: Path, text: str, key: bytes | None) -> tuple[Client, ...]:
    lines = text.splitlines()
    header = lines[0].split()
    fields = dict(p.split("=", 1) for p in header if "=" in p)
    if fields.get("version") != str(HASHED_VERSION):
        raise ClientListError(f"{path}:1: unsupported hashed list version {fields.get('version')!r}")
    if key is None:
        raise ClientListError(f"{path}: this is a hashed client list; give the agency key file (--key-file)")
    if fields.get("key") != key_fingerprint(key):
        raise ClientListError(f"{path}:1: the key does not match this hashed list (ask the agency for its key)")
    problems: list[str] = []
    clients: list[Client] = []
    seen: set[str] = set()
    kinds: dict[str, tuple[str, str, str]] = {}
    reader = csv.reader(lines[1:])  # the lines themselves: no second copy of a list of 100,000 clients
    for row in reader:
        line = reader.line_num + 1
        if not row or row[0].startswith("#") or row == ["id", "status", "variants"]:
            continue
        if len(row) != 3:
            problems.append(f"line {line}: expected id,status,variants")
            continue
        cid, status, variants = (c.strip() for c in row)
        items = variants.split(";") if _VARIANTS.fullmatch(variants) else []  # each "kind:platform:flags:<32 hex>"
        if not items:
            problems.append(f"line {line}: malformed hashed variant")
        for prefix in {item[:-33] for item in items}:
            if prefix not in kinds:  # kind, platform and flags repeat across millions of variants: one tuple each
                kind, platform, flags = prefix.split(":")
                kinds[prefix] = (sys.intern(kind), sys.intern(platform), sys.intern(flags))
        entries = [kinds[item[:-33]] + (item[-32:],) for item in items]
        if status not in STATUSES:
            problems.append(f"line {line}: unknown status {status!r}")
        if cid in seen:
            problems.append(f"line {line}: duplicate id {cid!r}")
        seen.add(cid)
        clients.append(Client(id=cid, name="", status=status, line=line, hashed=tuple(entries)))
    _raise(path, problems)
    return tuple(clients)
