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


class DataError(SpeechkitError, LookupError):
    """A bundled data file or folder is missing from the installation (reinstall to fix).

    Also a :class:`LookupError`, the standard library's error for a missing resource, so
    callers that fall back when optional data is absent keep working.
    """


class ProfileProblems(ProfileError):
    """A profile given as data (not YAML) is invalid; ``problems`` lists ``(key, message)``."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        super().__init__("\n".join(f"{key}: {message}" for key, message in problems))


class DraftDataError(SpeechkitError):
    """A draft given as JSON (an edited draft to export) has the wrong shape; ``key`` says where."""

    def __init__(self, key: str, message: str):
        self.key = key
        super().__init__(f"draft JSON: {key}: {message}")


class DependencyError(SpeechkitError):
    """An optional dependency (an extra such as ``speechkit[serve]``) is not installed."""


class EngineError(SpeechkitError):
    """An execution engine (local processes, a Dask cluster) cannot be started or reached."""
