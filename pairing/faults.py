"""Faults of the file system as messages: one place turns an OSError or a path's kind into words (issue 12)."""

from __future__ import annotations

import errno
import re
import stat

from pairing.errors import UserError
from pairing.words import Message, msg

_REASONS = {
    errno.ENOSPC: "files.reason_disk_full",
    errno.EACCES: "files.reason_permission",
    errno.EPERM: "files.reason_permission",
    errno.EROFS: "files.reason_read_only",
    errno.EDQUOT: "files.reason_quota",
    errno.ENAMETOOLONG: "files.reason_name_too_long",
    errno.EIO: "files.reason_io",
    errno.ENOENT: "files.reason_missing",
    errno.ENOTDIR: "files.reason_not_a_folder",
    errno.EISDIR: "files.reason_is_a_folder",
}


def user_error(message: Message) -> UserError:
    """A UserError carrying the message (its text is the English sentence)."""
    return UserError(message)


def os_reason(exc: OSError) -> Message:
    """Why an operating-system call failed, in words (`the disk is full`, `permission denied`)."""
    code = _REASONS.get(exc.errno or 0)
    if code is not None:
        return msg(code)
    return msg("files.reason_system", text=(exc.strerror or type(exc).__name__).rstrip(".").lower())


def path_kind(mode: int) -> Message | None:
    """What a path that is not a regular file is (a folder, a device, a FIFO …); None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return msg("files.kind_folder")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return msg("files.kind_device")
    if stat.S_ISFIFO(mode):
        return msg("files.kind_fifo")
    if stat.S_ISSOCK(mode):
        return msg("files.kind_socket")
    return msg("files.kind_other")


_PASSWORD_IN_URL = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*:)(?P<secret>[^@\s]*)(?=@)")
_PASSWORD_PARAM = re.compile(r"(?i)(?P<head>\bpassword=)(?P<secret>[^&\s]*)")


def mask_secrets(text: str) -> str:
    """`postgresql://app:S3cret@host/db` → `postgresql://app:***@host/db` (also `password=` parameters)."""
    text = _PASSWORD_IN_URL.sub(lambda m: m["head"] + "***", text)
    return _PASSWORD_PARAM.sub(lambda m: m["head"] + "***", text)


def without_secrets(location: str) -> str:
    """A program's location fit to remember on disk: `postgresql://app:S3cret@host/db` →
    `postgresql://app@host/db` and no `password=` parameter; the password then comes from the server's
    usual places (PGPASSWORD, ~/.pgpass) when the program is opened again. A file path is kept as is."""
    if "://" not in location:
        return location
    location = _PASSWORD_IN_URL.sub(lambda m: m["head"][:-1], location)
    base, _, query = location.partition("?")
    kept = [part for part in query.split("&") if part and not part.lower().startswith("password=")]
    return base + ("?" + "&".join(kept) if kept else "")
