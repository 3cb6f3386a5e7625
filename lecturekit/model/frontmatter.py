"""Front matter: YAML read as plain strings and checked key by key, with the line of every key.

YAML is composed with PyYAML's BaseLoader, which resolves no types: `lang: no` stays "no"
(YAML 1.1 would make it False), `date: 2026-11-28` stays a string until checked here, and an
alias is one shared node that is never expanded, so an alias bomb costs nothing.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lecturekit.errors import Diagnostic, LessonError

MAX_FRONT_MATTER = 64 * 1024


def _text(value: object, key: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{key!r} must be text, not {_kind(value)}")
    return " ".join(value.split())


def _texts(value: object, key: str) -> tuple[str, ...]:
    if isinstance(value, str):  # "keywords: a, b, c" is common
        return tuple(part.strip() for part in value.split(",") if part.strip())
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{key!r} must be a list of text items")
    return tuple(" ".join(item.split()) for item in value if item.strip())


def _date(value: object, key: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(_text(value, key))
    except ValueError:
        raise ValueError(f"{key!r} must be a date written YYYY-MM-DD, not {value!r}") from None


_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def _lang(value: object, key: str) -> str:
    lang = _text(value, key)
    if not _LANG.match(lang):
        raise ValueError(f"{key!r} must be a language tag such as en-GB or de, not {lang!r}")
    return lang


def _paper(value: object, key: str) -> str:
    paper = _text(value, key).lower()
    if paper not in ("a4", "letter"):
        raise ValueError(f"{key!r} must be a4 or letter, not {paper!r}")
    return paper


def _headers(value: object, key: str) -> str:
    choice = _text(value, key).lower()
    if choice not in ("auto", "on", "off"):
        raise ValueError(f"{key!r} must be auto, on or off, not {choice!r}")
    return choice


def _discussion(value: object, key: str) -> str:
    choice = _text(value, key).lower()
    if choice not in ("end", "sections"):
        raise ValueError(
            f"{key!r} must be end (one discussion slide) or sections (one a part), not {choice!r}"
        )
    return choice


def _count(value: object, key: str) -> int:
    text = _text(value, key)
    if not text.isdigit() or not 0 <= int(text) <= 40:
        raise ValueError(f"{key!r} must be a whole number from 0 to 40, not {text!r}")
    return int(text)


def _minutes(value: object, key: str) -> int:
    text = _text(value, key)
    if not text.isdigit() or not 5 <= int(text) <= 300:
        raise ValueError(f"{key!r} must be the lecture's length in minutes, 5 to 300, not {text!r}")
    return int(text)


def _slides(value: object, key: str) -> int | str:
    text = _text(value, key).lower()
    if text == "all":
        return text
    if not text.isdigit() or not 1 <= int(text) <= 200:
        raise ValueError(f"{key!r} must be a number of content slides (1 to 200) or all, not {text!r}")
    return int(text)


_COLOUR = re.compile(r"^#?[0-9A-Fa-f]{6}$")


def _colour(value: object, key: str) -> str:
    colour = _text(value, key)
    if not _COLOUR.match(colour):
        raise ValueError(f"{key!r} must be a colour written #RRGGBB, not {colour!r}")
    return colour.lstrip("#").upper()


FIELDS: dict[str, Callable[[object, str], object]] = {
    "title": _text,
    "subtitle": _text,
    "author": _text,
    "source": _text,
    "url": _text,
    "published": _text,
    "course": _text,
    "lecturer": _text,
    "institution": _text,
    "date": _date,
    "lang": _lang,
    "keywords": _texts,
    "questions": _texts,
    "paper": _paper,
    "answer_lines": _count,
    "accent": _colour,
    "section_headers": _headers,
    "discussion": _discussion,
    "outcomes": _texts,
    "minutes": _minutes,
    "slides": _slides,
}


def read_front_matter(
    text: str, path: Path, first_line: int, warnings: list[Diagnostic]
) -> dict[str, Any] | None:
    """Return the checked front-matter fields of `text`, whose first line is line `first_line`.

    Return None if `text` is no set of key: value lines at all: then it is not front matter.
    """
    import yaml

    if len(text) > MAX_FRONT_MATTER:
        raise LessonError(
            path, first_line, "the front matter is over 64 KB", "Keep it to a few key: value lines."
        )
    try:
        root = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = first_line + mark.line if mark else first_line
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise LessonError(
            path,
            line,
            f"front matter is not valid YAML: {problem}",
            "Write one 'key: value' per line; quote values that contain ': ' or start with a symbol.",
        ) from None
    if root is None:
        return {}
    if not isinstance(root, yaml.MappingNode):
        return None  # "---\nFoo\n---" is a thematic break and a heading, not front matter
    fields: dict[str, Any] = {}
    for key_node, value_node in root.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
        line = first_line + key_node.start_mark.line
        check = FIELDS.get(key)
        if check is None:
            known = ", ".join(FIELDS)
            warnings.append(
                Diagnostic(path, line, f"unknown front-matter key {key!r} ignored (known: {known})")
            )
            continue
        try:
            fields[key] = check(_value(value_node), key)
        except ValueError as err:
            raise LessonError(path, line, f"front matter: {err}") from None
    return fields


def _value(node: object) -> object:
    """Return a scalar as str and a sequence of scalars as list; anything deeper is left opaque."""
    import yaml

    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [item.value if isinstance(item, yaml.ScalarNode) else item for item in node.value]
    return node


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if type(value).__name__ == "MappingNode":
        return "a mapping"
    return "a nested value"
