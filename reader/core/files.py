"""Reading and writing files safely: never half a file, never a file replaced that should not be, never a wait.

Every file reader writes (settings, fetched articles and their index,
exports, ``-o``) goes through :func:`write_atomically`, which replaces a
file whole, or :func:`write_new`, which makes a file that did not exist
and replaces nothing. Both write a hidden temporary file beside the target
first, so a reader of the folder sees the old file or the new one, never
half of one. A new file gets ``0o666`` less the umask, as ``>`` gives it; a
replaced file keeps its mode (and, where reader may, its owner). Neither
ever replaces what is not a regular file: a FIFO, a device or a socket at
the target is refused.

:func:`read_regular` reads a file the way every other file is read: only a
regular file, opened without waiting (a FIFO or a terminal would block a
plain ``open``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import unicodedata
from pathlib import Path

#: The longest file name, in bytes, of the file systems reader writes to (ext4, APFS, NTFS, Btrfs).
NAME_MAX = 255
#: Bytes a temporary name adds to the name of its file: the dot before, the random part and ``.tmp`` after.
TEMPORARY_EXTRA = len(".") + len(".") + 8 + len(".tmp")


class NotRegularFile(OSError):
    """The path names something that is not a regular file (a FIFO, a device, a socket, a folder); it is never replaced."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file ({kind})", str(path))
        self.kind = kind


def file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, for the user ("FIFO", "character device"); ``None`` for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kinds = (
        (stat.S_ISLNK, "link"),
        (stat.S_ISDIR, "folder"),
        (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISSOCK, "socket"),
    )
    return next((name for test, name in kinds if test(mode)), "special file")


def read_regular(path: Path, most: int, *, follow_links: bool = True) -> bytes:
    """The first ``most`` bytes of a regular file (and one more, so that the caller can tell a larger file).

    The file is opened without waiting and without becoming the process's
    terminal; a FIFO, a device or a socket is refused by what ``fstat`` says
    of the very file opened, so one swapped in after a check cannot block.

    Args:
        path: The file.
        most: Bytes wanted.
        follow_links: ``False`` refuses a link (``OSError``, ``ELOOP``) rather than read where it leads.

    Raises:
        NotRegularFile: The path is not a regular file.
        OSError: It cannot be opened or read (missing, permission denied).
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        kind = file_kind(os.fstat(handle.fileno()).st_mode)
        if kind:
            raise NotRegularFile(path, kind)
        return handle.read(most + 1)


def umask() -> int:
    """The process's umask, read without changing it where the system allows (Linux 4.7 and later)."""
    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii", errors="replace") as status:
        for line in status:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    # Elsewhere the only way is to set it and put it back.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """The mode a new file gets, as the shell's ``>`` gives it: ``0o666`` less the umask."""
    return 0o666 & ~umask()


def name_max(folder: Path) -> int:
    """The longest file name, in bytes, the folder's file system takes."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        return min(NAME_MAX, os.pathconf(folder, "PC_NAME_MAX"))
    return NAME_MAX


def cut_to_bytes(text: str, most: int) -> str:
    """The longest start of ``text`` whose UTF-8 takes at most ``most`` bytes, never cutting a character or its accents.

    Args:
        text: A file name or part of one.
        most: Bytes allowed.

    Returns:
        ``text`` itself when it fits.
    """
    if len(text.encode("utf-8", "surrogateescape")) <= most:
        return text
    size, end = 0, len(text)
    for index, char in enumerate(text):
        size += len(char.encode("utf-8", "surrogateescape"))
        if size > most:
            end = index
            break
    # A letter whose accents do not all fit goes with them.
    while end > 0 and unicodedata.combining(text[end]):
        end -= 1
    return text[:end]


def fitted_name(stem: str, suffix: str, folder: Path | None = None) -> str:
    """``stem + suffix``, the stem cut so that the name and its temporary name both fit the file system's limit.

    Args:
        stem: The name without its ending (an export's "A vs B 2026-03-03 101500").
        suffix: The ending, with its dot (".html").
        folder: Where the file goes (its file system's limit); default 255 bytes.

    Returns:
        The name, at most :data:`NAME_MAX` less :data:`TEMPORARY_EXTRA` bytes.
    """
    limit = (name_max(folder) if folder is not None else NAME_MAX) - TEMPORARY_EXTRA
    return (cut_to_bytes(stem, limit - len(suffix.encode("utf-8", "surrogateescape"))).rstrip(" .") or "_") + suffix


def write_atomically(path: Path, text: str, *, follow_links: bool = True) -> Path:
    """Write a text file so that a reader sees the old one or the new one, never half of one.

    The text goes to a hidden temporary file in the same folder (which the
    library does not list), which then replaces the target in one rename. A
    link is followed: the file it leads to is replaced and the link kept.
    The folder must exist.

    Args:
        path: The file to write.
        text: Its text, written as UTF-8 with ``\\n`` line ends.
        follow_links: ``False`` refuses a link at ``path`` (a folder others
            may write to cannot lead reader to write elsewhere).

    Returns:
        The file replaced or made (the link's target when ``path`` is a link).

    Raises:
        NotRegularFile: The target exists and is not a regular file; it is left as it is.
        PermissionError: The target exists and may not be written (read-only); it is left as it is.
        OSError: The file could not be written; the old one is unchanged.
    """
    target = Path(os.path.realpath(path)) if follow_links else path
    try:
        status: os.stat_result | None = os.stat(target, follow_symlinks=follow_links)
    except FileNotFoundError:
        status = None
    if status is not None and (kind := file_kind(status.st_mode)):
        raise NotRegularFile(path, kind)
    if status is not None and not os.access(target, os.W_OK):
        # A rename would replace it all the same: a file its owner made read-only is left as it is, as > leaves it.
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
    temporary = _write_temporary(target, text, status)
    try:
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


def write_output(path: Path, text: str) -> None:
    """Write a command's output to the file the user named (``-o FILE``), as ``>`` would, but never half a file.

    A regular file, or a new one, is replaced whole by :func:`write_atomically`
    (its mode kept, a link to it kept). A terminal, a character device such
    as ``/dev/null`` or ``/dev/stdout``, or a FIFO is written into, as ``>``
    writes into it: it is never replaced by a file (a FIFO waits for its
    reader, as with ``>``).

    Raises:
        NotRegularFile: A socket, a block device or a folder, refused.
        OSError: It could not be written (``/dev/full``: no space left).
    """
    try:
        mode: int | None = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    if mode is None or stat.S_ISREG(mode):
        write_atomically(path, text)
        return
    if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        raise NotRegularFile(path, file_kind(mode) or "special file")
    descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as file:
        file.write(text)


def write_new(path: Path, text: str, copy_of: os.stat_result | None = None) -> None:
    """Make a new file, whole, that replaces nothing: if anything has that name, even a broken link, it stays.

    The text is written to a temporary file that is then linked under the
    name, which fails if the name is taken, in one step. On a file system
    without hard links the file is made with ``O_EXCL`` and written in place.

    Args:
        path: The file to make.
        text: Its text.
        copy_of: The file whose text this is a copy of, if any: the copy is
            never more open than it (a private article's old text stays private).

    Raises:
        FileExistsError: Something has that name already.
        OSError: The file could not be written.
    """
    limit = 0o777 if copy_of is None else stat.S_IMODE(copy_of.st_mode)
    temporary = _write_temporary(path, text, None, limit)
    try:
        try:
            os.link(temporary, path, follow_symlinks=False)
        except OSError as error:  # FileExistsError among them, raised on
            if error.errno not in {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.ENOSYS}:
                raise
            _write_exclusively(path, text, limit)
    finally:
        temporary.unlink(missing_ok=True)


def _write_exclusively(path: Path, text: str, limit: int = 0o777) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags, 0o666 & limit)  # the umask applies, as for any new file
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _write_temporary(target: Path, text: str, replaced: os.stat_result | None, limit: int = 0o777) -> Path:
    """A hidden temporary file beside ``target`` holding ``text``, with the mode (and owner) the target is to have:
    the replaced file's, or a new file's under the umask and no more than ``limit``."""
    folder = target.parent
    # The temporary name holds as much of the target's as fits the limit.
    prefix = "." + cut_to_bytes(target.name, name_max(folder) - TEMPORARY_EXTRA) + "."
    handle, name = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            if replaced is None:
                os.fchmod(file.fileno(), new_file_mode() & limit)  # mkstemp makes 0600
            else:
                with contextlib.suppress(PermissionError):  # only root may give a file to another owner
                    if (replaced.st_uid, replaced.st_gid) != (os.getuid(), os.getgid()):
                        os.fchown(file.fileno(), replaced.st_uid, replaced.st_gid)
                os.fchmod(file.fileno(), stat.S_IMODE(replaced.st_mode) & 0o1777)  # never set-user or set-group
            os.fsync(file.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary
