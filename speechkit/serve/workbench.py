"""What ``speechkit serve`` does behind its pages: one store, one corpus model, ingest jobs.

The HTTP layer (:mod:`speechkit.serve.app`) only parses requests and calls these methods, so
they are plain Python and tested as such. Concurrency rules:

- The store runs in SQLite WAL mode: readers (search, drafting's model key) never wait for
  the writer, and one ingest writes at a time (:attr:`Workbench.writer`).
- The corpus model is built once per corpus content, in a child process (into the model
  cache, which this process then loads); drafts use the last model while a new one builds
  after an ingest, so a page stays usable.
- An ingest runs in one transaction in a child process (:mod:`.background`), so drafting
  keeps its speed; cancelling it rolls the transaction back, so the store is as before.
"""

from __future__ import annotations

import contextlib
import secrets
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from speechkit.bank.build import CorpusModel
from speechkit.check.run import check_draft
from speechkit.errors import InputError, SpeechkitError
from speechkit.serve.background import FileItem, run_ingest_process, warm_model_cache
from speechkit.serve.uploads import MAX_UPLOAD_BYTES, check_batch, upload_target
from speechkit.types import PathLike

__all__ = ["EXPORT_FORMATS", "IngestJob", "Workbench", "WorkbenchError"]

#: ``/api/export?format=`` values and their media types.
EXPORT_FORMATS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
}
#: Characters Windows does not allow in file names (the download is saved under the title).
_UNSAFE_NAME = str.maketrans({c: "_" for c in '\\/:*?"<>|\n\r\t'})


class WorkbenchError(SpeechkitError):
    """A workbench request cannot be served (busy, empty store, unknown job…)."""

    def __init__(self, message: str, *, status: int = 400):
        self.status = status
        super().__init__(message)


@dataclass(slots=True)
class IngestJob:
    """Progress of one ingest (what ``GET /api/jobs/ID`` shows)."""

    id: str
    label: str
    files_total: int = 0
    files_done: int = 0
    bytes_total: int = 0
    bytes_done: int = 0
    state: str = "running"  # running | done | cancelled | error
    message: str = ""
    warnings: list[str] = field(default_factory=list)
    cancel: threading.Event = field(default_factory=threading.Event)

    def to_json(self) -> dict[str, Any]:
        """The job as JSON (without the cancel event)."""
        return {
            "id": self.id,
            "label": self.label,
            "files_total": self.files_total,
            "files_done": self.files_done,
            "bytes_total": self.bytes_total,
            "bytes_done": self.bytes_done,
            "state": self.state,
            "message": self.message,
            "warnings": self.warnings[-20:],
        }


class Workbench:
    """The state of one ``speechkit serve``: the store, the corpus model and ingest jobs.

    Args:
        db: The SQLite store (created when missing).
        seed_paths: Files or folders ingested into the store at start (``--corpus``).
        seed_bundled: Ingest the bundled corpus at start when the store is empty.
        upload_dir: Folder uploads are written into (default: beside the store).
        max_upload_bytes: Largest single upload.
    """

    def __init__(
        self,
        db: PathLike,
        *,
        seed_paths: Sequence[PathLike] = (),
        seed_bundled: bool = False,
        upload_dir: PathLike | None = None,
        max_upload_bytes: int = MAX_UPLOAD_BYTES,
    ) -> None:
        from speechkit.store import Store

        self.db = Path(db)
        self.upload_dir = (
            Path(upload_dir)
            if upload_dir is not None
            else self.db.with_name(f"{self.db.stem}-uploads")
        )
        self.max_upload_bytes = max_upload_bytes
        with Store(self.db) as store:  # creates the tables, or fails now with a clear error
            # Empty, also after a first start stopped while it was seeding the store.
            empty = store.counts()["documents"] == 0
            store.enable_wal()  # readers never wait for the ingest job writing
        self.writer = threading.Lock()
        self.jobs: dict[str, IngestJob] = {}
        self._model_lock = threading.Lock()
        self._model: CorpusModel | None = None
        self._model_error: str | None = None
        self._rebuild_guard = threading.Lock()
        self._rebuilding = False
        self._analysis: dict[tuple[str, str], Any] = {}
        self._seed_paths = list(seed_paths)
        self._seed_bundled = seed_bundled and empty

    # -- start -------------------------------------------------------------------------

    def start(self) -> None:
        """Ingest the start-up corpus (as a job with progress), then build the model."""
        if self._seed_bundled:
            from speechkit.corpus import _bundled_files  # the bundled corpus's own sources

            self._start_job("自带语料 bundled corpus", _bundled_files(), then_model=True)
        elif self._seed_paths:
            files = self._files(self._seed_paths)
            self._start_job(", ".join(map(str, self._seed_paths)), files, then_model=True)
        else:
            threading.Thread(target=self._warm_model, daemon=True).start()

    def _warm_model(self) -> None:
        with contextlib.suppress(SpeechkitError):  # the error is kept for /api/status
            self._build()

    # -- corpus model --------------------------------------------------------------------

    def model(self) -> CorpusModel:
        """The corpus model of the store's content (built on first use, then cached).

        After an ingest the last model keeps serving drafts while the new one builds in the
        background, so drafting never waits for a rebuild; only the very first model is
        waited for.

        Raises:
            WorkbenchError: The store has no usable speeches yet.
        """
        from speechkit.bank.build import corpus_key

        current = self._model
        if current is not None and current.key != corpus_key(db=self.db):
            self._rebuild_in_background()
            return current
        if current is not None:
            return current
        return self._build()

    def _rebuild_in_background(self) -> None:
        with self._rebuild_guard:
            if self._rebuilding:
                return
            self._rebuilding = True

        def rebuild() -> None:
            try:
                self._warm_model()
            finally:
                self._rebuilding = False

        threading.Thread(target=rebuild, daemon=True).start()

    def _build(self) -> CorpusModel:
        from speechkit.bank.build import corpus_key, load_model

        with self._model_lock:
            key = corpus_key(db=self.db)
            if self._model is not None and self._model.key == key:
                return self._model
            if self.counts()["paragraphs"] == 0:
                if any(j.state == "running" for j in self.jobs.values()):
                    raise WorkbenchError(
                        "the corpus is still being added (see the 语料 page); try again when "
                        "it is done / 语料正在入库，请稍候",
                        status=503,
                    )
                raise WorkbenchError(
                    "the store has no speeches yet; add 范文 on the 语料 page first", status=409
                )
            warm_model_cache(self.db)  # built without holding this process's interpreter lock
            try:
                self._model = load_model((), db=self.db)
                self._model_error = None
            except SpeechkitError as exc:
                self._model_error = str(exc)
                raise
            return self._model

    def counts(self) -> dict[str, int]:
        """Documents, speeches and paragraphs in the store."""
        from speechkit.store import Store

        with Store(self.db, create=False) as store:
            return store.counts()

    def status(self) -> dict[str, Any]:
        """Store counts, whether the model is ready for this content, and running jobs."""
        from speechkit.bank.build import corpus_key

        model = self._model
        ready = model is not None and model.key == corpus_key(db=self.db)
        return {
            "db": str(self.db),
            "counts": self.counts(),
            "model": "ready" if ready else ("building" if self._model_lock.locked() else "stale"),
            "model_error": self._model_error,
            "jobs": [j.to_json() for j in self.jobs.values() if j.state == "running"],
        }

    # -- drafting ------------------------------------------------------------------------

    def draft(self, body: Any) -> dict[str, Any]:
        """``POST /api/draft``: the profile (plus optional ``locked``) → the draft JSON.

        Raises:
            ProfileProblems: Invalid profile (the 422 body).
            DraftDataError: Malformed ``locked``.
        """
        from speechkit.draft.alternatives import apply_locked
        from speechkit.draft.compose import draft
        from speechkit.draft.output import draft_to_json
        from speechkit.profile import validate_profile_data

        data = dict(body) if isinstance(body, dict) else body
        locked = data.pop("locked", None) if isinstance(data, dict) else None
        profile = validate_profile_data(data)
        model = self.model()
        result = draft(profile, model)
        if locked:
            result = apply_locked(result, locked)
            result.findings = [f.as_json() for f in check_draft(result, profile, model).findings]
        return draft_to_json(result)

    def check(self, body: Any) -> dict[str, Any]:
        """``POST /api/check``: ``{"profile", "draft"}`` → the JSON of ``speechkit check``.

        The page calls it after the writer edits or swaps a paragraph, so the findings shown
        are those of the text that will be downloaded.
        """
        from speechkit.draft.output import draft_from_json
        from speechkit.errors import ParameterError
        from speechkit.profile import validate_profile_data

        if not isinstance(body, dict):
            raise ParameterError("body", type(body).__name__, '{"profile", "draft"}')
        profile = validate_profile_data(body.get("profile"))
        current = draft_from_json(body.get("draft"))
        return check_draft(current, profile, self.model(), source=current.title).as_json()

    def alternatives(self, body: Any) -> dict[str, Any]:
        """``POST /api/alternatives``: ``{"profile", "draft", "index", "limit"}`` → alternatives."""
        from speechkit.draft.alternatives import alternatives
        from speechkit.draft.output import draft_from_json
        from speechkit.errors import ParameterError
        from speechkit.profile import validate_profile_data

        if not isinstance(body, dict):
            raise ParameterError("body", type(body).__name__, '{"profile", "draft", "index"}')
        profile = validate_profile_data(body.get("profile"))
        current = draft_from_json(body.get("draft"))
        index: Any = body.get("index")  # checked by alternatives()
        found = alternatives(profile, self.model(), current, index, limit=body.get("limit", 5))
        return {"alternatives": found}

    def export(self, body: Any, fmt: str) -> tuple[bytes, str]:
        """``POST /api/export``: a (possibly edited) draft JSON → file bytes and file name."""
        from speechkit.draft.output import draft_from_json, write_draft
        from speechkit.errors import ParameterError

        if fmt not in EXPORT_FORMATS:
            raise ParameterError("format", fmt, " | ".join(EXPORT_FORMATS))
        result = draft_from_json(body)
        name = (result.title.translate(_UNSAFE_NAME).strip() or "讲话稿")[:80] + f".{fmt}"
        with tempfile.TemporaryDirectory(prefix="speechkit-export-") as folder:
            path = write_draft(result, Path(folder) / f"draft.{fmt}")
            return path.read_bytes(), name

    # -- corpus --------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 20, width: int = 30) -> dict[str, Any]:
        """``GET /api/search``: keyword-in-context lines with source and line."""
        from speechkit.store import Store

        with Store(self.db, create=False) as store:
            hits = store.search(query, limit=limit, width=width)
        return {
            "query": query,
            "hits": [
                {
                    "source": h.source,
                    "record": h.record,
                    "line": h.line,
                    "location": h.location,
                    "left": h.left,
                    "keyword": h.keyword,
                    "right": h.right,
                }
                for h in hits
            ],
        }

    def passage(self, source: str, line: int, *, around: int = 2) -> dict[str, Any]:
        """The stored paragraph at ``source:line`` and ``around`` neighbours in its speech.

        Read from the store, never from the file system: a request names a source, not a path.

        Raises:
            WorkbenchError: No such source or line in the store (404).
        """
        from speechkit.store import Store

        with Store(self.db, create=False) as store:
            # The paragraph spanning the line (else the nearest), then its neighbours in the
            # speech; a large source (a .jsonl of many records) is never loaded whole.
            found = store.paragraph_at(source, line)
            if found is None:
                raise WorkbenchError(f"{source}: not in the store", status=404)
            if not found.line <= line <= max(found.line, found.last_line):
                raise WorkbenchError(f"{source}:{line}: no paragraph at this line", status=404)
            seq, title = found.seq, found.title
            rows = store.speech_paragraphs(found.speech_id, seq - around, seq + around)
        return {
            "source": source,
            "line": line,
            "title": title,
            "paragraphs": [
                {"line": r[1], "last_line": r[2], "text": r[3], "hit": r[0] == seq} for r in rows
            ],
        }

    def _analysis_cached(self, name: str, compute: Callable[[], Any], *, writes: bool) -> Any:
        """``compute()`` once per store content; ``writes``: it saves into the store."""
        from speechkit.bank.build import corpus_key

        key = (name, corpus_key(db=self.db))
        if key not in self._analysis:
            # Structure and dedup save their results in the store: one writer at a time.
            with self.writer if writes else contextlib.nullcontext():
                self._analysis[key] = compute()
        return self._analysis[key]

    def phrases(self, *, top_n: int = 30) -> dict[str, Any]:
        """Key phrases of the store (``speechkit phrases --format json``)."""
        from speechkit.corpus import open_corpus
        from speechkit.phrases import PhraseConfig, extract_phrases, phrases_to_json

        def compute() -> Any:
            with open_corpus(db=self.db, warn=lambda _m: None) as corpus:
                speeches = corpus.speeches()
            return phrases_to_json(extract_phrases(speeches, config=PhraseConfig(top_n=top_n)))

        return dict(self._analysis_cached(f"phrases-{top_n}", compute, writes=False))

    def outline(self) -> dict[str, Any]:
        """The corpus outline and per-speech role sequence (``speechkit structure``)."""
        from speechkit.corpus import open_corpus
        from speechkit.structure.run import structure_report

        def compute() -> Any:
            with open_corpus(db=self.db, warn=lambda _m: None) as corpus:
                report = structure_report(corpus, roles=True, seed=0)
            speeches = [
                {
                    "id": s.get("id"),
                    "title": s.get("title"),
                    "source": s.get("source"),
                    "first_line": s.get("first_line"),
                    "on_topic": s.get("on_topic"),
                    "roles": [p.get("role") for p in s.get("paragraphs", [])],
                }
                for s in report["speeches"]
            ]
            return {"outline": report.get("outline", {}), "speeches": speeches}

        return dict(self._analysis_cached("outline", compute, writes=True))

    def duplicates(self) -> dict[str, Any]:
        """Near-duplicate speech groups (``speechkit dedup --level speech --format json``)."""
        from speechkit.dedup import dedup_corpus, to_json

        return dict(
            self._analysis_cached(
                "dedup",
                lambda: to_json(dedup_corpus(db=self.db, level="speech", warn=lambda _m: None)),
                writes=True,
            )
        )

    # -- ingest ----------------------------------------------------------------------------

    def _files(self, paths: Sequence[PathLike]) -> list[FileItem]:
        from speechkit.ingest import iter_files

        exclude = [f"{self.db}{suffix}" for suffix in ("", "-journal", "-wal", "-shm")]
        return list(iter_files(paths, warn=lambda _m: None, exclude=exclude))

    def save_upload(self, batch: str, name: str, chunks: Iterable[bytes]) -> dict[str, Any]:
        """Write one uploaded file atomically into the upload folder (see :mod:`.uploads`)."""
        from speechkit.serve.uploads import write_upload

        target = upload_target(self.upload_dir, batch, name)
        size = write_upload(target, chunks, limit=self.max_upload_bytes, name=name)
        return {"name": name, "bytes": size}

    def start_ingest(self, body: Any) -> IngestJob:
        """``POST /api/ingest``: ``{"batch": ID}`` (uploaded files) or ``{"path": FOLDER}``.

        Raises:
            WorkbenchError: Another ingest is running (409) or the body is malformed.
            InputError: The folder does not exist or has nothing readable.
        """
        if not isinstance(body, dict) or not ({"batch", "path"} & set(body)):
            raise WorkbenchError('body must be {"batch": upload batch id} or {"path": folder}')
        if any(j.state == "running" for j in self.jobs.values()):
            raise WorkbenchError("an ingest is already running; wait or cancel it", status=409)
        if "batch" in body:
            folder = self.upload_dir / check_batch(body["batch"])
            if not folder.is_dir():
                raise WorkbenchError(
                    f"upload batch {body['batch']!r}: nothing uploaded", status=404
                )
            files = [
                (path, f"上传/{path.relative_to(folder).as_posix()}", kind)
                for path, _source, kind in self._files([folder])
            ]
            label = f"{len(files)} 个上传文件 uploaded files"
        else:
            path = body["path"]
            if not isinstance(path, str) or not path.strip():
                raise WorkbenchError('"path" must be a folder or file path on this computer')
            files = self._files([path.strip()])
            label = path.strip()
        if not files:
            raise InputError("nothing readable (.txt .md .docx .html .jsonl .csv)", path=label)
        return self._start_job(label, files, then_model=True)

    def _start_job(self, label: str, files: list[FileItem], *, then_model: bool) -> IngestJob:
        job = IngestJob(id=secrets.token_hex(6), label=label, files_total=len(files))
        job.bytes_total = sum(p.stat().st_size for p, _s, _k in files)
        self.jobs[job.id] = job
        threading.Thread(
            target=self._run_ingest, args=(job, files, then_model), daemon=True
        ).start()
        return job

    def _run_ingest(self, job: IngestJob, files: list[FileItem], model: bool) -> None:
        def done_file(size: int) -> None:
            job.files_done += 1
            job.bytes_done += size

        try:
            with self.writer:
                job.state, job.message = run_ingest_process(
                    self.db, files, cancel=job.cancel, on_file=done_file,
                    on_warning=job.warnings.append,
                )  # fmt: skip
            if job.state == "cancelled":
                job.message = "已取消，语料库未改变 cancelled; the store is unchanged"
        finally:
            if job.state == "running":  # an unexpected bug: the traceback goes to the console
                job.state, job.message = "error", "internal error; see the server console"
        if model and job.state == "done":
            self._warm_model()

    def job(self, job_id: str) -> IngestJob:
        """The job ``job_id``.

        Raises:
            WorkbenchError: Unknown job (404).
        """
        try:
            return self.jobs[job_id]
        except KeyError:
            raise WorkbenchError(f"no ingest job {job_id!r}", status=404) from None

    def cancel(self, job_id: str) -> IngestJob:
        """Ask job ``job_id`` to stop; its transaction is rolled back."""
        job = self.job(job_id)
        job.cancel.set()
        return job
