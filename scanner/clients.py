"""The client list (DESIGN.md section 6): load and validate ``clients.csv`` or a plain list of names.

(Minimal version; the people-matcher work extends it with validation, templates and hashed lists.)
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path


class ClientListError(Exception):
    """A client list that cannot be used; ``str()`` names the file, the line and the problem."""


@dataclass(frozen=True)
class Client:
    """One person on the client list."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    status: str = "current"
    handles: tuple[tuple[str, str], ...] = ()  # (platform, handle) — platform "x_id" for X numeric ids
    notes: str = ""
    line: int = 0

    @property
    def initials(self) -> str:
        """Initials for supervision reports (``J.D.``)."""
        return "".join(p[0].upper() + "." for p in self.name.split() if p[:1].isalpha())


@dataclass(frozen=True)
class ClientList:
    """The loaded client list."""

    clients: tuple[Client, ...] = ()
    path: str | None = None
    hashed: bool = False
    warnings: tuple[str, ...] = field(default=())

    def __len__(self) -> int:
        return len(self.clients)


def load_clients(path: str | Path | None) -> ClientList:
    """Load a client list; ``None`` gives an empty list."""
    if path is None:
        return ClientList()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ClientListError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ClientListError(f"{path}: cannot be read ({exc})") from None
    rows = list(csv.reader(io.StringIO(text)))
    clients = []
    if rows and [c.strip().lower() for c in rows[0]][:2] == ["id", "name"]:
        header = [c.strip().lower() for c in rows[0]]
        for n, row in enumerate(rows[1:], start=2):
            rec = dict(zip(header, row, strict=False))
            if not any(v.strip() for v in row):
                continue
            handles = []
            for h in (rec.get("handles") or "").split(";"):
                if ":" in h:
                    plat, _, value = h.partition(":")
                    handles.append((plat.strip().lower(), value.strip().lstrip("@")))
            clients.append(
                Client(
                    id=(rec.get("id") or f"L{n:03d}").strip(),
                    name=(rec.get("name") or "").strip(),
                    aliases=tuple(a.strip() for a in (rec.get("aliases") or "").split(";") if a.strip()),
                    status=(rec.get("status") or "current").strip().lower(),
                    handles=tuple(handles),
                    notes=rec.get("notes") or "",
                    line=n,
                )
            )
    else:
        for n, line in enumerate(text.splitlines(), start=1):
            if line.strip() and not line.lstrip().startswith("#"):
                clients.append(Client(id=f"L{n:03d}", name=line.strip(), line=n))
    return ClientList(tuple(clients), str(path))
