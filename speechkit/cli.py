"""The ``speechkit`` command line. Click code only: each command calls one library
function and turns :class:`~speechkit.errors.SpeechkitError` into ``Error: ...``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import click

from speechkit import __version__
from speechkit.errors import SpeechkitError

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Turn library errors into one-line ``Error:`` messages with a non-zero exit."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except SpeechkitError as exc:
            raise click.ClickException(str(exc)) from exc
        except LookupError as exc:  # missing bundled data
            raise click.ClickException(str(exc).strip("'\"")) from exc

    return wrapper  # type: ignore[return-value]


def corpus_options(func: F) -> F:
    """``PATH...``, ``--db`` and ``--text-field``: the corpus a command reads."""
    func = click.option(
        "--text-field",
        default="text",
        show_default=True,
        help="Field holding the text in .jsonl/.csv records.",
    )(func)
    func = click.option(
        "--db",
        type=click.Path(dir_okay=False),
        help="SQLite store to read from and ingest PATHs into.",
    )(func)
    func = click.argument("paths", nargs=-1, type=click.Path())(func)
    return func


def format_option(*choices: str) -> Callable[[F], F]:
    """``--format`` with the given choices, the first being the default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="speechkit")
def cli() -> None:
    """speechkit: clean, deduplicate, analyse and draft Chinese official speeches (讲话稿).

    Without PATH arguments, commands use the bundled corpus of 创建文明城市 speeches.
    """


# --- ingest / search / structure (speechkit.ingest, speechkit.store, speechkit.structure) ---


# --- dedup (speechkit.dedup) ---


# --- phrases (speechkit.phrases) ---


# --- draft / init-profile (speechkit.draft, speechkit.render) ---
