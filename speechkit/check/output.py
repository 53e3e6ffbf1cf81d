"""The forms of a check report: JSON for scripts, a table for people."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from speechkit.check.review import Report

__all__ = ["to_json", "to_table"]


def to_json(reports: Sequence[Report]) -> Any:
    """One report's JSON object, or a list of them for several drafts."""
    objects = [r.as_json() for r in reports]
    return objects[0] if len(objects) == 1 else objects


def _marked(sentence: str, span: str) -> str:
    i = sentence.find(span) if span else -1
    if i < 0:
        return sentence
    return f"{sentence[:i]}【{span}】{sentence[i + len(span):]}"


def to_table(reports: Sequence[Report]) -> str:
    """Each draft's findings, paragraph by paragraph, with the span marked 【…】.

    Examples:
        >>> from speechkit.check.review import Finding
        >>> r = Report("讲话稿.txt", [Finding(3, "今年是创文工作第三年。", "unsupported_claim",
        ...            "第三年", "a count, ordinal or ranking")])
        >>> print(to_table([r]))
        讲话稿.txt: 1 problem
          ¶3  unsupported_claim  今年是创文工作【第三年】。
              a count, ordinal or ranking
    """
    out: list[str] = []
    for report in reports:
        n = len(report.findings)
        status = "clean" if report.clean else f"{n} problem{'s' if n != 1 else ''}"
        out.append(f"{report.source}: {status}")
        for f in report.findings:
            where = f"¶{f.paragraph}" + (f" (line {f.line})" if f.line is not None else "")
            out.append(f"  {where}  {f.kind}  {_marked(f.sentence, f.span)}")
            out.append(f"      {f.detail}")
        if report.copied:
            top = report.copied[0]
            copies = f", {top.copies} copies counted as one" if top.copies > 1 else ""
            flag = "  over the 35 % limit" if top.share > 0.35 else ""
            out.append(
                f"  copied: {top.share:.0%} from {top.source}:{top.first_line}-{top.last_line}"
                f"{copies}{flag}"
            )
    return "\n".join(out)
