"""Safe, read-only access to export archives: a folder, a ``.zip``, several zip parts, a ``.tar.gz``.

Nothing is ever extracted to disk and inputs are opened read-only. Members are listed once, their
paths normalized (``\\`` → ``/``, wrapper folders such as ``facebook-jdoe-2024-…/`` kept but matched
by *ending*, ``__MACOSX`` and resource forks dropped). Unsafe members (symlinks, absolute or ``..``
paths, devices, folders where a file belongs) are never read; a path that appears twice is refused in
both copies; a damaged tar is read up to the damage. All are recorded in :attr:`Archive.unsafe` with a
reason.

Limits guard against zip bombs: a member whose declared size or compression ratio is absurd (for a
compressed tar, the ratio of the member to the whole archive), or an archive with too many members, is
refused with a message that names the flag to raise the limit.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

GiB = 1024**3
MiB = 1024**2

# What a corrupt or hostile member can raise while it is opened or decompressed.
_READ_ERRORS = (
    OSError,
    zipfile.BadZipFile,
    tarfile.TarError,
    EOFError,
    RuntimeError,
    ValueError,
    zlib.error,
    NotImplementedError,
)


class ArchiveError(Exception):
    """An input that cannot be opened at all. ``str()`` is a one-line message for the user."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class MemberError(Exception):
    """A member that cannot be read (too big, corrupt, wrong encoding). The scan goes on without it."""

    def __init__(self, member: Member, reason: str) -> None:
        self.member = member
        self.reason = reason
        super().__init__(f"{member.display}: {reason}")


@dataclass(frozen=True)
class Limits:
    """Safety limits; each has a command-line flag to raise it."""

    max_member_bytes: int = 4 * GiB  # --max-file-size
    max_total_bytes: int = 40 * GiB  # --max-total-size
    max_members: int = 500_000  # --max-files
    max_ratio: int = 1000  # compression ratio beyond which a large member is treated as a bomb
    ratio_floor_bytes: int = 64 * MiB  # the ratio only matters for members bigger than this
    max_json_depth: int = 200

    @property
    def max_whole_bytes(self) -> int:
        """The largest file read in one piece (JSON, CSV, HTML; the big X and Mastodon files are streamed):
        an eighth of ``max_member_bytes``, so that reading one file stays well under 2 GB by default."""
        return self.max_member_bytes // 8


@dataclass(frozen=True)
class Member:
    """One file inside an input. ``path`` is the normalized path inside the archive."""

    path: str
    size: int
    container: str  # the input file or folder it came from
    _ref: Any = field(default=None, compare=False, repr=False)  # (container, native handle)
    compressed_size: int | None = None

    @property
    def name(self) -> str:
        return PurePosixPath(self.path).name

    @property
    def display(self) -> str:
        """How to name this member to the user: ``archive.zip:path/inside``."""
        return f"{Path(self.container).name}:{self.path}"

    def endswith(self, suffix: str) -> bool:
        """True when the path ends with ``suffix`` on a folder boundary (case-insensitive)."""
        path = self.path.lower()
        suffix = suffix.lower().lstrip("/")
        return path == suffix or path.endswith("/" + suffix)


@dataclass(frozen=True)
class Unsafe:
    """A member that was listed but will never be read, and why."""

    path: str
    reason: str


class _Container:
    """One physical input (folder, zip or tar) inside an :class:`Archive`."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def members(self) -> Iterator[tuple[str, int, int | None, Any, str | None]]:
        """Yield ``(raw_name, size, compressed_size, ref, unsafe_reason)``."""
        raise NotImplementedError

    def open(self, ref: Any) -> IO[bytes]:
        raise NotImplementedError

    def close(self) -> None:
        """Release file handles."""


class _Folder(_Container):
    def members(self) -> Iterator[tuple[str, int, int | None, Any, str | None]]:
        root = self.path
        unreadable: list[OSError] = []
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=unreadable.append):
            dirnames.sort()
            for name in list(dirnames):
                full = Path(dirpath) / name
                rel = full.relative_to(root).as_posix()
                if full.is_symlink():  # a link to a folder, or a loop: never followed
                    dirnames.remove(name)
                    yield rel, 0, None, None, "is a symbolic link to a folder (not followed)"
                elif looks_like_a_file(name):
                    yield rel, 0, None, None, FOLDER_IN_FILE_PLACE
            for name in sorted(filenames):
                full = Path(dirpath) / name
                rel = full.relative_to(root).as_posix()
                try:
                    st = full.lstat()
                except OSError as exc:
                    yield rel, 0, None, None, f"cannot be read ({exc.strerror})"
                    continue
                if stat.S_ISLNK(st.st_mode):
                    yield rel, 0, None, None, "is a symbolic link (not followed)"
                elif not stat.S_ISREG(st.st_mode):
                    yield rel, 0, None, None, "is not a regular file"
                else:
                    yield rel, st.st_size, None, full, None
        for error in unreadable:
            rel = Path(error.filename).relative_to(root).as_posix() if error.filename else root.name
            yield rel, 0, None, None, f"is a folder that cannot be read ({error.strerror})"

    def open(self, ref: Any) -> IO[bytes]:
        return open(ref, "rb")


class _Zip(_Container):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        try:
            self.zf = zipfile.ZipFile(path)
        except zipfile.BadZipFile as exc:
            raise ArchiveError(path, _bad_zip_reason(path, exc)) from None
        except (OSError, EOFError, ValueError) as exc:
            raise ArchiveError(path, f"cannot be opened as a zip ({exc}); download the archive again") from None

    def members(self) -> Iterator[tuple[str, int, int | None, Any, str | None]]:
        for info in self.zf.infolist():
            if info.is_dir():
                if looks_like_a_file(info.filename.rstrip("/")):
                    yield info.filename.rstrip("/"), 0, None, None, FOLDER_IN_FILE_PLACE
                continue
            mode = info.external_attr >> 16
            reason = None
            if stat.S_ISLNK(mode):
                reason = "is a symbolic link (not followed)"
            elif info.flag_bits & 0x1:
                reason = "is encrypted; export the archive again without a password"
            yield info.filename, info.file_size, info.compress_size, info, reason

    def open(self, ref: Any) -> IO[bytes]:
        return self.zf.open(ref)

    def close(self) -> None:
        self.zf.close()


class _Tar(_Container):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.damage: str | None = None  # why the listing stopped before the end of the archive
        try:
            self.tf = tarfile.open(path, "r:*")  # noqa: SIM115 (closed in close())
        except _READ_ERRORS as exc:
            raise ArchiveError(path, f"is not a readable tar archive ({_one_line(exc)}); download it again") from None

    def members(self) -> Iterator[tuple[str, int, int | None, Any, str | None]]:
        # A gzip-compressed tar gives no compressed size per member: the whole archive's size bounds each
        # member's, so the compression-ratio limit still applies to one member.
        packed = self.path.stat().st_size if self._compressed() else None
        for info in self._infos():
            if info.isdir():
                if looks_like_a_file(info.name.rstrip("/")):
                    yield info.name, 0, None, None, FOLDER_IN_FILE_PLACE
                continue
            reason = None
            if info.issym() or info.islnk():
                reason = "is a link (not followed)"
            elif not info.isfile():
                reason = "is not a regular file"
            yield info.name, info.size, packed, info, reason
        if self.damage:
            yield "", 0, None, None, self.damage

    def _compressed(self) -> bool:
        return not isinstance(self.tf.fileobj, io.BufferedReader | io.FileIO)

    def _infos(self) -> list[tarfile.TarInfo]:
        """The members up to the end of the archive, or up to the damage (then :attr:`damage` says so).

        ``tarfile`` takes a damaged header for the end of the archive: what follows the last member must be
        end-of-archive padding (zero bytes) up to a clean end of the compressed stream, or the archive is damaged.
        """
        tf = self.tf
        infos: list[tarfile.TarInfo] = []
        try:
            while (info := tf.next()) is not None:
                infos.append(info)
            fileobj = tf.fileobj
            assert fileobj is not None
            fileobj.seek(tf.offset)
            while chunk := fileobj.read(1 << 20):
                if chunk.strip(b"\0"):
                    raise tarfile.ReadError("unreadable data after the last file")
        except _READ_ERRORS as exc:
            self.damage = (
                f"is damaged after its first {len(infos)} files ({_one_line(exc)}); the files before the damage "
                "were read, the rest could not be: download the archive again"
            )
        return infos

    def open(self, ref: Any) -> IO[bytes]:
        handle = self.tf.extractfile(ref)
        if handle is None:
            raise OSError("not a regular file")
        return handle

    def close(self) -> None:
        self.tf.close()


class _SingleFile(_Container):
    """A lone export file given as an input (e.g. Mastodon's separate ``following_accounts.csv``)."""

    def members(self) -> Iterator[tuple[str, int, int | None, Any, str | None]]:
        yield self.path.name, self.path.stat().st_size, None, self.path, None

    def open(self, ref: Any) -> IO[bytes]:
        return open(ref, "rb")


_SINGLE_FILE_SUFFIXES = (".csv", ".json", ".car")  # .car: a Bluesky repository export


def _bad_zip_reason(path: Path, exc: Exception) -> str:
    try:
        with open(path, "rb") as fh:
            head = fh.read(4)
    except OSError:
        head = b""
    if head.startswith(b"PK"):
        return "is a truncated or corrupt zip (the download may be incomplete); download the archive again"
    return "is not a zip archive; give the .zip you downloaded, or the folder you unpacked it into"


def _open_container(path: Path) -> _Container:
    if not path.exists():
        raise ArchiveError(path, "does not exist")
    if path.is_dir():
        return _Folder(path)
    name = path.name.lower()
    if name.endswith((".tar.gz", ".tgz", ".tar")):
        return _Tar(path)
    if zipfile.is_zipfile(path) or name.endswith(".zip"):
        return _Zip(path)
    try:
        if tarfile.is_tarfile(path):
            return _Tar(path)
    except _READ_ERRORS:
        pass
    if name.endswith(_SINGLE_FILE_SUFFIXES):
        return _SingleFile(path)
    raise ArchiveError(
        path, "is not an archive boundary-audit can open; give the downloaded .zip (or .tar.gz), or its folder"
    )


_IGNORED_PARTS = {"__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini"}
_FILE_SUFFIXES = (".json", ".js", ".csv", ".html", ".htm", ".txt")
FOLDER_IN_FILE_PLACE = "is a folder where a data file was expected (not read)"
DUPLICATE = "appears {n} times in the archive; no copy is read, as which one is genuine cannot be told"


def looks_like_a_file(name: str) -> bool:
    """Whether a folder's name is a data file's name (``tweets.js/``): a damaged or hostile archive."""
    return name.lower().endswith(_FILE_SUFFIXES)


def normalize_member_name(raw: str) -> tuple[str, str | None]:
    """Normalize a raw member name; return ``(path, unsafe_reason)``."""
    name = raw.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return name.lstrip("/"), "has an absolute path (not read)"
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if ".." in parts:
        return "/".join(parts), "has '..' in its path (not read)"
    return "/".join(parts), None


class Archive:
    """A read-only view over one or more physical inputs that together form one export."""

    def __init__(self, paths: Iterable[str | os.PathLike[str]], limits: Limits | None = None) -> None:
        self.limits = limits or Limits()
        self.paths = [Path(p) for p in paths]
        self._containers: list[_Container] = []
        self.members: list[Member] = []
        self.unsafe: list[Unsafe] = []
        try:
            for path in self.paths:
                container = _open_container(path)
                self._containers.append(container)
                self._list(container)
        except BaseException:
            self.close()
            raise

    @property
    def label(self) -> str:
        """The input names, for messages."""
        return ", ".join(p.name for p in self.paths)

    def _list(self, container: _Container) -> None:
        total = sum(m.size for m in self.members)
        listed: list[Member] = []
        copies: dict[str, int] = {}
        for raw, size, csize, ref, reason in container.members():
            path, unsafe = normalize_member_name(raw)
            parts = path.split("/")
            if any(p in _IGNORED_PARTS or p.startswith("._") for p in parts):
                continue
            if path:
                copies[path] = copies.get(path, 0) + 1  # every copy counts, a refused one too
            reason = unsafe or reason or (self._size_problem(size, csize) if ref is not None else None)
            if reason is not None:
                self.unsafe.append(Unsafe(f"{container.path.name}:{path}".rstrip(":"), reason))
                continue
            if len(listed) + len(self.members) >= self.limits.max_members:
                raise ArchiveError(
                    container.path,
                    f"has more than {self.limits.max_members:,} files; if this is a real export, "
                    "raise the limit with --max-files",
                )
            total += size
            if total > self.limits.max_total_bytes:
                raise ArchiveError(
                    container.path,
                    f"would unpack to more than {self.limits.max_total_bytes / GiB:.0f} GiB; if this is a real "
                    "export, raise the limit with --max-total-size",
                )
            listed.append(Member(path, size, str(container.path), (container, ref), csize))
        for path, n in copies.items():
            if n > 1:
                self.unsafe.append(Unsafe(f"{container.path.name}:{path}", DUPLICATE.format(n=n)))
        self.members += [m for m in listed if copies[m.path] == 1]

    def _size_problem(self, size: int, csize: int | None) -> str | None:
        limits = self.limits
        if size > limits.max_member_bytes:
            return (
                f"unpacks to {size / GiB:.1f} GiB, above the {limits.max_member_bytes / GiB:.0f} GiB limit "
                "(raise it with --max-file-size)"
            )
        if csize is not None and size > limits.ratio_floor_bytes and size > limits.max_ratio * max(csize, 1):
            return f"is compressed more than {limits.max_ratio}:1, which only zip bombs are (not read)"
        return None

    # ----------------------------------------------------------------- finding members
    def find(self, *suffixes: str) -> list[Member]:
        """Members whose path ends with any of ``suffixes`` (case-insensitive, folder-aligned).

        Facebook writes an apostrophe as ``_`` in some exports; ``'`` in a suffix matches both.
        """
        wanted = []
        for suffix in suffixes:
            wanted.append(suffix)
            if "'" in suffix:
                wanted.append(suffix.replace("'", "_"))
        return [m for m in self.members if any(m.endswith(s) for s in wanted)]

    def first(self, *suffixes: str) -> Member | None:
        """The first member matching :meth:`find`, or ``None``."""
        found = self.find(*suffixes)
        return found[0] if found else None

    def glob(self, pattern: str) -> list[Member]:
        """Members whose path (or any wrapper-stripped tail of it) matches a glob pattern."""
        pattern = pattern.lower()
        out = []
        for member in self.members:
            parts = member.path.lower().split("/")
            if any(PurePosixPath("/".join(parts[i:])).match(pattern) for i in range(len(parts))):
                out.append(member)
        return out

    def has(self, *suffixes: str) -> bool:
        return bool(self.find(*suffixes))

    # ----------------------------------------------------------------- reading members
    def open(self, member: Member) -> IO[bytes]:
        """A binary stream of the member, limited to its declared size (guards lying headers)."""
        container, ref = member._ref
        try:
            raw = container.open(ref)
        except _READ_ERRORS as exc:
            raise MemberError(member, f"cannot be read ({_one_line(exc)})") from None
        limited = _Limited(raw, member, min(self.limits.max_member_bytes, max(member.size, 0)))
        return io.BufferedReader(limited, buffer_size=1 << 16)

    def read_bytes(self, member: Member) -> bytes:
        """The whole member as bytes (refused above :attr:`Limits.max_whole_bytes`: reading takes about three
        times the file's size in memory)."""
        limit = self.limits.max_whole_bytes
        if member.size > limit:
            raise MemberError(
                member,
                f"is {member.size / MiB:,.0f} MiB, too big to read in one piece (limit {limit / MiB:,.0f} MiB, "
                "an eighth of --max-file-size; raise that if this is a real export)",
            )
        with self.open(member) as fh:
            try:
                return fh.read()
            except _READ_ERRORS as exc:
                if isinstance(exc, MemberError):
                    raise
                raise MemberError(member, f"is corrupt inside the archive ({_one_line(exc)})") from None

    def read_text(self, member: Member) -> str:
        """The member decoded: BOM-aware (UTF-8, UTF-16), else UTF-8, else Windows-1252. A file that is empty
        or holds only white space is a :class:`MemberError` (a data file never is)."""
        text = decode_text(self.read_bytes(member))
        if not text or text.isspace():  # (no stripped copy of a big file)
            raise MemberError(member, "is empty")
        return text

    def read_json(self, member: Member) -> Any:
        """The member parsed as JSON, with a clear reason when it is not."""
        text = self.read_text(member)
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            if not text.strip():
                raise MemberError(member, "is empty") from None
            reason = f"is not valid JSON (line {exc.lineno}: {exc.msg}); it may be truncated"
            raise MemberError(member, reason) from None
        except RecursionError:
            raise MemberError(member, TOO_DEEP) from None
        if json_too_deep(value, self.limits.max_json_depth):
            raise MemberError(member, TOO_DEEP)
        if value is None:  # no export writes a file of just "null"
            raise MemberError(member, "holds only null (no data)")
        return value

    def close(self) -> None:
        for container in self._containers:
            container.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Limited(io.RawIOBase):
    """Reads at most ``limit`` bytes from ``raw``; a member that keeps going is refused."""

    def __init__(self, raw: IO[bytes], member: Member, limit: int) -> None:
        self.raw = raw
        self.member = member
        self.remaining = limit
        self.limit = limit

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer)
        if self.remaining <= 0:
            if self.raw.read(1):
                raise MemberError(self.member, "is larger than the archive says (corrupt or hostile; not read)")
            return 0
        want = min(len(view), self.remaining)
        try:
            data = self.raw.read(want)
        except _READ_ERRORS as exc:
            if isinstance(exc, MemberError):
                raise
            raise MemberError(self.member, f"is corrupt inside the archive ({_one_line(exc)})") from None
        n = len(data)
        view[:n] = data
        self.remaining -= n
        return n

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            chunks = []
            while True:
                chunk = super().read(1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
            return b"".join(chunks)
        return super().read(size) or b""

    def close(self) -> None:
        try:
            self.raw.close()
        finally:
            super().close()


TOO_DEEP = "is nested too deeply to be a real export file"


def json_too_deep(value: Any, limit: int) -> bool:
    """True when parsed JSON nests deeper than ``limit`` (checked without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
        for child in children:
            if isinstance(child, dict | list):
                if depth + 1 > limit:
                    return True
                stack.append((child, depth + 1))
    return False


def _one_line(exc: BaseException) -> str:
    """An exception's message cut to one short line (it names the problem, never file content)."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


def decode_text(data: bytes) -> str:
    """Decode bytes from an export: BOM first, then UTF-16 without BOM, UTF-8, Windows-1252."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if len(data) >= 4 and data[1] == 0 and data[3] == 0 and data[0] != 0:
        return data.decode("utf-16-le", errors="replace")
    if len(data) >= 4 and data[0] == 0 and data[2] == 0 and data[1] != 0:
        return data.decode("utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")
