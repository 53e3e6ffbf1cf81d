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
        # Nothing broader is caught: a KeyError or IndexError is a bug and must show as one.

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


def seed_option(default: int | None, help: str) -> Callable[[F], F]:
    """``--seed N``: a whole number from 0 to 2**32 - 1 (what numpy and scikit-learn take)."""
    from speechkit.seeds import MAX_SEED

    return click.option(
        "--seed",
        type=click.IntRange(0, MAX_SEED),
        default=default,
        show_default=default is not None,
        help=help,
    )


def date_field_option(func: F) -> F:
    """``--date-field``: the field holding each .jsonl/.csv record's date."""
    return click.option(
        "--date-field",
        metavar="FIELD",
        help="Field holding the date of .jsonl/.csv records (2023-05-06, 2023-05, 2023, "
        "2023年5月6日). Other documents are dated by their dateline, title or file name.",
    )(func)


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


def engine_options(engine_help: str, workers_help: str) -> Callable[[F], F]:
    """``--engine``, ``--workers`` and ``--scheduler``: where a stage's map/reduce runs."""

    def decorate(f: F) -> F:
        f = click.option(
            "--scheduler",
            metavar="ADDRESS",
            help="A running Dask scheduler, e.g. tcp://10.0.0.5:8786 (with --engine dask; "
            "without it a LocalCluster of --workers processes is started).",
        )(f)
        f = click.option("--workers", type=click.IntRange(min=1), help=workers_help)(f)
        return click.option(
            "--engine",
            type=click.Choice(["local", "dask"]),
            default="local",
            show_default=True,
            help=engine_help,
        )(f)

    return decorate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="speechkit")
def cli() -> None:
    """speechkit: clean, deduplicate, analyse and draft Chinese official speeches (讲话稿).

    Without PATH arguments, commands use the bundled corpus of 创建文明城市 speeches.
    """


# --- ingest / search / structure (speechkit.ingest, speechkit.store, speechkit.structure) ---


def _warn(message: str) -> None:
    click.echo(f"Warning: {message}", err=True)


def _stderr_is_terminal() -> bool:
    import sys

    return sys.stderr.isatty()


@cli.command()
@corpus_options
@date_field_option
@handle_errors
def ingest(paths: tuple[str, ...], db: str | None, text_field: str, date_field: str | None) -> None:
    """Read, clean and segment PATHs (files or folders) into an SQLite database.

    Reads .txt/.md (UTF-8, GB18030/GBK, UTF-16: detected from the bytes), .docx,
    .html, .jsonl and .csv (one document per record, text in --text-field).
    Unchanged files are skipped on re-runs; changed files replace their old rows;
    files no longer in a re-ingested folder have their rows removed. A file is the
    same file whether given by a relative or an absolute path.
    Without --db the database is speechkit.db in the current folder.

    \b
    Example:
      speechkit ingest 范文/ --db speeches.db
    """
    from speechkit.corpus import ingest_paths

    if not paths:
        raise click.UsageError("give at least one PATH (a file or folder) to ingest")
    report = ingest_paths(
        paths, db or "speechkit.db", text_field=text_field,
        progress=_stderr_is_terminal(), warn=_warn, date_field=date_field,
    )  # fmt: skip
    click.echo(report.summary())


@cli.command()
@click.argument("query")
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    help="Database to search (default: the bundled corpus).",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=50, show_default=True, help="Most lines shown."
)
@click.option(
    "--width",
    type=click.IntRange(min=1),
    default=30,
    show_default=True,
    help="Context characters on each side.",
)
@handle_errors
def search(query: str, db: str | None, limit: int, width: int) -> None:
    """Show keyword-in-context lines for QUERY, each with source:line.

    Several space-separated terms must all occur in the paragraph.

    \b
    Example:
      speechkit search 文明城市
      speechkit search "创建 测评" --db speeches.db
    """
    from speechkit.corpus import open_corpus

    with open_corpus(db=db, warn=_warn) as corpus:
        assert corpus.store is not None
        if not corpus.store.fts:
            _warn("this SQLite has no FTS5 trigram index; searching by scanning (slower)")
        hits = corpus.store.search(query, limit=limit, width=width)
    if not hits:
        click.echo(f"No match for {query!r}.", err=True)
        return
    from speechkit.display import format_kwic_rows

    rows = [(hit.location, hit.left, hit.keyword, hit.right) for hit in hits]
    click.echo("\n".join(format_kwic_rows(rows)))


@cli.command()
@corpus_options
@date_field_option
@format_option("table", "json")
@seed_option(0, "Seed of the role clustering.")
@click.option(
    "--role-cues",
    "role_cues",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="YAML file of extra role cue words (shape of speechkit/data/role_cues.yaml); repeatable.",
)
@click.option(
    "--plot",
    "plot_path",
    type=click.Path(dir_okay=False),
    help="Also draw the role map: one row per speech (.png, .svg or .pdf).",
)
@handle_errors
def structure(
    paths: tuple[str, ...],
    db: str | None,
    text_field: str,
    date_field: str | None,
    fmt: str,
    seed: int,
    role_cues: tuple[str, ...],
    plot_path: str | None,
) -> None:
    """Show the speeches found in PATHs with their paragraphs (default: the bundled corpus).

    Every paragraph gets its role (opening, significance, situation, tasks,
    safeguards, closing); each speech an on-topic score; the corpus an outline.
    The table has one line per speech (id, title, source:lines, paragraphs), then
    each speech as an outline of roles and the corpus pattern; the JSON form lists
    every paragraph with its line, heading and role, and each speech's date and
    speaker (from its dateline and byline). With a store, the roles and topic
    flags are saved in it.

    \b
    Example:
      speechkit structure corpus/ --format json
      speechkit structure --plot roles.png
    """
    import json

    from speechkit.corpus import open_corpus
    from speechkit.structure.lexicon import load_lexicon
    from speechkit.structure.output import format_table
    from speechkit.structure.run import structure_report

    if plot_path:
        from speechkit.render.role_map import check_plot_path

        check_plot_path(plot_path)  # fail before the analysis, not after
    load_lexicon(role_cues)  # a bad cue file fails before reading the corpus
    with open_corpus(
        paths, db=db, text_field=text_field, progress=_stderr_is_terminal(), warn=_warn,
        date_field=date_field,
    ) as corpus:  # fmt: skip
        report = structure_report(corpus, roles=True, seed=seed, role_cues=role_cues)
    if plot_path:
        from speechkit.render.role_map import plot_roles

        plot_roles(report, plot_path)
        click.echo(f"Role map written to {plot_path}", err=True)
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(report))


# --- dedup (speechkit.dedup) ---


@cli.command()
@corpus_options
@click.option(
    "--level",
    type=click.Choice(["document", "speech", "paragraph"]),
    default="speech",
    show_default=True,
    help="Unit compared: a file or .jsonl/.csv record, a speech, or a paragraph.",
)
@click.option(
    "--threshold",
    type=float,
    default=0.8,
    show_default=True,
    help="Minimum exact Jaccard similarity of character 3-shingles, in (0, 1].",
)
@click.option(
    "--min-chars",
    type=int,
    default=20,
    show_default=True,
    help="Units whose normalized text (punctuation and spaces removed) is shorter than this "
    "are not compared: salutations such as 同志们：, short headings. Same default at every "
    "level; documents and speeches are in practice always longer. 0 compares every unit "
    "with text.",
)
@format_option("table", "json", "csv")
@click.option(
    "--write",
    "write_dir",
    type=click.Path(file_okay=False),
    help="Write the deduplicated corpus (one kept member per group) to this new folder.",
)
@click.option(
    "--keep",
    type=click.Choice(["longest", "first"]),
    default="longest",
    show_default=True,
    help="Member kept from each group.",
)
@click.option("--force", is_flag=True, help="Replace a non-empty --write folder.")
@seed_option(1, "Seed of the MinHash permutations.")
@engine_options(
    "Run the stages on local processes or as Dask tasks (needs speechkit[dask]).",
    "Worker processes (local pool or Dask LocalCluster). Default: all cores.",
)
@click.option(
    "--tmp",
    "tmp_dir",
    type=click.Path(file_okay=False, exists=True),
    help="Folder for the temporary band-key files of a streamed run (default: the system's).",
)
@handle_errors
def dedup(
    paths: tuple[str, ...],
    db: str | None,
    text_field: str,
    level: str,
    threshold: float,
    min_chars: int,
    fmt: str,
    write_dir: str | None,
    keep: str,
    force: bool,
    seed: int,
    engine: str,
    workers: int | None,
    scheduler: str | None,
    tmp_dir: str | None,
) -> None:
    """Find near-duplicate documents, speeches or paragraphs (and write a deduplicated corpus).

    Texts are compared by exact Jaccard similarity of their character 3-shingles after
    normalization (punctuation, spaces, placeholders such as xx/XX/** and numbers ignored);
    MinHash LSH proposes candidates, every pair is verified exactly. Groups are the connected
    components of verified pairs; the kept member comes first. Units shorter than --min-chars
    normalized characters (default 20: salutations, short headings) are not compared; they are
    still written by --write. In a store (--db, or the bundled corpus) duplicates are marked,
    never deleted; sources are never modified. Files without --db or --write are streamed:
    nothing is stored; gzip-compressed .jsonl.gz records are read too. --format csv maps
    every removed member to its kept one.

    \b
    Examples:
      speechkit dedup --level speech
      speechkit dedup 范文/ --level paragraph --format json
      speechkit dedup 范文/ --level paragraph --min-chars 50
      speechkit dedup 范文/ --write 范文-去重/ --keep longest
      speechkit dedup records/ --level document --format csv > removed.csv
      speechkit dedup shards/part-*.jsonl.gz --level paragraph --format csv > removed.csv
      speechkit dedup records/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    import json

    from speechkit.dedup import dedup_corpus, format_csv, format_table, to_json

    report = dedup_corpus(
        paths, db=db, level=level, threshold=threshold, min_chars=min_chars, keep=keep,
        seed=seed, write=write_dir, force=force, text_field=text_field, warn=_warn,
        engine=engine, workers=workers, scheduler=scheduler, tmp=tmp_dir,
    )  # fmt: skip
    if fmt == "json":
        click.echo(json.dumps(to_json(report), ensure_ascii=False, indent=2))
    elif fmt == "csv":
        click.echo(format_csv(report), nl=False)
    else:
        click.echo(format_table(report))


# --- phrases (speechkit.phrases) ---


@cli.command()
@corpus_options
@date_field_option
@click.option(
    "--top",
    "top_n",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    help="Number of phrases shown.",
)
@click.option(
    "--min-docs",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="Least number of distinct speeches a phrase must occur in.",
)
@format_option("table", "json", "csv")
@click.option(
    "--kwic",
    "kwic_phrase",
    metavar="PHRASE",
    help="Instead of the ranking, show every occurrence of PHRASE with source:line.",
)
@click.option(
    "--by",
    "by",
    metavar="PERIOD",
    help="Give each phrase a series per period: year, month or Nyears (e.g. 5years); also "
    "lists emerging and fading phrases.",
)
@click.option(
    "--trend",
    "trend_phrase",
    metavar="PHRASE",
    help="Instead of the ranking, show PHRASE's series per period (--by, default year).",
)
@click.option(
    "--plot",
    "plot_path",
    type=click.Path(dir_okay=False),
    help="Also draw the top phrases as a bar chart (.png/.svg/.pdf); with --by or --trend, "
    "as lines over the periods.",
)
@click.option(
    "--tokenizer",
    type=click.Choice(["auto", "jieba", "rjieba"]),
    default="auto",
    show_default=True,
    help="Word segmenter (auto: rjieba when installed).",
)
@click.option(
    "--genre",
    metavar="NAME",
    help="Rank the speeches of genre NAME only, promoting what sets them apart from the other "
    "genres of PATHs. A speech's genre is the name of its folder, or given by --genre-rules or "
    "--genre-field.",
)
@click.option(
    "--genre-rules",
    type=click.Path(exists=True, dir_okay=False),
    help="File of 'genre<TAB>title keyword' lines: a speech whose title has the keyword is of "
    "that genre (first rule wins; other speeches: their folder's name).",
)
@click.option(
    "--genre-field",
    metavar="FIELD",
    help="Field of .jsonl/.csv records holding their genre, for --genre; records without it "
    "(and other files) get theirs from --genre-rules or their folder.",
)
@engine_options(
    "Count on local processes or as Dask tasks (needs speechkit[dask]); same result.",
    "Worker processes (local pool or Dask LocalCluster). Default: all cores; a corpus "
    "under 2 million characters is counted in this process on the local engine.",
)
@handle_errors
def phrases(
    paths: tuple[str, ...],
    db: str | None,
    text_field: str,
    date_field: str | None,
    top_n: int,
    min_docs: int,
    fmt: str,
    kwic_phrase: str | None,
    by: str | None,
    trend_phrase: str | None,
    plot_path: str | None,
    tokenizer: str,
    genre: str | None,
    genre_rules: str | None,
    genre_field: str | None,
    engine: str,
    workers: int | None,
    scheduler: str | None,
) -> None:
    """Rank the recurring phrases (提法) of PATHs (default: the bundled corpus).

    Candidates are word n-grams, quoted slogans and parallel four-character
    phrases; a repeated speech counts once. Scores combine specificity against
    general Chinese, spread over speeches, frequency, boundary freedom and cohesion.

    With --by, each phrase gets its count and rate per million characters per
    period (speeches dated by --date-field, their dateline, the year in their title
    or file name), its first, peak and last period, and the emerging and fading
    phrases are listed. With --genre, one genre is ranked against the others.

    \b
    Example:
      speechkit phrases 范文/ --top 30
      speechkit phrases 范文/ --genre 安全生产
      speechkit phrases 讲话.jsonl --genre-field 类别 --genre 安全生产
      speechkit phrases --format json --plot phrases.png
      speechkit phrases --kwic 长效机制
      speechkit phrases 讲话.jsonl --date-field date --by year --plot trends.png
      speechkit phrases 讲话.jsonl --date-field date --trend 新质生产力
      speechkit phrases 语料/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    from speechkit.phrases import PhraseConfig, render_run, run_phrases

    if kwic_phrase is not None and (trend_phrase is not None or by is not None):
        raise click.UsageError("--kwic shows occurrences; give it without --trend and --by")
    if genre is not None and (kwic_phrase or trend_phrase or by):
        raise click.UsageError("--genre ranks one genre; give it without --kwic, --trend and --by")
    if genre_rules is not None and genre is None:
        raise click.UsageError("--genre-rules defines genres for --genre; add --genre NAME")
    if genre_field is not None and genre is None:
        raise click.UsageError("--genre-field gives genres for --genre; add --genre NAME")
    config = PhraseConfig(
        top_n=top_n, min_docs=min_docs, tokenizer=tokenizer, genre=genre,
        workers=workers or 0, engine=engine, scheduler=scheduler,
    )  # fmt: skip
    run = run_phrases(
        paths, db=db, text_field=text_field, date_field=date_field, config=config,
        kwic=kwic_phrase, by=by, trend=trend_phrase, plot=plot_path, genre_rules=genre_rules,
        genre_field=genre_field, progress=_stderr_is_terminal(), warn=_warn,
    )  # fmt: skip
    for line in run.preface:
        click.echo(line, err=True)
    click.echo(render_run(run, fmt), nl=False)
    for note in run.notes:
        click.echo(note, err=True)


# --- draft / init-profile (speechkit.draft, speechkit.render) ---


@cli.command()
@click.argument("profile", type=click.Path(dir_okay=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write to .docx (GB/T 9704), .pdf (needs LibreOffice), .md, .txt or .json.",
)
@click.option(
    "--corpus",
    "corpus_paths",
    multiple=True,
    type=click.Path(),
    help="Corpus files or folders to draft from (default: the bundled corpus); not with --db.",
)
@click.option(
    "--db", type=click.Path(dir_okay=False), help="SQLite store to draft from; not with --corpus."
)
@seed_option(None, "Random seed (overrides the profile's seed).")
@format_option("text", "json")
@click.option(
    "--templates",
    "templates_dir",
    type=click.Path(),
    help="Folder with your own templates (mobilization.j2, progress.j2, …).",
)
@handle_errors
def draft(
    profile: str,
    output: str | None,
    corpus_paths: tuple[str, ...],
    db: str | None,
    seed: int | None,
    fmt: str,
    templates_dir: str | None,
) -> None:
    """Draft a speech from a YAML city PROFILE (see `speechkit init-profile`).

    Without -o the draft is printed; with -o it is written by extension
    (.pdf: the .docx converted by LibreOffice, official fonts shown in the closest
    installed faces). The corpus is the bundled one, --corpus files, or a --db
    store (one of the two). The same profile and seed always give the same draft.

    \b
    Example:
      speechkit draft examples/qinglan_city.yaml -o 讲话稿.docx
      speechkit draft examples/yunxi_district.yaml --seed 3 --format json
    """
    import json

    from speechkit.draft.output import check_output_path, draft_to_json, write_draft
    from speechkit.draft.run import draft_from_file

    if output is not None:
        check_output_path(output)
    result = draft_from_file(profile, corpus=corpus_paths, db=db, seed=seed,
                             templates_dir=templates_dir, warn=_warn)  # fmt: skip
    stats = result.stats
    if output is not None:
        written = write_draft(result, output)
        click.echo(
            f"Wrote {written}: {stats['chars']} characters, largest share from one corpus speech "
            f"{stats['max_share_one_source']:.0%}.",
            err=True,
        )
    elif fmt == "json":
        click.echo(json.dumps(draft_to_json(result), ensure_ascii=False, indent=2))
    else:
        from speechkit.render.text import to_text

        click.echo(to_text(result), nl=False)


@cli.command("init-profile")
@click.argument("file", type=click.Path(), default="profile.yaml", required=False)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@handle_errors
def init_profile(file: str, force: bool) -> None:
    """Write an annotated example city profile to FILE (default: profile.yaml).

    \b
    Example:
      speechkit init-profile 青岚市.yaml
      speechkit draft 青岚市.yaml -o 讲话稿.docx
    """
    from speechkit.draft.example import write_example_profile

    path = write_example_profile(file, force=force)
    click.echo(f"Wrote {path}; edit it, then run: speechkit draft {path}", err=True)


# --- check (speechkit.check) ---


class _CheckError(click.ClickException):
    """A check that could not run: exit status 2, as linters do (1 means problems found)."""

    exit_code = 2


@cli.command()
@click.argument("drafts", nargs=-1, required=True, type=click.Path())
@click.option("--profile", type=click.Path(), help="The YAML profile the draft was written for.")
@click.option(
    "--corpus",
    "corpus_paths",
    multiple=True,
    type=click.Path(),
    help="Corpus files or folders the draft may copy from (default: the bundled corpus).",
)
@click.option("--db", type=click.Path(dir_okay=False), help="SQLite store to read the corpus from.")
@format_option("table", "json")
def check(
    drafts: tuple[str, ...],
    profile: str | None,
    corpus_paths: tuple[str, ...],
    db: str | None,
    fmt: str,
) -> None:
    """Review DRAFT files (.docx, .txt, .md) as an editor would (审稿).

    Lists, by paragraph and sentence, claims the profile does not support, names of other
    places or people, placeholders, out-of-date 提法, dangling references, wrong campaign or
    level, repeats, and the share copied from any one corpus speech. Exit status: 0 clean,
    1 problems found, 2 the check could not run.

    \b
    Example:
      speechkit check 讲话稿.docx --profile examples/qinglan_city.yaml
      speechkit check 范文改稿.txt --format json
    """
    import json
    import sys

    from speechkit.check.output import to_json, to_table
    from speechkit.check.run import EXIT_CLEAN, EXIT_FINDINGS, check_files

    try:
        reports = check_files(
            drafts, profile=profile, corpus=corpus_paths, db=db, warn=_warn
        )
    except SpeechkitError as exc:
        raise _CheckError(str(exc)) from exc
    if fmt == "json":
        click.echo(json.dumps(to_json(reports), ensure_ascii=False, indent=2))
    else:
        click.echo(to_table(reports))
    sys.exit(EXIT_CLEAN if all(r.clean for r in reports) else EXIT_FINDINGS)


# --- serve (speechkit.serve) ---


@cli.command()
@click.option(
    "--db", type=click.Path(dir_okay=False), help="SQLite store to work on (created when missing)."
)
@click.option(
    "--corpus",
    "corpus_paths",
    multiple=True,
    type=click.Path(exists=True),
    help="Files or folders ingested into a store in the cache folder (repeatable).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help="Port."
)
@click.option("--no-browser", is_flag=True, help="Do not open the browser.")
@handle_errors
def serve(
    db: str | None, corpus_paths: tuple[str, ...], host: str, port: int, no_browser: bool
) -> None:
    """Start the local workbench in the browser: draft from a form, swap, lock, edit, download.

    Pages 起草 (draft) and 语料 (corpus), and a JSON API under /api/. Without --db or
    --corpus the store is the bundled corpus, copied to the cache folder so files can be
    added to it. Only this computer can connect unless --host says otherwise. Needs the
    serve extra: pip install 'speechkit[serve]'.

    \b
    Example:
      speechkit serve
      speechkit serve --db speeches.db --port 8800 --no-browser
    """
    from speechkit.serve import run

    if db is not None and corpus_paths:
        raise click.UsageError("give --db FILE or --corpus PATH, not both")
    run(db=db, corpus=corpus_paths, host=host, port=port, open_browser=not no_browser,
        echo=lambda message: click.echo(message, err=True))  # fmt: skip
