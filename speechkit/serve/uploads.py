"""Uploaded files: names checked against traversal, size limited, written atomically.

A name from a request is a relative POSIX path (a folder upload keeps its sub-folders); it
may not be absolute, carry a drive letter, backslashes, ``..``, ``.``, empty parts or control
characters, and the resolved target must stay inside the batch folder. Nothing else from a
request reaches the file system.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from speechkit.atomic import atomic_path
from speechkit.errors import SpeechkitError

__all__ = ["MAX_UPLOAD_BYTES", "UploadError", "check_batch", "upload_target", "write_upload"]

#: Largest single uploaded file (50 MB: a folder of 范文 is many small files).
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
_BATCH = re.compile(r"[0-9a-f]{8,32}")
_BAD_PART = re.compile(r"[\x00-\x1f\\:*?\"<>|]")


class UploadError(SpeechkitError):
    """An uploaded file has an unsafe name or is too large."""

    def __init__(self, message: str, *, status: int = 400):
        self.status = status
        super().__init__(message)


def check_batch(batch: object) -> str:
    """An upload batch id: 8–32 lowercase hex digits (the page makes one per upload).

    Examples:
        >>> check_batch("0a1b2c3d")
        '0a1b2c3d'
    """
    if not isinstance(batch, str) or not _BATCH.fullmatch(batch):
        raise UploadError(f"upload batch {batch!r}: expected 8–32 hex digits such as 0a1b2c3d")
    return batch


def upload_target(root: Path, batch: object, name: object) -> Path:
    """Where the upload ``name`` of ``batch`` is written, inside ``root/batch``.

    Raises:
        UploadError: The name is absolute, climbs out (``..``) or has unsafe characters.

    Examples:
        >>> upload_target(Path("/srv/up"), "0a1b2c3d", "范文/一.txt").as_posix()
        '/srv/up/0a1b2c3d/范文/一.txt'
        >>> upload_target(Path("/srv/up"), "0a1b2c3d", "../../etc/passwd")
        Traceback (most recent call last):
        ...
        speechkit.serve.uploads.UploadError: '../../etc/passwd': unsafe file name; \
give a relative name without '..'
    """
    folder = root / check_batch(batch)
    hint = "give a relative name without '..'"
    if not isinstance(name, str) or not name or len(name) > 400:
        raise UploadError(f"{name!r}: missing or too long file name; {hint}")
    parts = name.split("/")
    if (
        name.startswith("/")
        or re.match(r"[A-Za-z]:", name)
        or len(parts) > 10
        or any(p in ("", ".", "..") or _BAD_PART.search(p) for p in parts)
    ):
        raise UploadError(f"{name!r}: unsafe file name; {hint}")
    target = folder.joinpath(*parts)
    resolved_root = folder.resolve()
    if not target.resolve().is_relative_to(resolved_root):  # a symlink inside the folder
        raise UploadError(f"{name!r}: unsafe file name; {hint}")
    return target


def write_upload(target: Path, chunks: Iterable[bytes], *, limit: int, name: str) -> int:
    """Write ``chunks`` to ``target`` atomically; nothing is left if it exceeds ``limit`` bytes.

    Returns:
        The number of bytes written.

    Raises:
        UploadError: The upload is larger than ``limit`` (413).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    size = 0
    with atomic_path(target) as tmp, open(tmp, "wb") as fh:
        for chunk in chunks:
            size += len(chunk)
            if size > limit:
                raise UploadError(
                    f"{name}: larger than the upload limit of {limit // (1024 * 1024)} MB; "
                    "add big folders by their local path instead",
                    status=413,
                )
            fh.write(chunk)
    return size
