"""Files written right (issue 12): a temporary file beside the target, checked, flushed and renamed.

Every file the program writes for a person (exports, a run set aside, a backup) goes through
`atomic_path`: the writer fills a temporary `.part` file in the target's own folder; the file is checked,
flushed to the disk (`fsync`), given the permissions of the file it replaces and renamed over the target,
and the folder is flushed so the rename survives a power cut. A target that is not a regular file (a
folder, a device, a FIFO, a socket) is refused with a sentence; a symbolic link is written through to the
file it points to. `.part` files that earlier runs left behind (a killed process) are removed, and no
error path leaves one.
"""

from __future__ import annotations

import contextlib
import glob
import os
import secrets
import stat
import time
from pathlib import Path
from typing import Callable, Iterator

from pairing.faults import os_reason, path_kind, user_error
from pairing.words import msg

PART_SUFFIX = ".part"
STALE_AFTER_S = 24 * 3600  # a `.part` file this old belongs to no running export, whoever made it


Verify = Callable[[Path], None]


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike, *, verify: Verify | None = None) -> Iterator[Path]:
    """A temporary path beside `target`; on success it replaces `target`, on any error it is removed.

    `verify(temp)` may check the finished file (a PDF's trailer) and raise when the writer did not
    finish it. An OSError of the writer becomes a sentence naming the target and the reason.
    """
    shown = Path(target)
    final = writable_target(shown)
    remove_leftovers(final)
    temp = _new_temp(final, shown)
    try:
        try:
            yield temp
        except OSError as exc:
            raise user_error(msg("files.cannot_write", path=str(shown), reason=os_reason(exc))) from None
        if verify is not None:
            verify(temp)
        commit(temp, final, shown)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def writable_target(shown: Path) -> Path:
    """The file to replace: `shown` itself, or the file its symbolic link points to; refused unless regular."""
    final = Path(os.path.realpath(shown.expanduser()))
    _refuse_non_regular(final, shown)
    if not final.parent.is_dir():
        raise user_error(msg("files.no_folder", path=str(shown), folder=str(final.parent)))
    return final


def _refuse_non_regular(final: Path, shown: Path) -> None:
    try:
        mode = os.stat(final).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise user_error(msg("files.cannot_write", path=str(shown), reason=os_reason(exc))) from None
    kind = path_kind(mode)
    if kind is not None:
        raise user_error(msg("files.not_regular", path=str(shown), kind=kind))


def part_pattern(final: Path) -> str:
    """The glob of the temporary files of exports to `final` (`.NAME.PID-TOKEN.part`)."""
    return f".{glob.escape(final.name)}.*{PART_SUFFIX}"


def _new_temp(final: Path, shown: Path) -> Path:
    name = f".{final.name}.{os.getpid()}-{secrets.token_hex(4)}{PART_SUFFIX}"
    temp = final.with_name(name)
    try:
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as exc:
        raise user_error(msg("files.cannot_write", path=str(shown), reason=os_reason(exc))) from None
    return temp


def remove_leftovers(final: Path) -> list[Path]:
    """Remove the `.part` files that earlier, ended exports to `final` left behind; returns them."""
    removed = []
    for part in final.parent.glob(part_pattern(final)):
        if _abandoned(part, final):
            with contextlib.suppress(OSError):
                part.unlink()
                removed.append(part)
    return removed


def _abandoned(part: Path, final: Path) -> bool:
    """A `.part` file whose process has ended (or that is older than a day) belongs to no running export."""
    try:
        age = time.time() - part.lstat().st_mtime
    except OSError:
        return False
    if age > STALE_AFTER_S:
        return True
    middle = part.name[len(final.name) + 2: -len(PART_SUFFIX)]
    pid_text = middle.split("-", 1)[0]
    if not pid_text.isdigit():
        return True  # the name of an older version's temporary file: it never outlives its export
    return not _process_alive(int(pid_text))


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill(pid, 0) would end the process on Windows: trust the age alone
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def commit(temp: Path, final: Path, shown: Path) -> None:
    """Flush `temp` to the disk, give it the target's permissions, rename it over `final`, flush the folder."""
    try:
        _fsync_file(temp)
        _copy_permissions(temp, final)
        _refuse_non_regular(final, shown)  # checked again: the target may have changed while writing
        os.replace(temp, final)
        _fsync_folder(final.parent)
    except OSError as exc:
        raise user_error(msg("files.cannot_write", path=str(shown), reason=os_reason(exc))) from None


def _fsync_file(path: Path) -> None:
    handle = os.open(path, os.O_RDWR)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _fsync_folder(folder: Path) -> None:
    if not hasattr(os, "O_DIRECTORY"):  # Windows: a rename is durable once MoveFileEx returns
        return
    handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _copy_permissions(temp: Path, final: Path) -> None:
    """An existing file keeps its mode (and, where allowed, owner); a new one gets the usual umask mode."""
    try:
        info = os.stat(final)
    except FileNotFoundError:
        os.chmod(temp, 0o666 & ~_UMASK)
        return
    os.chmod(temp, stat.S_IMODE(info.st_mode))
    if hasattr(os, "chown") and (info.st_uid, info.st_gid) != _owner(temp):
        with contextlib.suppress(PermissionError):
            os.chown(temp, info.st_uid, info.st_gid)


def _owner(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_uid, info.st_gid


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# The temporary file is created readable by the owner only; an export should get the usual permissions.
# Read once at import: changing the umask later, from a worker thread, would race other threads.
_UMASK = _read_umask()
