"""Exceptions raised by speechkit.

Every error a user can cause derives from :class:`SpeechkitError`; the CLI turns
them into one-line ``Error: ...`` messages. Messages say what is wrong, where
(file and line when known) and how to fix it.
"""

from __future__ import annotations

from pathlib import Path


class SpeechkitError(Exception):
    """Base class of every speechkit error."""


class InputError(SpeechkitError):
    """An input path or file cannot be read or used."""

    def __init__(self, message: str, *, path: str | Path | None = None, line: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        where = ""
        if self.path is not None:
            where = f"{self.path}:{line}: " if line is not None else f"{self.path}: "
        super().__init__(f"{where}{message}")


class StoreError(SpeechkitError):
    """The SQLite store cannot be opened, read or written."""


class ParameterError(SpeechkitError, ValueError):
    """A parameter value is outside its valid set or range."""

    def __init__(self, name: str, value: object, valid: str):
        self.name = name
        self.value = value
        super().__init__(f"invalid {name} {value!r}: expected {valid}")


class ProfileError(SpeechkitError):
    """A YAML city profile is missing, malformed or invalid."""


class TemplateError(SpeechkitError):
    """A Jinja template is missing or fails to render."""


class OutputError(SpeechkitError):
    """An output file or folder cannot be written."""


class EngineError(SpeechkitError):
    """An execution engine (local processes, a Dask cluster) cannot be started or reached."""
