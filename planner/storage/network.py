"""Telling whether a path lies on a network share, where SQLite's file locking cannot be trusted."""

from __future__ import annotations

import os
from pathlib import Path

from planner.i18n import _

NETWORK_FILESYSTEMS = frozenset(
    {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "afs", "ceph",
     "glusterfs", "fuse.glusterfs", "davfs", "fuse.davfs2", "fuse.rclone", "lustre", "gpfs"}
)


def _linux_filesystem(path: Path, mounts_text: str) -> str | None:
    best, best_type = "", None
    target = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        if (target == mount_point or target.startswith(mount_point.rstrip("/") + "/")) and len(mount_point) >= len(best):
            best, best_type = mount_point, parts[2]
    return best_type


def network_share_warning(path: Path | str, mounts_text: str | None = None) -> str | None:
    """A warning naming the reason when `path` is on a network share, else None."""
    raw = str(path)
    if raw.startswith(("\\\\", "//")):
        return _("The plan is on a network share ({path}). File locking there is unreliable, so two people "
                 "editing it can overwrite each other's work; copy it to this computer, or use a team plan.").format(path=raw)
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(raw))[0] + "\\"
        if ctypes.windll.kernel32.GetDriveTypeW(drive) == 4:  # DRIVE_REMOTE
            return _("The plan is on a network drive ({path}). File locking there is unreliable, so two people "
                     "editing it can overwrite each other's work; copy it to this computer, or use a team plan.").format(path=raw)
        return None
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    filesystem = _linux_filesystem(Path(os.path.realpath(raw)), mounts_text)  # a symlink may lead onto a share
    if filesystem in NETWORK_FILESYSTEMS:
        return _("The plan is on a network share ({path}, {filesystem}). File locking there is unreliable, so two "
                 "people editing it can overwrite each other's work; copy it to this computer, or use a team plan."
                 ).format(path=raw, filesystem=filesystem)
    return None
