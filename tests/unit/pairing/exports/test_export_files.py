"""Exports onto awkward targets (issue 12): FIFOs, sockets, folders, symbolic links, a full disk, old `.part` files."""

from __future__ import annotations

import errno
import os
import socket
import stat

import pytest

import fault_helpers

from pairing.errors import UserError
from pairing.exports import FORMATS, write_export
from pairing import files as atomic
from pairing.faults import path_kind
from pairing.words import render

YESTERDAY = b"the good export of yesterday"


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _export(data, fmt, target, renderer):
    return write_export(data, fmt, target, pdf_renderer=renderer if fmt == "pdf" else None)


def test_a_fifo_is_refused_and_stays_a_fifo(data, out):
    fifo = out / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(UserError, match=r"named pipe \(FIFO\), not a regular file") as caught:
        write_export(data, "csv", fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert "命名管道" in render(caught.value.message, "zh")
    assert sorted(p.name for p in out.iterdir()) == ["pipe.csv"]


def test_a_socket_is_refused(data, out):
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(out / "s.ics"))
        with pytest.raises(UserError, match="it is a socket"):
            write_export(data, "ics", out / "s.ics")
        assert stat.S_ISSOCK(os.lstat(out / "s.ics").st_mode)
    finally:
        server.close()


def test_a_folder_is_refused(data, out):
    (out / "teams.xlsx").mkdir()
    with pytest.raises(UserError, match="it is a folder"):
        write_export(data, "xlsx", out / "teams.xlsx")
    assert (out / "teams.xlsx").is_dir() and list(out.iterdir()) == [out / "teams.xlsx"]


def test_devices_are_named_as_devices():
    # Never a real device in a test (issue 12): the kind of a path is decided from its mode alone.
    assert render(path_kind(stat.S_IFCHR | 0o666)) == "a device"
    assert render(path_kind(stat.S_IFBLK | 0o660)) == "a device"
    assert path_kind(stat.S_IFREG | 0o644) is None


def test_a_symlink_is_written_through_to_its_file(data, out, tmp_path):
    real = tmp_path / "real.csv"
    real.write_bytes(YESTERDAY)
    link = out / "teams.csv"
    link.symlink_to(real)
    write_export(data, "csv", link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() != YESTERDAY and real.read_bytes().startswith(b"\xef\xbb\xbf")
    assert not list(tmp_path.glob(".real.csv.*.part")) and sorted(p.name for p in out.iterdir()) == ["teams.csv"]


def test_a_dangling_symlink_creates_its_file(data, out, tmp_path):
    link = out / "teams.ics"
    link.symlink_to(tmp_path / "calendar.ics")
    write_export(data, "ics", link)
    assert link.is_symlink() and (tmp_path / "calendar.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_an_existing_file_keeps_its_permissions(data, out):
    target = out / "teams.csv"
    target.write_bytes(YESTERDAY)
    target.chmod(0o640)
    write_export(data, "csv", target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_bytes() != YESTERDAY


def test_leftover_part_files_of_ended_runs_are_removed(data, out):
    target = out / "teams.csv"
    dead = out / ".teams.csv.4194305-0badf00d.part"  # above any pid_max: that process has ended
    older_version = out / ".teams.csv.k3j2h1x9.part"
    running = out / f".teams.csv.{os.getppid()}-1234abcd.part"  # our parent is alive: keep its file
    other_target = out / ".other.csv.4194305-0badf00d.part"
    for part in (dead, older_version, running, other_target):
        part.write_bytes(b"half")
    write_export(data, "csv", target)
    assert sorted(p.name for p in out.iterdir()) == sorted([target.name, running.name, other_target.name])


def test_a_stale_part_of_a_live_process_is_removed_after_a_day(out):
    target = out / "teams.csv"
    stale = out / f".teams.csv.{os.getppid()}-1234abcd.part"
    stale.write_bytes(b"half")
    old = os.stat(stale).st_mtime - atomic.STALE_AFTER_S - 60
    os.utime(stale, (old, old))
    assert atomic.remove_leftovers(target) == [stale]


# -- a full disk ------------------------------------------------------------------------------

@pytest.fixture
def full_folder(tmp_path, monkeypatch):
    """A folder on a disk with no room left: a 1 MiB tmpfs filled up (as root), else a disk whose fsync fails.

    The good file of yesterday is already there.
    """
    folder = tmp_path / "disk"
    folder.mkdir()
    if fault_helpers.can_mount():
        with fault_helpers.tmpfs(folder):
            (folder / "teams.out").write_bytes(YESTERDAY)
            fault_helpers.fill(folder / "filler")
            yield folder
        return
    (folder / "teams.out").write_bytes(YESTERDAY)

    def full_fsync(handle):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full_fsync)
    yield folder


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_disk_is_a_sentence_and_keeps_the_old_file(data, full_folder, fmt, renderer):
    target = full_folder / "teams.out"
    with pytest.raises(UserError) as caught:
        _export(data, fmt, target, renderer)
    sentence = str(caught.value)
    assert sentence.startswith(f"Cannot write {target}:")
    assert "disk is full" in sentence or "could not finish the file" in sentence
    assert "previous file, if any, is unchanged" in sentence
    assert target.read_bytes() == YESTERDAY
    assert not list(full_folder.glob("*.part")) and not list(full_folder.glob(".*.part"))
