"""A draft's output forms: its JSON (both ways) and a written file by extension.

The drafting entry the CLI calls is :mod:`speechkit.draft.run`; the .docx, .pdf and text
layouts are :mod:`speechkit.render`'s.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from speechkit.atomic import atomic_open
from speechkit.errors import DraftDataError, OutputError, ParameterError
from speechkit.model import Draft, DraftParagraph, SourceRef
from speechkit.types import PathLike

__all__ = [
    "OUTPUT_SUFFIXES",
    "check_output_path",
    "draft_from_json",
    "draft_to_json",
    "write_draft",
]

#: Extensions ``-o`` understands.
OUTPUT_SUFFIXES = (".docx", ".pdf", ".md", ".markdown", ".txt", ".text", ".json")


def draft_to_json(draft: Draft) -> dict[str, Any]:
    """The JSON form of a draft (the shape issue 6 fixes; extra fields only added).

    Examples:
        >>> from speechkit.model import DraftParagraph, SourceRef
        >>> d = Draft("讲话", [DraftParagraph("一是…", role="tasks", heading="二、干",
        ...                   sources=[SourceRef("corpus/004.txt", 27)])], stats={"chars": 3})
        >>> draft_to_json(d)["paragraphs"][0]["sources"]
        [{'source': 'corpus/004.txt', 'line': 27}]
    """
    return {
        "title": draft.title,
        "speaker": draft.speaker,
        "date": draft.date,
        "paragraphs": [
            {
                "role": p.role,
                "heading": p.heading,
                "text": p.text,
                "kind": p.kind,
                "level": p.level,
                "lead": p.lead,
                "sources": [{"source": s.source, "line": s.line} for s in p.sources],
            }
            for p in draft.paragraphs
        ],
        "stats": draft.stats,
        "findings": draft.findings,
    }


#: Paragraph kinds a draft JSON may carry (see :class:`~speechkit.model.DraftParagraph`).
PARAGRAPH_KINDS = ("salutation", "heading", "body", "closing")


def _text_or_none(obj: dict[str, Any], name: str, where: str) -> str | None:
    value = obj.get(name)
    if value is not None and not isinstance(value, str):
        raise DraftDataError(f"{where}{name}", f"must be text or null, not {type(value).__name__}")
    return value


def _paragraph_from_json(obj: Any, where: str) -> DraftParagraph:
    from speechkit.types import ROLES

    if not isinstance(obj, dict):
        raise DraftDataError(where.rstrip("."), "must be an object with at least 'text'")
    text = obj.get("text")
    if not isinstance(text, str):
        raise DraftDataError(f"{where}text", "is required and must be text")
    role = obj.get("role")
    if role is not None and role not in ROLES:
        raise DraftDataError(f"{where}role", f"must be one of {' | '.join(ROLES)} (got {role!r})")
    kind = obj.get("kind", "body")
    if kind not in PARAGRAPH_KINDS:
        valid = " | ".join(PARAGRAPH_KINDS)
        raise DraftDataError(f"{where}kind", f"must be one of {valid} (got {kind!r})")
    level = obj.get("level")
    if level is not None and (isinstance(level, bool) or level not in (1, 2)):
        raise DraftDataError(f"{where}level", f"must be 1, 2 or null (got {level!r})")
    lead = _text_or_none(obj, "lead", where)
    if lead is not None and not text.startswith(lead):
        # The renderer sets the lead in 楷体 as the start of the paragraph: it must be there.
        raise DraftDataError(f"{where}lead", "must be the start of text; set it to null after "
                             "editing the start of the paragraph")  # fmt: skip
    sources_raw = obj.get("sources", [])
    if not isinstance(sources_raw, list):
        raise DraftDataError(f"{where}sources", "must be a list of {source, line}")
    sources = []
    for j, ref in enumerate(sources_raw):
        ok = isinstance(ref, dict) and isinstance(ref.get("source"), str)
        line = ref.get("line") if ok else None
        if not ok or not isinstance(line, int) or isinstance(line, bool):
            expected = 'must be {"source": text, "line": number}'
            raise DraftDataError(f"{where}sources[{j}]", expected)
        sources.append(SourceRef(source=ref["source"], line=line))
    return DraftParagraph(
        text=text, role=role, heading=_text_or_none(obj, "heading", where), level=level,
        lead=lead, kind=kind, sources=sources,
    )  # fmt: skip


def draft_from_json(obj: Any) -> Draft:
    """The inverse of :func:`draft_to_json`: a (possibly edited) draft JSON back to a Draft.

    Unknown keys (``findings``, ``locked``…) are ignored; ``stats`` is kept as given.

    Raises:
        DraftDataError: Wrong shape, naming the key (``paragraphs[3].text``) and what is expected.

    Examples:
        >>> d = draft_from_json({"title": "讲话", "paragraphs": [{"text": "同志们：",
        ...     "kind": "salutation", "role": "opening"}]})
        >>> d.paragraphs[0].kind, d.speaker
        ('salutation', None)
        >>> from speechkit.errors import DraftDataError
        >>> try:
        ...     draft_from_json({"title": "讲话", "paragraphs": [{"txt": "x"}]})
        ... except DraftDataError as exc:
        ...     print(exc)
        draft JSON: paragraphs[0].text: is required and must be text
    """
    if not isinstance(obj, dict):
        raise DraftDataError("draft", "must be an object like the output of draft --format json")
    title = obj.get("title")
    if not isinstance(title, str):
        raise DraftDataError("title", "is required and must be text")
    paragraphs = obj.get("paragraphs")
    if not isinstance(paragraphs, list) or not paragraphs:
        raise DraftDataError("paragraphs", "is required and must be a non-empty list")
    stats = obj.get("stats", {})
    if not isinstance(stats, dict):
        raise DraftDataError("stats", "must be an object")
    return Draft(
        title=title,
        paragraphs=[_paragraph_from_json(p, f"paragraphs[{i}].") for i, p in enumerate(paragraphs)],
        speaker=_text_or_none(obj, "speaker", ""),
        date=_text_or_none(obj, "date", ""),
        stats=dict(stats),
    )


def check_output_path(path: PathLike) -> Path:
    """Reject an output we cannot write (extension, folder) before any work is done.

    Raises:
        ParameterError: Unknown extension.
        OutputError: The folder is missing or not writable, the path is a folder, or a .pdf
            is asked for and LibreOffice is not installed.
    """
    import os

    target = Path(path)
    if target.suffix.lower() not in OUTPUT_SUFFIXES:
        raise ParameterError(
            "output extension", target.suffix or target.name, " | ".join(OUTPUT_SUFFIXES)
        )
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise OutputError(f"{target}: is a folder; give a file name such as 讲话稿.docx")
    if not folder.is_dir():
        raise OutputError(
            f"{target}: folder {folder} does not exist; create it or choose another path"
        )
    if not os.access(folder, os.W_OK):
        raise OutputError(f"{target}: folder {folder} is not writable; choose a writable path")
    if target.suffix.lower() == ".pdf":
        from speechkit.render.pdf import require_soffice

        require_soffice(target)  # before drafting, not after
    return target


def write_draft(draft: Draft, path: PathLike) -> Path:
    """Write ``draft`` by extension: .docx (GB/T 9704), .pdf, .md, .txt or .json — atomically.

    A .pdf is the .docx converted by LibreOffice headless, with the official fonts shown in
    the closest installed faces (:func:`speechkit.render.pdf.write_pdf`).

    Raises:
        ParameterError: Unknown extension.
        OutputError: The file cannot be written (nothing is left behind).
    """
    target = check_output_path(path)
    suffix = target.suffix.lower()
    if suffix == ".docx":
        from speechkit.render.docx import write_docx

        return Path(write_docx(draft, target))
    if suffix == ".pdf":
        from speechkit.render.pdf import write_pdf

        return write_pdf(draft, target)
    if suffix == ".json":
        with atomic_open(target, "w", encoding="utf-8") as fh:
            json.dump(draft_to_json(draft), fh, ensure_ascii=False, indent=2)
            fh.write("\n")
        return target
    from speechkit.render.text import write_text_output

    return Path(write_text_output(draft, target))
