"""Reading the line-based data files users can extend (boilerplate patterns, dictionaries)."""

from __future__ import annotations

from pathlib import Path

from speechkit.errors import InputError
from speechkit.types import PathLike

__all__ = ["read_data_lines"]


def read_data_lines(path: PathLike, *, what: str) -> list[tuple[int, str]]:
    """The non-blank lines of a UTF-8 data file that are not ``#`` comments, stripped.

    Args:
        path: The file.
        what: What the file is, for error messages (``"user dictionary"``).

    Returns:
        ``(line_number, text)`` pairs, 1-based, in file order.

    Raises:
        InputError: If the file is missing or cannot be read as UTF-8 (names the file).

    Examples:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "d.txt"
        >>> _ = p.write_text("# words\\n\\n背街小巷\\n  长效机制 \\n", encoding="utf-8")
        >>> read_data_lines(p, what="word list")
        [(3, '背街小巷'), (4, '长效机制')]
    """
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{what} not found; check the path", path=file) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {what} ({exc}); save it as UTF-8 text", path=file) from None
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line and not line.startswith("#"):
            lines.append((number, line))
    return lines
