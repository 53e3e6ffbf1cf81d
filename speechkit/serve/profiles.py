"""Profiles between the form and YAML: the example, a YAML file loaded into the form, the form
saved as YAML. Validation is :mod:`speechkit.profile`'s own, so the messages are the
ones ``speechkit draft`` prints."""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from speechkit.errors import ProfileProblems

__all__ = ["example_profile", "profile_from_yaml", "profile_to_yaml"]

#: ``profile.yaml:7: sections: must be …`` → the key, so a message finds its form field.
_KEYED = re.compile(r"^[^\n]*?:(\d+): ([\w.]+): (.*)$")


def _plain(value: Any) -> Any:
    """YAML values as JSON (dates as ``2027-04-10``)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, _dt.date):
        return value.isoformat()
    return value


def example_profile() -> dict[str, Any]:
    """The annotated example profile (``speechkit init-profile``) as form data."""
    import yaml

    from speechkit.draft.example import EXAMPLE_PROFILE

    return dict(_plain(yaml.safe_load(EXAMPLE_PROFILE)))


def profile_from_yaml(body: Any) -> dict[str, Any]:
    """``{"yaml": text, "name": "file.yaml"}`` → the profile as form data, validated.

    Raises:
        ProfileProblems: Invalid YAML or values; each message names the file and line.
    """
    import yaml

    from speechkit.errors import ProfileError
    from speechkit.profile import parse_profile

    if not isinstance(body, dict) or not isinstance(body.get("yaml"), str):
        raise ProfileProblems([("yaml", 'send {"yaml": "<the YAML text>", "name": "file.yaml"}')])
    name = str(body.get("name") or "profile.yaml")
    try:
        parse_profile(body["yaml"], path=name)
    except ProfileError as exc:
        problems = []
        for line in str(exc).splitlines():
            m = _KEYED.match(line)
            problems.append((m.group(2), line) if m else ("profile", line))
        raise ProfileProblems(problems) from None
    return dict(_plain(yaml.safe_load(body["yaml"])))


def profile_to_yaml(data: Any) -> str:
    """The form's profile as YAML, after validating it (the keys in the form's order).

    Raises:
        ProfileProblems: The profile is invalid (saved files always load).
    """
    import yaml

    from speechkit.profile import validate_profile_data

    validate_profile_data(data)
    header = "# speechkit 城市概况 / city profile — saved from speechkit serve\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
