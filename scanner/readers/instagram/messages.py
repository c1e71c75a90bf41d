"""Instagram direct messages: ``messages/<folder>/<thread>/message_N.(json|html)`` and the <= 2020 ``messages.json``.

A thread may be split over several ``message_N`` files and over several parts of a multi-part export, so
threads are collected first (messages de-duplicated) and built at the end, once the owner is known. The
export never marks the owner: it is the profile name / username where a thread shows it, otherwise the one
participant common to every thread.

Participants are named as the file names them (usually the display name). The thread folder is the other
person's username without punctuation plus an id (``destinyruizxo_1059102989622690``); a participant shown by
a lowercase, username-shaped name that spells that folder prefix is shown by username, so it is kept as the
handle too. The <= 2020 ``messages.json`` names everyone by username.

Messages are added one by one through the file's tally (a message of an unexpected shape is left out and
counted), and their strings are repaired as the file's :class:`~scanner.readers.instagram.records.SourceFile`
says (JSON: Meta's mojibake; HTML: as it is).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from checks.analysis.normalize import fold
from scanner.readers.instagram.common import parse_iso
from scanner.readers.instagram.records import SourceFile
from scanner.records import Message, Person, Thread, from_epoch, stable_id

PLATFORM = "instagram"
_FOLDERS = {"archived_threads": "archived", "filtered_threads": "filtered"}
_USERNAME = re.compile(r"^[a-z0-9._]{1,40}$")


@dataclass
class _RawThread:
    folder: str
    source: str
    prefix: str = ""  # the thread folder name before its id: the other person's username, unpunctuated
    by_username: bool = False
    title: str = ""
    participants: list[str] = field(default_factory=list)
    messages: dict[tuple[str, float, str], tuple[str, datetime | None, str]] = field(default_factory=dict)

    def names(self) -> set[str]:
        return {_name_key(n) for n in self.participants} | {_name_key(m[0]) for m in self.messages.values()}

    def person(self, name: str) -> Person:
        """A participant as shown; with the handle when the name is evidently the username."""
        if not name:
            return Person()
        if self.by_username or (_USERNAME.match(name) and self.prefix and re.sub(r"[._]", "", name) == self.prefix):
            return Person(name=name, handle=name)
        return Person(name=name)


def _name_key(name: str) -> str:
    """A participant's name as compared with the owner's and used in thread ids (spaces collapsed, folded)."""
    return fold(" ".join(name.split()))


def thread_key(path: str) -> tuple[str, str] | None:
    """``(key, folder)`` of a message file path: the thread folder after ``messages/<folder>/``."""
    parts = path.split("/")
    for i in range(len(parts) - 3, -1, -1):
        if parts[i].lower() == "messages":
            folder = parts[i + 1].lower()
            return f"{folder}/{parts[i + 2]}", _FOLDERS.get(folder, folder)
    return None


class ThreadCollector:
    """Gathers message files (JSON-shaped) into threads and yields Thread records once the owner is known."""

    def __init__(self) -> None:
        self._threads: dict[str, _RawThread] = {}

    def add(self, key: str, folder: str, file: SourceFile, data: dict[str, Any]) -> None:
        """Add one ``message_N`` file's content (``participants``, ``title``, ``messages``)."""
        prefix = key.rsplit("/", 1)[-1].rpartition("_")[0].lower()
        thread = self._threads.setdefault(key, _RawThread(folder=folder, source=file.path, prefix=prefix))
        title = file.text(data.get("title"))
        if title and not thread.title:
            thread.title = title
        for participant in data.get("participants") or ():
            name = file.text(participant.get("name") if isinstance(participant, dict) else participant)
            if name and name not in thread.participants:
                thread.participants.append(name)
        for message in data.get("messages") or ():
            if isinstance(message, dict):
                file.tally.build(self._add_message, thread, message, file)

    def add_legacy(self, file: SourceFile, conversations: Iterable[Any]) -> None:
        """Add the <= 2020 ``messages.json`` (``participants`` usernames, ``conversation`` with ISO times)."""
        for conversation in conversations:
            if isinstance(conversation, dict):
                file.tally.build(self._add_conversation, conversation, file)

    def _add_conversation(self, conversation: dict[str, Any], file: SourceFile) -> None:
        names = [file.fix(p) for p in conversation.get("participants") or () if isinstance(p, str)]
        key = "inbox/" + "|".join(sorted(names))
        thread = self._threads.setdefault(key, _RawThread(folder="inbox", source=file.path, by_username=True))
        thread.participants.extend(n for n in names if n not in thread.participants)
        for message in conversation.get("conversation") or ():
            if not isinstance(message, dict):
                continue
            when = parse_iso(message.get("created_at"))
            legacy = {
                "sender_name": message.get("sender") or "",
                "timestamp_ms": when.timestamp() * 1000 if when else 0,
                "content": message.get("text") or "",
            }
            file.tally.build(self._add_message, thread, legacy, file)

    @staticmethod
    def _add_message(thread: _RawThread, message: dict[str, Any], file: SourceFile) -> None:
        sender = file.text(message.get("sender_name"))
        stamp = message.get("timestamp_ms")
        when = from_epoch(stamp / 1000 if isinstance(stamp, int | float) and stamp > 0 else None)
        content = file.raw(message.get("content"))
        text = content if isinstance(content, str) else ""
        share = message.get("share")
        if isinstance(share, dict):
            extra = file.raw(share.get("share_text") or share.get("link") or "")
            if isinstance(extra, str) and extra and extra not in text:
                text = f"{text} {extra}".strip()
        text = text.strip()
        if not sender and not text:
            return
        key = (sender, when.timestamp() if when else 0.0, text)
        thread.messages.setdefault(key, (sender, when, text))

    def owner(self, candidates: Iterable[str | None]) -> set[str]:
        """The owner's folded names: a profile name / username that appears in a thread, else the only
        participant common to every thread with two or more people."""
        names = [t.names() for t in self._threads.values()]
        wanted = {_name_key(c) for c in candidates if c}
        hits = {c for c in wanted if any(c in n for n in names)}
        if hits:
            return hits
        multi = [n for n in names if len(n) >= 2]
        if len(multi) >= 2:
            common = set.intersection(*multi)
            if len(common) == 1:
                return common
        return set()

    def threads(self, owner: set[str]) -> Iterator[Thread]:
        """One Thread record per conversation, participants without the owner, messages chronological."""
        for thread in self._threads.values():
            # keys are (sender, epoch seconds, text): sorted by time, in file order within a second
            ordered = [message for _, message in sorted(thread.messages.items(), key=lambda item: item[0][1])]
            senders = {s: (thread.person(s), _name_key(s) in owner) for s in {s for s, _, _ in ordered}}
            messages = tuple(
                Message(sender=senders[s][0], timestamp=w, text=t, from_owner=senders[s][1]) for s, w, t in ordered
            )
            people = [p for p in thread.participants if _name_key(p) not in owner]
            for sender in dict.fromkeys(s for s, _, _ in ordered):
                if sender and not senders[sender][1] and sender not in people:
                    people.append(sender)
            if not people and thread.title and _name_key(thread.title) not in owner:
                people = [thread.title]
            first = next((m.timestamp for m in messages if m.timestamp), None)
            yield Thread(
                platform=PLATFORM,
                id=stable_id(PLATFORM, "thread", "|".join(sorted(_name_key(p) for p in people)), first),
                source=f"{thread.source}#0",
                timestamp=first,
                title=thread.title or ", ".join(people),
                participants=tuple(thread.person(p) for p in people),
                messages=messages,
                folder=thread.folder,
            )
