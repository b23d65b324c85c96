"""Files the app writes get the permissions the user's other files get.

Writing atomically goes through ``tempfile.mkstemp``, which creates the file readable by its
owner only (0600); renamed into place, a report or questionnaire would then be unreadable to the
colleagues the user shares a folder with. :func:`apply_umask` gives it the mode a plain
``open(path, "w")`` would have (0666 minus the umask). Standard library only.
"""

from __future__ import annotations

import os
from pathlib import Path


def current_umask() -> int:
    """The process umask, read without changing it where the platform allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    # Elsewhere the only way is to set and restore it (briefly process-wide).
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def apply_umask(path: Path | str) -> None:
    """Give ``path`` the mode of a newly created file (0666 & ~umask); no-op on Windows."""
    if os.name != "posix":
        return
    os.chmod(path, 0o666 & ~current_umask())
