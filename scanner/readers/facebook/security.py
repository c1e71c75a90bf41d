"""Facebook security, session and uploaded-contact files → settings and contacts (JSON and HTML).

* ``where_you're_logged_in`` (HTML here; JSON in :mod:`~scanner.readers.facebook.json_files`) and
  ``authorized_logins.json`` (``recognized_devices_v2``) → one ``active_session`` setting per session or
  recognized device (account-security counts them);
* ``logins_and_logouts`` (``account_accesses_v2``), ``login_protection_data`` and ``account_activity`` → one
  ``login`` setting per event (time, action, IP address: listed in ``inspect``, not findings of their own);
* ``mobile_devices.json`` (``devices_v2``) → one ``mobile_device`` setting per device;
* ``your_address_books`` (``address_book_v2`` → ``address_book``: ``name``, ``details``) → one ``contact``
  :class:`~scanner.records.Connection` per entry plus a ``synced_contacts`` setting, as the X and Instagram
  readers do, so account-security reports a client in the uploaded address book.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from scanner.readers.facebook import html_pages as fb_html
from scanner.readers.facebook.json_files import Parser, require, text_of
from scanner.readers.facebook.records import PLATFORM, Owner, fb_id, norm_space
from scanner.readers.guard import EntryTally, ShapeError
from scanner.readers.meta import HtmlPage, HtmlRecord, label_text, label_values, parse_display_date, records_of
from scanner.records import AnyRecord, Connection, Person, Relation, Setting, from_epoch, synced_contacts_setting

_ACCESS_KEYS = (
    "account_accesses_v2",
    "account_accesses",
    "login_protection_data_v2",
    "login_protection_data",
    "account_activity_v2",
    "account_activity",
)
_LOGOUT_WORDS = (
    "log out",
    "logout",
    "logged out",
    "déconnexion",
    "abmeldung",
    "cerrar sesión",
    "disconnessione",
    "uitloggen",
    "sair",
)


def _setting(
    name: str, when: datetime | None, value: str, detail: str, source: str, enabled: bool | None = True
) -> Setting:
    return Setting(
        platform=PLATFORM,
        id=fb_id("setting", name, when, value, detail),
        source=source,
        timestamp=when,
        name=name,
        value=value or None,
        enabled=enabled,
        detail=detail or None,
    )


def _joined(*parts: str) -> str:
    return ", ".join(p for p in parts if p)


# --------------------------------------------------------------------------- JSON


def recognized_devices(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Authorized logins (recognized devices): one ``active_session`` each."""
    entries = require(records_of(data, "recognized_devices_v2", "recognized_devices"), data)
    yield from tally.each(entries, lambda i, entry: (_device_session(entry, f"{source}#{i}"),))


def _device_session(entry: dict[str, Any], source: str) -> Setting:
    when = from_epoch(entry.get("created_timestamp") or entry.get("timestamp"))
    device = text_of(entry.get("name")) or text_of(entry.get("user_agent"))
    detail = _joined("recognized device", text_of(entry.get("ip_address")))
    return _setting("active_session", when, device, detail, source)


def logins(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Logins, logouts, login-protection sessions and account activity: one ``login`` setting per event."""
    entries = require(records_of(data, *_ACCESS_KEYS), data)
    yield from tally.each(entries, lambda i, entry: _login(entry, f"{source}#{i}"))


def _login(entry: dict[str, Any], source: str) -> Iterable[Setting]:
    raw = entry.get("session")
    session: dict[str, Any] = raw if isinstance(raw, dict) else {}
    when = from_epoch(entry.get("timestamp") or session.get("created_timestamp") or entry.get("created_timestamp"))
    action = text_of(entry.get("action")) or text_of(entry.get("name")) or "login"
    if "label_values" in entry:
        values = label_values(entry)
        action = label_text(values, "Action", "Activity") or action
    place = _joined(text_of(entry.get("city")), text_of(entry.get("country")))
    address = text_of(entry.get("ip_address")) or text_of(session.get("ip_address"))
    detail = _joined(
        text_of(entry.get("site")) or text_of(entry.get("site_name")), place, f"IP address {address}" if address else ""
    )
    logout = any(word in action.casefold() for word in _LOGOUT_WORDS)
    return (_setting("login", when, action, detail, source, enabled=not logout),)


def mobile_devices(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Mobile devices the account was used on: one ``mobile_device`` setting each."""
    entries = require(records_of(data, "devices_v2", "devices"), data)
    yield from tally.each(entries, lambda i, entry: _mobile_device(entry, f"{source}#{i}"))


def _mobile_device(entry: dict[str, Any], source: str) -> Iterable[Setting]:
    device = _joined(text_of(entry.get("type")), text_of(entry.get("os")))
    if not device:
        return ()
    when = from_epoch(entry.get("update_time") or entry.get("timestamp"))
    return (_setting("mobile_device", when, device, "", source),)


def address_book(data: Any, source: str, owner: Owner, tally: EntryTally) -> Iterator[AnyRecord]:
    """Uploaded address books: one contact connection per entry, then a ``synced_contacts`` setting."""
    entries = require(_address_entries(data), data)
    count = 0
    for record in tally.each(entries, lambda i, entry: _contact(entry, f"{source}#{i}")):
        count += 1
        yield record
    if count:
        yield synced_contacts(count, source)


def _address_entries(data: Any) -> list[dict[str, Any]]:
    body = data
    for key in ("address_book_v2", "address_book", "address_books_v2"):
        if isinstance(body, dict) and key in body:
            body = body[key]
    if isinstance(body, dict) and not {"name", "details"} & body.keys():
        raise ShapeError("does not hold an address book")
    return records_of(body)


def _contact(entry: dict[str, Any], source: str) -> Iterable[Connection]:
    name = text_of(entry.get("name"))
    details = [
        text_of(d.get("contact_point")) if isinstance(d, dict) else text_of(d) for d in entry.get("details") or ()
    ]
    if not name and "label_values" in entry:
        name = label_text(label_values(entry), "Name") or ""
    return (contact_record(name, next((d for d in details if d), ""), source),) if name else ()


def contact_record(name: str, detail: str, source: str) -> Connection:
    """One uploaded address-book entry (id from name and first contact detail, which survive a re-export)."""
    return Connection(
        platform=PLATFORM,
        id=fb_id("connection", "contact", name, detail),
        source=source,
        person=Person(name=norm_space(name)),
        relation=Relation.CONTACT,
    )


def synced_contacts(count: int, source: str) -> Setting:
    """The ``synced_contacts`` setting of an export holding ``count`` uploaded contacts."""
    return synced_contacts_setting(PLATFORM, count, source, f"{count} address-book contact(s) uploaded to Facebook")


# --------------------------------------------------------------------------- HTML

_DEVICE_ROWS = (
    "Device",
    "Device name",
    "Device type",
    "User agent",
    "Browser",
    "App",
    "Appareil",
    "Gerät",
    "Dispositivo",
    "Apparaat",
)
_CREATED_ROWS = ("Created", "Date created", "Created time", "Last active", "Last accessed", "Updated", "Time")
_IP_ROWS = ("IP address", "IP Address", "Adresse IP", "IP-Adresse", "Dirección IP", "Indirizzo IP", "IP-adres")
_PLACE_ROWS = ("Location", "Place", "Lieu", "Standort", "Ubicación", "Posizione", "Locatie", "Localização")


def _html_when(record: HtmlRecord, ctx: fb_html.HtmlContext) -> datetime | None:
    created = record.row(*_CREATED_ROWS)
    return (parse_display_date(created, ctx.tz) if created else None) or ctx.when(record)


def sessions_html(page: HtmlPage, source: str, ctx: fb_html.HtmlContext, tally: EntryTally) -> Iterator[AnyRecord]:
    """Where you're logged in: one ``active_session`` per box (device heading or row, place, IP address)."""
    yield from tally.each(page.records, lambda i, record: _html_session(record, f"{source}#{i}", ctx))


def _html_session(record: HtmlRecord, source: str, ctx: fb_html.HtmlContext) -> Iterable[Setting]:
    device = record.row(*_DEVICE_ROWS) or record.title
    if not device:
        return ()
    ip = record.row(*_IP_ROWS)
    detail = _joined(record.row(*_PLACE_ROWS) or "", f"IP address {ip}" if ip else "")
    return (_setting("active_session", _html_when(record, ctx), device, detail, source),)


def logins_html(page: HtmlPage, source: str, ctx: fb_html.HtmlContext, tally: EntryTally) -> Iterator[AnyRecord]:
    """Logins and logouts: one ``login`` per box (action heading, IP address row, date)."""
    yield from tally.each(page.records, lambda i, record: _html_login(record, f"{source}#{i}", ctx))


def _html_login(record: HtmlRecord, source: str, ctx: fb_html.HtmlContext) -> Iterable[Setting]:
    action = record.row("Action", "Activity", "Type") or record.title or "login"
    ip = record.row(*_IP_ROWS)
    detail = _joined(
        record.row("Site", "Website") or "", record.row(*_PLACE_ROWS) or "", f"IP address {ip}" if ip else ""
    )
    logout = any(word in action.casefold() for word in _LOGOUT_WORDS)
    return (_setting("login", _html_when(record, ctx), action, detail, source, enabled=not logout),)


def address_book_html(page: HtmlPage, source: str, ctx: fb_html.HtmlContext, tally: EntryTally) -> Iterator[AnyRecord]:
    """Uploaded address books page: one contact per box (name heading, contact details below)."""
    count = 0
    for record in tally.each(page.records, lambda i, box: _html_contact(box, f"{source}#{i}")):
        count += 1
        yield record
    if count:
        yield synced_contacts(count, source)


def _html_contact(record: HtmlRecord, source: str) -> Iterable[Connection]:
    name = record.row("Name", "Nom", "Nombre", "Nome", "Naam") or record.title
    detail = next((value for _, value in record.rows if value), "") or record.text.split("\n")[0]
    return (contact_record(name, detail, source),) if name else ()


JSON_PARSERS: dict[str, Parser] = {
    "recognized_devices": recognized_devices,
    "logins": logins,
    "mobile_devices": mobile_devices,
    "address_book": address_book,
}

HTML_PARSERS: dict[str, fb_html.HtmlParser] = {
    "sessions": sessions_html,
    "recognized_devices": sessions_html,
    "logins": logins_html,
    "address_book": address_book_html,
}
